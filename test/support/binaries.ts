// The integration and e2e suites run against Debian's real PostgreSQL and Chromium, never mocks or
// downloaded builds. Locally a missing binary skips those suites (with a loud reason, so nobody mistakes a
// skip for a pass); under CI=true it is an error, because a CI run that skipped them proves nothing.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type BinaryKind = 'postgresql' | 'chromium';

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** Set when we run as root: initdb and postgres refuse root, so they run as Debian's `postgres` user. */
  runAs?: { uid: number; gid: number };
}

export interface ChromiumBinary {
  executablePath: string;
}

export type Found<T> = ({ ok: true } & T) | { ok: false; reason: string };

const INSTALL_HINT: Record<BinaryKind, string> = {
  postgresql: 'apt-get install -y postgresql',
  chromium: 'apt-get install -y chromium',
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function missing(kind: BinaryKind, what: string): { ok: false; reason: string } {
  return {
    ok: false,
    reason: `${kind === 'postgresql' ? 'PostgreSQL' : 'Chromium'} is missing: ${what}. Install it with \`${INSTALL_HINT[kind]}\` (or run .ci/run, which installs it).`,
  };
}

const PG_TOOLS = ['initdb', 'pg_ctl', 'postgres'] as const;

function pgBinDirProblem(dir: string): string | undefined {
  const absent = PG_TOOLS.filter((tool) => !isExecutable(join(dir, tool)));
  return absent.length ? `${dir} lacks ${absent.join(', ')}` : undefined;
}

function versionOf(dir: string): number[] {
  // /usr/lib/postgresql/<version>/bin: compare numerically so that 9.6 < 15 < 16.
  const version = dir.split('/').at(-2) ?? '';
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) =>
      Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
    const ids = { uid: id('-u'), gid: id('-g') };
    return Number.isInteger(ids.uid) && Number.isInteger(ids.gid) && ids.uid !== 0 ? ids : undefined;
  } catch {
    return undefined;
  }
}

export function findPostgres(): Found<PostgresBinaries> {
  let binDir: string;
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) {
    // An explicit PG_BIN_DIR that is wrong must not silently fall back to another installation.
    const problem = pgBinDirProblem(fromEnv);
    if (problem) return missing('postgresql', `PG_BIN_DIR is set, but ${problem}`);
    binDir = fromEnv;
  } else {
    const root = '/usr/lib/postgresql';
    let versions: string[] = [];
    try {
      versions = readdirSync(root);
    } catch {
      // No Debian PostgreSQL at all; reported below.
    }
    const candidates = versions
      .map((version) => join(root, version, 'bin'))
      .filter((dir) => pgBinDirProblem(dir) === undefined)
      .sort((a, b) => compareVersions(versionOf(b), versionOf(a)));
    const best = candidates[0];
    if (best === undefined) {
      return missing(
        'postgresql',
        `no ${root}/*/bin holds initdb, pg_ctl and postgres (and PG_BIN_DIR is not set)`,
      );
    }
    binDir = best;
  }

  const found: PostgresBinaries = {
    binDir,
    initdb: join(binDir, 'initdb'),
    pgCtl: join(binDir, 'pg_ctl'),
    postgres: join(binDir, 'postgres'),
  };
  if (process.getuid?.() === 0) {
    const runAs = postgresUser();
    if (!runAs) {
      return missing(
        'postgresql',
        'running as root, and PostgreSQL refuses to run as root, but there is no unprivileged `postgres` system user to run it as (the Debian package creates it)',
      );
    }
    found.runAs = runAs;
  }
  return { ok: true, ...found };
}

export function findChromium(): Found<ChromiumBinary> {
  const fromEnv = process.env.CHROMIUM_PATH;
  const executablePath = fromEnv || '/usr/bin/chromium';
  if (!isExecutable(executablePath)) {
    return missing(
      'chromium',
      fromEnv
        ? `CHROMIUM_PATH=${fromEnv} is not an executable file`
        : `${executablePath} does not exist (set CHROMIUM_PATH to use another build)`,
    );
  }
  return { ok: true, executablePath };
}

/**
 * Finds the binaries for `kind`. Under CI=true a missing binary throws; otherwise the result says why, so the
 * suite can skip. Prefer `skipUnless` in suites; this is for code that needs the paths.
 */
export function requireBinary(kind: 'postgresql'): Found<PostgresBinaries>;
export function requireBinary(kind: 'chromium'): Found<ChromiumBinary>;
export function requireBinary(kind: BinaryKind): Found<PostgresBinaries> | Found<ChromiumBinary>;
export function requireBinary(kind: BinaryKind): Found<PostgresBinaries> | Found<ChromiumBinary> {
  const found = kind === 'postgresql' ? findPostgres() : findChromium();
  if (!found.ok && process.env.CI === 'true') {
    throw new Error(
      `\n\n*** CI=true, but ${found.reason} ***\n*** The ${kind} tests cannot run, and CI must not skip them. ***\n`,
    );
  }
  return found;
}

const warned = new Set<BinaryKind>();

/**
 * The value for node:test's `skip` option: `false` when `kind` is available, otherwise the reason (which
 * node:test prints as `# SKIP <reason>`). Also warns once on stderr, since a SKIP line is easy to overlook.
 * Throws under CI=true, failing the file, rather than skipping.
 *
 *   const skip = skipUnless('postgresql');
 *   test('…', { skip }, async () => { … });
 */
export function skipUnless(kind: BinaryKind): string | false {
  const found = requireBinary(kind);
  if (found.ok) return false;
  const reason = `SKIPPED, NOT PASSED: ${found.reason}`;
  if (!warned.has(kind)) {
    warned.add(kind);
    process.stderr.write(`\n!!! ${reason}\n\n`);
  }
  return reason;
}
