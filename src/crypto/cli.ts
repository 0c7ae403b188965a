// `schakel keys rotate`: a new data key for new encryptions. `schakel keys rewrap`: every data key wrapped under a
// new master key (SCHAKEL_NEW_MASTER_KEY; in the embedded mode a new key file is written when none is given).
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { replaceMasterKeyFile, resolveMasterKey, rewrapDataKeys, rotateDataKey } from './keyring.js';

export async function keysCommand(
  sub: string | undefined,
  config: Config,
): Promise<{ code: number; message: string }> {
  if (sub !== 'rotate' && sub !== 'rewrap') return { code: 2, message: 'keys takes: rotate | rewrap' };
  const database = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
  });
  try {
    await migrate(database);
    const master = resolveMasterKey(config.masterKey, config.dataDir);
    if (sub === 'rotate') {
      const id = await rotateDataKey(database.db, master);
      return {
        code: 0,
        message: `New data key ${id}. Restart every instance so that new encryptions use it; older keys stay for decryption.`,
      };
    }
    const embeddedFile = !config.masterKey;
    if (!config.newMasterKey && !embeddedFile) {
      return {
        code: 2,
        message: 'Set SCHAKEL_NEW_MASTER_KEY to the new master key (openssl rand -base64 32).',
      };
    }
    const next = config.newMasterKey ? Buffer.from(config.newMasterKey, 'base64') : randomBytes(32);
    const count = await rewrapDataKeys(database.db, master, next);
    if (embeddedFile) replaceMasterKeyFile(config.dataDir, next);
    return {
      code: 0,
      message: embeddedFile
        ? `${count} data keys wrapped under a new master key, written to ${config.dataDir}/master.key.`
        : `${count} data keys wrapped under the new master key. Set SCHAKEL_MASTER_KEY to it before the next start; running instances keep working.`,
    };
  } finally {
    await database.close();
  }
}
