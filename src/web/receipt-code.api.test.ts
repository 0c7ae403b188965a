// The anonymous reporter's receipt code cannot be guessed or enumerated: the codes the public form issues are
// uniformly random over 160 bits, look-ups are rate limited per client, and a code that finds no report costs the
// same slow hash as a code that finds one but is wrong. src/signals/public/public.api.test.ts proves the rest: the
// code's shape, that only a hash of it is stored, and that every wrong code gets the very same page.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp } from '../../test/support/app.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base32: 5 bits a character

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { ANONYMOUS_RATE_LIMIT: '100000' } });
});
after(() => t.close());

/** The code the report form issues travels signed in its hidden `receipt` field: `CODE.MAC`. */
async function issuedCode(
  app = t.app,
): Promise<{ code: string; receipt: string; token: string; cookie: string }> {
  const form = await formSession(app, '/melden');
  const receipt = /name="receipt" value="([^"]+)"/.exec(form.body)![1]!;
  return { code: receipt.split('.')[0]!, receipt, token: form.token, cookie: form.cookie };
}

async function lookUp(code: string, app = t.app, remoteAddress = '127.0.0.1') {
  const form = await formSession(app, '/melden/status');
  return app.inject({
    method: 'POST',
    url: '/melden/status',
    remoteAddress,
    headers: { ...FORM, cookie: form.cookie },
    payload: new URLSearchParams({ _csrf: form.token, code }).toString(),
  });
}

test('issued codes are uniformly random: 256 codes, no repeat, each of the 32 symbols equally often (χ², 31 df)', async () => {
  const codes = [];
  for (let i = 0; i < 256; i++) codes.push((await issuedCode()).code);
  for (const code of codes) assert.match(code, /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{32}$/);
  assert.equal(new Set(codes).size, codes.length, 'no code repeats');
  assert.equal(new Set(codes.map((c) => c.slice(0, 8))).size, codes.length, 'no look-up prefix repeats');
  const counts = new Map([...ALPHABET].map((c) => [c, 0]));
  for (const code of codes) for (const c of code) counts.set(c, counts.get(c)! + 1);
  const expected = (codes.length * 32) / 32;
  const chi2 = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
  // With 31 degrees of freedom a fair source exceeds 90 with a probability below 1e-8; a source with a bias of a
  // few percent on any symbol, or a counter, lands far above it.
  assert.ok(chi2 < 90, `χ² = ${chi2.toFixed(1)}`);
  // Every bit position is used: the first and the last character each take many values.
  assert.ok(new Set(codes.map((c) => c[0])).size >= 28, 'the first character varies');
  assert.ok(new Set(codes.map((c) => c[31])).size >= 28, 'the last character varies');
});

test('code look-ups are rate limited per client, so codes cannot be tried in bulk', async () => {
  const limited = await createTestApp({ env: { ANONYMOUS_RATE_LIMIT: '3' } });
  try {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await lookUp('7'.repeat(32), limited.app, '198.51.100.20')).statusCode);
    assert.notEqual(statuses[0], 429);
    assert.deepEqual(statuses.slice(3), [429, 429], `answered ${statuses.join(', ')}`);
    const other = await lookUp('7'.repeat(32), limited.app, '198.51.100.21');
    assert.notEqual(other.statusCode, 429, 'another client is not held back');
  } finally {
    await limited.close();
  }
});

test('a code that finds no report costs the same slow hash as a right prefix with a wrong rest', async () => {
  const form = await issuedCode();
  const sent = await t.app.inject({
    method: 'POST',
    url: '/melden',
    headers: { ...FORM, cookie: form.cookie },
    payload: new URLSearchParams({
      _csrf: form.token,
      receipt: form.receipt,
      what: 'A report whose code is timed',
    }).toString(),
  });
  assert.equal(sent.statusCode, 200);
  const wrongRest = form.code.slice(0, 8) + (form.code[8] === '0' ? '1' : '0') + form.code.slice(9);
  const unknown = 'ZZZZZZZZ' + form.code.slice(8);
  const median = async (code: string) => {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const res = await lookUp(code);
      times.push(performance.now() - started);
      assert.doesNotMatch(res.body, /Ontvangen/, 'not found');
    }
    return times.sort((a, b) => a - b)[3]!;
  };
  await median(unknown); // warm up (the dummy hash is made on first use)
  const known = await median(wrongRest);
  const none = await median(unknown);
  // argon2id takes tens of milliseconds; skipping it for an unknown prefix would make that answer many times faster.
  // The bounds are loose on purpose: they catch a missing hash, not scheduling noise.
  const ratio = none / known;
  assert.ok(ratio > 0.4 && ratio < 2.5, `unknown ${none.toFixed(1)} ms, wrong rest ${known.toFixed(1)} ms`);
});
