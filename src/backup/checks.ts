// What a restore proves before it says "restored": every table has the rows the backup recorded, the configured
// master key unwraps the restored data keys (the real Keyring.load), and the audit chain verifies.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditChain } from '../audit/index.js';
import type { Config } from '../config.js';
import { Keyring, resolveMasterKey } from '../crypto/index.js';
import type { Database } from '../db/database.js';
import { listMigrations } from '../db/migrate.js';
import { BackupError } from './errors.js';
import type { BackupManifest } from './format.js';
import { takeInventory } from './inventory.js';

export interface MasterKey {
  key: Buffer | undefined;
  /** Where it comes from, for messages: `SCHAKEL_MASTER_KEY` or the key file's path. */
  source: string;
  /** The embedded mode's key file, where a restore looks when SCHAKEL_MASTER_KEY is not set. */
  keyFile: string;
}

/**
 * The master key a restore checks with: SCHAKEL_MASTER_KEY, or the embedded mode's key file in the data folder.
 * Unlike a start, a restore never creates a key file: a new random key could not unwrap anything.
 */
export function configuredMasterKey(config: Config): MasterKey {
  const keyFile = join(config.dataDir, 'master.key');
  if (config.masterKey) {
    return { key: Buffer.from(config.masterKey, 'base64'), source: 'SCHAKEL_MASTER_KEY', keyFile };
  }
  if (existsSync(keyFile))
    return { key: resolveMasterKey(undefined, config.dataDir), source: keyFile, keyFile };
  return { key: undefined, source: `neither SCHAKEL_MASTER_KEY nor ${keyFile}`, keyFile };
}

/** Before anything is restored: a backup with data keys needs a master key to check them with. */
export function requireMasterKey(manifest: BackupManifest, masterKey: MasterKey): void {
  if (masterKey.key || manifest.dataKeyIds.length === 0) return;
  throw new BackupError(
    `No master key is configured (${masterKey.source}). The backup's encrypted fields need data keys ` +
      `${manifest.dataKeyIds.join(', ')}, wrapped under the master key that was in use when it was made; that key ` +
      `is never in a backup. Set SCHAKEL_MASTER_KEY to it (or, for the embedded database, copy the old data ` +
      `folder's master.key to ${masterKey.keyFile}) and restore again.`,
  );
}

export interface RestoreReport {
  tables: Record<string, number>;
  dataKeyIds: string[];
  auditVerified: number;
  /** Migrations this version of Schakel has and the restored database lacks: the next start applies them. */
  pendingMigrations: string[];
  /** Migrations in the restored database that this version of Schakel does not know (a newer Schakel made it). */
  unknownMigrations: string[];
}

export async function checkRestored(
  database: Database,
  manifest: BackupManifest,
  masterKey: MasterKey,
  whereHint: string,
): Promise<RestoreReport> {
  const inventory = await database.withSession((session) => takeInventory((text) => session.query(text)));

  const differences = Object.entries(manifest.tables)
    .filter(([name, n]) => inventory.tables[name] !== n)
    .map(([name, n]) => `${name}: ${n} in the backup, ${inventory.tables[name] ?? 'no table'} restored`);
  if (differences.length) {
    throw new BackupError(`The restored database does not match the backup:\n  ${differences.join('\n  ')}`);
  }
  const keysDiffer = inventory.dataKeyIds.join(',') !== manifest.dataKeyIds.join(',');
  if (keysDiffer) {
    throw new BackupError(
      `The restored data keys (${inventory.dataKeyIds.join(', ') || 'none'}) are not the backup's ` +
        `(${manifest.dataKeyIds.join(', ') || 'none'})`,
    );
  }

  if (manifest.dataKeyIds.length > 0) {
    try {
      // The key check a start makes: every data key must unwrap. With keys present it only reads.
      await Keyring.load(database.db, masterKey.key!);
    } catch (error) {
      throw new BackupError(
        `The master key from ${masterKey.source} does not fit this backup: ` +
          `${error instanceof Error ? error.message : String(error)}. The encrypted fields (TOTP secrets, ` +
          `narratives, identifiers) would be unreadable. Use the master key that was in use when the backup ` +
          `was made (it is never in a backup). ${whereHint}`,
      );
    }
  }

  const verdict = await verifyAuditChain(database.db);
  if (!verdict.ok) {
    throw new BackupError(
      `The audit chain of the restored database is BROKEN at event ${verdict.brokenAt.seq} ` +
        `(${verdict.brokenAt.id}): ${verdict.brokenAt.reason}. ${verdict.checked} events before it are intact.`,
    );
  }

  const known = listMigrations().map((m) => m.name);
  return {
    tables: inventory.tables,
    dataKeyIds: inventory.dataKeyIds,
    auditVerified: verdict.checked,
    pendingMigrations: known.filter((name) => !inventory.migrations.includes(name)),
    unknownMigrations: inventory.migrations.filter((name) => !known.includes(name)),
  };
}
