// Schakel on a real PostgreSQL server: the same migrations and behaviour as on the embedded database, plus what
// only a server shows: several connections at once, and the database going away and coming back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyAuditChain } from '../../src/audit/index.js';
import { openRuntime } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { listMigrations } from '../../src/db/migrate.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipUnless } from '../support/binaries.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

const skip = skipUnless('postgresql');
let server: PostgresServer;
let t: TestApp;

before(async () => {
  if (skip) return;
  server = await startPostgres();
  t = await createTestApp({ databaseUrl: server.url });
});
after(async () => {
  await t?.close();
  await server?.stop();
});

test('the migrations load the same reference data on PostgreSQL', { skip }, async () => {
  const res = await t.app.inject({ url: '/api/v1/gemeenten' });
  assert.equal(res.json<unknown[]>().length, 342);
  const ready = await t.app.inject({ url: '/health/ready' });
  assert.deepEqual(ready.json(), { status: 'ready', database: 'postgres' });
});

test(
  'two processes migrating one new database at once apply each migration exactly once',
  { skip },
  async () => {
    const url = await server.createDatabase('race');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      SCHAKEL_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    const [a, b] = await Promise.all([
      openRuntime(config, { dataDir: 'memory' }),
      openRuntime(config, { dataDir: 'memory' }),
    ]);
    try {
      assert.deepEqual(
        [...a.migrated, ...b.migrated].sort(),
        listMigrations().map((m) => m.name),
      );
      const rows = await a.database.db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), 342);
    } finally {
      await a.database.close();
      await b.database.close();
    }
  },
);

test('login, user management and audit work the same on PostgreSQL', { skip }, async () => {
  const org = await t.organisation();
  const cookie = await t.login(await t.user([[org, ['beheerder']]]));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/gebruikers',
    headers: { cookie },
    payload: { email: 'pg.user@test.schakel.example', displayName: 'PG', roles: ['melder'] },
  });
  assert.equal(created.statusCode, 201);
  const list = await t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie } });
  assert.equal(list.json<unknown[]>().length, 2);
});

test(
  'many concurrent audited requests over a pool of connections keep one unbroken hash chain',
  { skip },
  async () => {
    const org = await t.organisation();
    const cookie = await t.login(await t.user([[org, ['beheerder']]]));
    const responses = await Promise.all(
      Array.from({ length: 60 }, () => t.app.inject({ url: '/api/v1/gebruikers', headers: { cookie } })),
    );
    assert.ok(responses.every((r) => r.statusCode === 200));
    const verdict = await verifyAuditChain(t.ctx.db);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  },
);

test(
  'readiness reports the database away while the server is killed, and recovers by itself',
  { skip },
  async () => {
    await server.kill();
    const down = await t.app.inject({ url: '/health/ready' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().reason, 'database-unreachable');
    assert.equal(
      (await t.app.inject({ url: '/health/live' })).statusCode,
      200,
      'the process itself stays alive',
    );
    const api = await t.app.inject({ url: '/api/v1/gemeenten/GM0363' });
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().code, 'not-ready');
    assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.doesNotMatch(api.body, /ECONNREFUSED|at \w+ \(/, 'no internals leak');
    await server.restart();
    let ready = 503;
    for (let attempt = 0; attempt < 50 && ready !== 200; attempt++) {
      ready = (await t.app.inject({ url: '/health/ready' })).statusCode;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(ready, 200);
    assert.equal((await t.app.inject({ url: '/api/v1/gemeenten/GM0363' })).statusCode, 200);
  },
);
