// Professional intake through the API: what is stored, how it is normalised and encrypted, where it lands, its
// deadline, retries with an Idempotency-Key, and bad input refused whole.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestOrganisation } from '../../test/support/app.js';
import { validSignal } from '../../test/support/signals.js';

let t: TestApp;
let utrecht: TestOrganisation;
let melder: string;
let officer: string;
let ngoMelder: string;

before(async () => {
  t = await createTestApp();
  utrecht = await t.organisation({
    type: 'gemeente',
    municipalityCode: 'GM0344',
    name: 'Gemeente Utrecht (test)',
  });
  melder = await t.login(await t.user([[utrecht, ['melder']]]));
  officer = await t.login(await t.user([[utrecht, ['aandachtsfunctionaris']]]));
  const ngo = await t.organisation({ type: 'ngo' });
  ngoMelder = await t.login(await t.user([[ngo, ['melder']]]));
});
after(() => t.close());

const report = (cookie: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/signalen',
    headers: { cookie, ...headers },
    payload: body as object,
  });

test('a professional reports a signal: 201 after commit, identifiers normalised, free text encrypted at rest', async () => {
  const res = await report(melder, validSignal());
  assert.equal(res.statusCode, 201, res.body);
  const { id, reference } = res.json<{ id: string; reference: string }>();
  assert.match(reference, /^S-2026-\d{6}$/);
  assert.equal(res.headers.location, `/api/v1/signalen/${id}`);

  const view = await t.app.inject({ url: `/api/v1/signalen/${id}`, headers: { cookie: officer } });
  assert.equal(view.statusCode, 200, view.body);
  const signal = view.json();
  assert.equal(signal.status, 'nieuw');
  assert.equal(signal.channel, 'professional');
  assert.equal(signal.municipalityCode, 'GM0344', 'pre-filled from the organisation');
  assert.deepEqual(
    signal.identifiers.map((i: { type: string; display: string }) => i.type),
    ['phone', 'iban', 'licence-plate'],
  );
  assert.equal(signal.identifiers[1].display, 'NL91 ABNA 0417 1643 00');
  assert.equal(signal.identifiers[2].display, '12-ABC-3');
  assert.equal(signal.persons[0].nationality, 'RO');

  const row = await t.ctx.db
    .selectFrom('signals')
    .select(['narrative_enc'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.doesNotMatch(row.narrative_enc, /greenhouse/, 'the narrative is not stored in clear');
  const ids = await t.ctx.db
    .selectFrom('signal_identifiers')
    .select(['value_enc', 'pseudonym'])
    .where('signal_id', '=', id)
    .execute();
  for (const x of ids) {
    assert.doesNotMatch(x.value_enc, /3161234|ABNA|ABC/);
    assert.doesNotMatch(x.pseudonym, /3161234|ABNA|ABC/);
  }
  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'fields'])
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['signal.create', 'signal.read'],
  );
});

test('a retry with the same Idempotency-Key makes one signal; the key with another body is refused', async () => {
  const key = `retry-${Date.now()}`;
  const first = await report(melder, validSignal({ narrative: 'Retry test narrative' }), {
    'idempotency-key': key,
  });
  const second = await report(melder, validSignal({ narrative: 'Retry test narrative' }), {
    'idempotency-key': key,
  });
  assert.equal(first.statusCode, 201);
  assert.equal(second.statusCode, 201);
  assert.equal(second.json().id, first.json().id);
  const other = await report(melder, validSignal({ narrative: 'Something else' }), {
    'idempotency-key': key,
  });
  assert.equal(other.statusCode, 409, other.body);
  assert.equal(other.json().invalidParams[0].rule, 'idempotency-key-reused');

  const raced = `race-${Date.now()}`;
  const results = await Promise.all(
    Array.from({ length: 5 }, () =>
      report(melder, validSignal({ narrative: 'Raced' }), { 'idempotency-key': raced }),
    ),
  );
  assert.deepEqual(new Set(results.map((r) => r.statusCode)), new Set([201]));
  assert.equal(new Set(results.map((r) => r.json().id)).size, 1, 'five concurrent retries, one signal');
});

test('bad input gets a 400 naming each field, and nothing is half-saved', async () => {
  const before = await sql<{ n: number }>`select count(*)::int as n from signals`.execute(t.ctx.db);
  const cases: [Record<string, unknown>, string, string][] = [
    [
      { identifiers: [{ type: 'iban', value: 'NL91ABNA0417164301' }] },
      '/identifiers/0/value',
      'iban-invalid',
    ],
    [{ identifiers: [{ type: 'phone', value: '12345' }] }, '/identifiers/0/value', 'phone-invalid'],
    [{ identifiers: [{ type: 'address', value: '0123 XY 5' }] }, '/identifiers/0/value', 'postcode-invalid'],
    [
      { identifiers: [{ type: 'licence-plate', value: 'ABCDEFG' }] },
      '/identifiers/0/value',
      'licence-plate-invalid',
    ],
    [{ observedOn: '2026-02-30' }, '/observedOn', 'format'],
    [{ observedOn: '2030-01-01' }, '/observedOn', 'future'],
    [{ municipalityCode: 'GM9999' }, '/municipalityCode', 'unknown-municipality'],
    [{ narrative: '   ' }, '/narrative', 'required'],
    [{ narrative: 'x'.repeat(5001) }, '/narrative', 'maxLength'],
    [{ indicators: ['SU-01'] }, '/indicators/0', 'form-not-chosen'],
    [{ persons: Array.from({ length: 11 }, () => ({ role: 'overig' })) }, '/persons', 'maxItems'],
    [{ forms: [] }, '/forms', 'minItems'],
  ];
  for (const [overrides, field, rule] of cases) {
    const res = await report(melder, validSignal(overrides));
    assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    // Schema checks name the field as `body/…`, the service's checks as a JSON pointer: both end in the path.
    const issue = res
      .json<{ invalidParams: { field: string; rule: string }[] }>()
      .invalidParams.find((i) => i.field.endsWith(field));
    assert.ok(issue, `${field} is named in ${res.body}`);
    assert.equal(issue.rule, rule, `${field}: ${res.body}`);
  }
  const afterCount = await sql<{ n: number }>`select count(*)::int as n from signals`.execute(t.ctx.db);
  assert.equal(afterCount.rows[0]!.n, before.rows[0]!.n, 'no signal was written');
});

test("a partner's signal lands at the municipality where it was observed, or the national queue", async () => {
  const toUtrecht = await report(ngoMelder, validSignal({ municipalityCode: 'GM0344' }));
  assert.equal(toUtrecht.statusCode, 201);
  const seen = await t.app.inject({
    url: `/api/v1/signalen/${toUtrecht.json().id}`,
    headers: { cookie: officer },
  });
  assert.equal(seen.json().channel, 'partner');
  const noReportingPoint = await report(ngoMelder, validSignal({ municipalityCode: 'GM0363' }));
  const row = await t.ctx.db
    .selectFrom('signals')
    .select(['holder_organisation_id'])
    .where('id', '=', noReportingPoint.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(
    row.holder_organisation_id,
    null,
    'Amsterdam has no reporting point in this test: national queue',
  );
  const withoutPlace = await report(ngoMelder, validSignal());
  assert.equal(withoutPlace.statusCode, 400);
  assert.equal(withoutPlace.json().invalidParams[0].field, '/municipalityCode');
});

test('the indicator catalogue is served with its sources', async () => {
  const res = await t.app.inject({ url: '/api/v1/signaalindicatoren', headers: { cookie: melder } });
  assert.equal(res.statusCode, 200);
  const list = res.json<{ code: string; form: string; source: string }[]>();
  assert.ok(list.some((i) => i.code === 'AU-01' && i.form === 'arbeidsuitbuiting' && i.source.length > 10));
});

// Last: it moves the clock a month on.
test('the deadline: acute within 4 clock hours; otherwise 5 working days without public holidays', async () => {
  // Thursday 2 April 2026, 10:00 Amsterdam: Good Friday is a working day, Easter Monday (6 April) is not.
  t.clock.set(new Date('2026-04-02T08:00:00Z'));
  // Sessions do not outlive a month: log in again at the new time.
  const melder = await t.login(await t.user([[utrecht, ['melder']]]));
  const officer = await t.login(await t.user([[utrecht, ['aandachtsfunctionaris']]]));
  t.clock.set(new Date('2026-04-02T08:00:00Z'));
  const normal = await report(melder, validSignal({ observedOn: '2026-04-01' }));
  const acute = await report(melder, validSignal({ observedOn: '2026-04-01', acuteDanger: true }));
  const queue = await t.app.inject({ url: '/api/v1/signalen', headers: { cookie: officer } });
  const items = queue.json<{ id: string; deadlineAt: string; acute: boolean }[]>();
  const get = (id: string) => items.find((i) => i.id === id)!;
  assert.equal(get(acute.json().id).deadlineAt, '2026-04-02T12:00:00.000Z');
  // 3 Apr (Fri), 7, 8, 9, 10 Apr: the end of Friday 10 April in Amsterdam (CEST).
  assert.equal(get(normal.json().id).deadlineAt, '2026-04-10T22:00:00.000Z');
  assert.equal(items[0]!.acute, true, 'acute signals lead the queue');
});
