// One connection abstraction over the embedded database (PGlite, persisted in a folder) and a PostgreSQL server.
// Both speak the same SQL; the migrations and every query are the same.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { Mutex, PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

/** A raw session for what Kysely cannot express: multi-statement scripts (migrations) and COPY-like loads. */
export interface RawSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  /** Exclusive use of one session; on PGlite this also excludes every other query meanwhile. */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (counts, sequences) as JS numbers: our counts stay far below 2^53. Dates stay Date objects.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client whose server went away emits 'error'; without a listener that would crash the process.
  pool.on('error', () => {});
  // A client in use when the server dies (a query in flight) emits 'error' too; the query itself fails and the
  // request answers 503, but an unheard 'error' event would end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => void (await client.query(script)),
          query: async (text, params) => (await client.query(text, params)).rows,
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function openPGlite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client, mutex) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async withSession(fn) {
      const release = await mutex.lock();
      try {
        return await fn({
          exec: async (script) => void (await client.exec(script)),
          query: async (text, params) => (await client.query(text, params)).rows as never,
        });
      } finally {
        release();
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      const release = await mutex.lock();
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** The embedded database lives in `<dataDir>/pglite`; `memory` keeps it in memory (tests). */
export function openDatabase(options: {
  databaseUrl?: string;
  poolSize?: number;
  dataDir?: string | 'memory';
}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize);
  return openPGlite(options.dataDir === 'memory' ? undefined : `${options.dataDir}/pglite`);
}
