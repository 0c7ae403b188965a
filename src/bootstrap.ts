// Opening Schakel's state: the database (migrated), the keyring, and a system context for commands.
import pino from 'pino';
import type { Config } from './config.js';
import type { Actor, Ctx } from './context.js';
import { Keyring, resolveMasterKey } from './crypto/index.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { makeCtx } from './web/context.js';

export interface Runtime {
  config: Config;
  database: Database;
  keyring: Keyring;
  migrated: string[];
}

export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; dataDir?: string | 'memory' } = {},
): Promise<Runtime> {
  const dataDir = options.dataDir ?? config.dataDir;
  const database = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize } : {}),
    dataDir,
  });
  try {
    const migrated = options.migrate === false ? [] : await migrate(database);
    const keyring = await Keyring.load(database.db, resolveMasterKey(config.masterKey, dataDir));
    return { config, database, keyring, migrated };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function systemCtx(runtime: Runtime, label: string, actor: Actor = { kind: 'system', label }): Ctx {
  return makeCtx({
    config: runtime.config,
    db: runtime.database.db,
    actor,
    now: () => new Date(),
    log: pino({ level: runtime.config.logLevel }),
    keyring: runtime.keyring,
  });
}
