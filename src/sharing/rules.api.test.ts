import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let privacyOfficer: string;
before(async () => {
  t = await createTestApp();
  const ministry = await t.organisation({ type: 'ministerie' });
  privacyOfficer = await t.login(await t.user([[ministry, ['privacyfunctionaris']]]));
});
after(() => t.close());

test('beheerders, auditors and privacy officers read the rule table; a melder does not', async () => {
  const gemeente = await t.organisation();
  const beheerder = await t.login(await t.user([[gemeente, ['beheerder']]]));
  const res = await t.app.inject({ url: '/api/v1/deelregels', headers: { cookie: beheerder } });
  assert.equal(res.statusCode, 200);
  const rules = res.json<{ id: string; status: string; legalBasis: string }[]>();
  assert.equal(rules.length, 16);
  assert.ok(
    rules.every((r) => r.status === 'to-be-confirmed'),
    'nothing in the matrix is verified in a primary source',
  );
  const page = await t.app.inject({ url: '/deelregels', headers: { cookie: beheerder } });
  assert.match(page.body, /te bevestigen door een privacyfunctionaris/);
  assert.doesNotMatch(page.body, /action="\/deelregels\/R01\/bevestiging"/, 'a beheerder cannot confirm');
  const melder = await t.login(await t.user([[gemeente, ['melder']]]));
  assert.equal(
    (await t.app.inject({ url: '/api/v1/deelregels', headers: { cookie: melder } })).statusCode,
    403,
  );
});

test('a ministry’s privacy officer confirms a rule with a note; once per version; audited', async () => {
  const short = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deelregels/R01/bevestigingen',
    headers: { cookie: privacyOfficer },
    payload: { note: 'ok' },
  });
  assert.equal(short.statusCode, 400);
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deelregels/R01/bevestigingen',
    headers: { cookie: privacyOfficer },
    payload: { note: 'Checked against the DPIA and the Besluit politiegegevens.' },
  });
  assert.equal(ok.statusCode, 201);
  assert.equal(ok.json().status, 'confirmed');
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deelregels/R01/bevestigingen',
    headers: { cookie: privacyOfficer },
    payload: { note: 'Checked once more, to be sure of it.' },
  });
  assert.equal(again.statusCode, 409);
  const unknown = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deelregels/R99/bevestigingen',
    headers: { cookie: privacyOfficer },
    payload: { note: 'Checked against nothing at all.' },
  });
  assert.equal(unknown.statusCode, 404);
  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['record_id'])
    .where('action', '=', 'sharing.rule-confirm')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.record_id),
    ['R01@1'],
  );
});

test('a privacy officer of a municipality cannot confirm the national rules', async () => {
  const gemeente = await t.organisation();
  const local = await t.login(await t.user([[gemeente, ['privacyfunctionaris']]]));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deelregels/R02/bevestigingen',
    headers: { cookie: local },
    payload: { note: 'Checked against our own DPIA here.' },
  });
  assert.equal(res.statusCode, 403);
});

test('the confirmation form on the page shows a message beside the field when the note is too short', async () => {
  const form = await formSession(t.app, '/deelregels', privacyOfficer);
  assert.match(form.body, /action="\/deelregels\/R03\/bevestiging"/);
  const res = await t.app.inject({
    method: 'POST',
    url: '/deelregels/R03/bevestiging',
    payload: new URLSearchParams({ _csrf: form.token, 'note-R03': 'kort' }).toString(),
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /id="field-note-R03-error"[^>]*>Schrijf in 10 tot 2000 tekens/);
});

test('the decision preview answers for the acting organisation, naming rule, basis and the categories that may go', async () => {
  const gemeente = await t.organisation();
  const aandacht = await t.login(await t.user([[gemeente, ['aandachtsfunctionaris']]]));
  const ask = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/deelbesluiten', headers: { cookie: aandacht }, payload });
  const police = (
    await ask({
      recipientType: 'politie',
      purpose: 'opsporing-en-vervolging',
      categories: ['identifying', 'special-category', 'narrative'],
    })
  ).json();
  assert.equal(police.allowed, true);
  assert.equal(police.rule.id, 'R15');
  assert.deepEqual(police.categories, ['identifying', 'narrative']);
  assert.deepEqual(police.withheld, ['special-category']);
  assert.equal(police.toBeConfirmed, true);
  const comensha = (
    await ask({ recipientType: 'comensha', purpose: 'registratie-comensha', categories: ['identifying'] })
  ).json();
  assert.equal(comensha.allowed, false);
  assert.equal(comensha.code, 'consent-missing');
  const none = (
    await ask({ recipientType: 'nationaal-rapporteur', purpose: 'statistiek', categories: ['identifying'] })
  ).json();
  assert.equal(none.code, 'no-rule');
});
