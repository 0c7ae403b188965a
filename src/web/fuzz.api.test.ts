// Bad input never breaks Schakel: requests generated from the OpenAPI document, valid-looking and wrong in every way
// the generator knows, against every API route, as a user who may use them all. No 5xx, every error problem+json,
// and the audit chain intact afterwards. FUZZ_RUNS sets the number of requests (10,000 by default), FUZZ_SEED the seed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { verifyAuditChain } from '../audit/index.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { operationsOf, requestArbitrary, type FuzzRequest, type Operation } from '../../test/support/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
// Logging out would end the fuzzer's own session; these two take no input to fuzz anyway.
const SKIPPED = new Set(['DELETE /api/v1/sessies', 'DELETE /api/v1/sessies/huidige']);

let t: TestApp;
let cookie: string;
let operations: Operation[];
before(async () => {
  t = await createTestApp();
  const ministry = await t.organisation({ type: 'ministerie' });
  const everything = await t.user([
    [
      ministry,
      ['landelijk-beheerder', 'beheerder', 'auditor', 'privacyfunctionaris', 'beleidsmedewerker', 'analist'],
    ],
  ]);
  cookie = await t.login(everything);
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  operations = operationsOf(doc).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
});
after(() => t.close());

/** The answer is acceptable, or a short description of what is wrong with it. */
async function problemWith(request: FuzzRequest): Promise<string | null> {
  const res = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    if (res.headers['content-type'] !== 'application/problem+json; charset=utf-8') {
      return `answered ${res.statusCode} as ${res.headers['content-type']}: ${res.body.slice(0, 200)}`;
    }
    const problem = res.json();
    for (const member of ['type', 'title', 'status', 'detail'])
      if (!(member in problem)) return `problem lacks ${member}`;
    if (problem.status !== res.statusCode)
      return `problem status ${problem.status} differs from ${res.statusCode}`;
  }
  const me = await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie } });
  return me.statusCode === 200 ? null : `ended the fuzzer's session (${me.statusCode})`;
}

test(
  `${RUNS} generated requests against every API route: no 5xx, every error is problem+json`,
  { timeout: 900_000 },
  async () => {
    assert.ok(operations.length >= 30, `${operations.length} operations`);
    const tried = new Set<string>();
    let failure = '';
    const result = await fc.check(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((op) => requestArbitrary(op, cookie)),
        async (request) => {
          tried.add(request.label.split(' (')[0]!);
          const problem = await problemWith(request);
          if (problem) failure = `${request.label} ${request.url.slice(0, 160)}: ${problem}`;
          return problem === null;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The counterexample can hold 100,000-character strings: report the failure in short, with the seed to replay it.
    assert.ok(
      !result.failed,
      `${failure}\nreplay: FUZZ_SEED=${result.seed} (path ${result.counterexamplePath})`,
    );
    assert.equal(
      tried.size,
      operations.length,
      `every operation was tried (${tried.size} of ${operations.length})`,
    );
  },
);

test('after the fuzzing nothing is half-written: the audit chain is intact, every record has its event', async () => {
  const verdict = await verifyAuditChain(t.ctx.db);
  assert.equal(verdict.ok, true, JSON.stringify(verdict));
  // A signal is written whole or not at all: each has its first timeline entry and its audit event, and every
  // audited creation names a signal that exists.
  const { rows } = await sql<{
    signals: number;
    withoutEvent: number;
    withoutAudit: number;
    orphanAudits: number;
  }>`
    select
      (select count(*)::int from signals) as signals,
      (select count(*)::int from signals s where not exists
        (select 1 from signal_events e where e.signal_id = s.id and e.kind = 'created')) as "withoutEvent",
      (select count(*)::int from signals s where not exists
        (select 1 from audit_events a where a.record_id = s.id::text and a.action = 'signal.create')) as "withoutAudit",
      (select count(*)::int from audit_events a where a.action = 'signal.create' and not exists
        (select 1 from signals s where s.id::text = a.record_id)) as "orphanAudits"
  `.execute(t.ctx.db);
  const found = rows[0]!;
  assert.deepEqual(
    { withoutEvent: found.withoutEvent, withoutAudit: found.withoutAudit, orphanAudits: found.orphanAudits },
    { withoutEvent: 0, withoutAudit: 0, orphanAudits: 0 },
    `${found.signals} signals written by the fuzzer`,
  );
});
