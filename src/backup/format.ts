// The backup file: a readable header, the database's own dump, and a fixed-length trailer with the dump's hash.
//
//   SCHAKEL-BACKUP 1\n
//   {"format":"schakel-backup", ... the manifest on one line}\n
//   <payload: pg_dump's custom format, or PGlite's gzipped tarball of its data folder>
//   \nSCHAKEL-BACKUP-END sha256=<64 hex> bytes=<16 digits>\n
//
// `head -2 FILE` shows what a backup holds and which data keys it needs. The trailer is written last, so a backup
// cut short (a full disk, a killed process) has no valid trailer and is refused; the hash catches the rest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BackupError } from './errors.js';

const MAGIC = 'SCHAKEL-BACKUP 1';
const TRAILER_PREFIX = 'SCHAKEL-BACKUP-END sha256=';
const HEADER_LIMIT = 1024 * 1024;

export type BackupKind = 'postgres' | 'pglite';

export interface BackupManifest {
  format: 'schakel-backup';
  version: 1;
  kind: BackupKind;
  createdAt: string;
  /** The database server that was backed up: PostgreSQL's version (PGlite reports its own PostgreSQL too). */
  server: { version: string; major: number };
  /** What wrote the payload, e.g. `pg_dump 15.18` or `PGlite 0.5.16 dumpDataDir`. */
  tool: { name: string; version: string; major: number };
  /** The applied migrations (schema_migrations), in order. */
  migrations: string[];
  /** Rows per table in schema public at the moment of the dump (one snapshot with the dump). */
  tables: Record<string, number>;
  /** The data keys (encryption_keys ids) this backup's encrypted fields need; their master key is not here. */
  dataKeyIds: string[];
  audit: { events: number; linked: number; pending: number };
  masterKey: 'not-included';
}

export interface BackupFile {
  path: string;
  manifest: BackupManifest;
  payloadStart: number;
  /** Exclusive. */
  payloadEnd: number;
  sha256: string;
}

function trailer(sha256: string, bytes: number): string {
  return `\n${TRAILER_PREFIX}${sha256} bytes=${String(bytes).padStart(16, '0')}\n`;
}
const TRAILER_LENGTH = trailer('0'.repeat(64), 0).length;

/**
 * Writes header, payload and trailer to `path` (never over an existing file), readable by the owner only: a backup
 * holds personal data. Written under a temporary name and renamed when complete and flushed.
 */
export async function writeBackupFile(
  path: string,
  manifest: BackupManifest,
  payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ bytes: number; sha256: string }> {
  try {
    await stat(path);
    throw new BackupError(`${path} exists already; a backup never overwrites a file: choose another name`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
  }
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  const file = await open(partial, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot write ${partial}: ${error.message}`);
  });
  try {
    await file.write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of payload) {
      hash.update(chunk);
      bytes += chunk.length;
      await file.write(chunk);
    }
    const sha256 = hash.digest('hex');
    await file.write(trailer(sha256, bytes));
    await file.sync();
    await file.close();
    await rename(partial, path);
    return { bytes, sha256 };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads and checks the header and trailer; `verifyPayload` checks the hash. */
export async function readBackupFile(path: string): Promise<BackupFile> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot read ${path}: ${error.message}`);
  });
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, HEADER_LIMIT));
    await file.read(head, 0, head.length, 0);
    const firstLine = head.indexOf(10);
    if (firstLine < 0 || head.subarray(0, firstLine).toString('utf8') !== MAGIC) {
      throw new BackupError(`${path} is not a Schakel backup (it does not start with "${MAGIC}")`);
    }
    const secondLine = head.indexOf(10, firstLine + 1);
    if (secondLine < 0) throw new BackupError(`${path}: the backup's manifest is cut off`);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(head.subarray(firstLine + 1, secondLine).toString('utf8')) as BackupManifest;
    } catch {
      throw new BackupError(`${path}: the backup's manifest is not valid JSON`);
    }
    if (manifest.format !== 'schakel-backup' || manifest.version !== 1) {
      throw new BackupError(`${path}: unknown backup format ${manifest.format} ${manifest.version}`);
    }
    const payloadStart = secondLine + 1;
    const payloadEnd = size - TRAILER_LENGTH;
    const tail = Buffer.alloc(TRAILER_LENGTH);
    if (payloadEnd >= payloadStart) await file.read(tail, 0, TRAILER_LENGTH, payloadEnd);
    const match = /^\nSCHAKEL-BACKUP-END sha256=([0-9a-f]{64}) bytes=(\d{16})\n$/.exec(
      tail.toString('latin1'),
    );
    if (payloadEnd < payloadStart || !match || Number(match[2]) !== payloadEnd - payloadStart) {
      throw new BackupError(
        `${path} is incomplete: its end marker is missing or wrong (the backup was cut short or damaged)`,
      );
    }
    return { path, manifest, payloadStart, payloadEnd, sha256: match[1]! };
  } finally {
    await file.close();
  }
}

export function payloadStream(backup: BackupFile): Readable {
  // createReadStream's `end` is inclusive; an empty payload reads nothing.
  return createReadStream(backup.path, { start: backup.payloadStart, end: backup.payloadEnd - 1 });
}

/** Reads the payload once and compares its SHA-256 with the trailer's, before anything is restored. */
export async function verifyPayload(backup: BackupFile): Promise<void> {
  const hash = createHash('sha256');
  if (backup.payloadEnd > backup.payloadStart) {
    for await (const chunk of payloadStream(backup)) hash.update(chunk as Buffer);
  }
  if (hash.digest('hex') !== backup.sha256) {
    throw new BackupError(
      `${backup.path} is damaged: its contents do not match the SHA-256 it was written with`,
    );
  }
}
