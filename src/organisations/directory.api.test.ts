import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let national: string;
before(async () => {
  t = await createTestApp();
  const ministry = await t.organisation({ type: 'ministerie' });
  national = await t.login(await t.user([[ministry, ['landelijk-beheerder']]]));
});
after(() => t.close());

async function postForm(values: Record<string, string>, cookie = national) {
  const form = await formSession(t.app, '/organisaties/nieuw', cookie);
  return t.app.inject({
    method: 'POST',
    url: '/organisaties',
    payload: new URLSearchParams({ _csrf: form.token, ...values }).toString(),
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

test('every logged-in user sees the organisation directory; only a national beheerder gets the register button', async () => {
  const gemeente = await t.organisation();
  const melder = await t.login(await t.user([[gemeente, ['melder']]]));
  const page = await t.app.inject({ url: '/organisaties', headers: { cookie: melder } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(gemeente.name));
  assert.doesNotMatch(page.body, /href="\/organisaties\/nieuw"/);
  assert.equal(
    (await t.app.inject({ url: '/organisaties/nieuw', headers: { cookie: melder } })).statusCode,
    403,
  );
  assert.match(
    (await t.app.inject({ url: '/organisaties', headers: { cookie: national } })).body,
    /href="\/organisaties\/nieuw"/,
  );
});

test('a national beheerder registers a municipality with its first beheerder and sees the activation code once', async () => {
  const res = await postForm({
    name: 'Gemeente Deventer',
    type: 'gemeente',
    place: 'GM0150',
    adminName: 'Dirk Beheer',
    adminEmail: 'beheer@deventer.test.schakel.example',
  });
  assert.equal(res.statusCode, 201);
  assert.match(res.body, /data-testid="activation-code">[0-9A-Z]{4}-/);
  const list = (await t.app.inject({ url: '/api/v1/organisaties', headers: { cookie: national } })).json<
    { name: string; municipalityCode: string }[]
  >();
  assert.ok(list.some((o) => o.name === 'Gemeente Deventer' && o.municipalityCode === 'GM0150'));
});

test('a regional organisation takes a region; mistakes are shown beside the fields', async () => {
  const riec = await postForm({
    name: 'RIEC Oost-Nederland',
    type: 'riec',
    place: 'riec:riec-oost-nederland',
    adminName: '',
    adminEmail: '',
  });
  assert.equal(riec.statusCode, 201);
  const noPlace = await postForm({
    name: 'Gemeente Zonder Plaats',
    type: 'gemeente',
    place: '',
    adminName: '',
    adminEmail: '',
  });
  assert.equal(noPlace.statusCode, 400);
  assert.match(noPlace.body, /id="field-place-error"[^>]*>Kies een plaats/);
  const duplicate = await postForm({
    name: 'RIEC Oost-Nederland',
    type: 'riec',
    place: '',
    adminName: '',
    adminEmail: '',
  });
  assert.equal(duplicate.statusCode, 400);
  assert.match(duplicate.body, /id="field-name-error"/);
});
