// All settings, read from the environment once at start. The only module that reads process.env.
import { resolve } from 'node:path';

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** PostgreSQL server when set; otherwise the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /** Connections to the PostgreSQL server per Schakel process. */
  databasePoolSize: number;
  dataDir: string;
  logLevel: string;
  /** Base64 of 32 bytes: wraps the data keys that encrypt secrets at rest (TOTP secrets, later special categories). */
  masterKey: string | undefined;
  /** Only for `schakel keys rewrap`: the master key to wrap the data keys under instead. */
  newMasterKey: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Login attempts per minute per client address, counted in memory only. */
  loginRateLimit: number;
  /** Seed demo organisations and users into an empty database at start (never in production). */
  seedDemo: boolean;
  /** Public base URL, used for OIDC redirect URIs. */
  publicUrl: string;
  bodyLimitBytes: number;
  /** Allow identity providers on plain http (tests and local trials only; refused in production). */
  oidcAllowInsecure: boolean;
  /** Triage deadlines: clock hours for an acute signal, working days (Dutch public holidays excluded) otherwise. */
  signalDeadlineAcuteHours: number;
  signalDeadlineWorkingDays: number;
  /** Anonymous reports (and receipt-code look-ups) per minute per client address, counted in memory only. */
  anonymousRateLimit: number;
  /**
   * Test-only fault switch: intake answers 201 before its transaction commits, so the fault test can prove it
   * detects losses. Refused outside the test and development modes.
   */
  faultAckBeforeCommit: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: Env = process.env): Config {
  const mode =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const masterKey = env.SCHAKEL_MASTER_KEY || undefined;
  if (masterKey && Buffer.from(masterKey, 'base64').length !== 32) {
    throw new ConfigError('SCHAKEL_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  const newMasterKey = env.SCHAKEL_NEW_MASTER_KEY || undefined;
  if (newMasterKey && Buffer.from(newMasterKey, 'base64').length !== 32) {
    throw new ConfigError('SCHAKEL_NEW_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  if (mode === 'production' && !masterKey) {
    throw new ConfigError('SCHAKEL_MASTER_KEY is required in production');
  }
  if (mode === 'production' && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is required in production: the embedded database is for trying Schakel out',
    );
  }
  const faultAckBeforeCommit = bool(env, 'SCHAKEL_FAULT_ACK_BEFORE_COMMIT', false);
  if (faultAckBeforeCommit && mode === 'production') {
    throw new ConfigError(
      'SCHAKEL_FAULT_ACK_BEFORE_COMMIT is a test-only fault switch, never for production',
    );
  }
  return {
    env: mode,
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    dataDir: resolve(env.SCHAKEL_DATA_DIR || 'data'),
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    masterKey,
    newMasterKey,
    cookieSecure: bool(env, 'COOKIE_SECURE', true),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 10, 1, 7 * 24),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: integer(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 20, 1, 100_000),
    seedDemo: mode !== 'production' && bool(env, 'SCHAKEL_DEMO', true),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    oidcAllowInsecure: mode !== 'production' && bool(env, 'OIDC_ALLOW_INSECURE', false),
    signalDeadlineAcuteHours: integer(env, 'SIGNAL_DEADLINE_ACUTE_HOURS', 4, 1, 72),
    signalDeadlineWorkingDays: integer(env, 'SIGNAL_DEADLINE_WORKING_DAYS', 5, 1, 60),
    anonymousRateLimit: integer(env, 'ANONYMOUS_RATE_LIMIT', 10, 1, 100_000),
    faultAckBeforeCommit,
  };
}
