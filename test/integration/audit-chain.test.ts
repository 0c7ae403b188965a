// The asynchronously linked audit chain (decision 0005) on a real PostgreSQL server, where transactions really run
// at once: many writers and several chainers on separate connections, a transaction that commits after a later one,
// the least-privilege application role of docs/operations.md, and the server process's own chainer loop.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import {
  appendAuditEvent,
  linkPendingAuditEvents,
  startAuditChainer,
  verifyAuditChain,
} from '../../src/audit/index.js';
import type { Actor } from '../../src/context.js';
import { openPostgres, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import { DEMO_AANDACHTSFUNCTIONARIS, DEMO_MELDER, login, SchakelProcess } from '../faults/harness.js';
import { skipUnless } from '../support/binaries.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

const skip = skipUnless('postgresql');
const system: Actor = { kind: 'system', label: 'test' };
let server: PostgresServer;
const opened: Database[] = [];

before(async () => {
  if (skip) return;
  server = await startPostgres();
});
after(async () => {
  for (const database of opened) await database.close();
  await server?.stop();
});

/** A new, migrated database; `connections` extra handles on it stand for other Schakel processes. */
async function freshDatabase(name: string, connections = 1): Promise<Database[]> {
  const url = await server.createDatabase(name);
  const handles: Database[] = [];
  for (let i = 0; i < connections; i++) {
    const database = await openPostgres(url, 20);
    opened.push(database);
    handles.push(database);
  }
  await migrate(handles[0]!);
  return handles;
}

function append(db: Kysely<DB>, action: string, details: Record<string, unknown> = {}) {
  return db.transaction().execute((trx) => appendAuditEvent(trx, system, new Date(), { action, details }));
}

/** Every event linked exactly once, at positions 1..n, each row pointing at the one before it. */
async function assertOneChain(db: Kysely<DB>, expected: number): Promise<void> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'chain_seq', 'prev_hash', 'hash'])
    .orderBy('chain_seq')
    .execute();
  assert.equal(rows.length, expected);
  assert.deepEqual(
    rows.map((r) => r.chain_seq),
    Array.from({ length: expected }, (_, i) => i + 1),
    'chain positions are 1..n without gaps or repeats',
  );
  rows.forEach((row, i) => assert.equal(row.prev_hash, i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash));
  assert.deepEqual(await verifyAuditChain(db), { ok: true, checked: expected });
}

test(
  'fifty transactions appending at once on their own connections, with two processes linking meanwhile, make one chain',
  { skip },
  async () => {
    const [a, b] = await freshDatabase('many_writers', 2);
    const chainers = [
      startAuditChainer(a!.db, { intervalMs: 1 }),
      startAuditChainer(b!.db, { intervalMs: 1 }),
    ];
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? a! : b!).db.transaction().execute(async (trx) => {
            await appendAuditEvent(trx, system, new Date(), { action: 'test.concurrent', details: { i } });
            // A little work in the same transaction, so that transactions overlap and commit out of seq order.
            await sql`select count(*) from audit_events`.execute(trx);
            await appendAuditEvent(trx, system, new Date(), {
              action: 'test.concurrent.second',
              details: { i },
            });
          }),
        ),
      );
    } finally {
      for (const chainer of chainers) await chainer.stop();
    }
    await assertOneChain(a!.db, 100);
  },
);

test('an event of a rolled-back transaction never appears, pending or linked', { skip }, async () => {
  const [database] = await freshDatabase('rollback');
  const db = database!.db;
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await appendAuditEvent(trx, system, new Date(), { action: 'test.rolled-back' });
      throw new Error('the change fails');
    }),
    /the change fails/,
  );
  await append(db, 'test.committed');
  await linkPendingAuditEvents(db);
  const actions = await db.selectFrom('audit_events').select('action').execute();
  assert.deepEqual(
    actions.map((r) => r.action),
    ['test.committed'],
  );
  await assertOneChain(db, 1);
});

test('two chainers racing on separate connections never fork the chain', { skip }, async () => {
  const [a, b] = await freshDatabase('racing_chainers', 2);
  for (let round = 0; round < 5; round++) {
    await Promise.all(Array.from({ length: 40 }, (_, i) => append(a!.db, 'test.race', { round, i })));
    // Small batches, so that the two interleave many transactions; once waiting, once giving way.
    const wait = round % 2 === 0;
    const linked = await Promise.all([
      linkPendingAuditEvents(a!.db, { batchSize: 3, wait }),
      linkPendingAuditEvents(b!.db, { batchSize: 3, wait }),
      linkPendingAuditEvents(b!.db, { batchSize: 5, wait }),
    ]);
    assert.equal(
      linked.reduce((x, y) => x + y, 0),
      40,
      'each pending event is linked by exactly one chainer',
    );
  }
  await assertOneChain(b!.db, 200);
});

test(
  'an event that commits after a later one is linked after it: the chain follows linking, seq occurrence',
  { skip },
  async () => {
    const [database] = await freshDatabase('late_commit');
    const db = database!.db;
    let releaseEarly!: () => void;
    const held = new Promise<void>((resolve) => (releaseEarly = resolve));
    let appended!: () => void;
    const earlyAppended = new Promise<void>((resolve) => (appended = resolve));
    const early = db.transaction().execute(async (trx) => {
      await appendAuditEvent(trx, system, new Date(), { action: 'test.early' });
      appended();
      await held;
    });
    await earlyAppended;
    await append(db, 'test.late');
    assert.equal(await linkPendingAuditEvents(db), 1, 'the uncommitted event is not visible yet');
    releaseEarly();
    await early;
    assert.equal(await linkPendingAuditEvents(db), 1);
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'chain_seq', 'action'])
      .orderBy('chain_seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['test.late', 'test.early'],
    );
    assert.ok(rows[0]!.seq > rows[1]!.seq, 'the chain order differs from the order of occurrence');
    await assertOneChain(db, 2);
  },
);

test(
  'the application role of docs/operations.md can append and link, and cannot change or delete',
  { skip },
  async () => {
    const [owner] = await freshDatabase('least_privilege');
    await sql`create role schakel_app login`.execute(owner!.db);
    await sql`grant select, insert on audit_events to schakel_app`.execute(owner!.db);
    await sql`grant update (chain_seq, prev_hash, hash) on audit_events to schakel_app`.execute(owner!.db);
    const url = new URL(server.url);
    url.username = 'schakel_app';
    url.pathname = '/least_privilege';
    const app = await openPostgres(url.toString(), 4);
    opened.push(app);
    await append(app.db, 'test.app-role');
    assert.equal(await linkPendingAuditEvents(app.db), 1);
    await assert.rejects(sql`update audit_events set action = 'x'`.execute(app.db), /permission denied/);
    await assert.rejects(sql`delete from audit_events`.execute(app.db), /permission denied/);
    // The column grant alone would allow re-linking; the trigger refuses it.
    await assert.rejects(
      sql`update audit_events set chain_seq = 7, prev_hash = ${'1'.repeat(64)}, hash = ${'2'.repeat(64)}`.execute(
        app.db,
      ),
      /append-only/,
    );
    await assertOneChain(app.db, 1);
  },
);

test(
  'the server process links audited requests within a second, and leaves nothing pending when stopped',
  { skip },
  async () => {
    const url = await server.createDatabase('server_loop');
    const workDir = await mkdtemp(join(tmpdir(), 'schakel-audit-loop-'));
    const schakel = await SchakelProcess.create({ databaseUrl: url, workDir });
    const observer = await openPostgres(url, 2);
    opened.push(observer);
    const pending = async () =>
      (await observer.db.selectFrom('audit_events').select('seq').where('hash', 'is', null).execute()).length;
    try {
      await schakel.start();
      await login(schakel.url, DEMO_MELDER);
      const loggedIn = Date.now();
      const events = await observer.db.selectFrom('audit_events').select('seq').execute();
      assert.ok(events.length > 0, 'the login was audited');
      // The loop runs every 200 ms; look every 20 ms for at most a second.
      let left = await pending();
      while (left > 0 && Date.now() - loggedIn < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        left = await pending();
      }
      assert.equal(left, 0, `still pending ${Date.now() - loggedIn} ms after the login`);
      // Events of the last requests before a clean stop are linked by the loop's last pass.
      await login(schakel.url, DEMO_AANDACHTSFUNCTIONARIS);
      await schakel.stop();
      assert.equal(await pending(), 0);
      const verify = schakel.cli(['audit', 'verify']);
      assert.equal(verify.status, 0, verify.output);
      assert.match(verify.output, /Audit chain intact/);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await schakel.logTail()}`, { cause: error });
    } finally {
      await schakel.kill();
      await rm(workDir, { recursive: true, force: true });
    }
  },
);
