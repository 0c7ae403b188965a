// `npm run bench -- fuzz [REQUESTS]`: the API fuzzer of src/web/fuzz.api.test.ts at scale (a million requests by
// default; about an hour on 2 cores). Prints progress, the answers by status, the rate, and any request that broke a
// rule (5xx, or an error that is not problem+json). Last line: {"bench":"fuzz",...}.
import fc from 'fast-check';
import { createTestApp } from '../test/support/app.js';
import { operationsOf, requestArbitrary } from '../test/support/fuzz.js';

const total = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const t = await createTestApp();
const ministry = await t.organisation({ type: 'ministerie' });
const cookie = await t.login(
  await t.user([
    [
      ministry,
      ['landelijk-beheerder', 'beheerder', 'auditor', 'privacyfunctionaris', 'beleidsmedewerker', 'analist'],
    ],
  ]),
);
const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
const operations = operationsOf(doc).filter(
  (op) => !['DELETE /api/v1/sessies', 'DELETE /api/v1/sessies/huidige'].includes(`${op.method} ${op.path}`),
);
const requests = fc.constantFrom(...operations).chain((op) => requestArbitrary(op, cookie));

const byStatus = new Map<number, number>();
const violations: string[] = [];
const started = performance.now();
let done = 0;
while (done < total) {
  // In chunks, so a million requests are never held in memory at once.
  const chunk = fc.sample(requests, { numRuns: Math.min(total - done, 10_000), seed: seed + done });
  for (const request of chunk) {
    const res = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    });
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    const problemJson = res.headers['content-type'] === 'application/problem+json; charset=utf-8';
    if (res.statusCode >= 500 || (res.statusCode >= 400 && !problemJson)) {
      if (violations.length < 20)
        violations.push(`${request.label} ${request.url.slice(0, 120)} → ${res.statusCode}`);
    }
    done++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${done} requests, ${(done / seconds).toFixed(0)}/s, ${violations.length} violations`);
}
await t.close();
const seconds = (performance.now() - started) / 1000;
console.log('answers by status:', Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)));
for (const v of violations) console.log(`VIOLATION ${v}`);
console.log(
  JSON.stringify({
    bench: 'fuzz',
    requests: done,
    seconds: Math.round(seconds),
    perSecond: Math.round(done / seconds),
    violations: violations.length,
    seed,
  }),
);
