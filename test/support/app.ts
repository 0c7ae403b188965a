// The test app: Schakel built on a fresh in-memory PGlite (or a given PostgreSQL URL), with a clock tests move,
// factories for organisations and users, and a login helper that passes the real password and TOTP steps.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type RouteEntry } from '../../src/app.js';
import { createAccount, setConfirmedTotp, setPassword, totpCode } from '../../src/auth/index.js';
import { openRuntime, type Runtime } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { Ctx } from '../../src/context.js';
import { insertOrganisation, setRoles } from '../../src/organisations/index.js';
import type { OrganisationType, Role } from '../../src/policy/index.js';
import { makeCtx } from '../../src/web/context.js';
import pino from 'pino';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const TEST_PASSWORD = 'correct horse battery staple';
const TOTP_SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function testClock(start = new Date('2026-03-02T09:00:00Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => void (current += ms),
    set: (date) => void (current = date.getTime()),
  };
}

export interface TestOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string;
}

export interface TestApp {
  app: FastifyInstance & { routeTable: RouteEntry[] };
  runtime: Runtime;
  clock: TestClock;
  /** A system context on the same database and clock, for set-up and for checking the database. */
  ctx: Ctx;
  organisation(input?: Partial<TestOrganisation> & { municipalityCode?: string }): Promise<TestOrganisation>;
  user(
    memberships: [TestOrganisation, Role[]][],
    input?: { email?: string; displayName?: string; enrolled?: boolean },
  ): Promise<TestUser>;
  /** Logs in through the API (password, then TOTP at the test clock); returns the session cookie header. */
  login(user: TestUser, organisation?: TestOrganisation): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

function randomSecret(): string {
  let secret = '';
  for (let i = 0; i < 32; i++) secret += TOTP_SECRET_ALPHABET[Math.floor(Math.random() * 32)];
  return secret;
}

export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'schakel_sessie');
  return cookie ? `schakel_sessie=${cookie.value}` : undefined;
}

/** A new, empty database on the server `serverUrl` points at. */
async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `suite_${unique().replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    databaseUrl?: string;
    clock?: TestClock;
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestApp> {
  // `SCHAKEL_TEST_POSTGRES_URL` (set by test/integration/api-suites-on-postgres.test.ts) runs an API suite on a
  // fresh database of a real PostgreSQL server instead of PGlite.
  const serverUrl = process.env.SCHAKEL_TEST_POSTGRES_URL;
  const databaseUrl = options.databaseUrl ?? (serverUrl ? await freshDatabase(serverUrl) : undefined);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '100000',
    SCHAKEL_DEMO: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const runtime = await openRuntime(config, { dataDir: 'memory' });
  const clock = options.clock ?? testClock();
  const app = await buildApp({
    ...runtime,
    now: clock.now,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const ctx = makeCtx({
    config,
    db: runtime.database.db,
    actor: { kind: 'system', label: 'test' },
    now: clock.now,
    log: pino({ level: 'silent' }),
    keyring: runtime.keyring,
  });

  const testApp: TestApp = {
    app,
    runtime,
    clock,
    ctx,
    async organisation(input = {}) {
      const type = input.type ?? 'gemeente';
      const org = await insertOrganisation(ctx.db, {
        name: input.name ?? `Test ${type} ${unique()}`,
        type,
        municipalityCode: type === 'gemeente' ? (input.municipalityCode ?? 'GM0344') : null,
        regionKind: null,
        regionCode: null,
      });
      return { id: org.id, name: org.name, type };
    },
    async user(memberships, input = {}) {
      const email = input.email ?? `user-${unique()}@test.schakel.example`;
      const { userId } = await createAccount(ctx, {
        email,
        displayName: input.displayName ?? `Test user ${unique()}`,
      });
      await setPassword(ctx, userId, TEST_PASSWORD);
      const totpSecret = randomSecret();
      if (input.enrolled !== false) await setConfirmedTotp(ctx, userId, totpSecret);
      for (const [org, roles] of memberships) await setRoles(ctx.db, userId, org.id, roles, null);
      return { id: userId, email, password: TEST_PASSWORD, totpSecret };
    },
    async login(user, organisation) {
      // A TOTP step may be used once: move to a fresh one for every login.
      clock.advance(30_000);
      const first = await app.inject({
        method: 'POST',
        url: '/api/v1/sessies',
        payload: { email: user.email, password: user.password },
      });
      if (first.statusCode !== 201) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
      let cookie = sessionCookie(first)!;
      let next = first.json<{ next: string }>().next;
      if (next === 'second-factor') {
        const second = await app.inject({
          method: 'POST',
          url: '/api/v1/sessies/huidige/tweede-factor',
          headers: { cookie },
          payload: { code: totpCode(user.totpSecret, clock.now()) },
        });
        if (second.statusCode !== 200)
          throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
        cookie = sessionCookie(second)!;
        next = second.json<{ next: string }>().next;
      }
      if (next === 'choose-organisation') {
        if (!organisation) throw new Error('user has several organisations: say which one');
        const chosen = await app.inject({
          method: 'POST',
          url: '/api/v1/sessies/huidige/organisatie',
          headers: { cookie },
          payload: { organisationId: organisation.id },
        });
        if (chosen.statusCode !== 204)
          throw new Error(`choosing organisation failed: ${chosen.statusCode} ${chosen.body}`);
        cookie = sessionCookie(chosen)!;
      }
      return cookie;
    },
    async close() {
      await app.close();
      await runtime.database.close();
    },
  };
  return testApp;
}

/** GETs a page and returns the CSRF token of its forms plus the cookies to send it back with. */
export async function formSession(
  app: FastifyInstance,
  url: string,
  cookie = '',
): Promise<{ token: string; cookie: string; body: string }> {
  const page = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${url} (status ${page.statusCode})`);
  const csrf = page.cookies.find((c) => c.name === '_csrf');
  const cookies = [cookie, csrf ? `_csrf=${csrf.value}` : ''].filter(Boolean).join('; ');
  return { token, cookie: cookies, body: page.body };
}

/** The wall clock, for tests in which a browser and a person's authenticator live in real time. */
export function realClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
    set: (date) => void (offset = date.getTime() - Date.now()),
  };
}
