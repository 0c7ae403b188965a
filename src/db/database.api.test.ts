import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, openPGlite } from './database.js';
import { listMigrations, migrate, migrationStatus } from './migrate.js';

test('concurrent transactions on the embedded database do not mix: a rollback undoes only its own writes', async () => {
  const database = await openDatabase({ dataDir: 'memory' });
  try {
    await sql`create table t (id int primary key, who text)`.execute(database.db);
    const work = Array.from({ length: 20 }, (_, i) =>
      database.db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into t values (${i}, ${`tx${i}`})`.execute(trx);
          await new Promise((resolve) => setImmediate(resolve));
          if (i % 2 === 1) throw new Error('roll back the odd ones');
        })
        .catch(() => undefined),
    );
    await Promise.all(work);
    const rows = await sql<{ id: number }>`select id from t order by id`.execute(database.db);
    assert.deepEqual(
      rows.rows.map((r) => r.id),
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18],
    );
  } finally {
    await database.close();
  }
});

test('migrations apply once, in order, and a changed applied migration is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schakel-migrations-'));
  const database = await openDatabase({ dataDir: 'memory' });
  try {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'rows.csv'), 'id,label\n1,"een, twee"\n2,drie\n');
    writeFileSync(
      join(dir, '0001_first.sql'),
      'create table a (id int primary key, label text);\n-- @csv data/rows.csv a\n',
    );
    writeFileSync(join(dir, '0002_second.sql'), 'create table b (id int);');
    assert.deepEqual(await migrate(database, listMigrations(dir)), ['0001_first', '0002_second']);
    assert.deepEqual(await migrate(database, listMigrations(dir)), []);
    const rows = await sql<{ label: string }>`select label from a order by id`.execute(database.db);
    assert.deepEqual(
      rows.rows.map((r) => r.label),
      ['een, twee', 'drie'],
    );
    writeFileSync(join(dir, '0003_broken.sql'), 'create table c (id int); select * from missing_table;');
    await assert.rejects(migrate(database, listMigrations(dir)), /0003_broken failed/);
    const status = await migrationStatus(database, listMigrations(dir));
    assert.deepEqual(status.pending, ['0003_broken'], 'a failed migration leaves nothing half applied');
    assert.equal(
      (await sql<{ c: string | null }>`select to_regclass('c')::text as c`.execute(database.db)).rows[0]?.c,
      null,
    );
    writeFileSync(join(dir, '0003_broken.sql'), 'create table c (id int);');
    writeFileSync(join(dir, '0002_second.sql'), 'create table b (id bigint);');
    await assert.rejects(migrate(database, listMigrations(dir)), /0002_second was changed/);
    writeFileSync(join(dir, '0002_second.sql'), 'create table b (id int);');
    writeFileSync(join(dir, 'data', 'rows.csv'), 'id,label\n1,"een, twee"\n2,vier\n');
    await assert.rejects(
      migrate(database, listMigrations(dir)),
      /0001_first was changed/,
      'a changed data file counts as a change',
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the embedded database keeps its data across a clean restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schakel-pglite-'));
  try {
    const first = await openPGlite(dir);
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('still here')`.execute(first.db);
    await first.close();
    const second = await openPGlite(dir);
    const rows = await sql<{ v: string }>`select v from kept`.execute(second.db);
    assert.deepEqual(rows.rows, [{ v: 'still here' }]);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
