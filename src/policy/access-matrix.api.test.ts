// "Nobody sees what they may not": every route of the route table, by every role (and by anonymous visitors and the
// two unfinished login stages), against the hand-written matrix in access-matrix.ts; then, for the main record types,
// another organisation's record, a guessed id and a removed record answer exactly alike.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import {
  createTestApp,
  formSession,
  sessionCookie,
  type TestApp,
  type TestOrganisation,
  type TestUser,
} from '../../test/support/app.js';
import { exampleFor, operationsOf } from '../../test/support/fuzz.js';
import { validSignal } from '../../test/support/signals.js';
import { totpCode } from '../auth/index.js';
import { ACCESS_MATRIX, DIFFERENCES, PRINCIPALS, type Access, type Who } from './access-matrix.js';
import { ROLES, roleAllowedFor, type OrganisationType, type Role } from './roles.js';

const NEVER = '00000000-0000-4000-8000-00000000dead';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { ANONYMOUS_RATE_LIMIT: '100000', SESSION_IDLE_MINUTES: '1440' } });
  await loadApiExamples();
  const indicator = (
    await sql<{
      code: string;
      plan_code: string;
    }>`select code, plan_code from actionplan_indicators order by code limit 1`.execute(t.ctx.db)
  ).rows[0];
  if (indicator) realIndicator = { code: indicator.plan_code, indicator: indicator.code };
  await makePrincipals();
});
after(() => t.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

// ---- who is asking ----

type Stage = 'anonymous' | 'second-factor-due' | 'choosing-organisation' | 'complete';

interface Principal {
  label: string;
  stage: Stage;
  role?: Role;
  organisationType?: OrganisationType;
  organisation?: TestOrganisation;
  user?: TestUser;
  /** The session cookie plus the CSRF cookie; empty for anonymous visitors. */
  cookie: string;
  csrf: string;
}

let municipalityCodes = ['GM0344', 'GM0363', 'GM0599', 'GM0518', 'GM0014', 'GM0034', 'GM0307', 'GM0200'];
async function organisationOf(
  type: OrganisationType,
): Promise<TestOrganisation & { municipalityCode?: string }> {
  if (type !== 'gemeente') return t.organisation({ type });
  const [code, ...rest] = municipalityCodes;
  municipalityCodes = [...rest, code!];
  return { ...(await t.organisation({ type, municipalityCode: code! })), municipalityCode: code! };
}

/** Only the password step: the second factor is still due. */
async function passwordStep(user: TestUser): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: user.email, password: user.password },
  });
  assert.equal(res.statusCode, 201, res.body);
  return sessionCookie(res)!;
}

async function withCsrf(cookie: string, page: string) {
  const form = await formSession(t.app, page, cookie);
  return { cookie: form.cookie, csrf: form.token };
}

const principals: Principal[] = [];
/** An indicator of the plan, so that the programme team's check is reached (the indicators are public to users). */
let realIndicator = { code: '2018', indicator: 'X' };
const municipalityOf = new Map<Principal, string>();

/** A new session for the same principal, for the routes that end or change it. */
async function freshSession(p: Principal): Promise<{ cookie: string; csrf: string }> {
  switch (p.stage) {
    case 'anonymous':
      return withCsrf('', '/inloggen');
    case 'second-factor-due':
      return withCsrf(await passwordStep(p.user!), '/inloggen/code');
    case 'choosing-organisation': {
      t.clock.advance(30_000);
      const first = await passwordStep(p.user!);
      const second = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessies/huidige/tweede-factor',
        headers: { cookie: first },
        payload: { code: totpCode(p.user!.totpSecret, t.clock.now()) },
      });
      assert.equal(second.statusCode, 200, second.body);
      return withCsrf(sessionCookie(second)!, '/organisatie-kiezen');
    }
    case 'complete':
      return withCsrf(await t.login(p.user!), '/account');
  }
}

async function makePrincipals() {
  for (const { role, organisationType } of PRINCIPALS) {
    const organisation = await organisationOf(organisationType);
    const user = await t.user([[organisation, [role]]]);
    const p: Principal = {
      label: `${role}@${organisationType}`,
      stage: 'complete',
      role,
      organisationType,
      organisation,
      user,
      cookie: '',
      csrf: '',
    };
    Object.assign(p, await freshSession(p));
    if ('municipalityCode' in organisation) municipalityOf.set(p, organisation.municipalityCode!);
    principals.push(p);
  }
  const orgA = await t.organisation({ type: 'ngo' });
  const orgB = await t.organisation({ type: 'ngo' });
  for (const [stage, memberships] of [
    ['second-factor-due', [[orgA, ['melder']]]],
    [
      'choosing-organisation',
      [
        [orgA, ['melder']],
        [orgB, ['melder']],
      ],
    ],
  ] as const) {
    const user = await t.user(memberships.map(([o, r]) => [o, [...r]]));
    const p: Principal = { label: stage, stage, user, organisation: orgA, cookie: '', csrf: '' };
    Object.assign(p, await freshSession(p));
    principals.push(p);
  }
  const anonymous: Principal = { label: 'anonymous', stage: 'anonymous', cookie: '', csrf: '' };
  Object.assign(anonymous, await freshSession(anonymous));
  principals.push(anonymous);
}

// ---- what the matrix expects ----

const matches = (who: Who, p: Principal) => who === p.role || who === `${p.role}@${p.organisationType}`;

function expectedAllowed(route: string, access: Access, p: Principal): boolean {
  let allowed: boolean;
  if (access === 'public') allowed = true;
  else if (access === 'second-factor-step') allowed = p.stage === 'second-factor-due';
  else if (access === 'signed-in') allowed = p.stage === 'complete' || p.stage === 'choosing-organisation';
  else if (access === 'any-logged-in') allowed = p.stage === 'complete';
  else allowed = p.stage === 'complete' && access.some((who) => matches(who, p));
  const difference = DIFFERENCES[route];
  if (difference?.alsoAllowed?.some((who) => matches(who, p))) allowed = true;
  if (difference?.refused?.some((who) => matches(who, p))) allowed = false;
  return allowed;
}

// ---- how each route is asked ----

interface Probe {
  url: string;
  query?: string;
  payload?: unknown;
  /** Form fields (pages) besides the CSRF token. */
  form?: Record<string, string>;
}

type ProbeFor = (p: Principal) => Partial<Probe> & { params?: Record<string, string> };

// A body good enough to pass the schema, so that a handler that decides access itself is reached.
const PROBES: Record<string, ProbeFor> = {
  'POST /api/v1/sessies/huidige/organisatie': (p) => ({
    payload: { organisationId: p.organisation?.id ?? NEVER },
  }),
  'POST /organisatie-kiezen': (p) => ({ form: { organisationId: p.organisation?.id ?? NEVER } }),
  'POST /api/v1/signalen': () => ({
    payload: validSignal({ narrative: 'Probe of the authorization matrix.' }),
  }),
  'POST /api/v1/gemeentelijke-aanpak/:code/zelfevaluaties': (p) => ({
    params: { code: municipalityOf.get(p) ?? 'GM0344' },
    payload: { answers: [{ element: 'beleid', status: 'nee' }] },
  }),
  'POST /gemeentelijke-aanpak/:code': (p) => ({
    params: { code: municipalityOf.get(p) ?? 'GM0344' },
    form: { status_beleid: 'nee' },
  }),
  'POST /signalen/:id/besluit': () => ({ form: { decision: 'afgesloten', reason: 'Probe' } }),
  'POST /api/v1/signalen/:id/besluit': () => ({ payload: { decision: 'afgesloten', reason: 'Probe' } }),
  'POST /api/v1/plannen/:code/indicatoren/:indicator/metingen': () => ({ params: realIndicator }),
  'POST /api/v1/plannen/:code/indicatoren/:indicator/berekeningen': () => ({ params: realIndicator }),
  'POST /actieplan/indicatoren/:code/metingen': () => ({ params: { code: realIndicator.indicator } }),
  'POST /actieplan/indicatoren/:code/berekeningen': () => ({ params: { code: realIndicator.indicator } }),
  'GET /api/v1/plannen/:code/voortgangsrapportage': () => ({ query: 'van=2025-01-01&tot=2025-12-31' }),
  'POST /signalen/:id/notities': () => ({ form: { note: 'Probe' } }),
};

const DISRUPTIVE = new Set([
  'DELETE /api/v1/sessies/huidige',
  'DELETE /api/v1/sessies',
  'POST /uitloggen',
  'POST /uitloggen-overal',
  'POST /api/v1/sessies/huidige/organisatie',
  'POST /organisatie-kiezen',
  'POST /inloggen/code',
  'POST /inloggen/code-instellen',
  'POST /api/v1/sessies/huidige/tweede-factor',
]);

let apiExamples: Map<string, { params: Record<string, unknown>; body: unknown }>;
async function loadApiExamples() {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<
    Parameters<typeof operationsOf>[0]
  >();
  apiExamples = new Map(
    operationsOf(doc).map((op) => [
      `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`,
      {
        params: Object.fromEntries(op.pathParams.map((pp) => [pp.name, exampleFor(pp.schema)])),
        body: exampleFor(op.body),
      },
    ]),
  );
}

function probeOf(route: string, p: Principal): Probe {
  const [method, path] = route.split(' ') as [string, string];
  const example = apiExamples.get(route);
  const extra = PROBES[route]?.(p) ?? {};
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(example?.params ?? {})) params[name] = String(value);
  Object.assign(params, extra.params);
  const url = path
    .replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(params[name] ?? (name === 'id' ? NEVER : 'X0000')),
    )
    .replace(/\*$/, 'no-such-file.css');
  return {
    url: extra.query ? `${url}?${extra.query}` : url,
    ...(extra.payload !== undefined
      ? { payload: extra.payload }
      : method !== 'GET' && example?.body !== undefined
        ? { payload: example.body }
        : {}),
    ...(extra.form ? { form: extra.form } : {}),
  };
}

async function ask(route: string, p: Principal, session = p): Promise<LightMyRequestResponse> {
  const [method] = route.split(' ') as [string];
  const probe = probeOf(route, p);
  const api = probe.url.startsWith('/api/');
  const headers: Record<string, string> = session.cookie ? { cookie: session.cookie } : {};
  if (method === 'GET' || method === 'DELETE')
    return t.app.inject({ method: method as 'GET', url: probe.url, headers });
  if (api)
    return t.app.inject({
      method: method as 'POST',
      url: probe.url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(probe.payload ?? {}),
    });
  return t.app.inject({
    method: method as 'POST',
    url: probe.url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...probe.form }).toString(),
  });
}

/** Why the answer is a refusal (by the gate or by a handler deciding access), or null. */
function refusal(route: string, res: LightMyRequestResponse): string | null {
  const api = route.split(' ')[1]!.startsWith('/api/');
  const location = String(res.headers.location ?? '');
  // A public route is never refused by the gate; where it sends an unfinished login on is its own business.
  if (ACCESS_MATRIX[route]?.access === 'public' && res.statusCode === 303) return null;
  if (res.statusCode === 303 && /^\/inloggen\?terug=/.test(location)) return 'sent to the login page';
  if (res.statusCode === 303 && ['/inloggen/code', '/organisatie-kiezen'].includes(location))
    return `sent to finish logging in (${location})`;
  if (res.statusCode === 303 && location === '/' && ACCESS_MATRIX[route]?.access === 'second-factor-step')
    return 'sent away from a login step';
  if (api && (res.statusCode === 401 || res.statusCode === 403)) {
    const code = (res.json<{ code?: string }>().code ?? '') as string;
    if (['unauthenticated', 'forbidden', 'csrf-invalid'].includes(code)) return `${res.statusCode} ${code}`;
  }
  if (!api && res.statusCode === 403) return '403 page';
  return null;
}

// ---- the tests ----

test('the matrix names exactly the routes of the route table, and a scope for every route with a parameter', () => {
  const table = new Set(t.app.routeTable.map(key));
  const matrix = new Set(Object.keys(ACCESS_MATRIX));
  assert.deepEqual(
    [...table].filter((r) => !matrix.has(r)),
    [],
    'routes missing from src/policy/access-matrix.ts',
  );
  assert.deepEqual(
    [...matrix].filter((r) => !table.has(r)),
    [],
    'routes in the matrix that the app does not have',
  );
  const scopeless = Object.entries(ACCESS_MATRIX)
    .filter(([route, entry]) => route.includes('/:') !== (entry.scope !== undefined))
    .map(([route]) => route);
  assert.deepEqual(scopeless, [], 'a route with a parameter needs a scope, and only such a route has one');
  assert.deepEqual(
    Object.keys(DIFFERENCES).filter((r) => !matrix.has(r)),
    [],
    'differences for unknown routes',
  );
});

test('every role is in the matrix, each in an organisation type it may hold, and every role named is a role', () => {
  const tested = new Set(PRINCIPALS.map((p) => p.role));
  assert.deepEqual(
    ROLES.filter((r) => !tested.has(r)),
    [],
    'roles the matrix is not tested with',
  );
  for (const p of PRINCIPALS)
    assert.ok(
      roleAllowedFor(p.role, p.organisationType),
      `${p.role} cannot be held in a ${p.organisationType}`,
    );
  const named = Object.values(ACCESS_MATRIX).flatMap((e) => (typeof e.access === 'string' ? [] : e.access));
  for (const who of named) {
    const [role, type] = who.split('@') as [Role, OrganisationType | undefined];
    assert.ok((ROLES as readonly string[]).includes(role), `unknown role ${who}`);
    if (type)
      assert.ok(
        PRINCIPALS.some((p) => p.role === role && p.organisationType === type) &&
          PRINCIPALS.some((p) => p.role === role && p.organisationType !== type),
        `${who}: the matrix must be tested with ${role} in a ${type} and in another type`,
      );
  }
});

test('every route, by every role, anonymous visitors and unfinished logins: refused exactly where the matrix says', async () => {
  const routes = t.app.routeTable.map(key).filter((r) => ACCESS_MATRIX[r]);
  const ordinary = routes.filter((r) => !DISRUPTIVE.has(r));
  const disruptive = routes.filter((r) => DISRUPTIVE.has(r));
  const wrong: string[] = [];
  const stillDifferent = new Set<string>();
  const check = async (route: string, p: Principal, session = p) => {
    const res = await ask(route, p, session);
    const why = refusal(route, res);
    const allowed = expectedAllowed(route, ACCESS_MATRIX[route]!.access, p);
    if (res.statusCode >= 500)
      wrong.push(`${route} as ${p.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    else if (allowed && why) wrong.push(`${route} as ${p.label}: expected access, got ${why}`);
    else if (!allowed && !why)
      wrong.push(
        `${route} as ${p.label}: expected a refusal, got ${res.statusCode} ${res.body.slice(0, 120)}`,
      );
    const difference = DIFFERENCES[route];
    if (difference?.alsoAllowed?.some((who) => matches(who, p)) && !why) stillDifferent.add(route);
    if (difference?.refused?.some((who) => matches(who, p)) && why) stillDifferent.add(route);
  };
  for (const p of principals) {
    for (const route of ordinary) await check(route, p);
    for (const route of disruptive) {
      // These end or change the session: each gets a session of its own when the gate should let it through.
      const session = expectedAllowed(route, ACCESS_MATRIX[route]!.access, p)
        ? { ...p, ...(await freshSession(p)) }
        : p;
      await check(route, p, session);
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} answers differ from the matrix`);
  assert.deepEqual(
    Object.keys(DIFFERENCES).filter((r) => !stillDifferent.has(r)),
    [],
    'listed differences that no longer hold: remove them from DIFFERENCES',
  );
});

test('anonymous visitors reach only the routes the matrix calls public', () => {
  // Proved route by route in the test above (the principal "anonymous"); here the list itself is held small.
  const open = Object.entries(ACCESS_MATRIX)
    .filter(([, e]) => e.access === 'public')
    .map(([r]) => r)
    .filter((r) => !/^GET \/assets\//.test(r));
  assert.ok(open.length < 30, `${open.length} public routes: ${open.join(', ')}`);
  assert.ok(
    open.every((r) => !/gebruikers|signalen|doorzettingen|audit|schattingen|informatiepunt/.test(r)),
    'no record route is public',
  );
});

// ---- object scope: another organisation's record, a guessed id, a removed record ----

interface Session {
  cookie: string;
  csrf: string;
}
interface Attempt {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** With `{id}` where the record's id goes. */
  url: string;
  payload?: object;
  form?: Record<string, string>;
}

async function send(session: Session, attempt: Attempt, id: string): Promise<LightMyRequestResponse> {
  const url = attempt.url.replace('{id}', id);
  const headers: Record<string, string> = { cookie: session.cookie };
  if (attempt.form)
    return t.app.inject({
      method: attempt.method,
      url,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, ...attempt.form }).toString(),
    });
  if (attempt.payload)
    return t.app.inject({
      method: attempt.method,
      url,
      headers,
      payload: attempt.payload as Record<string, unknown>,
    });
  return t.app.inject({ method: attempt.method, url, headers });
}

/** The answer with the id tried and the per-response CSRF token taken out: what remains must not differ. */
function shape(res: LightMyRequestResponse, id: string): string {
  const body = res.body
    .replaceAll(id, '{id}')
    .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"')
    .replace(/name="token" value="[^"]*"/g, 'name="token"');
  return `${res.statusCode} ${String(res.headers['content-type'])}\n${body}`;
}

/**
 * Asks every attempt with the other organisation's id, an id that never existed and (where given) a removed
 * record's id: the answers must be the same, and a refusal (`expected`).
 */
async function answersAlike(
  session: Session,
  attempts: Attempt[],
  ids: { theirs: string; removed?: string; guessed?: string },
  expected = 404,
) {
  for (const attempt of attempts) {
    const guessed = ids.guessed ?? NEVER;
    const theirs = await send(session, attempt, ids.theirs);
    const never = await send(session, attempt, guessed);
    const label = `${attempt.method} ${attempt.url}`;
    assert.equal(theirs.statusCode, expected, `${label}: ${theirs.body.slice(0, 200)}`);
    assert.equal(
      shape(theirs, ids.theirs),
      shape(never, guessed),
      `${label}: theirs and a guessed id differ`,
    );
    if (ids.removed) {
      const removed = await send(session, attempt, ids.removed);
      assert.equal(shape(removed, ids.removed), shape(never, guessed), `${label}: a removed record differs`);
    }
  }
}

async function member(organisation: TestOrganisation, role: Role): Promise<Session & { user: TestUser }> {
  const user = await t.user([[organisation, [role]]]);
  return { user, ...(await withCsrf(await t.login(user), '/account')) };
}

async function json<T>(session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return (res.body ? res.json() : undefined) as T;
}

describe('another organisation’s record, a guessed id and a removed record answer alike', () => {
  let gemA: TestOrganisation;
  let gemB: TestOrganisation;
  before(async () => {
    gemA = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0153' });
    gemB = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0164' });
  });

  test('users: another organisation’s user, a guessed id and a removed user are all “not found”', async () => {
    const beheerderA = await member(gemA, 'beheerder');
    const beheerderB = await member(gemB, 'beheerder');
    const userA = await t.user([[gemA, ['melder']]]);
    const leaving = await t.user([[gemA, ['melder']]]);
    await json(beheerderA, 'GET', `/api/v1/gebruikers/${userA.id}`);
    await json(beheerderA, 'DELETE', `/api/v1/gebruikers/${leaving.id}`);
    const attempts: Attempt[] = [
      { method: 'GET', url: '/api/v1/gebruikers/{id}' },
      { method: 'PUT', url: '/api/v1/gebruikers/{id}/rollen', payload: ['melder'] },
      { method: 'POST', url: '/api/v1/gebruikers/{id}/activeringscodes' },
      { method: 'GET', url: '/gebruikers/{id}' },
      { method: 'POST', url: '/gebruikers/{id}/rollen', form: { roles: 'melder' } },
      { method: 'POST', url: '/gebruikers/{id}/activering', form: {} },
      { method: 'POST', url: '/gebruikers/{id}/verwijderen', form: {} },
      { method: 'DELETE', url: '/api/v1/gebruikers/{id}' },
    ];
    await answersAlike(beheerderB, attempts, { theirs: userA.id, removed: leaving.id });
    // The own organisation's beheerder, too, no longer finds the removed user.
    await answersAlike(beheerderA, attempts.slice(0, 4), { theirs: leaving.id });
  });

  describe('signals', () => {
    let signalA: string;
    let nationalSignal: string;
    let forwardToPolice: string;
    let melderA: Session;
    let officerA: Session;
    let police1: Session;
    before(async () => {
      melderA = await member(gemA, 'melder');
      officerA = await member(gemA, 'aandachtsfunctionaris');
      const politie1 = await t.organisation({ type: 'politie' });
      police1 = await member(politie1, 'opsporing');
      signalA = (await json<{ id: string }>(melderA, 'POST', '/api/v1/signalen', validSignal())).id;
      const ngo = await t.organisation({ type: 'ngo' });
      const ngoMelder = await member(ngo, 'melder');
      nationalSignal = (
        await json<{ id: string }>(
          ngoMelder,
          'POST',
          '/api/v1/signalen',
          validSignal({ municipalityCode: 'GM0202' }),
        )
      ).id;
      const forwards = await json<{ id: string }[]>(
        officerA,
        'POST',
        `/api/v1/signalen/${signalA}/doorzettingen`,
        {
          recipients: [{ organisationId: politie1.id, purpose: 'opsporing-en-vervolging' }],
          categories: ['narrative'],
          reason: 'Indications of labour exploitation',
        },
      );
      forwardToPolice = forwards[0]!.id;
    });

    const holderAttempts: Attempt[] = [
      { method: 'GET', url: '/api/v1/signalen/{id}' },
      { method: 'POST', url: '/api/v1/signalen/{id}/toewijzing', payload: { userId: null } },
      { method: 'POST', url: '/api/v1/signalen/{id}/notities', payload: { text: 'A note' } },
      {
        method: 'POST',
        url: '/api/v1/signalen/{id}/besluit',
        payload: { decision: 'afgesloten', reason: 'No indication' },
      },
      { method: 'POST', url: '/api/v1/signalen/{id}/heropening', payload: { reason: 'New facts' } },
      { method: 'POST', url: '/api/v1/signalen/{id}/koppelingen', payload: { relatedId: NEVER } },
      {
        method: 'POST',
        url: '/api/v1/signalen/{id}/samenvoegingen',
        payload: { duplicateId: NEVER, reason: 'Duplicate' },
      },
      { method: 'POST', url: '/api/v1/signalen/{id}/berichten', payload: { body: 'A question' } },
      { method: 'GET', url: '/signalen/{id}' },
      { method: 'POST', url: '/signalen/{id}/notities', form: { note: 'A note' } },
      {
        method: 'POST',
        url: '/signalen/{id}/besluit',
        form: { decision: 'afgesloten', reason: 'No indication' },
      },
      { method: 'POST', url: '/signalen/{id}/berichten', form: { body: 'A question' } },
    ];
    const forwardAttempts: Attempt[] = [
      {
        method: 'POST',
        url: '/api/v1/signalen/{id}/doorzettingen',
        payload: {
          recipients: [{ organisationId: NEVER, purpose: 'opsporing-en-vervolging' }],
          categories: ['narrative'],
          reason: 'x',
        },
      },
      { method: 'GET', url: '/signalen/{id}/doorzetten' },
    ];

    test('a signal is found only by its holder: another reporting point, CoMensha and guessed ids get “not found” (signals cannot be removed yet)', async () => {
      await json(officerA, 'GET', `/api/v1/signalen/${signalA}`);
      const officerB = await member(gemB, 'aandachtsfunctionaris');
      await answersAlike(officerB, [...holderAttempts, ...forwardAttempts], { theirs: signalA });
      const comensha = await member(await t.organisation({ type: 'comensha' }), 'comensha-registrator');
      await json(comensha, 'GET', `/api/v1/signalen/${nationalSignal}`);
      await answersAlike(comensha, holderAttempts, { theirs: signalA });
      await answersAlike(
        comensha,
        [{ method: 'POST', url: '/api/v1/signalen/{id}/routering', payload: { municipalityCode: 'GM0153' } }],
        { theirs: signalA },
      );
      // The national queue is CoMensha's: a municipality's officer does not find its reports either.
      await answersAlike(officerA, [...holderAttempts, ...forwardAttempts], { theirs: nationalSignal });
    });

    test('a forward is found only by its recipient: another police unit and another recipient get “not found”', async () => {
      await json(police1, 'GET', `/api/v1/doorzettingen/${forwardToPolice}`);
      const attempts: Attempt[] = [
        { method: 'GET', url: '/api/v1/doorzettingen/{id}' },
        { method: 'POST', url: '/api/v1/doorzettingen/{id}/acceptatie' },
        {
          method: 'POST',
          url: '/api/v1/doorzettingen/{id}/uitkomst',
          payload: { outcome: 'geen-actie', reason: 'Nothing to do' },
        },
        { method: 'GET', url: '/doorzettingen/{id}' },
        { method: 'POST', url: '/doorzettingen/{id}/acceptatie', form: {} },
        { method: 'POST', url: '/doorzettingen/{id}/uitkomst', form: { outcome: 'geen-actie', reason: 'x' } },
      ];
      const police2 = await member(await t.organisation({ type: 'politie' }), 'opsporing');
      await answersAlike(police2, attempts, { theirs: forwardToPolice });
      const care = await member(await t.organisation({ type: 'zorgcoordinatie' }), 'zorgcoordinator');
      await answersAlike(care, attempts, { theirs: forwardToPolice });
      // The sender holds the signal, not the forward: its officer has no inbox entry for it either.
      await answersAlike(officerA, attempts, { theirs: forwardToPolice });
      // A forward's id is not a signal's id at the holder, nor the other way round.
      await answersAlike(police1, holderAttempts.slice(0, 1), { theirs: signalA }, 403);
    });

    test('a reporter’s own signal is found only by that reporter: not by a colleague, not by another organisation', async () => {
      await json(melderA, 'GET', `/api/v1/mijn-signalen/${signalA}`);
      const attempts: Attempt[] = [
        { method: 'GET', url: '/api/v1/mijn-signalen/{id}' },
        { method: 'POST', url: '/api/v1/mijn-signalen/{id}/berichten', payload: { body: 'Any news?' } },
        { method: 'GET', url: '/mijn-signalen/{id}' },
        { method: 'POST', url: '/mijn-signalen/{id}/berichten', form: { body: 'Any news?' } },
      ];
      await answersAlike(await member(gemA, 'melder'), attempts, { theirs: signalA });
      await answersAlike(await member(gemB, 'melder'), attempts, { theirs: signalA });
      // The officer holds the signal but did not report it.
      await answersAlike(officerA, attempts, { theirs: signalA });
    });
  });

  test('a saved estimate is found only in the organisation that saved it (estimates cannot be removed)', async () => {
    const nr1 = await t.organisation({ type: 'nationaal-rapporteur' });
    const nr2 = await t.organisation({ type: 'nationaal-rapporteur' });
    const analist1 = await member(nr1, 'analist');
    const csv = readFileSync(new URL('../estimation/testdata/UKdat_5.csv', import.meta.url), 'utf8');
    const saved = await json<{ id: string }>(analist1, 'POST', '/api/v1/schattingen', { csv, save: true });
    await json(analist1, 'GET', `/api/v1/schattingen/${saved.id}`);
    await answersAlike(
      await member(nr2, 'analist'),
      [
        { method: 'GET', url: '/api/v1/schattingen/{id}' },
        { method: 'GET', url: '/schattingen/{id}' },
      ],
      { theirs: saved.id },
    );
  });

  test('an Informatiepunt meeting is found only by its own inspectorate (meetings cannot be removed)', async () => {
    const ai1 = await member(await t.organisation({ type: 'arbeidsinspectie' }), 'informatiepunt');
    const ai2 = await member(await t.organisation({ type: 'arbeidsinspectie' }), 'informatiepunt');
    const meeting = await json<{ id: string }>(ai1, 'POST', '/api/v1/informatiepunt/overleggen', {
      heldOn: '2026-03-03',
      chair: 'Mr. Voorzitter',
    });
    await json(ai1, 'GET', `/api/v1/informatiepunt/overleggen/${meeting.id}`);
    await answersAlike(
      ai2,
      [
        { method: 'GET', url: '/api/v1/informatiepunt/overleggen/{id}' },
        {
          method: 'POST',
          url: '/api/v1/informatiepunt/overleggen/{id}/besluiten',
          payload: { signalId: NEVER, decision: 'geen-actie', reason: 'Nothing to do' },
        },
        { method: 'POST', url: '/api/v1/informatiepunt/overleggen/{id}/afsluiting' },
        { method: 'GET', url: '/api/v1/informatiepunt/overleggen/{id}/notulen' },
        { method: 'GET', url: '/informatiepunt/overleggen/{id}' },
        { method: 'POST', url: '/informatiepunt/overleggen/{id}/afsluiting', form: {} },
      ],
      { theirs: meeting.id },
    );
  });

  test('a municipality’s self-assessment is written only by the municipality itself; another one is refused as for an unknown code', async () => {
    const writerA = await member(gemA, 'beleidsmedewerker');
    const answers = { answers: [{ element: 'beleid', status: 'ja', evidence: 'Council decision' }] };
    await json(writerA, 'POST', '/api/v1/gemeentelijke-aanpak/GM0153/zelfevaluaties', answers);
    // The assessments are policy information every user reads; only writing is scoped, and the list of
    // municipalities is public reference data, so a refusal for an existing code reveals nothing.
    await answersAlike(
      await member(gemB, 'beleidsmedewerker'),
      [
        { method: 'POST', url: '/api/v1/gemeentelijke-aanpak/{id}/zelfevaluaties', payload: answers },
        { method: 'POST', url: '/gemeentelijke-aanpak/{id}', form: { status_beleid: 'nee' } },
      ],
      { theirs: 'GM0153', guessed: 'GM9999' },
      403,
    );
  });

  test('an action’s progress is written only by its holders (the plan itself is public to every user, so a refusal reveals nothing)', async () => {
    const holder = await t.organisation({
      type: 'ministerie',
      name: 'Ministerie van Justitie en Veiligheid',
    });
    const other = await t.organisation({ type: 'ministerie' });
    const body = { period: '2025-H2', status: 'loopt', done: 'Done.', next: 'Next.', risks: '' };
    await json(await member(holder, 'beleidsmedewerker'), 'POST', '/api/v1/acties/2018-5.11/voortgang', body);
    const outsider = await member(other, 'beleidsmedewerker');
    const refused = await send(
      outsider,
      { method: 'POST', url: '/api/v1/acties/{id}/voortgang', payload: body },
      '2018-5.11',
    );
    assert.equal(refused.statusCode, 403, refused.body);
    const action = await json<{ updates: unknown[] }>(outsider, 'GET', '/api/v1/acties/2018-5.11');
    assert.equal(action.updates.length, 1, 'the refused update was not written');
  });
});
