// Measurements of indicators: entered by hand by the programme team only, checked field by field, appended (a
// correction supersedes, history kept, audited); computed from signals made here through the real API, with the
// test clock moved; small counts shown as "<10"; the report shows a computed measurement.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import {
  createTestApp,
  formSession,
  testClock,
  type TestApp,
  type TestOrganisation,
  type TestUser,
} from '../../test/support/app.js';
import { validSignal } from '../../test/support/signals.js';
import { insertIndicator } from './store.js';

const DAY = 86_400_000;
let t: TestApp;
let jenv: TestOrganisation;
let gemeente: TestOrganisation;
let team: TestUser;
let holder: TestUser;
let melder: TestUser;
let officer: TestUser;

before(async () => {
  // Monday 6 October 2025, 11:00 in Amsterdam: the fourth quarter.
  t = await createTestApp({ clock: testClock(new Date('2025-10-06T09:00:00Z')) });
  jenv = await t.organisation({ type: 'ministerie', name: 'Ministerie van Justitie en Veiligheid' });
  const comensha = await t.organisation({ type: 'comensha', name: 'CoMensha' });
  gemeente = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0599' });
  team = await t.user([[jenv, ['beleidsmedewerker']]]);
  holder = await t.user([[comensha, ['beleidsmedewerker']]]);
  melder = await t.user([[gemeente, ['melder']]]);
  officer = await t.user([[gemeente, ['aandachtsfunctionaris']]]);
  await insertIndicator(t.ctx.db, {
    code: 'T-ZORG',
    planCode: '2018',
    actionLineCode: '2018-AL1',
    definition: 'Dagen tot het eerste zorgcontact',
    unit: 'dagen',
    computation: 'mediaan-dagen-tot-eerste-zorgcontact',
    source: 'test',
  });
});
after(() => t.close());

/** Session cookies, made again after the clock jumps (sessions do not survive months of clock). */
const sessions = new Map<TestUser, string>();
async function as(user: TestUser): Promise<string> {
  if (!sessions.has(user)) sessions.set(user, await t.login(user));
  return sessions.get(user)!;
}
function setClock(iso: string) {
  t.clock.set(new Date(iso));
  sessions.clear();
}
const post = async (user: TestUser, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie: await as(user) } });
const get = async (user: TestUser, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { cookie: await as(user), ...headers } });
const HAND = '/api/v1/plannen/2018/indicatoren/2018-1.11-I1';

test('an action holder that is not the programme team gets 403 on entering and computing, audited', async () => {
  const entry = await post(holder, `${HAND}/metingen`, { period: '2024', value: 18, source: 'Politie' });
  assert.equal(entry.statusCode, 403, entry.body);
  const compute = await post(holder, '/api/v1/plannen/2018/indicatoren/2018-AL5-I1/berekeningen', {
    period: '2025-Q2',
  });
  assert.equal(compute.statusCode, 403);
  const page = await get(holder, '/actieplan/indicatoren/2018-1.11-I1');
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Meting opslaan/, 'no form for someone outside the programme team');
  const denied = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('action', '=', 'actionplan.measurement-record')
    .where('outcome', '=', 'denied')
    .execute();
  assert.equal(denied.length, 2);
});

test('bad values answer 400 naming the field: period by the indicator’s convention, value, source', async () => {
  const cases: [object, string, string][] = [
    [{ period: '2025-Q1', value: 18, source: 'Politie' }, 'period', 'format'], // "per jaar": a year
    [{ period: 'vorig jaar', value: 18, source: 'Politie' }, 'period', 'format'],
    [{ period: '2027', value: 18, source: 'Politie' }, 'period', 'notFuture'],
    [{ period: '2024', value: 18, source: '  ' }, 'source', 'required'],
    [{ period: '2024', value: 1e13, source: 'Politie' }, 'value', 'maximum'],
    [{ period: '2024', value: 'veel', source: 'Politie' }, 'body/value', 'type'],
    [{ period: '2024', value: 18 }, 'body/source', 'required'],
  ];
  for (const [payload, field, rule] of cases) {
    const res = await post(team, `${HAND}/metingen`, payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    const issues = res.json<{ invalidParams: { field: string; rule: string }[] }>().invalidParams;
    assert.ok(
      issues.some((i) => i.field === field && i.rule === rule),
      `${JSON.stringify(payload)} → ${JSON.stringify(issues)}`,
    );
  }
  assert.equal(
    (await post(team, '/api/v1/plannen/2024/indicatoren/2018-1.11-I1/metingen', {})).statusCode,
    400,
  );
  const wrongPlan = await post(team, '/api/v1/plannen/2024/indicatoren/2018-1.11-I1/metingen', {
    period: '2024',
    value: 1,
    source: 'x',
  });
  assert.equal(wrongPlan.statusCode, 404);
});

test('a correction supersedes: history kept, nothing overwritten, the action and the audit show it', async () => {
  const first = await post(team, `${HAND}/metingen`, {
    period: '2024',
    value: 18,
    source: 'Politie, jaarverslag 2024, p. 40',
  });
  assert.equal(first.statusCode, 201, first.body);
  const wrongPeriod = await post(team, `${HAND}/metingen`, {
    period: '2023',
    value: 21,
    source: 'Politie, jaarverslag 2025, p. 12',
  });
  const corrected = await post(team, `${HAND}/metingen`, {
    period: '2024',
    value: 19,
    source: 'Politie, jaarverslag 2024 (herzien), p. 41',
    note: 'Herziene telling',
  });
  assert.equal(corrected.statusCode, 201);
  assert.equal(corrected.json().supersedes, first.json().id, 'the same period: the current one is corrected');
  // Entered under the wrong year: corrected by naming it.
  const moved = await post(team, `${HAND}/metingen`, {
    period: '2025',
    value: 21,
    source: 'Politie, jaarverslag 2025, p. 12',
    supersedes: wrongPeriod.json().id,
  });
  assert.equal(moved.statusCode, 201, moved.body);
  const again = await post(team, `${HAND}/metingen`, {
    period: '2022',
    value: 5,
    source: 'x',
    supersedes: first.json().id,
  });
  assert.equal(again.statusCode, 400, 'a measurement is corrected once');
  assert.equal(again.json().invalidParams[0].field, 'supersedes');

  const indicator = (await get(team, HAND)).json();
  assert.equal(indicator.measurements.length, 4, 'every measurement stays');
  const byId = new Map(indicator.measurements.map((m: { id: string }) => [m.id, m]));
  assert.equal((byId.get(first.json().id) as { supersededBy: string }).supersededBy, corrected.json().id);
  assert.equal((byId.get(wrongPeriod.json().id) as { supersededBy: string }).supersededBy, moved.json().id);
  const action = (await get(team, '/api/v1/acties/2018-1.11')).json();
  assert.deepEqual(
    action.indicators[0].measurements.map((m: { period: string; value: number }) => [m.period, m.value]),
    [
      ['2024', 19],
      ['2025', 21],
    ],
    'only current measurements count',
  );
  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['outcome'])
    .where('action', '=', 'actionplan.measurement-record')
    .where('outcome', '=', 'success')
    .execute();
  assert.equal(audit.length, 4);
});

async function signal(): Promise<string> {
  const today = t.clock.now().toISOString().slice(0, 10);
  const res = await post(melder, '/api/v1/signalen', validSignal({ observedOn: today }));
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}
async function decide(id: string, decision = 'afgesloten') {
  const res = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision,
    reason: 'Onvoldoende aanknopingspunten',
    ...(decision === 'monitoren' ? { reviewOn: '2026-06-01' } : {}),
  });
  assert.equal(res.statusCode, 204, res.body);
}

test('each computation against signals made here: per quarter, share decided in time, median days to decision', async () => {
  // Q4 2025: twelve signals on Monday 6 October (deadline: the end of the fifth working day, 13 October).
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await signal());
  t.clock.advance(DAY);
  sessions.clear(); // 1 day: three decisions in time, one kept watch on and closed much later
  for (const id of ids.slice(0, 3)) await decide(id);
  await decide(ids[3]!, 'monitoren');
  t.clock.advance(DAY);
  sessions.clear(); // 2 days: one more in time
  await decide(ids[4]!);
  t.clock.advance(28 * DAY);
  sessions.clear(); // 30 days: three late, and the watched one closed (its first decision counts)
  for (const id of ids.slice(5, 8)) await decide(id);
  await decide(ids[3]!);
  // Four are never decided. Due in Q4: 12; in time: 5 (41.7 %). First decisions: 1,1,1,1,2,30,30,30 → median 1.5.

  const path = (code: string) => `/api/v1/plannen/2018/indicatoren/${code}/berekeningen`;
  const early = await post(team, path('2018-AL5-I1'), { period: '2025-Q4' });
  assert.equal(early.statusCode, 400, 'the quarter has not ended');
  assert.equal(early.json().invalidParams[0].rule, 'ended');

  setClock('2026-01-15T09:00:00Z');
  const count = await post(team, path('2018-AL5-I1'), { period: '2025-Q4' });
  assert.equal(count.statusCode, 201, count.body);
  assert.equal(count.json().value, 12);
  assert.equal(count.json().computation, 'signalen-per-kwartaal');
  assert.match(
    count.json().source,
    /^Berekend door Schakel: het aantal signalen dat de meldpunten in Schakel in het kwartaal ontvingen .* \(op 15 januari 2026\)$/,
  );
  const year = await post(team, path('2018-AL5-I1'), { period: '2025' });
  assert.equal(year.statusCode, 400, 'signals per quarter: a quarter');

  const share = await post(team, path('2018-AL1-I1'), { period: '2025-Q4' });
  assert.equal(share.statusCode, 201, share.body);
  assert.equal(share.json().value, 41.7);
  assert.equal(share.json().note, 'Op basis van 12 signalen met een termijn in de periode.');

  const median = await post(team, path('2018-AL1-I2'), { period: '2025-Q4' });
  assert.equal(median.statusCode, 201, median.body);
  assert.equal(median.json().value, 1.5);
  assert.equal(
    median.json().note,
    'Op basis van minder dan 10 signalen waarover in de periode voor het eerst is besloten.',
    'a base from 1 to 9 is not written down',
  );

  // Computed again later (a late decision came in): the new one supersedes, the first stays in the history.
  const recount = await post(team, path('2018-AL5-I1'), { period: '2025-Q4' });
  assert.equal(recount.json().supersedes, count.json().id);

  const none = await post(team, path('2018-AL1-I1'), { period: '2025-Q2' });
  assert.equal(none.statusCode, 409, 'no deadlines in that quarter: nothing to compute');
  const byHand = await post(team, `${HAND}/berekeningen`, { period: '2025' });
  assert.equal(byHand.statusCode, 409);
  const care = await post(team, path('T-ZORG'), { period: '2025-Q4' });
  assert.equal(care.statusCode, 409);
  assert.equal(care.json().invalidParams[0].rule, 'not-yet-computable');
  const registry = (await get(team, '/api/v1/indicator-berekeningen')).json();
  assert.deepEqual(
    registry.map((c: { code: string; computable: boolean }) => [c.code, c.computable]),
    [
      ['signalen-per-kwartaal', true],
      ['aandeel-tijdig-beoordeeld', true],
      ['mediaan-dagen-tot-besluit', true],
      ['mediaan-dagen-tot-eerste-zorgcontact', false],
    ],
  );
  const carePage = await get(team, '/actieplan/indicatoren/T-ZORG');
  assert.match(carePage.body, /vraagt de zorgmodule/);
  assert.doesNotMatch(carePage.body, /Berekenen/);
});

test('a count from 1 to 9 is recorded as is and shown as "<10" in the API, the pages and the report', async () => {
  for (let i = 0; i < 3; i++) await signal(); // 15 January 2026: Q1
  setClock('2026-04-10T09:00:00Z');
  const res = await post(team, '/api/v1/plannen/2018/indicatoren/2018-AL5-I1/berekeningen', {
    period: '2026-Q1',
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual([res.json().value, res.json().fewerThanTen], [null, true]);
  const stored = await t.ctx.db
    .selectFrom('actionplan_measurements')
    .select(sql`value::int`.as('value'))
    .where('id', '=', res.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(stored.value, 3, 'recorded as is');

  const page = await get(team, '/actieplan/indicatoren/2018-AL5-I1');
  assert.match(
    page.body,
    /2026-Q1<\/td><td class="utrecht-table__cell">&lt;10<\/td><td class="utrecht-table__cell">geldend/,
  );
  const list = await get(team, '/actieplan/indicatoren?plan=2018');
  assert.match(list.body, /&lt;10 \(2026-Q1\)/);

  const report = await get(team, '/api/v1/plannen/2018/voortgangsrapportage?van=2025-07-01&tot=2026-06-30', {
    accept: 'text/html',
  });
  assert.equal(report.statusCode, 200);
  assert.match(
    report.body,
    /Berekend door Schakel: het aantal signalen/,
    'the computed measurement and its source',
  );
  assert.match(report.body, /2025-Q4<\/td><td[^>]*>12</);
  assert.match(report.body, /2026-Q1<\/td><td[^>]*>&lt;10</);
  assert.doesNotMatch(report.body, /2026-Q1: 3\b/, 'the small count is not in the chart’s description');
});

test('the page: errors beside the fields, then the measurement saved and computed through the forms', async () => {
  const cookie = await as(team);
  const form = await formSession(t.app, '/actieplan/indicatoren/2018-1.11-I1', cookie);
  const bad = await t.app.inject({
    method: 'POST',
    url: '/actieplan/indicatoren/2018-1.11-I1/metingen',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: form.token,
      period: '2026-Q1',
      value: 'twaalf',
      source: '',
    }).toString(),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="field-period-error"[^>]*>Schrijf de periode als 2025/);
  assert.match(bad.body, /id="field-value-error"/);
  assert.match(bad.body, /id="field-source-error"/);
  const good = await t.app.inject({
    method: 'POST',
    url: '/actieplan/indicatoren/2018-1.11-I1/metingen',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: form.token,
      period: '2026',
      value: '7,5',
      source: 'Politie, kwartaalcijfers',
    }).toString(),
  });
  assert.equal(good.statusCode, 303, good.body);
  const after = await t.app.inject({ url: good.headers.location as string, headers: { cookie } });
  assert.match(after.body, /De meting is opgeslagen/);
  assert.match(after.body, /7,5/);

  const computeForm = await formSession(t.app, '/actieplan/indicatoren/2018-AL1-I1', cookie);
  const computed = await t.app.inject({
    method: 'POST',
    url: '/actieplan/indicatoren/2018-AL1-I1/berekeningen',
    headers: { cookie: computeForm.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: computeForm.token, computePeriod: '2026-Q1' }).toString(),
  });
  assert.equal(computed.statusCode, 303, computed.body);
});
