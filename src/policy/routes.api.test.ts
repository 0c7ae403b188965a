// Every registered route declares its access; access is enforced with organisation scope; refusals leak nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { isPermission } from './index.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const PSEUDO = ['public', 'pending-second-factor', 'signed-in', 'authenticated'];

test('every registered route declares a known permission', () => {
  assert.ok(t.app.routeTable.length > 30, `the route table has ${t.app.routeTable.length} routes`);
  const undeclared = t.app.routeTable.filter(
    (r) => !r.access || !(PSEUDO.includes(r.access) || isPermission(r.access)),
  );
  assert.deepEqual(undeclared, [], 'routes without a (valid) declared permission');
});

test('the only routes open to anyone are the login steps, anonymous reporting, reference data, health, assets and the API description', () => {
  const open = t.app.routeTable.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
  const allowed = [
    /^GET \/$/,
    /^(GET|POST) \/inloggen/,
    /^POST \/uitloggen$/,
    /^(GET|POST) \/activeren$/,
    /^(GET|POST) \/melden(\/status(\/bericht)?)?$/,
    /^POST \/api\/v1\/(sessies|activeringen)$/,
    /^GET \/api\/v1\/(gemeenten|regios)/,
    /^GET \/health\//,
    /^GET \/metrics$/,
    /^GET \/assets\//,
    /^GET \/api\/v1\/openapi\.json$/,
  ];
  for (const route of open)
    assert.ok(
      allowed.some((re) => re.test(route)),
      `unexpected public route ${route}`,
    );
});

test('a route that declares no permission is refused (the gate fails closed)', async () => {
  const Fastify = (await import('fastify')).default;
  const { registerAccessControl } = await import('../web/access.js');
  const bare = Fastify();
  bare.decorateRequest('ctx', null as never);
  bare.decorateRequest('session', null);
  bare.addHook('onRequest', async (req) => {
    req.ctx = t.ctx;
  });
  await bare.register((await import('@fastify/cookie')).default);
  registerAccessControl(bare);
  bare.get('/api/v1/undeclared', async () => ({ secret: true }));
  const res = await bare.inject({ url: '/api/v1/undeclared' });
  assert.equal(res.statusCode, 403);
  assert.doesNotMatch(res.body, /secret/);
  await bare.close();
});

test('a beheerder of municipality A never reads users of municipality B, whatever id is tried', async () => {
  const a = await t.organisation({ municipalityCode: 'GM0344' });
  const b = await t.organisation({ municipalityCode: 'GM0363' });
  const beheerderA = await t.user([[a, ['beheerder']]]);
  const userB = await t.user([[b, ['melder']]]);
  const cookie = await t.login(beheerderA);
  const direct = await t.app.inject({ url: `/api/v1/gebruikers/${userB.id}`, headers: { cookie } });
  const guessed = await t.app.inject({
    url: '/api/v1/gebruikers/00000000-0000-4000-8000-000000000000',
    headers: { cookie },
  });
  assert.equal(direct.statusCode, 404);
  assert.equal(guessed.statusCode, 404);
  assert.deepEqual(
    direct.json(),
    guessed.json(),
    'another organisation’s user and a non-existent id look the same',
  );
  const list = (await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie } })).json<
    { userId: string }[]
  >();
  assert.ok(!list.some((u) => u.userId === userB.id));
  for (const [method, url, payload] of [
    ['PUT', `/api/v1/gebruikers/${userB.id}/rollen`, ['melder']],
    ['DELETE', `/api/v1/gebruikers/${userB.id}`, undefined],
    ['POST', `/api/v1/gebruikers/${userB.id}/activeringscodes`, undefined],
  ] as const) {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, 404, `${method} ${url}`);
  }
  const page = await t.app.inject({ url: `/gebruikers/${userB.id}`, headers: { cookie } });
  assert.equal(page.statusCode, 404);
});

test('a role without the permission gets 403 problem+json on the API and a page saying so, both audited', async () => {
  const org = await t.organisation();
  const melder = await t.user([[org, ['melder']]]);
  const cookie = await t.login(melder);
  const api = await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie } });
  assert.equal(api.statusCode, 403);
  assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.match(api.json().detail, /users\.read/);
  const page = await t.app.inject({ url: '/gebruikers', headers: { cookie } });
  assert.equal(page.statusCode, 403);
  assert.match(page.body, /Geen toegang/);
  const denials = await t.ctx.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'access.denied')
    .where('actor_user_id', '=', melder.id)
    .execute();
  assert.equal(denials.length, 2);
});

test('anonymous visitors are sent to the login page from pages and get 401 from the API', async () => {
  const page = await t.app.inject({ url: '/gebruikers' });
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/inloggen?terug=%2Fgebruikers');
  const api = await t.app.inject({ url: '/api/v1/gebruikers' });
  assert.equal(api.statusCode, 401);
});
