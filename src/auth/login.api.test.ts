import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createTestApp,
  sessionCookie,
  formSession,
  type TestApp,
  type TestOrganisation,
} from '../../test/support/app.js';
import { totpCode } from './totp.js';

let t: TestApp;
let org: TestOrganisation;

before(async () => {
  t = await createTestApp();
  org = await t.organisation({ type: 'gemeente' });
});
after(() => t.close());

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('record_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

test('a beheerder logs in with password and TOTP and then acts for their organisation', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  t.clock.advance(30_000);
  const first = await post('/api/v1/sessies', { email: user.email, password: user.password });
  assert.equal(first.statusCode, 201);
  assert.deepEqual(first.json(), { next: 'second-factor' });
  const pending = sessionCookie(first)!;

  const blocked = await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie: pending } });
  assert.equal(blocked.statusCode, 401, 'a password alone opens nothing that holds personal data');

  const second = await post(
    '/api/v1/sessies/huidige/tweede-factor',
    { code: totpCode(user.totpSecret, t.clock.now()) },
    pending,
  );
  assert.equal(second.statusCode, 200);
  assert.deepEqual(second.json(), { next: 'done' });
  const full = sessionCookie(second)!;
  assert.notEqual(full, pending, 'the token is rotated when the session gains rights');

  const stale = await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: pending } });
  assert.equal(stale.statusCode, 401, 'the pre-second-factor token is dead');
  const me = await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: full } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().organisationId, org.id);
  assert.deepEqual(me.json().roles, ['beheerder']);
  assert.deepEqual(await auditActions(user.id), ['auth.login:success', 'auth.second-factor:success']);
});

test('a wrong password is refused with the same answer as an unknown e-mail address, and both are audited', async () => {
  const user = await t.user([[org, ['melder']]]);
  const wrong = await post('/api/v1/sessies', { email: user.email, password: 'not the password at all' });
  const unknown = await post('/api/v1/sessies', {
    email: 'nobody@test.schakel.example',
    password: 'not the password at all',
  });
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(wrong.json(), unknown.json(), 'no hint whether the account exists');
  assert.deepEqual(await auditActions(user.id), ['auth.login:failure']);
  const anonymous = await t.ctx.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'auth.login')
    .where('record_id', 'is', null)
    .execute();
  assert.ok(anonymous.some((r) => r.details.reason === 'unknown-account'));
  assert.ok(!JSON.stringify(anonymous).includes('nobody@'), 'the attempted address is not stored');
});

test('five wrong passwords lock the account, even the right password then fails, and the lock ends by itself', async () => {
  const user = await t.user([[org, ['melder']]]);
  for (let i = 0; i < 5; i++)
    assert.equal(
      (await post('/api/v1/sessies', { email: user.email, password: `wrong password ${i}` })).statusCode,
      401,
    );
  const locked = await post('/api/v1/sessies', { email: user.email, password: user.password });
  assert.equal(locked.statusCode, 401, 'locked: the right password does not open it');
  assert.ok((await auditActions(user.id)).includes('auth.lockout:success'));
  t.clock.advance(16 * 60_000);
  const later = await post('/api/v1/sessies', { email: user.email, password: user.password });
  assert.equal(later.statusCode, 201, 'after the lockout period the account opens again');
});

test('wrong TOTP codes count towards the lockout and a used code cannot be replayed', async () => {
  const user = await t.user([[org, ['aandachtsfunctionaris']]]);
  t.clock.advance(30_000);
  const first = await post('/api/v1/sessies', { email: user.email, password: user.password });
  const pending = sessionCookie(first)!;
  const code = totpCode(user.totpSecret, t.clock.now());
  const bad = await post(
    '/api/v1/sessies/huidige/tweede-factor',
    { code: code === '000000' ? '111111' : '000000' },
    pending,
  );
  assert.equal(bad.statusCode, 401);
  assert.equal(bad.json().code, 'second-factor-invalid');
  const ok = await post('/api/v1/sessies/huidige/tweede-factor', { code }, pending);
  assert.equal(ok.statusCode, 200);

  const again = await post('/api/v1/sessies', { email: user.email, password: user.password });
  const replay = await post('/api/v1/sessies/huidige/tweede-factor', { code }, sessionCookie(again)!);
  assert.equal(replay.statusCode, 401, 'the same code in the same time step is refused');
});

test('an analist, whose role sees no personal data, needs no second factor', async () => {
  const nr = await t.organisation({ type: 'nationaal-rapporteur' });
  const user = await t.user([[nr, ['analist']]], { enrolled: false });
  const first = await post('/api/v1/sessies', { email: user.email, password: user.password });
  assert.deepEqual(first.json(), { next: 'done' });
});

test('a melder without a second factor must enrol one before anything else', async () => {
  const user = await t.user([[org, ['melder']]], { enrolled: false });
  const first = await post('/api/v1/sessies', { email: user.email, password: user.password });
  assert.deepEqual(first.json(), { next: 'enrol-second-factor' });
  const page = await t.app.inject({ url: '/', headers: { cookie: sessionCookie(first)! } });
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/inloggen/code');
  const code = await t.app.inject({ url: '/inloggen/code', headers: { cookie: sessionCookie(first)! } });
  assert.equal(code.headers.location, '/inloggen/code-instellen', 'a user without TOTP is sent to set it up');
});

test('a session ends after the idle timeout and after the absolute timeout', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const idle = await t.login(user);
  t.clock.advance(31 * 60_000);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: idle } })).statusCode,
    401,
  );

  const busy = await t.login(user);
  for (let hour = 0; hour < 10; hour++) {
    t.clock.advance(25 * 60_000);
    assert.equal(
      (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: busy } })).statusCode,
      200,
    );
  }
  t.clock.advance(25 * 60_000);
  t.clock.advance(25 * 60_000);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: busy } })).statusCode,
    401,
    'ten hours is the limit, however busy',
  );
});

test('logging out everywhere ends every session of the user', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const laptop = await t.login(user);
  const phone = await t.login(user);
  const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies', headers: { cookie: laptop } });
  assert.equal(out.statusCode, 204);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie: phone } })).statusCode,
    401,
  );
  assert.ok((await auditActions(user.id)).includes('auth.logout-everywhere:success'));
});

test('a user of two organisations chooses one and sees only its roles', async () => {
  const other = await t.organisation({ type: 'zorgcoordinatie' });
  const user = await t.user([
    [org, ['zorgcoordinator']],
    [other, ['zorgcoordinator', 'beheerder']],
  ]);
  const cookie = await t.login(user, other);
  const me = (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie } })).json();
  assert.equal(me.organisationId, other.id);
  assert.deepEqual(me.roles.sort(), ['beheerder', 'zorgcoordinator']);
  assert.equal(me.organisations.length, 2);
  const notMine = await t.organisation();
  const refused = await post('/api/v1/sessies/huidige/organisatie', { organisationId: notMine.id }, cookie);
  assert.equal(refused.statusCode, 400);
});

test('the login form refuses a post without its CSRF token', async () => {
  const user = await t.user([[org, ['melder']]]);
  const bare = await t.app.inject({
    method: 'POST',
    url: '/inloggen',
    payload: `email=${encodeURIComponent(user.email)}&password=x`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(bare.statusCode, 403);
  const form = await formSession(t.app, '/inloggen');
  const ok = await t.app.inject({
    method: 'POST',
    url: '/inloggen',
    payload: new URLSearchParams({
      _csrf: form.token,
      email: user.email,
      password: user.password,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/inloggen/code');
  const cookie = ok.cookies.find((c) => c.name === 'schakel_sessie')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.secure, true);
  assert.equal(cookie.sameSite, 'Lax');
});

test('login attempts are rate limited per client', async () => {
  const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
  try {
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await limited.app.inject({
            method: 'POST',
            url: '/api/v1/sessies',
            payload: { email: 'a@b.example', password: 'x' },
          })
        ).statusCode,
      );
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  } finally {
    await limited.close();
  }
});
