// Plain-SQL migrations, applied in name order, each in its own transaction, under an advisory lock so that two
// processes starting at once do not both migrate. Applied files are checksummed: editing one after the fact is an
// error, not a silent divergence between databases.
//
// A migration may load a versioned data file: a line `-- @csv <path relative to the migration> <table>` inserts
// the file's rows into <table> (columns named by the CSV header) at that point of the script. This is how
// reference data and rule tables arrive without code changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv.js';
import type { Database, RawSession } from './database.js';

const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_ID = 734_152_001;
const CSV_DIRECTIVE = /^--\s*@csv\s+(\S+)\s+(\S+)\s*$/gm;

export interface Migration {
  name: string;
  path: string;
  script: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const path = resolve(dir, file);
      const script = readFileSync(path, 'utf8');
      // The data files a migration loads are part of it: changing one after it was applied is caught too.
      const hash = createHash('sha256').update(script);
      for (const [, data] of script.matchAll(CSV_DIRECTIVE))
        hash.update(readFileSync(resolve(dirname(path), data!)));
      return { name: file.replace(/\.sql$/, ''), path, script, checksum: hash.digest('hex') };
    });
}

async function ensureTable(session: RawSession): Promise<void> {
  await session.exec(`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
}

async function loadCsv(session: RawSession, file: string, table: string): Promise<void> {
  const records = parseCsvRecords(readFileSync(file, 'utf8'));
  if (records.length === 0) return;
  const columns = Object.keys(records[0]!);
  for (const name of [table, ...columns]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe identifier in @csv load: ${name}`);
  }
  const batch = 200;
  for (let start = 0; start < records.length; start += batch) {
    const chunk = records.slice(start, start + batch);
    const params: unknown[] = [];
    const tuples = chunk.map((record) => {
      const placeholders = columns.map((column) => {
        params.push(record[column] === '' ? null : record[column]);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await session.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
  }
}

async function apply(session: RawSession, migration: Migration): Promise<void> {
  const segments = migration.script.split(new RegExp(CSV_DIRECTIVE.source, 'm'));
  await session.exec('begin');
  try {
    for (let i = 0; i < segments.length; i += 3) {
      const script = segments[i]!;
      if (script.trim()) await session.exec(script);
      const file = segments[i + 1];
      const table = segments[i + 2];
      if (file && table) await loadCsv(session, resolve(dirname(migration.path), file), table);
    }
    await session.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
      migration.name,
      migration.checksum,
    ]);
    await session.exec('commit');
  } catch (error) {
    await session.exec('rollback');
    throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export async function migrationStatus(
  database: Database,
  migrations = listMigrations(),
): Promise<MigrationStatus> {
  return database.withSession(async (session) => {
    const [exists] = await session.query<{ present: boolean }>(
      `select to_regclass('schema_migrations') is not null as present`,
    );
    const applied = exists?.present
      ? (await session.query<{ name: string }>('select name from schema_migrations order by name')).map(
          (r) => r.name,
        )
      : [];
    return { applied, pending: migrations.map((m) => m.name).filter((name) => !applied.includes(name)) };
  });
}

export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.withSession(async (session) => {
    await session.query('select pg_advisory_lock($1)', [LOCK_ID]);
    try {
      await ensureTable(session);
      const rows = await session.query<{ name: string; checksum: string }>(
        'select name, checksum from schema_migrations',
      );
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      const done: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.name);
        if (checksum === undefined) {
          await apply(session, migration);
          done.push(migration.name);
        } else if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied; write a new migration instead`,
          );
        }
      }
      return done;
    } finally {
      await session.query('select pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
}
