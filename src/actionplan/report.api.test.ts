// The progress report through the API and the pages: who may produce it, bad periods refused naming the field, the
// DOCX opened and read (its text and its charts), the HTML with the same content and an SVG chart with its table,
// the form with errors beside the fields, and every production audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { docxText, unzip } from '../../test/support/docx.js';
import { insertAction, insertIndicator, insertMeasurement } from './store.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const URL_2024 = '/api/v1/plannen/2024/voortgangsrapportage?van=2024-07-01&tot=2026-06-30';
const DONE = 'Campagne Kijk verder in twintig gemeenten gevoerd.';
const NEXT = 'Evaluatie van de campagne met de gemeenten.';
const RISKS = 'Te weinig capaciteit bij de GGD voor de nazorg.';
const INDICATOR = 'Aantal meldingen van burgers bij het meldpunt per jaar';

let t: TestApp;
let team: string;
let holder: string;
let melder: string;

before(async () => {
  t = await createTestApp();
  const jenv = await t.organisation({ type: 'ministerie', name: 'Ministerie van Justitie en Veiligheid' });
  const comensha = await t.organisation({ type: 'comensha', name: 'CoMensha' });
  const gemeente = await t.organisation({ type: 'gemeente' });
  team = await t.login(await t.user([[jenv, ['beleidsmedewerker']]]));
  holder = await t.login(await t.user([[comensha, ['beleidsmedewerker']]]));
  melder = await t.login(await t.user([[gemeente, ['melder']]]));

  await insertAction(t.ctx.db, {
    code: '2024-T.01',
    planCode: '2024',
    actionLineCode: '2024-AL2',
    title: 'Campagne meldingsbereidheid',
    description: 'Alleen voor de test.',
    source: 'test, r. 1',
    start: '2024-07-01',
    holders: [{ name: 'CoMensha', type: 'comensha' }],
  });
  await insertIndicator(t.ctx.db, {
    code: '2024-T.01-I1',
    planCode: '2024',
    actionCode: '2024-T.01',
    definition: INDICATOR,
    unit: 'meldingen',
    baseline: 300,
    baselinePeriod: '2023',
    target: 600,
    targetPeriod: '2027',
    source: 'test, r. 2',
  });
  for (const [period, value] of [
    ['2024', 340],
    ['2025', 455],
    ['2023', 300],
  ] as const)
    await insertMeasurement(t.ctx.db, {
      indicatorCode: '2024-T.01-I1',
      period,
      value,
      source: 'Schakel monitoring',
      enteredAt: t.clock.now(),
    });

  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/acties/2024-T.01/voortgang',
    headers: { cookie: holder },
    payload: { period: '2025-H2', status: 'loopt', done: DONE, next: NEXT, risks: RISKS },
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const review = await t.app.inject({
    method: 'POST',
    url: `/api/v1/acties/2024-T.01/voortgang/${submitted.json().id}/beoordeling`,
    headers: { cookie: team },
    payload: { decision: 'geaccepteerd', comment: '' },
  });
  assert.equal(review.statusCode, 200, review.body);
});
after(() => t.close());

const get = (url: string, cookie: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { cookie, ...headers } });

test('the programme team gets the DOCX: opened, its text holds the action, its status, the indicator and the progress', async () => {
  const res = await get(URL_2024, team);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], DOCX);
  assert.equal(
    res.headers['content-disposition'],
    'attachment; filename="voortgangsrapportage-2024-2024-07-01-2026-06-30.docx"',
  );
  const text = docxText(res.rawPayload);
  assert.match(text, /Versterkt Actieplan Samen tegen mensenhandel/, 'the title page names the plan');
  assert.match(text, /1 juli 2024 tot en met 30 juni 2026/, 'and the period');
  assert.match(text, /2024-T\.01 Campagne meldingsbereidheid/);
  assert.match(text, /Status: Loopt \(volgens de voortgang over 2025-H2\)/);
  assert.match(text, new RegExp(INDICATOR));
  assert.ok(text.includes(DONE) && text.includes(NEXT) && text.includes(RISKS), 'the progress texts');
  assert.match(text, /Trend: stijgend, van 340 meldingen \(2024\) naar 455 meldingen \(2025\)/);
  assert.match(text, /dichter bij de streefwaarde van 600 meldingen/);
  assert.match(text, /↑ \+115/, 'the change column');
  assert.match(text, /Overzicht van alle acties/);
  assert.match(text, /Bijlage: bronnen/);
  assert.match(text, /kamerbrief-2024-versterkt-actieplan\.txt, r\. 49-51/, 'the source of action line 1');
  assert.doesNotMatch(
    text,
    /\b2023\b.*300 meldingen.*Schakel monitoring/,
    'the 2023 measurement is before the period',
  );
  const parts = unzip(res.rawPayload);
  const charts = [...parts.keys()].filter((name) => /^word\/charts\/chart\d+\.xml$/.test(name));
  assert.equal(charts.length, 2, 'the status chart and the indicator chart, as Word charts');
  const indicatorChart = charts
    .map((c) => parts.get(c)!.toString('utf8'))
    .find((xml) => xml.includes('lineChart'))!;
  assert.match(indicatorChart, /<c:v>455<\/c:v>/, 'the chart holds the measured value itself');
});

test('with Accept: text/html the same report as a page, with an SVG chart and its data table', async () => {
  const res = await get(URL_2024, team, { accept: 'text/html' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.headers['content-type'] as string, /^text\/html/);
  assert.equal(res.headers['content-disposition'], undefined);
  const html = res.body;
  for (const text of ['2024-T.01', 'Loopt (volgens de voortgang over 2025-H2)', INDICATOR, DONE, NEXT, RISKS])
    assert.ok(html.includes(text), `the page holds ${text}`);
  const chart =
    /<svg[^>]*aria-labelledby="chart-2024-T-01-I1-title chart-2024-T-01-I1-desc"[\s\S]*?<\/svg>/.exec(html);
  assert.ok(chart, 'the indicator chart');
  assert.match(chart[0], /role="img"/);
  assert.match(chart[0], /<desc id="chart-2024-T-01-I1-desc">Metingen in meldingen: 2024: 340; 2025: 455\./);
  assert.match(
    html,
    /<caption class="utrecht-table__caption">Metingen van 2024-T\.01-I1 in de periode<\/caption>/,
  );
  assert.match(html, /<td class="utrecht-table__cell app-report__number">455<\/td>/);
  assert.match(html, /id="chart-status"/, 'the status chart');
  assert.doesNotMatch(html, / style="/, 'no inline style attributes');
});

test('an action holder may produce it too; a melder gets 403 and the refusal is audited', async () => {
  assert.equal((await get(URL_2024, holder)).statusCode, 200);
  const refused = await get(URL_2024, melder);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  const page = await get('/actieplan/rapportage', melder);
  assert.equal(page.statusCode, 403);
  const events = await t.ctx.db
    .selectFrom('audit_events')
    .select(['outcome', 'record_id', 'details'])
    .where('action', '=', 'actionplan.report')
    .execute();
  assert.ok(events.some((e) => e.outcome === 'denied'));
  const produced = events.filter((e) => e.outcome === 'success');
  assert.ok(produced.length >= 3);
  assert.deepEqual(produced[0]!.details, {
    from: '2024-07-01',
    to: '2026-06-30',
    format: 'docx',
    actions: 1,
    indicators: 1,
  });
  assert.equal(produced[0]!.record_id, '2024');
});

test('bad periods are a 400 problem naming the field; an unknown plan 404; an unacceptable format 406', async () => {
  const problem = async (query: string) => {
    const res = await get(`/api/v1/plannen/2024/voortgangsrapportage?${query}`, team);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    return res.json().invalidParams.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`);
  };
  assert.deepEqual(await problem('van=2024-02-30&tot=2026-06-30'), ['querystring/van:format']);
  assert.deepEqual(await problem('van=2026-06-30&tot=2024-07-01'), ['querystring/tot:afterFrom']);
  assert.deepEqual(await problem('van=2024-07-01'), ['querystring/tot:required']);
  assert.ok((await problem('van=1-7-2024&tot=2026-06-30')).includes('querystring/van:format'));
  assert.equal(
    (await get('/api/v1/plannen/1999/voortgangsrapportage?van=2024-07-01&tot=2026-06-30', team)).statusCode,
    404,
  );
  const json = await get(URL_2024, team, { accept: 'application/json' });
  assert.equal(json.statusCode, 406);
  assert.equal(json.headers['content-type'], 'application/problem+json; charset=utf-8');
  const preferred = await get(URL_2024, team, { accept: `${DOCX};q=0.5, text/html;q=0.9` });
  assert.match(preferred.headers['content-type'] as string, /^text\/html/);
});

test('the page: a form, errors beside the fields, then the printable report or the DOCX', async () => {
  const form = await get('/actieplan/rapportage', team);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="van"[^>]*value="2024-07-01"|value="2024-07-01"[^>]*name="van"/);
  assert.match(form.body, /href="\/actieplan\/rapportage"/, 'the sub-navigation offers the report');
  const bad = await get('/actieplan/rapportage?plan=2024&van=2026-07-01&tot=2024-06-30&formaat=html', team);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="field-tot-error"[^>]*>Kies een laatste dag op of na de eerste dag\./);
  const badPlan = await get('/actieplan/rapportage?plan=1999&van=2024-07-01&tot=&formaat=html', team);
  assert.match(badPlan.body, /id="field-plan-error"/);
  assert.match(badPlan.body, /id="field-tot-error"/);

  const html = await get('/actieplan/rapportage?plan=2024&van=2024-07-01&tot=2026-06-30', team);
  assert.equal(html.statusCode, 200);
  assert.ok(html.body.includes(DONE));
  assert.match(html.body, /<link rel="stylesheet" href="\/actieplan\/rapportage\/rapport\.css"/);
  assert.doesNotMatch(html.body, /<style/, 'the page links its stylesheet (the CSP refuses inline styles)');
  const css = await get('/actieplan/rapportage/rapport.css', team);
  assert.equal(css.statusCode, 200);
  assert.match(css.headers['content-type'] as string, /^text\/css/);
  assert.match(css.body, /@media print/);

  const docx = await get('/actieplan/rapportage?plan=2024&van=2024-07-01&tot=2026-06-30&formaat=docx', team);
  assert.equal(docx.headers['content-type'], DOCX);
  assert.match(
    docx.headers['content-disposition'] as string,
    /^attachment; filename="voortgangsrapportage-2024-/,
  );
  assert.ok(docxText(docx.rawPayload).includes(DONE));
});

test('the 2018 programme: 88 actions counted per action line, and a period without accepted progress says so', async () => {
  const res = await get('/api/v1/plannen/2018/voortgangsrapportage?van=2024-07-01&tot=2026-06-30', team, {
    accept: 'text/html',
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Acties in het plan: 88, in 5 actielijnen/);
  assert.match(res.body, /Acties: 40 \(40 niet gestart\)\./);
  assert.match(res.body, /Alle 88 acties van het plan/);
  assert.match(res.body, /Aantal extra rechercheurs dat per jaar wordt opgeleid/, 'the 2018 indicator');
  assert.match(res.body, /Er zijn geen metingen over deze periode\./);
});
