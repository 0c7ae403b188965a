// Envelope encryption for secrets at rest (AES-256-GCM). A master key from outside the database (environment, or a
// file in the data folder for the embedded mode) wraps data keys that are stored in `encryption_keys`. Rotating the
// master key means re-wrapping a few rows, not re-encrypting the data. Owner of the table: this module.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const VERSION = 'v1';

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('Malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

export class Keyring {
  private constructor(
    private readonly dataKeys: Map<string, Buffer>,
    private readonly currentId: string,
    private readonly firstId: string,
  ) {}

  /** Loads the data keys, creating the first one when there is none. */
  static async load(db: Kysely<DB>, masterKey: Buffer): Promise<Keyring> {
    let rows = await db.selectFrom('encryption_keys').selectAll().orderBy('created_at').execute();
    if (rows.length === 0) {
      const id = `dk-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
      const wrapped = seal(masterKey, randomBytes(32), `data-key:${id}`);
      await db
        .insertInto('encryption_keys')
        .values({ id, wrapped_key: wrapped })
        .onConflict((c) => c.doNothing())
        .execute();
      rows = await db.selectFrom('encryption_keys').selectAll().orderBy('created_at').execute();
    }
    const keys = new Map<string, Buffer>();
    for (const row of rows) {
      try {
        keys.set(row.id, open(masterKey, row.wrapped_key, `data-key:${row.id}`));
      } catch {
        throw new Error(
          `Data key ${row.id} cannot be unwrapped: SCHAKEL_MASTER_KEY is not the key this database was set up with`,
        );
      }
    }
    return new Keyring(keys, rows[rows.length - 1]!.id, rows[0]!.id);
  }

  /** The id of the data key new encryptions use. */
  get currentKeyId(): string {
    return this.currentId;
  }

  /** `context` binds the ciphertext to its place (e.g. `users.totp:<id>`), so it cannot be moved to another row. */
  encrypt(plaintext: string, context: string): string {
    const key = this.dataKeys.get(this.currentId)!;
    return `${VERSION}:${this.currentId}:${seal(key, Buffer.from(plaintext, 'utf8'), context)}`;
  }

  /** A stable secret for `purpose` (e.g. cookie signing), derived from the first data key so restarts keep it. */
  derivedSecret(purpose: string): string {
    return createHmac('sha256', this.dataKeys.get(this.firstId)!)
      .update(`derived:${purpose}`)
      .digest('base64url');
  }

  decrypt(value: string, context: string): string {
    const [version, keyId, sealed] = value.split(':');
    const key = keyId ? this.dataKeys.get(keyId) : undefined;
    if (version !== VERSION || !key || !sealed) throw new Error('Unknown ciphertext format or key');
    return open(key, sealed, context).toString('utf8');
  }
}

/** The master key: from configuration, or (embedded mode only) a file created once in the data folder. */
export function resolveMasterKey(configured: string | undefined, dataDir: string | 'memory'): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (dataDir === 'memory') return randomBytes(32);
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

const newKeyId = (now: Date) => `dk-${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;

/**
 * Adds a data key; from their next start, instances encrypt with it. Older keys stay, so everything encrypted
 * before still decrypts. Returns the new key's id.
 */
export async function rotateDataKey(db: Kysely<DB>, masterKey: Buffer, now = new Date()): Promise<string> {
  // Unwrap the existing keys first: a wrong master key must not add a key nobody else can read.
  await Keyring.load(db, masterKey);
  const id = newKeyId(now);
  await db
    .insertInto('encryption_keys')
    .values({ id, wrapped_key: seal(masterKey, randomBytes(32), `data-key:${id}`), created_at: now })
    .execute();
  return id;
}

/** Wraps every data key under a new master key, in one transaction: all or none. Returns how many. */
export async function rewrapDataKeys(db: Kysely<DB>, oldMaster: Buffer, newMaster: Buffer): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('encryption_keys').selectAll().execute();
    for (const row of rows) {
      let key: Buffer;
      try {
        key = open(oldMaster, row.wrapped_key, `data-key:${row.id}`);
      } catch {
        throw new Error(
          `Data key ${row.id} cannot be unwrapped with the current master key; nothing was changed`,
        );
      }
      await trx
        .updateTable('encryption_keys')
        .set({ wrapped_key: seal(newMaster, key, `data-key:${row.id}`) })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}

/** Replaces the embedded mode's master key file atomically (write, then rename). */
export function replaceMasterKeyFile(dataDir: string, newMaster: Buffer): void {
  const file = join(dataDir, 'master.key');
  writeFileSync(`${file}.new`, newMaster.toString('base64'), { mode: 0o600 });
  renameSync(`${file}.new`, file);
}
