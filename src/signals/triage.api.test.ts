// Triage, links and merges, forwarding through the share decision, the recipient's minimal view and outcome, and
// the feedback that reaches the reporter; other organisations' ids answer like missing ones.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp, type TestOrganisation } from '../../test/support/app.js';
import { validSignal } from '../../test/support/signals.js';

let t: TestApp;
let gemeente: TestOrganisation;
let politie: TestOrganisation;
let zorg: TestOrganisation;
let melder: string;
let officer: string;
let colleagueId: string;
let police: string;
let care: string;
let otherOfficer: string;

before(async () => {
  t = await createTestApp();
  gemeente = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0599' });
  politie = await t.organisation({ type: 'politie' });
  zorg = await t.organisation({ type: 'zorgcoordinatie' });
  const other = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0518' });
  melder = await t.login(await t.user([[gemeente, ['melder']]]));
  officer = await t.login(await t.user([[gemeente, ['aandachtsfunctionaris']]]));
  colleagueId = (await t.user([[gemeente, ['aandachtsfunctionaris']]], { displayName: 'Karel Collega' })).id;
  police = await t.login(await t.user([[politie, ['opsporing']]]));
  care = await t.login(await t.user([[zorg, ['zorgcoordinator']]]));
  otherOfficer = await t.login(await t.user([[other, ['aandachtsfunctionaris']]]));
});
after(() => t.close());

async function newSignal(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/signalen',
    headers: { cookie: melder },
    payload: validSignal(overrides),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

const post = (cookie: string, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });

test('the queue filters by status, form and urgency, most urgent first; assigning starts the handling', async () => {
  const normal = await newSignal({ forms: ['seksuele-uitbuiting'], indicators: [] });
  const acute = await newSignal({ acuteDanger: true });
  const queue = (await get(officer, '/api/v1/signalen')).json<{ id: string }[]>();
  assert.ok(queue.findIndex((s) => s.id === acute) < queue.findIndex((s) => s.id === normal));
  const sexual = (await get(officer, '/api/v1/signalen?form=seksuele-uitbuiting')).json<{ id: string }[]>();
  assert.ok(sexual.some((s) => s.id === normal) && !sexual.some((s) => s.id === acute));
  const urgent = (await get(officer, '/api/v1/signalen?urgency=acuut')).json<{ id: string }[]>();
  assert.deepEqual(urgent.map((s) => s.id).includes(normal), false);

  assert.equal(
    (await post(officer, `/api/v1/signalen/${normal}/toewijzing`, { userId: colleagueId })).statusCode,
    204,
  );
  const signal = (await get(officer, `/api/v1/signalen/${normal}`)).json();
  assert.equal(signal.status, 'in-behandeling');
  assert.equal(signal.assignedTo.displayName, 'Karel Collega');
  const stranger = (await t.user([[politie, ['opsporing']]])).id;
  const wrong = await post(officer, `/api/v1/signalen/${normal}/toewijzing`, { userId: stranger });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().invalidParams[0].rule, 'not-a-colleague');
  const mine = (await get(officer, '/api/v1/signalen?assignedToMe=true')).json<{ id: string }[]>();
  assert.ok(!mine.some((s) => s.id === normal), 'assigned to the colleague, not to me');
});

test('decisions need a reason; keeping watch needs a review date; a closed signal reopens with a reason', async () => {
  const id = await newSignal();
  const noReason = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision: 'afgesloten',
    reason: ' ',
  });
  assert.equal(noReason.statusCode, 400);
  const noDate = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision: 'monitoren',
    reason: 'Watch it',
  });
  assert.equal(noDate.statusCode, 400);
  assert.equal(noDate.json().invalidParams[0].field, 'reviewOn');
  const watch = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision: 'monitoren',
    reason: 'Too little to go on; look again after the next inspection',
    reviewOn: '2026-04-01',
  });
  assert.equal(watch.statusCode, 204, watch.body);
  const close = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision: 'afgesloten',
    reason: 'The inspection found regular employment',
  });
  assert.equal(close.statusCode, 204);
  const again = await post(officer, `/api/v1/signalen/${id}/besluit`, {
    decision: 'afgesloten',
    reason: 'again',
  });
  assert.equal(again.statusCode, 409);
  assert.equal(
    (await post(officer, `/api/v1/signalen/${id}/heropening`, { reason: 'New information came in' }))
      .statusCode,
    204,
  );
  const signal = (await get(officer, `/api/v1/signalen/${id}`)).json();
  assert.equal(signal.status, 'in-behandeling');
  assert.deepEqual(
    signal.timeline.map((e: { kind: string }) => e.kind),
    ['created', 'decided', 'decided', 'reopened'],
  );
  assert.equal(signal.timeline[2].text, 'The inspection found regular employment');
});

test('signals sharing an identifier are suggested, can be linked, and a duplicate merges keeping both histories', async () => {
  const a = await newSignal({ identifiers: [{ type: 'phone', value: '+31 6 5555 1234' }] });
  const b = await newSignal({
    identifiers: [{ type: 'phone', value: '06-55551234' }],
    narrative: 'Same phone again',
  });
  const unrelated = await newSignal({ identifiers: [{ type: 'kvk', value: '12345678' }] });
  const signal = (await get(officer, `/api/v1/signalen/${a}`)).json();
  assert.deepEqual(
    signal.related.map((r: { id: string; sharedTypes: string[] }) => [r.id, r.sharedTypes]),
    [[b, ['phone']]],
  );
  assert.ok(!signal.related.some((r: { id: string }) => r.id === unrelated));
  // Another municipality's officer holding the same phone number sees nothing of it (cross-organisation hits are
  // the network index's work, with its own rules).
  assert.equal(
    (await post(officer, `/api/v1/signalen/${a}/koppelingen`, { relatedId: unrelated })).statusCode,
    204,
  );
  assert.equal(
    (await post(officer, `/api/v1/signalen/${a}/koppelingen`, { relatedId: unrelated })).statusCode,
    409,
  );

  const merge = await post(officer, `/api/v1/signalen/${a}/samenvoegingen`, {
    duplicateId: b,
    reason: 'The same event, reported twice',
  });
  assert.equal(merge.statusCode, 204, merge.body);
  const survivor = (await get(officer, `/api/v1/signalen/${a}`)).json();
  assert.deepEqual(
    survivor.merged.map((m: { id: string }) => m.id),
    [b],
  );
  const kinds = survivor.timeline.map((e: { kind: string; reference: string }) => `${e.reference}:${e.kind}`);
  assert.ok(
    kinds.includes(`${survivor.merged[0].reference}:created`),
    "the duplicate's history shows on the survivor",
  );
  const duplicate = (await get(officer, `/api/v1/signalen/${b}`)).json();
  assert.equal(duplicate.status, 'samengevoegd');
  assert.equal(duplicate.mergedInto.id, a);
  assert.equal(duplicate.narrative, 'Same phone again', 'nothing of the duplicate is lost');
  assert.equal((await post(officer, `/api/v1/signalen/${b}/notities`, { text: 'too late' })).statusCode, 409);
});

test('another organisation’s signal, a guessed id and a malformed id all answer 404', async () => {
  const id = await newSignal();
  assert.equal((await get(otherOfficer, `/api/v1/signalen/${id}`)).statusCode, 404);
  assert.equal((await get(officer, '/api/v1/signalen/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.equal((await post(otherOfficer, `/api/v1/signalen/${id}/notities`, { text: 'x' })).statusCode, 404);
  assert.equal(
    (await get(police, `/api/v1/signalen/${id}`)).statusCode,
    403,
    'the police has no reporting point',
  );
  assert.equal(
    (await get(melder, `/api/v1/signalen/${id}`)).statusCode,
    403,
    'a melder follows own signals elsewhere',
  );
});

test('forwarding asks the share decision: the police get what R15 allows; care gets no identifiers; outcome flows back', async () => {
  const id = await newSignal();
  const forward = await post(officer, `/api/v1/signalen/${id}/doorzettingen`, {
    recipients: [
      { organisationId: politie.id, purpose: 'opsporing-en-vervolging' },
      { organisationId: zorg.id, purpose: 'zorg-en-opvang' },
    ],
    categories: ['narrative', 'identifying', 'identifiers', 'contact'],
    reason: 'Clear indicators of labour exploitation; a victim may need shelter',
  });
  assert.equal(forward.statusCode, 201, forward.body);
  const forwards =
    forward.json<
      { to: { id: string }; rule: { id: string }; categories: string[]; withheld: string[]; id: string }[]
    >();
  const toPolice = forwards.find((f) => f.to.id === politie.id)!;
  const toCare = forwards.find((f) => f.to.id === zorg.id)!;
  assert.equal(toPolice.rule.id, 'R15');
  assert.deepEqual(toPolice.withheld, []);
  assert.equal(toCare.rule.id, 'R08');
  assert.deepEqual(toCare.withheld, ['identifiers'], 'R08 does not allow identifiers');

  const careView = (await get(care, `/api/v1/doorzettingen/${toCare.id}`)).json();
  assert.equal(careView.identifiers, null);
  assert.ok(careView.narrative.includes('greenhouse'));
  assert.equal(careView.persons.length, 1);
  const policeView = (await get(police, `/api/v1/doorzettingen/${toPolice.id}`)).json();
  assert.equal(policeView.identifiers.length, 3);
  assert.equal(
    (await get(care, `/api/v1/doorzettingen/${toPolice.id}`)).statusCode,
    404,
    "not care's forward",
  );

  const reads = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'fields', 'purpose'])
    .where('record_id', '=', id)
    .where('action', '=', 'signal.forward-read')
    .execute();
  assert.equal(reads.length, 2);
  assert.ok(reads.some((r) => r.purpose === 'zorg-en-opvang' && !r.fields.includes('identifiers')));

  assert.equal((await post(police, `/api/v1/doorzettingen/${toPolice.id}/acceptatie`)).statusCode, 204);
  const noReason = await post(police, `/api/v1/doorzettingen/${toPolice.id}/uitkomst`, {
    outcome: 'onderzoek-gestart',
    reason: '',
  });
  assert.equal(noReason.statusCode, 400);
  const outcome = await post(police, `/api/v1/doorzettingen/${toPolice.id}/uitkomst`, {
    outcome: 'onderzoek-gestart',
    reason: 'Added to an ongoing investigation into the employment agency',
    reporterSummary: 'The police have taken your signal up.',
  });
  assert.equal(outcome.statusCode, 204, outcome.body);

  const signal = (await get(officer, `/api/v1/signalen/${id}`)).json();
  assert.equal(signal.status, 'doorgezet');
  const police1 = signal.forwards.find((f: { to: { id: string } }) => f.to.id === politie.id);
  assert.equal(police1.outcome, 'onderzoek-gestart');
  assert.equal(police1.outcomeReason, 'Added to an ongoing investigation into the employment agency');
  assert.ok(signal.timeline.some((e: { kind: string }) => e.kind === 'outcome'));

  const own = (await get(melder, `/api/v1/mijn-signalen/${id}`)).json();
  assert.equal(own.status, 'afgehandeld');
  assert.deepEqual(
    own.feedback.map((f: { summary: string }) => f.summary),
    ['The police have taken your signal up.'],
  );
  assert.ok(
    !JSON.stringify(own).includes('employment agency'),
    "the recipient's reason stays with the officer",
  );
});

test('a forward without a legal basis is refused with the reason and nothing is shared', async () => {
  // Veilig Thuis runs a reporting point too; no rule lets it give a signal to the police for investigation.
  const vt = await t.organisation({ type: 'veilig-thuis' });
  const vtOfficer = await t.login(await t.user([[vt, ['aandachtsfunctionaris']]]));
  const vtMelder = await t.login(await t.user([[vt, ['melder']]]));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/signalen',
    headers: { cookie: vtMelder },
    payload: validSignal({ municipalityCode: 'GM0599' }),
  });
  const id = res.json().id;
  const refused = await post(vtOfficer, `/api/v1/signalen/${id}/doorzettingen`, {
    recipients: [{ organisationId: politie.id, purpose: 'opsporing-en-vervolging' }],
    categories: ['narrative'],
    reason: 'Try to forward',
  });
  assert.equal(refused.statusCode, 403, refused.body);
  assert.equal(refused.json().invalidParams[0].rule, 'no-rule');
  const forwards = await t.ctx.db
    .selectFrom('signal_forwards')
    .select('id')
    .where('signal_id', '=', id)
    .execute();
  assert.equal(forwards.length, 0);
  const signal = (await get(vtOfficer, `/api/v1/signalen/${id}`)).json();
  assert.equal(signal.status, 'nieuw', 'the status did not change');
});

test('the officer asks the professional reporter a question and reads the answer', async () => {
  const id = await newSignal();
  assert.equal(
    (await post(officer, `/api/v1/signalen/${id}/berichten`, { body: 'Which greenhouse was it?' }))
      .statusCode,
    204,
  );
  const own = (await get(melder, `/api/v1/mijn-signalen/${id}`)).json();
  assert.equal(own.messages[0].body, 'Which greenhouse was it?');
  assert.equal(
    (await post(melder, `/api/v1/mijn-signalen/${id}/berichten`, { body: 'The one on the Dijkweg.' }))
      .statusCode,
    204,
  );
  const signal = (await get(officer, `/api/v1/signalen/${id}`)).json();
  assert.deepEqual(
    signal.messages.map((m: { author: string }) => m.author),
    ['officer', 'reporter'],
  );
  const stored = await t.ctx.db
    .selectFrom('signal_messages')
    .select('body_enc')
    .where('signal_id', '=', id)
    .execute();
  assert.ok(
    stored.every((m) => !m.body_enc.includes('Dijkweg')),
    'messages are encrypted at rest',
  );
  const otherMelder = await t.login(await t.user([[gemeente, ['melder']]]));
  assert.equal((await get(otherMelder, `/api/v1/mijn-signalen/${id}`)).statusCode, 404, 'only the reporter');
});

test("CoMensha routes a signal from the national queue to a municipality's reporting point", async () => {
  const comensha = await t.organisation({ type: 'comensha' });
  const registrar = await t.login(await t.user([[comensha, ['comensha-registrator']]]));
  const ngo = await t.organisation({ type: 'ngo' });
  const ngoMelder = await t.login(await t.user([[ngo, ['melder']]]));
  // Nijmegen has no reporting point in this test: the signal goes to the national queue.
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/signalen',
    headers: { cookie: ngoMelder },
    payload: validSignal({ municipalityCode: 'GM0268', identifiers: [{ type: 'kvk', value: '87654321' }] }),
  });
  const id = res.json<{ id: string }>().id;
  const national = (await get(registrar, '/api/v1/signalen')).json<{ id: string }[]>();
  assert.ok(national.some((s) => s.id === id));
  assert.equal((await get(officer, `/api/v1/signalen/${id}`)).statusCode, 404, 'not yet at the municipality');
  const noPoint = await post(registrar, `/api/v1/signalen/${id}/routering`, { municipalityCode: 'GM0268' });
  assert.equal(noPoint.statusCode, 409);
  assert.equal(noPoint.json().invalidParams[0].rule, 'no-reporting-point');
  assert.equal(
    (await post(registrar, `/api/v1/signalen/${id}/routering`, { municipalityCode: 'GM0599' })).statusCode,
    204,
  );
  const signal = (await get(officer, `/api/v1/signalen/${id}`)).json();
  assert.equal(signal.municipalityCode, 'GM0599');
  assert.ok(signal.timeline.some((e: { kind: string }) => e.kind === 'routed'));
  assert.equal(
    (await get(registrar, `/api/v1/signalen/${id}`)).statusCode,
    404,
    'it left the national queue',
  );
  const rows = await t.ctx.db
    .selectFrom('signal_identifiers')
    .select('holder_organisation_id')
    .where('signal_id', '=', id)
    .execute();
  assert.deepEqual(
    rows.map((r) => r.holder_organisation_id),
    [gemeente.id],
    'its identifiers moved with it, so related-signal suggestions follow',
  );
});
