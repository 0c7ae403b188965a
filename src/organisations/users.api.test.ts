import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, sessionCookie, type TestApp, type TestOrganisation } from '../../test/support/app.js';
import { totpCode } from '../auth/index.js';

let t: TestApp;
let org: TestOrganisation;
let admin: string;

before(async () => {
  t = await createTestApp();
  org = await t.organisation({ type: 'gemeente' });
  admin = await t.login(await t.user([[org, ['beheerder']]]));
});
after(() => t.close());

const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = admin) =>
  t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

test('a beheerder adds a user, who activates the account, sets up TOTP and logs in', async () => {
  const created = await api('POST', '/api/v1/gebruikers', {
    email: 'New.Colleague@test.schakel.example',
    displayName: 'Nieuwe Collega',
    roles: ['aandachtsfunctionaris'],
  });
  assert.equal(created.statusCode, 201);
  const body = created.json();
  assert.equal(body.user.email, 'new.colleague@test.schakel.example');
  assert.equal(body.user.status, 'awaiting-activation');
  assert.match(body.activationCode, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

  const tooShort = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activeringen',
    payload: { email: 'new.colleague@test.schakel.example', code: body.activationCode, password: 'short' },
  });
  assert.equal(tooShort.statusCode, 400);
  assert.deepEqual(
    tooShort.json().invalidParams.map((i: { field: string; rule: string }) => [i.field, i.rule]),
    [['password', 'too-short']],
  );
  const wrongCode = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activeringen',
    payload: {
      email: 'new.colleague@test.schakel.example',
      code: 'AAAA-BBBB-CCCC-DDDD',
      password: 'a long enough passphrase',
    },
  });
  assert.equal(wrongCode.statusCode, 400);
  const activated = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activeringen',
    payload: {
      email: 'new.colleague@test.schakel.example',
      code: body.activationCode.toLowerCase(),
      password: 'a long enough passphrase',
    },
  });
  assert.equal(activated.statusCode, 204);
  const reuse = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activeringen',
    payload: {
      email: 'new.colleague@test.schakel.example',
      code: body.activationCode,
      password: 'another long passphrase',
    },
  });
  assert.equal(reuse.statusCode, 400, 'an activation code works once');

  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: 'new.colleague@test.schakel.example', password: 'a long enough passphrase' },
  });
  assert.deepEqual(login.json(), { next: 'enrol-second-factor' });
  const cookie = sessionCookie(login)!;
  const enrolPage = await t.app.inject({ url: '/inloggen/code-instellen', headers: { cookie } });
  const secret = /<code class="app-code">([A-Z2-7 ]+)<\/code>/.exec(enrolPage.body)![1]!.replace(/ /g, '');
  const form = /name="_csrf" value="([^"]+)"/.exec(enrolPage.body)![1]!;
  const csrfCookie = enrolPage.cookies.find((c) => c.name === '_csrf')!;
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/inloggen/code-instellen',
    payload: new URLSearchParams({ _csrf: form, code: totpCode(secret, t.clock.now()) }).toString(),
    headers: {
      cookie: `${cookie}; _csrf=${csrfCookie.value}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  assert.equal(confirm.statusCode, 303);
  assert.equal(confirm.headers.location, '/');
  const me = await t.app.inject({
    url: '/api/v1/sessies/huidige',
    headers: { cookie: sessionCookie(confirm)! },
  });
  assert.deepEqual(me.json().roles, ['aandachtsfunctionaris']);

  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('record_id', '=', body.user.userId)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => `${a.action}:${a.outcome}`),
    [
      'user.create:success',
      'auth.activate:failure',
      'auth.activate:success',
      'auth.activate:failure',
      'auth.login:success',
      'auth.totp-enrolment:success',
    ],
  );
});

test('roles that do not exist in this kind of organisation are refused with the field and the rule', async () => {
  const res = await api('POST', '/api/v1/gebruikers', {
    email: 'x@test.schakel.example',
    displayName: 'X',
    roles: ['comensha-registrator'],
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().invalidParams[0], {
    field: 'roles',
    rule: 'organisation-type',
    message: 'The role comensha-registrator does not exist in an organisation of type gemeente',
  });
  const unknown = await api('POST', '/api/v1/gebruikers', {
    email: 'x@test.schakel.example',
    displayName: 'X',
    roles: ['koning'],
  });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().invalidParams[0].field, 'body/roles/0');
});

test('an existing account from another organisation is added with its roles, without a new activation code', async () => {
  const other = await t.organisation({ type: 'zorgcoordinatie' });
  const person = await t.user([[other, ['zorgcoordinator']]]);
  const res = await api('POST', '/api/v1/gebruikers', {
    email: person.email,
    displayName: 'ignored',
    roles: ['zorgcoordinator'],
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().existingAccount, true);
  assert.equal(res.json().activationCode, undefined);
  const again = await api('POST', '/api/v1/gebruikers', {
    email: person.email,
    displayName: 'ignored',
    roles: ['melder'],
  });
  assert.equal(again.statusCode, 409);
  const reset = await api('POST', `/api/v1/gebruikers/${person.id}/activeringscodes`);
  assert.equal(
    reset.statusCode,
    409,
    'an account shared with another organisation is not reset by one of them',
  );
});

test('roles change, and the last beheerder cannot be removed', async () => {
  const lonely = await t.organisation();
  const onlyAdmin = await t.user([[lonely, ['beheerder']]]);
  const cookie = await t.login(onlyAdmin);
  const demote = await api('PUT', `/api/v1/gebruikers/${onlyAdmin.id}/rollen`, ['melder'], cookie);
  assert.equal(demote.statusCode, 409);
  assert.equal(demote.json().invalidParams[0].rule, 'last-beheerder');
  const remove = await api('DELETE', `/api/v1/gebruikers/${onlyAdmin.id}`, undefined, cookie);
  assert.equal(remove.statusCode, 409);

  const colleague = await t.user([[lonely, ['melder']]]);
  const promote = await api(
    'PUT',
    `/api/v1/gebruikers/${colleague.id}/rollen`,
    ['melder', 'auditor'],
    cookie,
  );
  assert.equal(promote.statusCode, 200);
  assert.deepEqual(promote.json().roles.sort(), ['auditor', 'melder']);
});

test('removing a user ends their sessions at once', async () => {
  const leaver = await t.user([[org, ['melder']]]);
  const leaverCookie = await t.login(leaver);
  assert.equal((await api('DELETE', `/api/v1/gebruikers/${leaver.id}`)).statusCode, 204);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: leaverCookie } })).statusCode,
    401,
  );
});

test('a reset clears password and second factor and gives a new activation code', async () => {
  const forgetful = await t.user([[org, ['melder']]]);
  const res = await api('POST', `/api/v1/gebruikers/${forgetful.id}/activeringscodes`);
  assert.equal(res.statusCode, 201);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: forgetful.email, password: forgetful.password },
  });
  assert.equal(login.statusCode, 401, 'the old password no longer works');
  const user = (await api('GET', `/api/v1/gebruikers/${forgetful.id}`)).json();
  assert.equal(user.status, 'awaiting-activation');
  assert.equal(user.secondFactor, false);
});

test('reading the user list is audited with the fields and the purpose', async () => {
  await api('GET', '/api/v1/gebruikers');
  const read = await t.ctx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'user.list')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(read.fields, ['email', 'displayName', 'roles']);
  assert.equal(read.purpose, 'gebruikersbeheer');
  assert.equal(read.record_organisation_id, org.id);
});

test('a national beheerder registers an organisation with its first beheerder; a municipal beheerder cannot', async () => {
  const ministry = await t.organisation({ type: 'ministerie' });
  const national = await t.login(await t.user([[ministry, ['landelijk-beheerder']]]));
  const created = await api(
    'POST',
    '/api/v1/organisaties',
    {
      name: 'Gemeente Zwolle',
      type: 'gemeente',
      municipalityCode: 'GM0193',
      firstAdministrator: { email: 'beheer@zwolle.test.schakel.example', displayName: 'Beheer Zwolle' },
    },
    national,
  );
  assert.equal(created.statusCode, 201);
  assert.ok(created.json().activationCode);
  const noPlace = await api(
    'POST',
    '/api/v1/organisaties',
    { name: 'Gemeente Nergens', type: 'gemeente', municipalityCode: 'GM9999' },
    national,
  );
  assert.equal(noPlace.statusCode, 400);
  assert.equal(noPlace.json().invalidParams[0].field, 'municipalityCode');
  const refused = await api('POST', '/api/v1/organisaties', {
    name: 'Gemeente Deventer',
    type: 'gemeente',
    municipalityCode: 'GM0150',
  });
  assert.equal(refused.statusCode, 403);
});
