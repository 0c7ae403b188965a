// The Informatiepunt's report meeting through the API and the pages: the board of forwarded labour signals, a
// meeting's decisions with reasons, what flows back to the municipality, closing, the minutes and who may see what.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createTestApp,
  formSession,
  type TestApp,
  type TestOrganisation,
} from '../../../test/support/app.js';
import { unzip } from '../../../test/support/docx.js';

let t: TestApp;
let utrecht: TestOrganisation;
let nla: TestOrganisation;
let otherNla: TestOrganisation;
let melder: string;
let officer: string;
let ip: string;
let otherIp: string;
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

const NARRATIVE =
  'Workers sleep in a shed behind the greenhouse and hand in their passports (narrative-marker)';

const signal = (overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-02-27',
  forms: ['arbeidsuitbuiting'],
  indicators: [],
  narrative: NARRATIVE,
  sector: 'land-en-tuinbouw',
  identifiers: [{ type: 'phone', value: '06-12345678' }],
  ...overrides,
});

async function report(name: string, body: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/signalen',
    headers: { cookie: melder },
    payload: body,
  });
  assert.equal(res.statusCode, 201, res.body);
  ids[name] = res.json<{ id: string }>().id;
  refs[name] = res.json<{ reference: string }>().reference;
}

async function forward(name: string, to: TestOrganisation, categories = ['narrative', 'identifiers']) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/signalen/${ids[name]}/doorzettingen`,
    headers: { cookie: officer },
    payload: {
      recipients: [{ organisationId: to.id, purpose: 'opsporing-en-vervolging' }],
      categories,
      reason: 'Labour exploitation: for the meldingenoverleg of the Informatiepunt',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
}

const get = (url: string, cookie = ip) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload?: object, cookie = ip) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

interface BoardItem {
  signalId: string;
  reference: string;
  acute: boolean;
  quickResponse: boolean;
  narrative: string | null;
  seriousDisadvantage: boolean;
  municipalityName: string | null;
  forward: { id: string; from: { name: string }; outcome: string | null } | null;
  toDiscuss: boolean;
  decisions: { meetingId: string; decision: string; meetingClosed: boolean }[];
}
const board = async (query = '', cookie = ip) => {
  const res = await get(`/api/v1/informatiepunt/signalen${query}`, cookie);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<BoardItem[]>();
};

const documentXml = (docx: Buffer) => unzip(docx).get('word/document.xml')!.toString('utf8');

before(async () => {
  t = await createTestApp();
  utrecht = await t.organisation({
    type: 'gemeente',
    municipalityCode: 'GM0344',
    name: 'Gemeente Utrecht (ip)',
  });
  nla = await t.organisation({ type: 'arbeidsinspectie', name: 'Nederlandse Arbeidsinspectie (ip)' });
  otherNla = await t.organisation({ type: 'arbeidsinspectie', name: 'Een andere inspectie (ip)' });
  melder = await t.login(await t.user([[utrecht, ['melder']]]));
  officer = await t.login(await t.user([[utrecht, ['aandachtsfunctionaris']]]));
  ip = await t.login(await t.user([[nla, ['informatiepunt']]], { displayName: 'Inge Punt' }));
  otherIp = await t.login(await t.user([[otherNla, ['informatiepunt']]]));

  await report('labour', signal());
  await report('acute', signal({ acuteDanger: true }));
  await report('sexual', signal({ forms: ['seksuele-uitbuiting'], sector: 'seksbranche' }));
  await report('disadvantage', signal({ forms: ['overige-uitbuiting'], seriousDisadvantage: true }));
  await report('elsewhere', signal());
  await report('noNarrative', signal());
  await forward('labour', nla);
  await forward('acute', nla);
  await forward('sexual', nla);
  await forward('disadvantage', nla);
  await forward('elsewhere', otherNla);
  await forward('noNarrative', nla, ['identifiers']);
  // The intake sends a professional's signal to a municipality; a signal the inspectorate holds itself is made here.
  await report('held', signal({ forms: ['criminele-uitbuiting'], seriousDisadvantage: true }));
  await t.ctx.db
    .updateTable('signals')
    .set({ holder_organisation_id: nla.id })
    .where('id', '=', ids.held!)
    .execute();
});
after(() => t.close());

test('the board lists the labour and serious-disadvantage signals forwarded to the inspectorate, acute first', async () => {
  const items = await board();
  const references = items.map((i) => i.reference);
  for (const name of ['labour', 'acute', 'disadvantage', 'noNarrative', 'held'])
    assert.ok(references.includes(refs[name]!), `${name} is on the board`);
  assert.ok(!references.includes(refs.sexual!), 'a sexual-exploitation-only signal is not');
  assert.ok(!references.includes(refs.elsewhere!), "another inspectorate's signal is not");
  assert.equal(items[0]!.reference, refs.acute, 'the acute signal leads');
  assert.equal(items[0]!.quickResponse, true, 'marked for the quick response team');
  assert.ok(items.slice(1).every((i) => !i.acute));

  const labour = items.find((i) => i.reference === refs.labour)!;
  assert.equal(labour.narrative, NARRATIVE, 'the forward shared the narrative');
  assert.equal(labour.municipalityName, 'Utrecht');
  assert.equal(labour.forward?.from.name, utrecht.name);
  assert.equal(labour.toDiscuss, true);
  assert.equal(items.find((i) => i.reference === refs.noNarrative)!.narrative, null, 'not shared: not shown');
  assert.equal(items.find((i) => i.reference === refs.disadvantage)!.seriousDisadvantage, true);
  const held = items.find((i) => i.reference === refs.held)!;
  assert.equal(held.forward, null, 'its own signal came through no forward');
  assert.equal(held.narrative, NARRATIVE, 'the holder reads its own narrative');

  const other = (await board('', otherIp)).map((i) => i.reference);
  assert.deepEqual(other, [refs.elsewhere], 'the other inspectorate sees only its own forward');

  const reads = await t.ctx.db
    .selectFrom('audit_events')
    .select(['record_id', 'fields'])
    .where('action', '=', 'signal.informatiepunt-read')
    .execute();
  assert.ok(
    reads.some((r) => r.record_id === ids.labour),
    'showing a narrative is logged',
  );
  assert.ok(!reads.some((r) => r.record_id === ids.noNarrative), 'nothing read, nothing logged');
});

test('other roles get 403: a melder and an aandachtsfunctionaris', async () => {
  for (const cookie of [melder, officer]) {
    assert.equal((await get('/api/v1/informatiepunt/signalen', cookie)).statusCode, 403);
    assert.equal((await get('/api/v1/informatiepunt/overleggen', cookie)).statusCode, 403);
    const create = await post(
      '/api/v1/informatiepunt/overleggen',
      { heldOn: '2026-03-03', chair: 'X' },
      cookie,
    );
    assert.equal(create.statusCode, 403);
    assert.match(String(create.headers['content-type']), /^application\/problem\+json/);
    assert.equal((await get('/informatiepunt', cookie)).statusCode, 403);
  }
});

let meetingId: string;

test('a decision needs a reason and a known decision (400 naming the field), and a signal on the board', async () => {
  const created = await post('/api/v1/informatiepunt/overleggen', {
    heldOn: '2026-03-03',
    chair: 'Mr. Voorzitter',
  });
  assert.equal(created.statusCode, 201, created.body);
  meetingId = created.json<{ id: string }>().id;
  assert.equal(created.headers.location, `/api/v1/informatiepunt/overleggen/${meetingId}`);
  assert.equal(created.json<{ closedAt: null }>().closedAt, null);

  const url = `/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`;
  const cases: [object, string, string][] = [
    [{ signalId: ids.labour, decision: 'geen-actie', reason: '   ' }, '/reason', 'required'],
    [{ signalId: ids.labour, decision: 'geen-actie' }, 'body/reason', 'required'],
    [{ signalId: ids.labour, decision: 'opsluiten', reason: 'x' }, 'body/decision', 'enum'],
    [{ signalId: ids.sexual, decision: 'geen-actie', reason: 'x' }, '/signalId', 'not-on-board'],
    [{ signalId: ids.elsewhere, decision: 'geen-actie', reason: 'x' }, '/signalId', 'not-on-board'],
  ];
  for (const [body, field, rule] of cases) {
    const res = await post(url, body);
    assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
    const issue = res
      .json<{ invalidParams: { field: string; rule: string }[] }>()
      .invalidParams.find((i) => i.field === field);
    assert.ok(issue, `${field} is named in ${res.body}`);
    assert.equal(issue.rule, rule);
  }
  const count = await t.ctx.db.selectFrom('informatiepunt_decisions').select('signal_id').execute();
  assert.equal(count.length, 0, 'nothing was recorded');
});

test("a decision shows on the signal's timeline for the municipality and becomes the forward's outcome", async () => {
  const reason =
    'Passports held and wages withheld: route to the criminal investigation team (reason-marker)';
  const res = await post(`/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`, {
    signalId: ids.labour,
    decision: 'strafrechtelijk-onderzoek',
    reason,
  });
  assert.equal(res.statusCode, 201, res.body);
  const recorded = res.json<{
    decision: string;
    reason: string;
    decidedBy: string;
    forwardOutcome: string;
  }>();
  assert.equal(recorded.reason, reason);
  assert.equal(recorded.decidedBy, 'Inge Punt');
  assert.equal(recorded.forwardOutcome, 'onderzoek-gestart');

  const seen = await get(`/api/v1/signalen/${ids.labour}`, officer);
  assert.equal(seen.statusCode, 200, seen.body);
  const view = seen.json<{
    timeline: { kind: string; details: Record<string, unknown>; text: string | null; organisation: string }[];
    forwards: { to: { id: string }; outcome: string | null; outcomeReason: string | null }[];
  }>();
  const entry = view.timeline.find((e) => e.kind === 'informatiepunt-decision');
  assert.ok(entry, 'the decision is on the timeline');
  assert.deepEqual(entry.details, { decision: 'strafrechtelijk-onderzoek', meetingDate: '2026-03-03' });
  assert.equal(entry.text, reason);
  assert.equal(entry.organisation, nla.name);
  const fwd = view.forwards.find((f) => f.to.id === nla.id)!;
  assert.equal(fwd.outcome, 'onderzoek-gestart');
  assert.equal(fwd.outcomeReason, reason);

  const quick = await post(`/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`, {
    signalId: ids.acute,
    decision: 'quick-response-team',
    reason: 'Acute danger: the quick response team goes today',
  });
  assert.equal(quick.statusCode, 201, quick.body);
  assert.equal(quick.json<{ forwardOutcome: string }>().forwardOutcome, 'bestuurlijke-maatregel');

  const again = await post(`/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`, {
    signalId: ids.labour,
    decision: 'geen-actie',
    reason: 'Changed our minds',
  });
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(again.json<{ invalidParams: { rule: string }[] }>().invalidParams[0]!.rule, 'already-decided');

  const stored = await t.ctx.db
    .selectFrom('informatiepunt_decisions')
    .select('reason_enc')
    .where('signal_id', '=', ids.labour!)
    .executeTakeFirstOrThrow();
  assert.doesNotMatch(stored.reason_enc, /reason-marker/, 'the reason is encrypted at rest');

  const meeting = await get(`/api/v1/informatiepunt/overleggen/${meetingId}`);
  assert.equal(meeting.statusCode, 200, meeting.body);
  assert.deepEqual(
    meeting.json<{ decisions: { reference: string }[] }>().decisions.map((d) => d.reference),
    [refs.labour, refs.acute],
  );
  const stillOpen = (await board()).map((i) => i.reference);
  assert.ok(stillOpen.includes(refs.labour!), 'until the meeting closes the signal stays to discuss');
});

test('closing: discussed signals leave the list to discuss but stay findable; a closed meeting refuses changes', async () => {
  const closed = await post(`/api/v1/informatiepunt/overleggen/${meetingId}/afsluiting`);
  assert.equal(closed.statusCode, 200, closed.body);
  assert.ok(closed.json<{ closedAt: string }>().closedAt);

  const toDiscuss = (await board()).map((i) => i.reference);
  assert.ok(!toDiscuss.includes(refs.labour!) && !toDiscuss.includes(refs.acute!));
  assert.ok(toDiscuss.includes(refs.disadvantage!));
  const discussed = await board('?status=besproken');
  assert.deepEqual(discussed.map((i) => i.reference).sort(), [refs.labour, refs.acute].sort());
  const labour = discussed.find((i) => i.reference === refs.labour)!;
  assert.equal(labour.toDiscuss, false);
  assert.deepEqual(
    labour.decisions.map((d) => [d.meetingId, d.decision, d.meetingClosed]),
    [[meetingId, 'strafrechtelijk-onderzoek', true]],
  );
  const found = await board(`?status=alle&reference=${refs.labour!.toLowerCase()}`);
  assert.deepEqual(
    found.map((i) => i.reference),
    [refs.labour],
    'found by its reference',
  );

  const late = await post(`/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`, {
    signalId: ids.disadvantage,
    decision: 'ernstige-benadeling-project',
    reason: 'Too late',
  });
  assert.equal(late.statusCode, 409, late.body);
  assert.equal(late.json<{ invalidParams: { rule: string }[] }>().invalidParams[0]!.rule, 'meeting-closed');
  assert.equal((await post(`/api/v1/informatiepunt/overleggen/${meetingId}/afsluiting`)).statusCode, 409);

  const meeting = await get(`/api/v1/informatiepunt/overleggen/${meetingId}`);
  assert.equal(meeting.json<{ closedBy: string }>().closedBy, 'Inge Punt');

  const empty = await post('/api/v1/informatiepunt/overleggen', {
    heldOn: '2026-03-10',
    chair: 'Mr. Voorzitter',
  });
  const emptyClose = await post(
    `/api/v1/informatiepunt/overleggen/${empty.json<{ id: string }>().id}/afsluiting`,
  );
  assert.equal(emptyClose.statusCode, 409);
  assert.equal(
    emptyClose.json<{ invalidParams: { rule: string }[] }>().invalidParams[0]!.rule,
    'no-decisions',
  );
});

test('the minutes are a DOCX holding each reference, decision and reason, and no narrative', async () => {
  const res = await get(`/api/v1/informatiepunt/overleggen/${meetingId}/notulen`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.match(
    String(res.headers['content-disposition']),
    /^attachment; filename="notulen-meldingenoverleg-2026-03-03\.docx"$/,
  );
  const archive = res.rawPayload;
  assert.equal(archive.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP archive');
  const xml = documentXml(archive);
  for (const text of [
    refs.labour!,
    refs.acute!,
    'Strafrechtelijk onderzoek',
    'Quick response team',
    'Passports held and wages withheld: route to the criminal investigation team (reason-marker)',
    'Acute danger: the quick response team goes today',
    'Mr. Voorzitter',
    '3 maart 2026',
    'door Inge Punt',
  ])
    assert.ok(xml.includes(text), `the minutes hold "${text}"`);
  assert.ok(!xml.includes('narrative-marker'), 'no narrative in the minutes');
  assert.ok(!xml.includes(refs.disadvantage!), 'only what this meeting decided');

  const english = await get(`/api/v1/informatiepunt/overleggen/${meetingId}/notulen?taal=en`);
  const englishXml = documentXml(english.rawPayload);
  assert.ok(
    englishXml.includes('Criminal investigation') && englishXml.includes('3 March 2026'),
    'in English',
  );
});

test("another organisation's meeting answers 404, as does a meeting that does not exist", async () => {
  for (const url of [
    `/api/v1/informatiepunt/overleggen/${meetingId}`,
    `/api/v1/informatiepunt/overleggen/${meetingId}/notulen`,
    `/informatiepunt/overleggen/${meetingId}`,
  ])
    assert.equal((await get(url, otherIp)).statusCode, 404, url);
  const decide = await post(
    `/api/v1/informatiepunt/overleggen/${meetingId}/besluiten`,
    { signalId: ids.elsewhere, decision: 'geen-actie', reason: 'Not ours' },
    otherIp,
  );
  assert.equal(decide.statusCode, 404, decide.body);
  assert.equal(
    (await post(`/api/v1/informatiepunt/overleggen/${meetingId}/afsluiting`, undefined, otherIp)).statusCode,
    404,
  );
  assert.equal(
    (await get('/api/v1/informatiepunt/overleggen/00000000-0000-4000-8000-000000000000')).statusCode,
    404,
  );
});

test('the pages: the board, opening a meeting, a decision without a reason shows the error beside the field', async () => {
  const page = await get('/informatiepunt');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(refs.disadvantage!));
  assert.ok(!page.body.includes(refs.labour!), 'discussed signals are not on the list to discuss');
  assert.match(page.body, /Acuut: quick response team|Meldingenoverleggen/);
  assert.match(page.body, /href="\/informatiepunt"/, 'the menu has the Informatiepunt');
  assert.ok(!(await get('/', officer)).body.includes('href="/informatiepunt"'), 'not in the officer’s menu');

  const form = await formSession(t.app, '/informatiepunt', ip);
  const send = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
    });
  const incomplete = await send('/informatiepunt/overleggen', { heldOn: '2026-03-17', chair: '' });
  assert.equal(incomplete.statusCode, 400);
  assert.match(incomplete.body, /id="field-chair-error"/);
  const opened = await send('/informatiepunt/overleggen', {
    heldOn: '2026-03-17',
    chair: 'Mevr. Voorzitter',
  });
  assert.equal(opened.statusCode, 303, opened.body);
  const location = String(opened.headers.location);
  const id = /\/informatiepunt\/overleggen\/([0-9a-f-]{36})\?nieuw=ja$/.exec(location)?.[1];
  assert.ok(id, location);

  const meeting = await get(`/informatiepunt/overleggen/${id}`);
  assert.equal(meeting.statusCode, 200);
  assert.match(meeting.body, new RegExp(`name="reason_${ids.disadvantage}"`), 'a decision form per signal');
  const noReason = await send(`/informatiepunt/overleggen/${id}/besluiten`, {
    signalId: ids.disadvantage!,
    [`decision_${ids.disadvantage}`]: 'ernstige-benadeling-project',
    [`reason_${ids.disadvantage}`]: ' ',
  });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, new RegExp(`id="field-reason_${ids.disadvantage}-error"`));
  assert.match(noReason.body, /Geef een motivering/);
  assert.match(
    noReason.body,
    new RegExp(`href="#field-reason_${ids.disadvantage}"`),
    'in the error summary too',
  );
  const decided = await send(`/informatiepunt/overleggen/${id}/besluiten`, {
    signalId: ids.disadvantage!,
    [`decision_${ids.disadvantage}`]: 'ernstige-benadeling-project',
    [`reason_${ids.disadvantage}`]: 'Serious disadvantage, no coercion: the project team takes it',
  });
  assert.equal(decided.statusCode, 303, decided.body);
  const own = await post(`/api/v1/informatiepunt/overleggen/${id}/besluiten`, {
    signalId: ids.held,
    decision: 'bestuurlijke-inspectie',
    reason: 'Our own signal: an inspection of the employer',
  });
  assert.equal(own.statusCode, 201, own.body);
  assert.equal(own.json<{ forwardOutcome: null }>().forwardOutcome, null, 'no forward, no outcome to record');
  const after = await get(`/informatiepunt/overleggen/${id}`);
  assert.match(after.body, /Project ernstige benadeling/);
  const closed = await send(`/informatiepunt/overleggen/${id}/afsluiting`, {});
  assert.equal(closed.statusCode, 303, closed.body);
  const final = await get(`/informatiepunt/overleggen/${id}?afgesloten=ja`);
  assert.match(final.body, /de notulen zijn vastgesteld/);
  assert.match(final.body, /door Inge Punt/);
});

test('the start page tells the Informatiepunt how many signals wait for the next meeting', async () => {
  const waiting = (await board()).length;
  const home = await get('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, new RegExp(`Signalen die wachten op het volgende meldingenoverleg: ${waiting}`));
});
