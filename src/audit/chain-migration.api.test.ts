import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openPGlite } from '../db/database.js';
import { listMigrations, migrate } from '../db/migrate.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import { linkPendingAuditEvents, verifyAuditChain } from './index.js';

test('migration 0010 gives the rows linked under the old lock their chain positions in seq order', async () => {
  const database = await openPGlite(undefined);
  try {
    const all = listMigrations();
    await migrate(
      database,
      all.filter((m) => m.name < '0010'),
    );
    // Three events as the old appender wrote them: each linked to the one before it at insert time.
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const content = {
        occurredAt: new Date(Date.UTC(2026, 0, 5, 10, 0, i)),
        actorUserId: null,
        actorOrganisationId: null,
        action: 'test.old',
        outcome: 'success',
        recordType: null,
        recordId: null,
        recordOrganisationId: null,
        fields: [],
        purpose: null,
        details: { i },
      };
      const hash = chainHash(prevHash, content);
      await sql`insert into audit_events (occurred_at, action, outcome, details, prev_hash, hash)
                values (${content.occurredAt}, 'test.old', 'success', ${JSON.stringify({ i })}, ${prevHash},
                        ${hash})`.execute(database.db);
      prevHash = hash;
    }
    assert.equal((await migrate(database, all))[0], '0010_audit_async_chain');
    const rows = await database.db
      .selectFrom('audit_events')
      .select(['seq', 'chain_seq'])
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.chain_seq),
      [1, 2, 3],
    );
    assert.deepEqual(await verifyAuditChain(database.db), { ok: true, checked: 3 });
    // New events continue the old chain.
    await database.db.transaction().execute((trx) =>
      trx
        .insertInto('audit_events')
        .values({
          occurred_at: new Date(),
          action: 'test.new',
          outcome: 'success',
          fields: [],
          details: '{}',
        })
        .execute(),
    );
    assert.equal(await linkPendingAuditEvents(database.db), 1);
    assert.deepEqual(await verifyAuditChain(database.db), { ok: true, checked: 4 });
    const last = await database.db
      .selectFrom('audit_events')
      .select(['chain_seq', 'prev_hash'])
      .where('action', '=', 'test.new')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { chain_seq: 4, prev_hash: prevHash });
  } finally {
    await database.close();
  }
});
