// The action plan: the seeded plans, the filters, progress by action holders only, review by the programme team,
// history kept, overdue flags that follow the clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp, type TestOrganisation } from '../../test/support/app.js';
import { insertAction } from './store.js';

let t: TestApp;
let jenv: TestOrganisation;
let comensha: TestOrganisation;
let jenvCookie: string;
let comenshaCookie: string;

before(async () => {
  t = await createTestApp();
  jenv = await t.organisation({ type: 'ministerie', name: 'Ministerie van Justitie en Veiligheid' });
  comensha = await t.organisation({ type: 'comensha', name: 'CoMensha' });
  jenvCookie = await t.login(await t.user([[jenv, ['beleidsmedewerker']]]));
  comenshaCookie = await t.login(await t.user([[comensha, ['beleidsmedewerker']]]));
});
after(() => t.close());

const get = (url: string, cookie = jenvCookie) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload: object, cookie = jenvCookie) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });

test('the seeded plans: 2024 has 3 strategic goals and 6 action lines, 2018 has 5 action lines and 88 actions', async () => {
  const plans = (await get('/api/v1/plannen')).json();
  const byCode = Object.fromEntries(plans.map((p: { code: string }) => [p.code, p]));
  assert.equal(byCode['2024'].strategicGoals, 3);
  assert.equal(byCode['2024'].actionLines, 6);
  assert.equal(byCode['2018'].strategicGoals, 3);
  assert.equal(byCode['2018'].actionLines, 5);
  assert.equal(byCode['2018'].actions, 88);
  const tree = (await get('/api/v1/plannen/2018')).json();
  assert.deepEqual(
    tree.actionLines.map((l: { actions: unknown[] }) => l.actions.length),
    [40, 12, 13, 12, 11],
  );
  const tree2024 = (await get('/api/v1/plannen/2024')).json();
  assert.equal(tree2024.actionLines[5].title, 'Versterken van de positie van minderjarige slachtoffers');
  assert.equal((await get('/api/v1/plannen/1999')).statusCode, 404);
});

test('an action carries its holders as in the text, linked to Schakel organisations by name', async () => {
  const action = (await get('/api/v1/acties/2018-5.11')).json();
  assert.match(action.description, /tweede schatting/);
  assert.match(action.source, /programma-2018-samen-tegen-mensenhandel\.txt, r\. 1341-1347/);
  assert.deepEqual(action.holders, [
    { name: 'ministerie van J&V', organisationType: 'ministerie', organisationId: jenv.id },
  ]);
  const labour = (await get('/api/v1/acties/2018-2.05')).json();
  assert.equal(labour.holders[0].name, 'Inspectie SZW');
  assert.equal(
    labour.holders[0].organisationId,
    null,
    'no Nederlandse Arbeidsinspectie registered in this test',
  );
  assert.deepEqual(labour.forms, ['arbeidsuitbuiting']);
  const unnamed = (await get('/api/v1/acties/2018-5.04')).json();
  assert.deepEqual(unnamed.holders, [], 'no holder in the text: left empty');
});

test('filters: action line, action holder, form of exploitation and status', async () => {
  const line5 = (await get('/api/v1/acties?actielijn=2018-AL5')).json();
  assert.equal(line5.length, 11);
  assert.ok(line5.every((a: { actionLineCode: string }) => a.actionLineCode === '2018-AL5'));
  const comenshaActions = (await get('/api/v1/acties?actiehouder=CoMensha')).json();
  assert.ok(comenshaActions.length >= 5);
  assert.ok(
    comenshaActions.every((a: { holders: { name: string }[] }) =>
      a.holders.some((h) => h.name === 'CoMensha'),
    ),
  );
  const labour = (await get('/api/v1/acties?uitbuitingsvorm=arbeidsuitbuiting')).json();
  assert.ok(labour.some((a: { code: string }) => a.code === '2018-2.01'));
  assert.ok(!labour.some((a: { code: string }) => a.code === '2018-1.01'));
  const running = (await get('/api/v1/acties?status=loopt')).json();
  assert.ok(running.every((a: { status: string }) => a.status === 'loopt'));
  assert.equal((await get('/api/v1/acties?uitbuitingsvorm=gokken')).statusCode, 400);
  const page = await get('/actieplan/acties?actielijn=2018-AL5&status=');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Tweede schatting van het aantal mogelijke slachtoffers/);
  assert.doesNotMatch(page.body, /Mensenhandel Academy/);
});

test('an action holder writes progress only for its own actions; the programme team reviews; history is kept', async () => {
  const body = {
    period: '2025-H2',
    status: 'loopt',
    done: 'Schatting aanbesteed.',
    next: 'Rapport.',
    risks: '',
  };
  const own = await post('/api/v1/acties/2018-5.11/voortgang', body);
  assert.equal(own.statusCode, 201, own.body);
  const first = own.json();
  assert.equal(first.status, 'loopt');

  // CoMensha is no action holder of 2018-5.11: refused (403, the action itself is public to every user).
  const other = await post('/api/v1/acties/2018-5.11/voortgang', body, comenshaCookie);
  assert.equal(other.statusCode, 403);
  assert.equal((await post('/api/v1/acties/2018-1.08/voortgang', body, comenshaCookie)).statusCode, 201);

  const missingReason = await post('/api/v1/acties/2018-5.11/voortgang', { ...body, status: 'vertraagd' });
  assert.equal(missingReason.statusCode, 400);
  assert.equal(missingReason.json().invalidParams[0].field, 'reason');

  // Only a ministry's beleidsmedewerker reviews.
  const byComensha = await post(
    `/api/v1/acties/2018-5.11/voortgang/${first.id}/beoordeling`,
    { decision: 'geaccepteerd', comment: '' },
    comenshaCookie,
  );
  assert.equal(byComensha.statusCode, 403);
  const sentBack = await post(`/api/v1/acties/2018-5.11/voortgang/${first.id}/beoordeling`, {
    decision: 'aanpassen',
    comment: 'Noem de opdrachtnemer.',
  });
  assert.equal(sentBack.statusCode, 200, sentBack.body);
  assert.equal(
    (await get('/api/v1/acties/2018-5.11')).json().status,
    'niet-gestart',
    'a sent-back update does not count',
  );

  t.clock.advance(60_000);
  const second = (
    await post('/api/v1/acties/2018-5.11/voortgang', {
      ...body,
      status: 'vertraagd',
      reason: 'Aanbesteding uitgesteld.',
    })
  ).json();
  await post(`/api/v1/acties/2018-5.11/voortgang/${second.id}/beoordeling`, {
    decision: 'geaccepteerd',
    comment: '',
  });
  const action = (await get('/api/v1/acties/2018-5.11')).json();
  assert.equal(action.status, 'vertraagd');
  assert.equal(action.statusReason, 'Aanbesteding uitgesteld.');
  assert.equal(action.updates.length, 2, 'both updates kept');
  assert.equal(action.updates[1].reviews[0].decision, 'aanpassen');

  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('action', 'like', 'actionplan.%')
    .execute();
  assert.ok(audit.some((e) => e.action === 'actionplan.progress-submit' && e.outcome === 'denied'));
  assert.equal(
    audit.filter((e) => e.action === 'actionplan.progress-review' && e.outcome === 'success').length,
    2,
  );
});

test('the form: errors beside the fields, then a saved update', async () => {
  const form = await formSession(t.app, '/actieplan/acties/2018-5.11', jenvCookie);
  const send = (fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/actieplan/acties/2018-5.11/voortgang',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
    });
  const bad = await send({
    period: '2025-H2',
    status: 'gestopt',
    reason: '',
    done: '',
    next: 'x',
    risks: '',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="field-reason-error"/);
  assert.match(bad.body, /id="field-done-error"/);
  const ok = await send({
    period: '2025-H2',
    status: 'loopt',
    reason: '',
    done: 'Gedaan.',
    next: 'Verder.',
    risks: '',
  });
  assert.equal(ok.statusCode, 303);
});

test('overdue: flagged after the half-year plus grace, on the views and on "Mijn acties", and it follows the clock', async () => {
  await insertAction(t.ctx.db, {
    code: '2024-T.01',
    planCode: '2024',
    actionLineCode: '2024-AL2',
    title: 'Testactie meldingsbereidheid',
    description: 'Alleen voor de test.',
    source: 'test',
    start: '2025-01-01',
    holders: [{ name: 'CoMensha', type: 'comensha' }],
  });
  t.clock.set(new Date('2026-01-20T09:00:00Z'));
  const before = (await get('/api/v1/acties/2024-T.01', comenshaCookie)).json();
  assert.equal(
    before.overduePeriod,
    '2025-H1',
    'H2 2025 is still within its grace period; H1 was never reported',
  );
  t.clock.set(new Date('2026-02-05T09:00:00Z'));
  assert.equal((await get('/api/v1/acties/2024-T.01', comenshaCookie)).json().overduePeriod, '2025-H2');
  const mine = await get('/actieplan/mijn-acties', comenshaCookie);
  assert.match(mine.body, /Voortgang 2025-H2 ontbreekt/);
  assert.match(mine.body, /Bij 1 van uw acties ontbreekt de voortgang/);
  const report = await post(
    '/api/v1/acties/2024-T.01/voortgang',
    { period: '2025-H2', status: 'loopt', done: 'Campagne.', next: 'Evaluatie.', risks: '' },
    comenshaCookie,
  );
  assert.equal(report.statusCode, 201, report.body);
  assert.equal((await get('/api/v1/acties/2024-T.01', comenshaCookie)).json().overduePeriod, null);
  const dashboard = await get('/actieplan/voortgang?plan=2024');
  assert.match(dashboard.body, /role="img"/);
  assert.doesNotMatch(dashboard.body, /style=/);
  // 2018 asks for no half-yearly reports: never overdue.
  assert.equal((await get('/api/v1/acties/2018-1.01')).json().overduePeriod, null);
});
