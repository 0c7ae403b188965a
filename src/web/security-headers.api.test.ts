// The browser-facing locks, response by response: a strict Content-Security-Policy that needs no exception because
// no page holds inline script or style, framing refused, HSTS whenever cookies are Secure, no referrer, nothing with
// personal data kept in a cache, the flags of every cookie Schakel sets, no cross-origin reading of the API, and
// the JSON API refusing every body a cross-site form could send. docs/security.md maps these to OWASP ASVS 5.0.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, sessionCookie, type TestApp } from '../../test/support/app.js';

let t: TestApp;
/** One session per kind of work, so that the page walk reaches every page some role may see. */
let cookies: string[];
let beheerder: string;

before(async () => {
  t = await createTestApp();
  const ministry = await t.organisation({ type: 'ministerie' });
  const municipality = await t.organisation({ type: 'gemeente' });
  const inspectorate = await t.organisation({ type: 'arbeidsinspectie' });
  const comensha = await t.organisation({ type: 'comensha' });
  beheerder = await t.login(
    await t.user([
      [
        ministry,
        [
          'landelijk-beheerder',
          'beheerder',
          'auditor',
          'privacyfunctionaris',
          'beleidsmedewerker',
          'analist',
        ],
      ],
    ]),
  );
  cookies = [
    beheerder,
    await t.login(await t.user([[municipality, ['melder', 'aandachtsfunctionaris', 'zorgcoordinator']]])),
    await t.login(await t.user([[inspectorate, ['informatiepunt', 'opsporing']]])),
    await t.login(await t.user([[comensha, ['comensha-registrator']]])),
  ];
});
after(() => t.close());

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  assert.equal(typeof header, 'string', 'a Content-Security-Policy header is present');
  const map = new Map<string, string[]>();
  for (const part of (header as string).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** Every page (GET, HTML, no path parameter) of the route table. */
function pageUrls(): string[] {
  return t.app.routeTable
    .filter((r) => r.method === 'GET' && !r.url.startsWith('/api/') && !/[:*]/.test(r.url))
    .filter((r) => !r.url.startsWith('/assets/') && !r.url.startsWith('/health/') && r.url !== '/metrics')
    .map((r) => r.url);
}

test('every kind of response carries the strict CSP: scripts and styles from Schakel only, no objects, no framing', async () => {
  const responses = [
    await t.app.inject({ url: '/inloggen' }),
    await t.app.inject({ url: '/gebruikers', headers: { cookie: beheerder } }),
    await t.app.inject({ url: '/melden?taal=uk' }),
    await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie: beheerder } }),
    await t.app.inject({ url: '/api/v1/gebruikers' }),
    await t.app.inject({ url: '/bestaat-niet' }),
    await t.app.inject({ url: '/assets/utrecht/index.css' }),
    await t.app.inject({ url: '/health/live' }),
  ];
  for (const res of responses) {
    const where = `${res.raw.req.url} (${res.statusCode})`;
    const csp = directives(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('default-src'), ["'self'"], where);
    assert.deepEqual(csp.get('script-src'), ["'self'"], `${where}: scripts only from Schakel itself`);
    assert.deepEqual(csp.get('script-src-attr'), ["'none'"], `${where}: no event-handler attributes`);
    assert.deepEqual(csp.get('style-src'), ["'self'"], `${where}: no inline style`);
    assert.deepEqual(csp.get('object-src'), ["'none'"], where);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${where}: no page can be framed`);
    assert.deepEqual(csp.get('form-action'), ["'self'"], `${where}: forms post only to Schakel`);
    assert.deepEqual(csp.get('base-uri'), ["'none'"], `${where}: base-uri 'none'`);
    assert.doesNotMatch(res.headers['content-security-policy'] as string, /unsafe-|\*/, where);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', where);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', where);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', where);
  }
});

test('no page holds inline script, event handlers, javascript: links or inline style (so the CSP needs no exception); every signed-in page has a logout button', async () => {
  const urls = pageUrls();
  assert.ok(urls.length >= 25, `${urls.length} pages`);
  let html = 0;
  for (const url of urls) {
    for (const cookie of [...cookies, '']) {
      const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      html++;
      const where = `${url} (${res.statusCode})`;
      for (const script of res.body.match(/<script\b[^>]*>/gi) ?? [])
        assert.match(script, /\bsrc="\/[^"]*"/, `${where}: a script element must load a file from Schakel`);
      assert.doesNotMatch(res.body, /<[^>]+\son[a-z]+\s*=/i, `${where}: no event-handler attribute`);
      assert.doesNotMatch(res.body, /javascript:/i, `${where}: no javascript: address`);
      assert.doesNotMatch(res.body, /<style\b|\sstyle\s*=/i, `${where}: no inline style`);
      if (cookie && res.statusCode === 200)
        assert.match(
          res.body,
          /<form method="post" action="\/uitloggen"/,
          `${where}: a logout button is on the page`,
        );
    }
  }
  assert.ok(html >= 60, `${html} HTML answers checked`);
});

test('HSTS for a year, subdomains included, whenever cookies are Secure; none when COOKIE_SECURE=false', async () => {
  for (const url of ['/inloggen', '/api/v1/openapi.json', '/assets/utrecht/index.css']) {
    const hsts = (await t.app.inject({ url })).headers['strict-transport-security'] as string;
    const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
    assert.ok(maxAge >= 31_536_000, `${url}: max-age ${maxAge} is at least a year`);
    assert.match(hsts, /includeSubDomains/, url);
  }
  const plain = await createTestApp({ env: { COOKIE_SECURE: 'false' } });
  try {
    const res = await plain.app.inject({ url: '/inloggen' });
    assert.equal(
      res.headers['strict-transport-security'],
      undefined,
      'no HSTS on a plain-HTTP development setup',
    );
    assert.equal(res.cookies.find((c) => c.name === '_csrf')?.secure, undefined);
  } finally {
    await plain.close();
  }
});

test('every HTML answer says Cache-Control: no-store, for every role, including error pages', async () => {
  let checked = 0;
  for (const url of [...pageUrls(), '/bestaat-niet']) {
    for (const cookie of [...cookies, '']) {
      const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      checked++;
      assert.equal(res.headers['cache-control'], 'no-store', `${url} (${res.statusCode})`);
    }
  }
  assert.ok(checked >= 60, `${checked} HTML answers checked`);
});

test('API answers with personal data say Cache-Control: no-store too', async () => {
  const res = await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie: beheerder } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('the session, CSRF and language cookies are Secure, HttpOnly, SameSite=Lax and for the whole site', async () => {
  const form = await formSession(t.app, '/inloggen');
  const page = await t.app.inject({ url: '/inloggen?taal=en' });
  const user = await t.user([[await t.organisation(), ['melder']]]);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: user.email, password: user.password },
  });
  const pageLogin = await t.app.inject({
    method: 'POST',
    url: '/inloggen',
    payload: new URLSearchParams({
      _csrf: form.token,
      email: user.email,
      password: user.password,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
  });
  const set = [
    page.cookies.find((c) => c.name === '_csrf'),
    page.cookies.find((c) => c.name === 'taal'),
    login.cookies.find((c) => c.name === 'schakel_sessie'),
    pageLogin.cookies.find((c) => c.name === 'schakel_sessie'),
  ];
  for (const cookie of set) {
    assert.ok(cookie, 'the cookie is set');
    assert.equal(cookie.secure, true, `${cookie.name} is Secure`);
    assert.equal(cookie.httpOnly, true, `${cookie.name} is HttpOnly: no script reads it`);
    assert.equal(cookie.sameSite, 'Lax', `${cookie.name} is SameSite=Lax`);
    assert.equal(cookie.path, '/', cookie.name);
    assert.equal(cookie.domain, undefined, `${cookie.name} is for this host only`);
  }
  const session = set[2]!;
  assert.equal(session.maxAge, undefined, 'the session cookie ends with the browser');
  assert.equal(session.expires, undefined);
  assert.ok(!login.body.includes(session.value), 'the session token travels only in Set-Cookie');
});

test('the API allows no cross-origin reading: no CORS headers, whatever Origin asks', async () => {
  for (const method of ['OPTIONS', 'GET'] as const) {
    const res = await t.app.inject({
      method,
      url: '/api/v1/gebruikers',
      headers: {
        cookie: beheerder,
        origin: 'https://evil.example',
        'access-control-request-method': 'GET',
      },
    });
    for (const name of Object.keys(res.headers))
      assert.ok(!name.startsWith('access-control-'), `${method}: ${name} is not sent`);
  }
});

test('no state-changing API route accepts a body a cross-site form can send (form, multipart, text/plain)', async () => {
  const routes = t.app.routeTable.filter(
    (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.url.startsWith('/api/'),
  );
  assert.ok(routes.length >= 20, `${routes.length} routes`);
  const before = await t.ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  const bodies = [
    { type: 'application/x-www-form-urlencoded', payload: 'email=a%40b.example&name=x' },
    { type: 'text/plain', payload: '{"email":"a@b.example","name":"x"}' },
    {
      type: 'multipart/form-data; boundary=x',
      payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--\r\n',
    },
  ];
  for (const route of routes) {
    const url = route.url.replace(/:(\w+)/g, (_, name: string) =>
      name === 'code' ? 'GM0363' : '00000000-0000-4000-8000-000000000000',
    );
    for (const body of bodies) {
      const res = await t.app.inject({
        method: route.method as 'POST',
        url,
        payload: body.payload,
        headers: { cookie: beheerder, 'content-type': body.type },
      });
      // The access gate may answer a login step that is already done with a redirect: no handler ran either.
      assert.ok(
        (res.statusCode >= 400 && res.statusCode < 500) || res.statusCode === 303,
        `${route.method} ${route.url} with ${body.type} answered ${res.statusCode}`,
      );
    }
  }
  const changes = await t.ctx.db
    .selectFrom('audit_events')
    .select('action')
    .where('seq', '>', Number(before.seq ?? 0))
    .where('action', '<>', 'access.denied')
    .execute();
  assert.deepEqual(changes, [], 'nothing happened');
});

test('a CSRF token is bound to its own visitor: one visitor’s token fails with another’s cookie', async () => {
  const user = await t.user([[await t.organisation(), ['melder']]]);
  const alice = await formSession(t.app, '/inloggen');
  const mallory = await formSession(t.app, '/inloggen');
  const post = (token: string, cookie: string) =>
    t.app.inject({
      method: 'POST',
      url: '/inloggen',
      payload: new URLSearchParams({ _csrf: token, email: user.email, password: user.password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
  assert.equal((await post(mallory.token, alice.cookie)).statusCode, 403, 'a foreign token is refused');
  assert.equal((await post('', alice.cookie)).statusCode, 403, 'an empty token is refused');
  assert.equal(
    (await post(alice.token, '_csrf=forged')).statusCode,
    403,
    'a forged secret cookie is refused',
  );
  const own = await post(alice.token, alice.cookie);
  assert.equal(own.statusCode, 303, 'the visitor’s own token works');
  assert.ok(sessionCookie(own));
});
