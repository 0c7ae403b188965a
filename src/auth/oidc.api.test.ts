// Logging in through an organisation's identity provider, end to end: a real OpenID Connect provider (oidc-provider)
// listens on 127.0.0.1; the test plays the browser against it over HTTP and against Schakel through app.inject.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestApp,
  sessionCookie,
  type TestApp,
  type TestOrganisation,
  type TestUser,
} from '../../test/support/app.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startTestProvider,
  type ProviderAccount,
  type TestProvider,
} from '../../test/support/oidc-provider.js';
import { totpCode, updateUser } from './index.js';

const PUBLIC_URL = 'http://schakel.test';

let op: TestProvider;
let issuer: string;
let accounts: Map<string, ProviderAccount>;
let t: TestApp;
let municipality: TestOrganisation;
let ministry: TestOrganisation;
let nationalCookie: string;
let provider: { id: string };
let trustingProvider: { id: string };

/** Starts at Schakel: returns the provider URL it redirects to and the cookie that binds the login to this browser. */
async function startLogin(providerId: string): Promise<{ location: string; cookie: string; state: string }> {
  const start = await t.app.inject({ method: 'GET', url: `/inloggen/oidc/${providerId}` });
  assert.equal(start.statusCode, 303, start.body);
  const location = String(start.headers.location);
  assert.ok(location.startsWith(`${issuer}/`), location);
  const query = new URL(location).searchParams;
  assert.equal(query.get('code_challenge_method'), 'S256');
  assert.equal(query.get('scope'), 'openid email profile');
  assert.equal(query.get('redirect_uri'), `${PUBLIC_URL}/inloggen/oidc/callback`);
  const bound = start.cookies.find((c) => c.name === 'schakel_oidc');
  assert.ok(bound);
  return { location, cookie: `schakel_oidc=${bound.value}`, state: query.get('state')! };
}

async function oidcLogin(providerId: string, accountId: string) {
  const { location, cookie } = await startLogin(providerId);
  const back = await op.signIn(location, accountId);
  return t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } });
}

async function auditOf(action: string, filter: (details: Record<string, unknown>) => boolean = () => true) {
  const rows = await t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'record_id', 'actor_user_id', 'details'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.filter((r) => filter(r.details as Record<string, unknown>));
}

async function createProvider(cookie: string, organisationId: string, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/organisaties/${organisationId}/identiteitsaanbieders`,
    headers: { cookie },
    payload: body,
  });
}

before(async () => {
  op = await startTestProvider(PUBLIC_URL);
  ({ issuer, accounts } = op);
  t = await createTestApp({ env: { OIDC_ALLOW_INSECURE: 'true', PUBLIC_URL } });
  municipality = await t.organisation({ type: 'gemeente' });
  ministry = await t.organisation({ type: 'ministerie' });
  nationalCookie = await t.login(await t.user([[ministry, ['landelijk-beheerder']]]));
  const base = { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const plain = await createProvider(nationalCookie, municipality.id, { ...base, name: 'Gemeente-IdP' });
  const trusting = await createProvider(nationalCookie, municipality.id, {
    ...base,
    name: 'Gemeente-IdP met MFA',
    trustProviderMfa: true,
  });
  assert.equal(plain.statusCode, 201, plain.body);
  assert.equal(trusting.statusCode, 201, trusting.body);
  provider = plain.json();
  trustingProvider = trusting.json();
});

after(async () => {
  await t?.close();
  await op?.close();
});

let alice: TestUser;

test('(a) a member logs in through the provider, is linked by verified e-mail, and still passes the TOTP step', async () => {
  alice = await t.user([[municipality, ['melder']]]);
  accounts.set('alice-sub', { email: alice.email });

  const response = await oidcLogin(provider.id, 'alice-sub');
  assert.equal(response.statusCode, 303, response.body);
  assert.equal(response.headers.location, '/inloggen/code');
  const cookie = sessionCookie(response);
  assert.ok(cookie);
  assert.equal(
    response.cookies.find((c) => c.name === 'schakel_oidc')?.value,
    '',
    'the state cookie is cleared',
  );

  const session = await t.app.inject({ method: 'GET', url: '/api/v1/sessies/huidige', headers: { cookie } });
  assert.equal(session.statusCode, 401, 'before the second factor the session is not signed in');
  t.clock.advance(30_000);
  const code = totpCode(alice.totpSecret, t.clock.now());
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies/huidige/tweede-factor',
    headers: { cookie },
    payload: { code },
  });
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json<{ next: string }>().next, 'done');

  const link = await t.ctx.db
    .selectFrom('external_identities')
    .selectAll()
    .where('provider_id', '=', provider.id)
    .where('subject', '=', 'alice-sub')
    .executeTakeFirst();
  assert.equal(link?.user_id, alice.id);
  const links = await auditOf('auth.oidc-link', (d) => d.subject === 'alice-sub');
  assert.equal(links.length, 1);
  assert.equal(links[0]!.record_id, alice.id);
  assert.equal(links[0]!.actor_user_id, alice.id);
  const logins = await auditOf('auth.login', (d) => d.method === 'oidc' && d.provider === provider.id);
  const aliceLogins = logins.filter((r) => r.record_id === alice.id && r.outcome === 'success');
  assert.equal(aliceLogins.length, 1);
  assert.equal((aliceLogins[0]!.details as Record<string, unknown>).next, 'second-factor');
  const stored = await t.ctx.db
    .selectFrom('sessions')
    .select('auth_method')
    .where('user_id', '=', alice.id)
    .execute();
  assert.ok(stored.some((s) => s.auth_method === 'oidc'));
  assert.equal(
    (await t.ctx.db.selectFrom('oidc_login_states').selectAll().execute()).length,
    0,
    'the state is used up',
  );
});

test('(b) the second login finds the user by subject, not by e-mail', async () => {
  // The provider now reports another address: only the (provider, subject) link can lead to alice.
  accounts.set('alice-sub', { email: 'alice.renamed@elders.example' });
  const response = await oidcLogin(provider.id, 'alice-sub');
  assert.equal(response.statusCode, 303, response.body);
  assert.equal(response.headers.location, '/inloggen/code');
  assert.equal(
    (await auditOf('auth.oidc-link', (d) => d.subject === 'alice-sub')).length,
    1,
    'no second link',
  );
  const logins = await auditOf('auth.login', (d) => d.method === 'oidc');
  assert.equal(logins.filter((r) => r.record_id === alice.id && r.outcome === 'success').length, 2);

  // Another subject at the same provider with alice's address: not a second way into her account.
  accounts.set('alice-again-sub', { email: alice.email });
  const other = await oidcLogin(provider.id, 'alice-again-sub');
  assert.equal(other.statusCode, 403);
  assert.equal(sessionCookie(other), undefined);
});

test('(c) the provider second factor counts only when the provider is trusted and amr says so', async () => {
  const carol = await t.user([[municipality, ['melder']]]);
  accounts.set('carol-sub', { email: carol.email, amr: ['pwd', 'mfa'] });

  const untrusted = await oidcLogin(provider.id, 'carol-sub');
  assert.equal(untrusted.statusCode, 303, untrusted.body);
  assert.equal(untrusted.headers.location, '/inloggen/code', 'amr alone is not enough');

  const trusted = await oidcLogin(trustingProvider.id, 'carol-sub');
  assert.equal(trusted.statusCode, 303, trusted.body);
  assert.equal(trusted.headers.location, '/');
  const session = await t.app.inject({
    method: 'GET',
    url: '/api/v1/sessies/huidige',
    headers: { cookie: sessionCookie(trusted)! },
  });
  assert.equal(session.statusCode, 200, session.body);
  assert.equal(session.json<{ stage: string; userId: string }>().stage, 'complete');
  assert.equal(session.json<{ userId: string }>().userId, carol.id);

  // A trusted provider without a second-factor method in amr: Schakel's own step remains.
  const dave = await t.user([[municipality, ['melder']]]);
  accounts.set('dave-sub', { email: dave.email, amr: ['pwd'] });
  const passwordOnly = await oidcLogin(trustingProvider.id, 'dave-sub');
  assert.equal(passwordOnly.headers.location, '/inloggen/code');
});

test('(d) an identity without a Schakel account in the organisation is refused with 403 and audited', async () => {
  accounts.set('mallory-sub', { email: 'mallory@onbekend.example' });
  const unknown = await oidcLogin(provider.id, 'mallory-sub');
  assert.equal(unknown.statusCode, 403);
  assert.match(unknown.body, /Er is geen Schakel-account voor deze identiteit/);
  assert.equal(sessionCookie(unknown), undefined);
  const [failure] = await auditOf('auth.login', (d) => d.subject === 'mallory-sub');
  assert.equal(failure?.outcome, 'failure');
  assert.deepEqual(failure.details, {
    method: 'oidc',
    reason: 'no-account',
    provider: provider.id,
    subject: 'mallory-sub',
  });
  assert.ok(!JSON.stringify(failure.details).includes('mallory@'), 'no e-mail address in the audit log');

  // A real account, but in another organisation: this provider does not vouch for it.
  const elsewhere = await t.user([
    [await t.organisation({ type: 'gemeente', municipalityCode: 'GM0363' }), ['melder']],
  ]);
  accounts.set('outsider-sub', { email: elsewhere.email });
  assert.equal((await oidcLogin(provider.id, 'outsider-sub')).statusCode, 403);

  // A member, but the provider has not verified the address.
  const erin = await t.user([[municipality, ['melder']]]);
  accounts.set('erin-sub', { email: erin.email, emailVerified: false });
  assert.equal((await oidcLogin(provider.id, 'erin-sub')).statusCode, 403);
  assert.equal(
    await t.ctx.db
      .selectFrom('external_identities')
      .select('subject')
      .where('user_id', 'in', [elsewhere.id, erin.id])
      .executeTakeFirst(),
    undefined,
  );
});

test('(e) an unknown, tampered, expired or foreign state is refused with 400', async () => {
  const unknown = await t.app.inject({
    method: 'GET',
    url: '/inloggen/oidc/callback?code=abc&state=not-a-state',
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Inloggen via uw organisatie is mislukt/);

  const { cookie, state } = await startLogin(provider.id);
  const tampered = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?code=abc&state=${state}x`,
    headers: { cookie },
  });
  assert.equal(tampered.statusCode, 400);

  // The right state, but without the cookie of the browser that started it.
  const foreign = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?code=abc&state=${state}`,
  });
  assert.equal(foreign.statusCode, 400);
  // ... which used it up: the same state is not accepted a second time, not even from the right browser.
  const replay = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?code=abc&state=${state}`,
    headers: { cookie },
  });
  assert.equal(replay.statusCode, 400);

  const late = await startLogin(provider.id);
  t.clock.advance(11 * 60_000);
  const expired = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?code=abc&state=${late.state}`,
    headers: { cookie: late.cookie },
  });
  assert.equal(expired.statusCode, 400);

  const failures = await auditOf('auth.login', (d) => d.method === 'oidc' && d.reason === 'invalid-state');
  assert.deepEqual(
    failures.slice(-5).map((f) => (f.details as Record<string, unknown>).cause),
    ['unknown-state', 'unknown-state', 'other-browser', 'unknown-state', 'expired-state'],
  );
});

test('(f) registering a provider needs organisations.manage, and the secret never comes back', async () => {
  const beheerder = await t.user([[municipality, ['beheerder']]]);
  const body = { name: 'Nog een IdP', issuer, clientId: CLIENT_ID, clientSecret: 'super-secret-value' };
  const refused = await createProvider(await t.login(beheerder), municipality.id, body);
  assert.equal(refused.statusCode, 403);
  assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);

  const extra = await createProvider(nationalCookie, municipality.id, { ...body, enabled: false });
  assert.equal(extra.statusCode, 400, 'unknown fields are refused');

  const created = await createProvider(nationalCookie, municipality.id, body);
  assert.equal(created.statusCode, 201, created.body);
  const record = created.json<Record<string, unknown>>();
  assert.deepEqual(Object.keys(record).sort(), [
    'clientId',
    'createdAt',
    'enabled',
    'id',
    'issuer',
    'name',
    'organisationId',
    'trustProviderMfa',
  ]);
  assert.equal(record.trustProviderMfa, false);

  const list = await t.app.inject({
    method: 'GET',
    url: `/api/v1/organisaties/${municipality.id}/identiteitsaanbieders`,
    headers: { cookie: nationalCookie },
  });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(
    list
      .json<{ name: string }[]>()
      .map((p) => p.name)
      .sort(),
    ['Gemeente-IdP', 'Gemeente-IdP met MFA', 'Nog een IdP'],
  );
  assert.ok(
    !list.body.includes('super-secret-value') &&
      !list.body.includes(CLIENT_SECRET) &&
      !/secret/i.test(list.body),
  );

  const row = await t.ctx.db
    .selectFrom('identity_providers')
    .select('client_secret_enc')
    .where('id', '=', String(record.id))
    .executeTakeFirstOrThrow();
  assert.ok(!row.client_secret_enc.includes('super-secret-value'), 'the secret is stored encrypted');
  const [audited] = await auditOf('identity-provider.create', (d) => d.name === 'Nog een IdP');
  assert.ok(audited && !JSON.stringify(audited.details).includes('super-secret-value'));

  const beheerderList = await t.app.inject({
    method: 'GET',
    url: `/api/v1/organisaties/${municipality.id}/identiteitsaanbieders`,
    headers: { cookie: await t.login(beheerder) },
  });
  assert.equal(beheerderList.statusCode, 403);
});

test('(g) an error from the provider and a disabled account end on a page, not a 500', async () => {
  const { cookie, state } = await startLogin(provider.id);
  const query = new URLSearchParams({
    error: 'access_denied',
    error_description: 'End-User aborted interaction',
    state,
    iss: issuer,
  });
  const denied = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?${query}`,
    headers: { cookie },
  });
  assert.equal(denied.statusCode, 400);
  assert.match(denied.body, /mislukt of afgebroken/);
  const [audited] = await auditOf('auth.login', (d) => d.reason === 'provider-error');
  assert.equal((audited?.details as Record<string, unknown>).error, 'access_denied');

  // A code the provider never issued: the token exchange fails.
  const second = await startLogin(provider.id);
  const forged = new URLSearchParams({ code: 'forged-code', state: second.state, iss: issuer });
  const rejected = await t.app.inject({
    method: 'GET',
    url: `/inloggen/oidc/callback?${forged}`,
    headers: { cookie: second.cookie },
  });
  assert.equal(rejected.statusCode, 502);
  assert.match(rejected.body, /kon de aanmelding daar niet afronden/);

  const frank = await t.user([[municipality, ['melder']]]);
  await updateUser(t.ctx.db, frank.id, { disabled_at: t.clock.now() });
  accounts.set('frank-sub', { email: frank.email });
  const blocked = await oidcLogin(provider.id, 'frank-sub');
  assert.equal(blocked.statusCode, 403);
  assert.equal(sessionCookie(blocked), undefined);
  assert.match(blocked.body, /uitgeschakeld of tijdelijk geblokkeerd/);
  const [refusal] = await auditOf('auth.login', (d) => d.subject === 'frank-sub');
  assert.equal((refusal?.details as Record<string, unknown>).reason, 'account-blocked');

  const unknownProvider = await t.app.inject({
    method: 'GET',
    url: '/inloggen/oidc/00000000-0000-4000-8000-000000000000',
  });
  assert.equal(unknownProvider.statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: '/inloggen/oidc/not-a-uuid' })).statusCode, 404);
});
