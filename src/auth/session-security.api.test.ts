// Sessions against fixation, theft and brute force: a token held before login is never the one after it, the token
// rotates at every factor the session proves, logging out ends the session on the server (one or all of them),
// tokens are 256 random bits stored only as a hash, and every login step is rate limited and counts towards the
// lockout, which also ends the sessions an attacker might hold. login.api.test.ts holds the basic flows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createTestApp,
  formSession,
  sessionCookie,
  type TestApp,
  type TestOrganisation,
} from '../../test/support/app.js';
import { totpCode } from './totp.js';
import { sha256 } from './tokens.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp;
let org: TestOrganisation;

before(async () => {
  t = await createTestApp();
  org = await t.organisation({ type: 'gemeente' });
});
after(() => t.close());

const status = async (cookie: string) =>
  (await t.app.inject({ url: '/api/v1/sessies/huidige', headers: { cookie } })).statusCode;

/** Posts a page form the way a browser does: the form's CSRF token, its cookie and the session cookie. */
async function postForm(url: string, formUrl: string, fields: Record<string, string>, cookie = '') {
  const form = await formSession(t.app, formUrl, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
    headers: { ...FORM, cookie: form.cookie },
  });
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('record_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

test('a session token planted before login is never the one after it, and opens nothing', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const planted = 'schakel_sessie=attacker-chosen-value-planted-in-the-victims-browser';
  t.clock.advance(30_000);
  const first = await postForm(
    '/inloggen',
    '/inloggen',
    { email: user.email, password: user.password },
    planted,
  );
  assert.equal(first.statusCode, 303);
  const pending = sessionCookie(first)!;
  assert.notEqual(pending, planted, 'login issues a fresh token, whatever the browser presented');
  const second = await postForm(
    '/inloggen/code',
    '/inloggen/code',
    { code: totpCode(user.totpSecret, t.clock.now()) },
    pending,
  );
  assert.equal(second.statusCode, 303);
  const full = sessionCookie(second)!;
  assert.notEqual(full, pending, 'the second factor rotates the token');
  assert.notEqual(full, planted);
  assert.equal(await status(planted), 401, 'the planted value never became a session');
  assert.equal(await status(pending), 401, 'the token from before the second factor is dead');
  assert.equal(await status(full), 200);
});

test('confirming TOTP enrolment rotates the token too; the enrolment-time token is dead', async () => {
  const user = await t.user([[org, ['melder']]], { enrolled: false });
  const first = await postForm('/inloggen', '/inloggen', { email: user.email, password: user.password });
  const pending = sessionCookie(first)!;
  const enrol = await t.app.inject({ url: '/inloggen/code-instellen', headers: { cookie: pending } });
  const secret = /<code class="app-code">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replace(/ /g, '');
  assert.ok(secret, 'the enrolment page shows the secret');
  t.clock.advance(30_000);
  const confirmed = await postForm(
    '/inloggen/code-instellen',
    '/inloggen/code-instellen',
    { code: totpCode(secret, t.clock.now()) },
    pending,
  );
  assert.equal(confirmed.statusCode, 303, confirmed.body);
  const full = sessionCookie(confirmed)!;
  assert.notEqual(full, pending);
  assert.equal(await status(pending), 401);
  assert.equal(await status(full), 200);
});

test('choosing the organisation to act for, which gives the session its roles, rotates the token', async () => {
  const other = await t.organisation({ type: 'zorgcoordinatie' });
  const user = await t.user([
    [org, ['zorgcoordinator']],
    [other, ['zorgcoordinator']],
  ]);
  const before = await t.login(user, other);
  const chosen = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies/huidige/organisatie',
    headers: { cookie: before },
    payload: { organisationId: org.id },
  });
  assert.equal(chosen.statusCode, 204);
  const after = sessionCookie(chosen);
  assert.ok(after && after !== before, 'a new token comes with the new rights');
  assert.equal(await status(before), 401);
});

test('session tokens are 256 random bits; the database holds only their SHA-256', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const tokens = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessies',
      payload: { email: user.email, password: user.password },
    });
    const token = sessionCookie(res)!.split('=')[1]!;
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url');
    tokens.add(token);
  }
  assert.equal(tokens.size, 20, 'no token repeats');
  const rows = await t.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
  const stored = JSON.stringify(rows);
  for (const token of tokens) {
    assert.ok(!stored.includes(token), 'the token itself is not stored');
    assert.ok(
      rows.some((r) => r.id === sha256(token)),
      'the row is found by the hash of the token',
    );
  }
});

test('logging out on the page ends that session on the server: the old cookie opens nothing, other sessions live', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const laptop = await t.login(user);
  const phone = await t.login(user);
  const out = await postForm('/uitloggen', '/account', {}, laptop);
  assert.equal(out.statusCode, 200);
  const cleared = out.cookies.find((c) => c.name === 'schakel_sessie');
  assert.ok(
    cleared && cleared.value === '' && cleared.expires! <= new Date(),
    'the browser is told to drop it',
  );
  assert.equal(await status(laptop), 401, 'a copy of the old cookie is worthless');
  const page = await t.app.inject({ url: '/gebruikers', headers: { cookie: laptop } });
  assert.equal(page.statusCode, 303);
  assert.match(page.headers.location as string, /^\/inloggen/);
  assert.equal(await status(phone), 200, 'logging out here does not end the other device');
  const row = await t.ctx.db
    .selectFrom('sessions')
    .select('revoked_at')
    .where('id', '=', sha256(laptop.split('=')[1]!))
    .executeTakeFirstOrThrow();
  assert.ok(row.revoked_at, 'the session row is revoked, not merely the cookie cleared');
  assert.ok((await auditActions(user.id)).includes('auth.logout:success'));
});

test('logging out through the API ends the session on the server', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const cookie = await t.login(user);
  const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies/huidige', headers: { cookie } });
  assert.equal(out.statusCode, 204);
  assert.equal(await status(cookie), 401);
  const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessies/huidige', headers: { cookie } });
  assert.equal(again.statusCode, 401, 'an ended session cannot even log out again');
});

test('“log out everywhere” on the page ends every session of the user, and only theirs', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const colleague = await t.login(await t.user([[org, ['beheerder']]]));
  const laptop = await t.login(user);
  const phone = await t.login(user);
  const out = await postForm('/uitloggen-overal', '/account', {}, laptop);
  assert.equal(out.statusCode, 200);
  assert.equal(await status(laptop), 401);
  assert.equal(await status(phone), 401);
  assert.equal(await status(colleague), 200, 'another user is not touched');
  assert.ok((await auditActions(user.id)).includes('auth.logout-everywhere:success'));
});

test('wrong second-factor codes lock the account and end the sessions it already had', async () => {
  const user = await t.user([[org, ['beheerder']]]);
  const stolen = await t.login(user);
  t.clock.advance(30_000);
  const first = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: user.email, password: user.password },
  });
  const pending = sessionCookie(first)!;
  const right = totpCode(user.totpSecret, t.clock.now());
  const codes = [];
  for (let i = 0; i < 5; i++) {
    const wrong = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
    codes.push(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/sessies/huidige/tweede-factor',
          headers: { cookie: pending },
          payload: { code: wrong },
        })
      ).statusCode,
    );
  }
  assert.deepEqual(codes, [401, 401, 401, 401, 401]);
  assert.equal(await status(stolen), 401, 'the lockout ends every session of the account');
  const locked = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: user.email, password: user.password },
  });
  assert.equal(locked.statusCode, 401, 'and the right password does not open it during the lockout');
  assert.ok((await auditActions(user.id)).includes('auth.lockout:success'));
});

test('every login step is rate limited per client, on the pages and in the API', async () => {
  const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2' } });
  try {
    const user = await limited.user([[await limited.organisation(), ['beheerder']]]);
    const pending = async () => {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/sessies',
        payload: { email: user.email, password: user.password },
        remoteAddress: '203.0.113.99',
      });
      return sessionCookie(res)!;
    };
    const cookie = await pending();
    const steps: { url: string; json: boolean; cookie?: string }[] = [
      { url: '/api/v1/sessies', json: true },
      { url: '/api/v1/sessies/huidige/tweede-factor', json: true, cookie },
      { url: '/api/v1/activeringen', json: true },
      { url: '/inloggen', json: false },
      { url: '/inloggen/code', json: false, cookie },
      { url: '/inloggen/code-instellen', json: false, cookie },
      { url: '/activeren', json: false },
    ];
    for (const step of steps) {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: step.url,
          remoteAddress: '203.0.113.7',
          headers: {
            ...(step.json ? {} : FORM),
            ...(step.cookie ? { cookie: step.cookie } : {}),
          },
          ...(step.json ? { payload: { email: 'a@b.example', password: 'x', code: '000000' } } : {}),
          ...(step.json ? {} : { payload: 'email=a%40b.example&password=x&code=000000' }),
        });
        statuses.push(res.statusCode);
      }
      assert.notEqual(statuses[0], 429, `${step.url}: the first attempts pass the limiter`);
      assert.equal(statuses[2], 429, `${step.url} answered ${statuses.join(', ')}`);
    }
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/v1/sessies',
      payload: { email: user.email, password: user.password },
      remoteAddress: '203.0.113.8',
    });
    assert.equal(other.statusCode, 201, 'another client is not held back');
  } finally {
    await limited.close();
  }
});

test('after login Schakel sends the user only to one of its own pages, never to an address given in ?terug=', async () => {
  const user = await t.user([[await t.organisation({ type: 'nationaal-rapporteur' }), ['analist']]], {
    enrolled: false,
  });
  for (const back of [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
  ]) {
    const form = await formSession(t.app, `/inloggen?terug=${encodeURIComponent(back)}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/inloggen?terug=${encodeURIComponent(back)}`,
      payload: new URLSearchParams({
        _csrf: form.token,
        email: user.email,
        password: user.password,
      }).toString(),
      headers: { ...FORM, cookie: form.cookie },
    });
    assert.equal(res.statusCode, 303, back);
    assert.match(res.headers.location as string, /^\/(?![/\\])/, `${back} → ${res.headers.location}`);
  }
  const form = await formSession(t.app, '/inloggen?terug=%2Fgebruikers');
  const own = await t.app.inject({
    method: 'POST',
    url: '/inloggen?terug=%2Fgebruikers',
    payload: new URLSearchParams({
      _csrf: form.token,
      email: user.email,
      password: user.password,
    }).toString(),
    headers: { ...FORM, cookie: form.cookie },
  });
  assert.equal(own.headers.location, '/gebruikers', 'a page of Schakel itself is kept');
});
