// `schakel backup --out FILE [--pg-bin DIR]` and `schakel restore --from FILE [--force] [--pg-bin DIR]`.
// PostgreSQL (DATABASE_URL set): pg_dump's custom format, restored with pg_restore into an empty database.
// Embedded (no DATABASE_URL): PGlite's dump of its data folder while Schakel is stopped, restored into a new folder.
// The master key is never in a backup; a restore checks that the configured one unwraps the restored data keys,
// then verifies the audit chain and reports what it restored.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { configuredMasterKey, type RestoreReport } from './checks.js';
import { BackupError } from './errors.js';
import { readBackupFile, verifyPayload, type BackupManifest } from './format.js';
import { formatTables, totalRows } from './inventory.js';
import { describeTarget } from './pg-tools.js';
import { backupPGlite, restorePGlite } from './pglite.js';
import { backupPostgres, restorePostgres } from './postgres.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const BACKUP_USAGE = `Usage:
  schakel backup --out FILE [--pg-bin DIR]
  schakel restore --from FILE [--force] [--pg-bin DIR]

With DATABASE_URL: pg_dump (custom format) and pg_restore into an empty database; --pg-bin names the directory of
pg_dump and pg_restore (otherwise the newest on PATH or in /usr/lib/postgresql/*/bin). Without it: the embedded
database in SCHAKEL_DATA_DIR, backed up while Schakel is stopped and restored into a new data folder.
The master key is not in a backup: keep it apart. --force restores over a database that is not empty.`;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function summary(manifest: BackupManifest): string {
  const tables = Object.keys(manifest.tables).length;
  return (
    `${tables} tables, ${totalRows(manifest.tables)} rows, ${manifest.audit.events} audit events` +
    (manifest.audit.pending ? ` (${manifest.audit.pending} not yet linked into the chain)` : '')
  );
}

async function guarded(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

export function backupCommand(args: string[], config: Config, io: Io): Promise<number> {
  return guarded(io, async () => {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, 'pg-bin': { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      io.out(BACKUP_USAGE);
      return 0;
    }
    if (!values.out) {
      io.err(`backup needs --out FILE\n\n${BACKUP_USAGE}`);
      return 2;
    }
    const out = resolve(values.out);
    if (existsSync(out)) throw new BackupError(`${out} exists already; a backup never overwrites a file`);
    const log = (line: string) => io.out(line);
    const result = config.databaseUrl
      ? (log(`Backing up the PostgreSQL ${describeTarget(config.databaseUrl)} …`),
        await backupPostgres({ databaseUrl: config.databaseUrl, out, pgBin: values['pg-bin'], log }))
      : await backupPGlite({ dataDir: config.dataDir, out, log });
    const { manifest } = result;
    io.out(`Backup written to ${out} (${mib(result.bytes)} of data, SHA-256 ${result.sha256}).`);
    io.out(`It holds ${summary(manifest)}.`);
    io.out(
      `Reminder: the master key is NOT in this backup, and never is. Its encrypted fields need the data keys ` +
        `${manifest.dataKeyIds.join(', ') || '(none)'}, which only the master key in use now ` +
        `(${config.masterKey ? 'SCHAKEL_MASTER_KEY' : `${config.dataDir}/master.key`}) unwraps. Keep that key in ` +
        `the secret store, apart from the backups; without it a restore cannot read them.`,
    );
    return 0;
  });
}

export function restoreCommand(args: string[], config: Config, io: Io): Promise<number> {
  return guarded(io, async () => {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        force: { type: 'boolean' },
        'pg-bin': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      io.out(BACKUP_USAGE);
      return 0;
    }
    if (!values.from) {
      io.err(`restore needs --from FILE\n\n${BACKUP_USAGE}`);
      return 2;
    }
    const log = (line: string) => io.out(line);
    const backup = await readBackupFile(resolve(values.from));
    const { manifest } = backup;
    await verifyPayload(backup);
    log(
      `${backup.path}: a backup of ${manifest.createdAt} of ${manifest.kind === 'postgres' ? 'a PostgreSQL' : 'an embedded'} ` +
        `database (PostgreSQL ${manifest.server.version}) with ${summary(manifest)}; intact (SHA-256 checked).`,
    );
    const masterKey = configuredMasterKey(config);
    const force = values.force === true;
    let report: RestoreReport;
    if (config.databaseUrl) {
      if (manifest.kind !== 'postgres') {
        throw new BackupError(
          'This is a backup of the embedded database; it restores into an embedded data folder only (unset ' +
            'DATABASE_URL and set SCHAKEL_DATA_DIR to a new folder).',
        );
      }
      log(`Restoring into the ${describeTarget(config.databaseUrl)} …`);
      report = await restorePostgres({
        databaseUrl: config.databaseUrl,
        backup,
        force,
        pgBin: values['pg-bin'],
        masterKey,
        log,
      });
    } else {
      if (manifest.kind !== 'pglite') {
        throw new BackupError(
          'This is a backup of a PostgreSQL server; set DATABASE_URL to a new, empty database to restore it.',
        );
      }
      const restored = await restorePGlite({ dataDir: config.dataDir, backup, force, masterKey, log });
      report = restored;
      log(`Restored into ${restored.folder}.`);
    }
    io.out(`Rows per table (each as in the backup):\n${formatTables(report.tables)}`);
    io.out(
      `Data keys ${report.dataKeyIds.join(', ') || '(none)'} unwrap with the master key from ${masterKey.source}.`,
    );
    io.out(`Audit chain intact: ${report.auditVerified} events verified.`);
    if (report.pendingMigrations.length) {
      io.out(
        `The backup predates ${report.pendingMigrations.length} migrations of this Schakel ` +
          `(${report.pendingMigrations.join(', ')}); the next start or \`schakel migrate\` applies them.`,
      );
    }
    if (report.unknownMigrations.length) {
      io.err(
        `Warning: a newer Schakel made this backup (migrations unknown here: ${report.unknownMigrations.join(', ')}); ` +
          `run that version or newer on it.`,
      );
    }
    io.out('Restore complete.');
    return 0;
  });
}
