// Backup and restore on a PostgreSQL server with its own tools. The backup counts rows in the very snapshot
// pg_dump dumps (pg_export_snapshot), so the manifest and the dump agree exactly and a restore can be held to it.
import pg from 'pg';
import { openPostgres } from '../db/database.js';
import { checkRestored, requireMasterKey, type MasterKey, type RestoreReport } from './checks.js';
import { BackupError } from './errors.js';
import { payloadStream, writeBackupFile, type BackupFile, type BackupManifest } from './format.js';
import { takeInventory, type Query } from './inventory.js';
import { describeTarget, findPgTool, libpqTarget, runTool } from './pg-tools.js';

type Log = (line: string) => void;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Cannot connect to the ${describeTarget(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return client;
}

const queryOn =
  (client: pg.Client): Query =>
  async <R>(text: string) =>
    (await client.query(text)).rows as R[];

export async function backupPostgres(options: {
  databaseUrl: string;
  out: string;
  pgBin: string | undefined;
  log: Log;
}): Promise<{ manifest: BackupManifest; bytes: number; sha256: string }> {
  const { databaseUrl, out, log } = options;
  const pgDump = await findPgTool('pg_dump', options.pgBin);
  const client = await connect(databaseUrl);
  try {
    // One snapshot for the counts and the dump: the transaction stays open until pg_dump has finished.
    await client.query('begin isolation level repeatable read, read only');
    const [{ snapshot }] = (
      await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')
    ).rows as [{ snapshot: string }];
    const inventory = await takeInventory(queryOn(client));
    log(
      `Using ${pgDump.label} (version ${pgDump.version}); its major version must be at least the server's ` +
        `(PostgreSQL ${inventory.server.version}).`,
    );
    if (pgDump.major < inventory.server.major) {
      throw new BackupError(
        `${pgDump.label} is version ${pgDump.version}, older than the server (${inventory.server.version}): ` +
          `pg_dump cannot dump a newer server. Install postgresql-client-${inventory.server.major} or pass ` +
          `--pg-bin with the bin directory of PostgreSQL ${inventory.server.major} or newer.`,
      );
    }
    if (inventory.migrations.length === 0) {
      throw new BackupError(
        `The ${describeTarget(databaseUrl)} holds no Schakel database (no schema_migrations): nothing to back up`,
      );
    }
    const manifest: BackupManifest = {
      format: 'schakel-backup',
      version: 1,
      kind: 'postgres',
      createdAt: new Date().toISOString(),
      server: inventory.server,
      tool: { name: 'pg_dump', version: pgDump.version, major: pgDump.major },
      migrations: inventory.migrations,
      tables: inventory.tables,
      dataKeyIds: inventory.dataKeyIds,
      audit: inventory.audit,
      masterKey: 'not-included',
    };
    const target = libpqTarget(databaseUrl);
    const dump = runTool(
      pgDump,
      ['--format=custom', `--snapshot=${snapshot}`, '--no-password', '--dbname', target.dbname],
      target.env,
    );
    async function* output(): AsyncGenerator<Uint8Array> {
      for await (const chunk of dump.child.stdout!) yield chunk as Buffer;
      await dump.done;
    }
    const written = await writeBackupFile(out, manifest, output()).catch(async (error: unknown) => {
      dump.child.kill();
      await dump.done.catch(() => undefined);
      throw error;
    });
    return { manifest, ...written };
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Tables, views, sequences and the like outside PostgreSQL's own schemas: anything means "not empty". */
async function userObjects(client: pg.Client): Promise<{ count: number; sample: string[] }> {
  const rows = (
    await client.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
          and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        order by 1`,
    )
  ).rows;
  return { count: rows.length, sample: rows.slice(0, 5).map((r) => r.name) };
}

export async function restorePostgres(options: {
  databaseUrl: string;
  backup: BackupFile;
  force: boolean;
  pgBin: string | undefined;
  masterKey: MasterKey;
  log: Log;
}): Promise<RestoreReport> {
  const { databaseUrl, backup, force, masterKey, log } = options;
  const { manifest } = backup;
  requireMasterKey(manifest, masterKey);
  const pgRestore = await findPgTool('pg_restore', options.pgBin);
  log(
    `Using ${pgRestore.label} (version ${pgRestore.version}); its major version must be at least that of the ` +
      `pg_dump that wrote the backup (${manifest.tool.version}) and of the target server.`,
  );
  if (pgRestore.major < manifest.tool.major) {
    throw new BackupError(
      `${pgRestore.label} is version ${pgRestore.version}, older than the pg_dump that wrote the backup ` +
        `(${manifest.tool.version}), and cannot read it. Pass --pg-bin with the bin directory of PostgreSQL ` +
        `${manifest.tool.major} or newer.`,
    );
  }
  const where = describeTarget(databaseUrl);
  const client = await connect(databaseUrl);
  try {
    const server = await takeServerVersion(client);
    if (pgRestore.major < server.major) {
      throw new BackupError(
        `${pgRestore.label} is version ${pgRestore.version}, older than the server (${server.version}). ` +
          `Pass --pg-bin with the bin directory of PostgreSQL ${server.major} or newer.`,
      );
    }
    if (server.major < manifest.server.major) {
      log(
        `Warning: the backup comes from PostgreSQL ${manifest.server.version} and the target runs ` +
          `${server.version}; restoring into an older major version may fail.`,
      );
    }
    const objects = await userObjects(client);
    if (objects.count > 0 && !force) {
      throw new BackupError(
        `The ${where} is not empty: it holds ${objects.count} tables, views or sequences ` +
          `(${objects.sample.join(', ')}${objects.count > objects.sample.length ? ', …' : ''}). A restore into it ` +
          `would mix two databases or stop halfway. Restore into a new, empty database (createdb), or pass --force ` +
          `to drop and replace the objects the backup holds.`,
      );
    }
    if (objects.count > 0)
      log(`--force: the ${objects.count} objects in the ${where} that the backup holds are replaced.`);
  } finally {
    await client.end().catch(() => undefined);
  }

  const target = libpqTarget(databaseUrl);
  const restore = runTool(
    pgRestore,
    [
      '--dbname',
      target.dbname,
      '--no-password',
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(force ? ['--clean', '--if-exists'] : []),
    ],
    target.env,
    payloadStream(backup),
  );
  await restore.done;
  log(`pg_restore finished (one transaction). Checking the restored ${where} …`);

  const database = await openPostgres(databaseUrl, 2);
  try {
    return await checkRestored(
      database,
      manifest,
      masterKey,
      `The ${where} now holds the restored rows; restore again with the right key and --force, or drop it.`,
    );
  } finally {
    await database.close();
  }
}

async function takeServerVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const row = (
    await client.query<{ version: string; num: string }>(
      `select current_setting('server_version') as version, current_setting('server_version_num') as num`,
    )
  ).rows[0]!;
  return { version: row.version.split(' ')[0]!, major: Math.floor(Number(row.num) / 10000) };
}
