// The API's conventions: problem+json for every error (field and rule named), never a 500 or a stack trace for bad
// input, the API-Version header, and an OpenAPI 3.1 document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let cookie: string;
before(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
  const org = await t.organisation();
  cookie = await t.login(await t.user([[org, ['beheerder']]]));
});
after(() => t.close());

const send = (payload: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/gebruikers',
    payload,
    headers: { cookie, 'content-type': contentType },
  });

function assertProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  const body = JSON.parse(res.body);
  for (const member of ['type', 'title', 'status', 'detail', 'code'])
    assert.ok(member in body, `problem has ${member}`);
  assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
  return body;
}

test('malformed JSON is a 400 problem', async () => {
  const body = assertProblem(await send('{"email": "a@b.c",'), 400);
  assert.equal(body.invalidParams[0].rule, 'json');
});

test('wrong types and missing fields are a 400 naming each field and rule', async () => {
  const body = assertProblem(await send(JSON.stringify({ email: 42, roles: 'melder' })), 400);
  const pairs = body.invalidParams.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`);
  assert.ok(pairs.includes('body/displayName:required'), pairs.join(' '));
  assert.ok(
    pairs.some((p: string) => p.startsWith('body/email:')),
    pairs.join(' '),
  );
});

test('unknown fields are rejected, not silently dropped', async () => {
  const body = assertProblem(
    await send(JSON.stringify({ email: 'a@b.example', displayName: 'A', roles: ['melder'], isAdmin: true })),
    400,
  );
  assert.deepEqual(
    body.invalidParams.map((i: { field: string; rule: string }) => [i.field, i.rule]),
    [['body/isAdmin', 'additionalProperties']],
  );
});

test('an oversized body is a 413 problem', async () => {
  assertProblem(
    await send(JSON.stringify({ email: 'a@b.example', displayName: 'x'.repeat(10_000), roles: ['melder'] })),
    413,
  );
});

test('a form-encoded body on the JSON API is a 415 problem', async () => {
  assertProblem(await send('email=a%40b.example', 'application/x-www-form-urlencoded'), 415);
});

test('an unknown API path is a 404 problem and an unknown page a 404 page', async () => {
  assertProblem(await t.app.inject({ url: '/api/v1/bestaat-niet' }), 404);
  const page = await t.app.inject({ url: '/bestaat-niet' });
  assert.equal(page.statusCode, 404);
  assert.match(page.headers['content-type'] as string, /text\/html/);
});

test('every API response carries the API-Version header', async () => {
  for (const url of ['/api/v1/gemeenten/GM0363', '/api/v1/bestaat-niet', '/api/v1/gebruikers']) {
    assert.equal((await t.app.inject({ url })).headers['api-version'], '1.0.0', url);
  }
});

test('the OpenAPI 3.1 document is published with every API route and problem responses', async () => {
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.match(doc.servers[0].url, /\/api\/v1$/);
  const documented = new Set(
    Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
  );
  const apiRoutes = t.app.routeTable
    .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
    .map((r) => `${r.method} ${r.url}`);
  for (const route of apiRoutes) assert.ok(documented.has(route), `${route} is documented`);
  const post = doc.paths['/gebruikers'].post;
  assert.ok(post.responses['400'].content['application/problem+json']);
  assert.ok(post.responses['201'].headers['API-Version']);
});

test('security headers are set on pages', async () => {
  const res = await t.app.inject({ url: '/inloggen' });
  assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(res.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
  assert.doesNotMatch(res.headers['content-security-policy'] as string, /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.match(res.headers['strict-transport-security'] as string, /max-age=\d{6,}/);
  const personal = await t.app.inject({ url: '/gebruikers', headers: { cookie } });
  assert.equal(personal.statusCode, 200);
  assert.equal(personal.headers['cache-control'], 'no-store', 'pages with personal data are never cached');
});

test('a NUL character anywhere in the input is a 400 naming the field, not a database error', async () => {
  const query = await t.app.inject({ url: '/api/v1/gemeenten?regio=%00', headers: { cookie } });
  const q = assertProblem(query, 400);
  assert.equal(q.invalidParams[0].field, 'query/regio');
  const body = assertProblem(
    await send(JSON.stringify({ email: 'a@b.example', displayName: 'Na\u0000me', roles: ['melder'] })),
    400,
  );
  assert.equal(body.invalidParams[0].rule, 'no-nul-character');
});

test('an over-long path segment is a 414 problem from the router itself', async () => {
  assertProblem(
    await t.app.inject({ url: `/api/v1/gebruikers/${'x'.repeat(1000)}`, headers: { cookie } }),
    414,
  );
});
