// The estimation API and page: the CLI's JSON contract plus overlaps and models, saving with audit and organisation
// scope, and bad input as a 400 naming the field and the library's rule (never a 500, never NaN).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp, type TestOrganisation } from '../../test/support/app.js';

const data = (name: string) => readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8');
const UK = data('UKdat');
let t: TestApp;
let org: TestOrganisation;
let cookie: string;

before(async () => {
  t = await createTestApp();
  org = await t.organisation({ type: 'nationaal-rapporteur' });
  cookie = await t.login(await t.user([[org, ['analist']]]));
});
after(() => t.close());

const post = (payload: object, as = cookie) =>
  t.app.inject({ method: 'POST', url: '/api/v1/schattingen', headers: { cookie: as }, payload });

function assertNoNaN(body: string) {
  assert.doesNotMatch(body, /NaN|Infinity/, 'no NaN or Infinity in the answer');
}

test('the API estimates the UK data with the CLI contract, the overlaps and each stepwise step', async () => {
  const res = await post({ csv: UK });
  assert.equal(res.statusCode, 200, res.body);
  assertNoNaN(res.body);
  const body = res.json();
  assert.deepEqual(body.lists, ['LA', 'NG', 'PF', 'GO', 'GP', 'NCA']);
  assert.equal(body.observed, 2744);
  assert.ok(Math.abs(body.total - 11417.99) < 0.01, String(body.total));
  assert.equal(Math.round(body.observed + body.unobserved), Math.round(body.total));
  assert.deepEqual(body.interval.method, 'lognormal');
  assert.ok(body.interval.lower < body.total && body.total < body.interval.upper);
  for (const key of ['interactions', 'aic', 'deviance', 'df']) assert.ok(key in body.model, key);
  assert.equal(body.method, 'stepwise');
  assert.ok(Array.isArray(body.warnings));
  const pf = body.overlaps.listSizes.find((s: { list: string }) => s.list === 'PF');
  assert.equal(pf.count, 1102);
  const sum = body.overlaps.histories.reduce((s: number, h: { count: number }) => s + h.count, 0);
  assert.equal(sum, 2744, 'the histories add up to the people observed');
  // Main effects, then one row per interaction added; the last is the chosen model.
  assert.equal(body.models.rows.length, body.model.interactions.length + 1);
  const last = body.models.rows.at(-1);
  assert.equal(last.chosen, true);
  assert.equal(last.total, body.total);
});

test('exhaustive search lists the best 10 models with the number searched; bootstrap is seeded', async () => {
  const exhaustive = (await post({ csv: UK, method: 'exhaustive', criterion: 'bic' })).json();
  assert.equal(exhaustive.models.searched, 32768);
  assert.equal(exhaustive.models.rows.length, 10);
  assert.equal(exhaustive.criterion, 'bic');
  const boot = await post({ csv: data('Western'), interval: 'bootstrap', seed: 7 });
  assert.equal(boot.statusCode, 200, boot.body);
  assert.equal(boot.json().interval.replicates, 1000);
  assert.equal(boot.json().interval.seed, 7);
  assertNoNaN(boot.body);
});

test('plain-language warnings: lists without overlap, sparse overlaps, and models close in AIC that disagree', async () => {
  const codes = (body: { warnings: { code: string }[] }) => body.warnings.map((w) => w.code);
  const uk = (await post({ csv: UK })).json();
  assert.ok(codes(uk).includes('estimation-no-overlap'), codes(uk).join());
  assert.ok(codes(uk).includes('estimation-sparse'), codes(uk).join());
  assert.match(
    uk.warnings.find((w: { code: string }) => w.code === 'estimation-no-overlap').message,
    /LA & GP/,
  );
  const western = (await post({ csv: data('Western'), method: 'exhaustive' })).json();
  const unstable = western.warnings.find((w: { code: string }) => w.code === 'estimation-unstable');
  assert.ok(unstable, codes(western).join());
  assert.ok(Number(unstable.details.high) > 1.2 * Number(unstable.details.low) - 1e-9);
});

test('saving stores counts and options, answers 201 with a Location, is audited and listed', async () => {
  const res = await post({ csv: UK, save: true, title: 'Monitor 2013' });
  assert.equal(res.statusCode, 201, res.body);
  const saved = res.json();
  assert.equal(res.headers.location, `/api/v1/schattingen/${saved.id}`);
  assert.equal(saved.title, 'Monitor 2013');
  assert.equal(saved.organisationId, org.id);
  assert.deepEqual(saved.options, { method: 'stepwise', interval: 'lognormal', level: 0.95 });
  assert.deepEqual(saved.histories[0], { flags: [1, 0, 0, 0, 0, 0], count: 54 });
  assert.equal(saved.histories.length, 25);
  const again = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), saved);
  const list = (await t.app.inject({ url: '/api/v1/schattingen', headers: { cookie } })).json();
  assert.ok(
    list.some((s: { id: string; total: number }) => s.id === saved.id && s.total === saved.result.total),
  );
  const events = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'record_type', 'record_organisation_id'])
    .where('record_id', '=', saved.id)
    .execute();
  assert.deepEqual(events, [
    { action: 'estimate.create', record_type: 'estimate', record_organisation_id: org.id },
  ]);
});

test('another organisation’s estimate is not found, exactly like a missing one', async () => {
  const other = await t.organisation({ type: 'ministerie' });
  const otherCookie = await t.login(await t.user([[other, ['beleidsmedewerker']]]));
  const saved = (await post({ csv: UK, save: true })).json();
  const theirs = await t.app.inject({
    url: `/api/v1/schattingen/${saved.id}`,
    headers: { cookie: otherCookie },
  });
  const missing = await t.app.inject({
    url: '/api/v1/schattingen/00000000-0000-4000-8000-000000000000',
    headers: { cookie: otherCookie },
  });
  assert.equal(theirs.statusCode, 404);
  assert.deepEqual(theirs.json(), missing.json());
  const list = (await t.app.inject({ url: '/api/v1/schattingen', headers: { cookie: otherCookie } })).json();
  assert.deepEqual(list, []);
  const page = await t.app.inject({ url: `/schattingen/${saved.id}`, headers: { cookie: otherCookie } });
  assert.equal(page.statusCode, 404);
});

test('bad data is a 400 naming the field csv, the library rule, and the line and column', async () => {
  const cases: [string, string, RegExp][] = [
    ['A,B,count\n1,0,5\n0,x,3\n1,1,2', 'estimation-invalid-flag', /Line 3, column "B"/],
    ['A,B,count\n1,0,5\n0,1,-3\n1,1,2', 'estimation-invalid-count', /Line 3/],
    ['A,B,count\n1,0,5\n0,1,2.5\n1,1,2', 'estimation-invalid-count', /fraction/],
    ['A,B,count\n1,0,5\n0,0,3\n1,1,2', 'estimation-all-zero-row', /Line 3/],
    ['A,count\n1,5', 'estimation-too-few-lists', /at least 2/],
    ['A,A,count\n1,0,5', 'estimation-duplicate-list', /twice/],
    ['A,B,count\n1,0,5\n0,1', 'estimation-invalid-csv', /Line 3: expected 3 fields/],
    ['A,B,count\n1,0,0\n0,1,0', 'estimation-no-observations', /no observed/],
    ['A,B,C,count\n1,0,0,5\n0,1,0,3\n1,1,0,2', 'estimation-empty-list', /"C"/],
    ['A,B,count\n1,0,5\n0,1,3', 'estimation-no-estimate', /./],
  ];
  for (const [csv, rule, message] of cases) {
    const res = await post({ csv });
    assert.equal(res.statusCode, 400, `${rule}: ${res.body}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const issue = res.json().invalidParams[0];
    assert.equal(issue.field, 'csv', rule);
    assert.equal(issue.rule, rule);
    assert.match(issue.message, message);
  }
});

test('web limits: exhaustive beyond 6 lists and a bootstrap that could run long are refused with a reason', async () => {
  const eight = data('NewOrl');
  const cases: [object, string, string][] = [
    [{ csv: eight, method: 'exhaustive' }, 'method', 'estimation-exhaustive-too-large'],
    [{ csv: eight, interval: 'bootstrap' }, 'interval', 'bootstrap-limit'],
    [{ csv: UK, method: 'exhaustive', interval: 'bootstrap' }, 'interval', 'bootstrap-limit'],
  ];
  for (const [payload, field, rule] of cases) {
    const res = await post(payload);
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual([res.json().invalidParams[0].field, res.json().invalidParams[0].rule], [field, rule]);
  }
});

test('the body is checked by its schema: unknown fields, bad options and oversized text', async () => {
  const pairs = async (payload: object) =>
    (await post(payload))
      .json()
      .invalidParams.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`);
  assert.deepEqual(await pairs({ csv: UK, nboot: 5 }), ['body/nboot:additionalProperties']);
  assert.ok((await pairs({ csv: UK, method: 'magic' })).includes('body/method:enum'));
  assert.ok((await pairs({ csv: UK, level: 1.5 })).includes('body/level:maximum'));
  assert.ok((await pairs({ csv: '' })).includes('body/csv:minLength'));
  assert.equal((await post({ csv: 'A,'.repeat(150_000) })).statusCode, 413, 'larger than the body limit');
});

test('only analysts and policy staff may estimate; anonymous callers must log in', async () => {
  const melder = await t.login(await t.user([[await t.organisation(), ['melder']]]));
  assert.equal((await post({ csv: UK }, melder)).statusCode, 403);
  assert.equal((await post({ csv: UK }, '')).statusCode, 401);
  assert.equal((await t.app.inject({ url: '/schattingen', headers: { cookie: melder } })).statusCode, 403);
});

function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = '----schakel-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

test('the page takes an uploaded file with its CSRF token, and refuses the upload without one', async () => {
  const session = await formSession(t.app, '/schattingen', cookie);
  const send = (fields: Record<string, string>, file?: { name: string; content: string }) => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/schattingen',
      headers: { cookie: session.cookie, 'content-type': body.type },
      payload: body.payload,
    });
  };
  const ok = await send(
    { _csrf: session.token, method: 'stepwise', interval: 'lognormal', level: '0.95' },
    { name: 'UKdat.csv', content: UK },
  );
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 500));
  assert.match(ok.body, /11\.418 mensen in totaal/);
  assert.match(ok.body, /role="img"/);
  assert.doesNotMatch(ok.body, /NaN|style="/);
  assert.equal((await send({ method: 'stepwise' }, { name: 'UKdat.csv', content: UK })).statusCode, 403);
  assert.equal((await send({ _csrf: 'forged' }, { name: 'UKdat.csv', content: UK })).statusCode, 403);

  const bad = await send({ _csrf: session.token }, { name: 'bad.csv', content: 'A,B,count\n1,0,5\n0,x,3\n' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="field-csv-error"[^>]*>Regel 3, kolom “B”: een lijstkolom bevat alleen 0 of 1/);
  const big = await send({ _csrf: session.token }, { name: 'big.csv', content: 'x'.repeat(250_000) });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /id="field-file-error"[^>]*>Het bestand is groter dan 200 kB/);
  const binary = await send({ _csrf: session.token }, { name: 'x.csv', content: 'A,B,count\n1,0,5\u0000\n' });
  assert.equal(binary.statusCode, 400);
  assert.match(binary.body, /NUL-teken/);
});

test('the page saves an estimate with a form post and shows it, with a link in the list', async () => {
  const session = await formSession(t.app, '/schattingen', cookie);
  const form = new URLSearchParams({
    _csrf: session.token,
    csv: data('Western'),
    method: 'main',
    interval: 'profile',
    level: '0.9',
    title: 'Western, hoofdeffecten',
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/schattingen/opslaan',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const shown = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /<h1[^>]*>Western, hoofdeffecten<\/h1>/);
  assert.match(shown.body, /De schatting is opgeslagen/);
  assert.match(shown.body, /90%-betrouwbaarheidsinterval/);
  const list = await t.app.inject({ url: '/schattingen', headers: { cookie } });
  assert.match(list.body, new RegExp(`href="${(res.headers.location as string).split('?')[0]}"`));
});
