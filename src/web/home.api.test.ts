import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the start page shows each role its work, and a card saying so where a role’s work is not there yet', async () => {
  const gemeente = await t.organisation();
  const beheerder = await t.login(await t.user([[gemeente, ['beheerder', 'auditor']]]));
  const page = (await t.app.inject({ url: '/', headers: { cookie: beheerder } })).body;
  assert.match(page, /href="\/gebruikers">Gebruikers beheren/);
  assert.match(page, /href="\/audit">Auditlog doorzoeken/);
  assert.doesNotMatch(page, /Zorgcoördinatieregio’s bijhouden/);
  const melder = await t.login(await t.user([[gemeente, ['melder']]]));
  const melderPage = (await t.app.inject({ url: '/', headers: { cookie: melder } })).body;
  assert.match(melderPage, /href="\/signalen\/nieuw">Een signaal melden/);
  assert.doesNotMatch(melderPage, /nog niet beschikbaar/);
  assert.doesNotMatch(melderPage, /Gebruikers beheren/);
  const ministry = await t.organisation({ type: 'ministerie' });
  const officer = await t.login(await t.user([[ministry, ['privacyfunctionaris']]]));
  const officerPage = (await t.app.inject({ url: '/', headers: { cookie: officer } })).body;
  assert.match(officerPage, /Rol: Privacyfunctionaris/);
  assert.match(officerPage, /nog niet beschikbaar/);
});

test('an action holder sees its actions on the start page; a beleidsmedewerker gets no “not yet” card', async () => {
  const ministry = await t.organisation({
    type: 'ministerie',
    name: 'Ministerie van Justitie en Veiligheid',
  });
  const policy = await t.login(await t.user([[ministry, ['beleidsmedewerker']]]));
  const page = (await t.app.inject({ url: '/', headers: { cookie: policy } })).body;
  assert.match(page, /href="\/actieplan\/mijn-acties">Mijn acties in het actieplan/);
  assert.doesNotMatch(page, /Rol: Beleidsmedewerker/);
});

test('a visitor sees what Schakel is and how to log in', async () => {
  const page = (await t.app.inject({ url: '/' })).body;
  assert.match(page, /Inloggen voor professionals/);
});
