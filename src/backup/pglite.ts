// Backup and restore of the embedded database (PGlite in `<data dir>/pglite`) with PGlite's own dump of its data
// folder (`dumpDataDir`, a gzipped tarball) and `loadDataDir` into a new folder. The master key file beside it
// (`<data dir>/master.key`) is never part of the backup.
//
// PGlite is one session inside one process and does not lock its folder against a second process; while open it
// keeps a `postmaster.pid` in the folder and removes it on a clean close. That file is how "in use" is detected.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openPGlite } from '../db/database.js';
import { checkRestored, requireMasterKey, type MasterKey, type RestoreReport } from './checks.js';
import { BackupError } from './errors.js';
import { writeBackupFile, type BackupFile, type BackupManifest } from './format.js';
import { takeInventory } from './inventory.js';

type Log = (line: string) => void;

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

function refuseIfInUse(folder: string): void {
  if (!existsSync(join(folder, 'postmaster.pid'))) return;
  throw new BackupError(
    `The embedded database in ${folder} is in use (a running Schakel has it open), or the last run did not ` +
      `shut down cleanly: its postmaster.pid is there. Stop Schakel (Ctrl-C or SIGTERM) and try again. If no ` +
      `Schakel is running, start it once and stop it with Ctrl-C so that the folder is recovered and closed.`,
  );
}

async function pgliteVersion(): Promise<string> {
  // The package does not export its package.json; it sits one folder above the entry point (dist/).
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export async function backupPGlite(options: {
  dataDir: string;
  out: string;
  log: Log;
}): Promise<{ manifest: BackupManifest; bytes: number; sha256: string }> {
  const folder = join(options.dataDir, 'pglite');
  if (!existsSync(join(folder, 'PG_VERSION'))) {
    throw new BackupError(
      `There is no embedded database in ${folder} (SCHAKEL_DATA_DIR=${options.dataDir}); set DATABASE_URL to ` +
        `back up a PostgreSQL server.`,
    );
  }
  refuseIfInUse(folder);
  const version = await pgliteVersion();
  options.log(`Backing up the embedded database in ${folder} with PGlite ${version} (dumpDataDir).`);
  const client = await PGlite.create({ dataDir: folder });
  let manifest: BackupManifest;
  let tarball: Blob;
  try {
    const inventory = await takeInventory(async (text) => (await client.query(text)).rows as never);
    if (inventory.migrations.length === 0) throw new BackupError(`${folder} holds no Schakel database`);
    // Flush everything to the data files, so the tarball needs no WAL replay when it is loaded.
    await client.exec('checkpoint');
    tarball = await client.dumpDataDir('gzip');
    manifest = {
      format: 'schakel-backup',
      version: 1,
      kind: 'pglite',
      createdAt: new Date().toISOString(),
      server: inventory.server,
      tool: { name: 'PGlite dumpDataDir', version, major: Number(version.split('.')[0]) },
      migrations: inventory.migrations,
      tables: inventory.tables,
      dataKeyIds: inventory.dataKeyIds,
      audit: inventory.audit,
      masterKey: 'not-included',
    };
  } finally {
    await client.close();
  }
  const bytes = new Uint8Array(await tarball.arrayBuffer());
  const written = await writeBackupFile(options.out, manifest, [bytes]);
  return { manifest, ...written };
}

async function readPayload(backup: BackupFile): Promise<Uint8Array<ArrayBuffer>> {
  const file = await open(backup.path, 'r');
  try {
    const payload = new Uint8Array(backup.payloadEnd - backup.payloadStart);
    await file.read(payload, 0, payload.length, backup.payloadStart);
    return payload;
  } finally {
    await file.close();
  }
}

/**
 * Loads the backup into a staging folder beside `<data dir>/pglite`, checks it there (rows, master key, audit
 * chain), and only then moves it into place. With --force an existing database is moved aside, never deleted.
 */
export async function restorePGlite(options: {
  dataDir: string;
  backup: BackupFile;
  force: boolean;
  masterKey: MasterKey;
  log: Log;
  now?: Date;
}): Promise<RestoreReport & { folder: string; movedAside: string | undefined }> {
  const { dataDir, backup, force, masterKey, log } = options;
  const folder = join(dataDir, 'pglite');
  const now = options.now ?? new Date();
  refuseIfInUse(folder);
  const occupied = existsSync(folder) && readdirSync(folder).length > 0;
  if (occupied && !force) {
    throw new BackupError(
      `${folder} holds a database already. A restore goes into a new data folder: set SCHAKEL_DATA_DIR to an ` +
        `empty or new folder (and put the master key there or in SCHAKEL_MASTER_KEY), or pass --force to move ` +
        `the existing database aside to ${folder}.before-restore-… and restore in its place.`,
    );
  }
  requireMasterKey(backup.manifest, masterKey);

  await mkdir(dataDir, { recursive: true });
  const staging = join(dataDir, `pglite.restoring-${stamp(now)}`);
  let report: RestoreReport;
  try {
    log(`Loading the backup into ${staging} …`);
    const loaded = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([await readPayload(backup)]),
    });
    await loaded.close();
    const database = await openPGlite(staging);
    try {
      report = await checkRestored(database, backup.manifest, masterKey, 'Nothing was put in place.');
    } finally {
      await database.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let movedAside: string | undefined;
  if (occupied) {
    movedAside = `${folder}.before-restore-${stamp(now)}`;
    await rename(folder, movedAside);
    log(`--force: the database that was in ${folder} is now in ${movedAside}.`);
  } else if (existsSync(folder)) {
    await rm(folder, { recursive: true, force: true }); // an empty folder
  }
  await rename(staging, folder);
  return { ...report, folder, movedAside };
}
