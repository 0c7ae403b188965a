// Finding pg_dump and pg_restore: the directory given with --pg-bin (and nothing else then), otherwise the newest of
// the one on PATH and Debian's /usr/lib/postgresql/<version>/bin. The command says which one it uses, because a
// pg_dump older than the server refuses to dump it, and pg_restore cannot read a dump newer than itself.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BackupError } from './errors.js';

export type PgToolName = 'pg_dump' | 'pg_restore';

export interface PgTool {
  name: PgToolName;
  /** What to run: a path, or the bare name (found on PATH). */
  command: string;
  /** For messages: the path, or `pg_dump on PATH`. */
  label: string;
  version: string;
  major: number;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

function versionOf(command: string): Promise<{ version: string; major: number } | undefined> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { timeout: 10_000 }, (error, stdout) => {
      const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout ?? '');
      resolve(
        error || !match
          ? undefined
          : { version: `${match[1]}${match[2] ? `.${match[2]}` : ''}`, major: Number(match[1]) },
      );
    });
  });
}

function newer(a: PgTool, b: PgTool): number {
  const [aMajor, aMinor = 0] = a.version.split('.').map(Number);
  const [bMajor, bMinor = 0] = b.version.split('.').map(Number);
  return (bMajor ?? 0) - (aMajor ?? 0) || bMinor - aMinor;
}

export async function findPgTool(name: PgToolName, pgBin: string | undefined): Promise<PgTool> {
  if (pgBin) {
    const command = join(pgBin, name);
    const found = await versionOf(command);
    if (!found) throw new BackupError(`--pg-bin ${pgBin}: there is no ${name} there that runs (${command})`);
    return { name, command, label: command, ...found };
  }
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN_ROOT);
  } catch {
    // No Debian PostgreSQL packages; PATH may still have one.
  }
  const candidates = [
    { command: name, label: `${name} on PATH` },
    ...versions.map((version) => {
      const command = join(DEBIAN_ROOT, version, 'bin', name);
      return { command, label: command };
    }),
  ];
  const found: PgTool[] = [];
  for (const candidate of candidates) {
    const version = await versionOf(candidate.command);
    if (version) found.push({ name, ...candidate, ...version });
  }
  // The newest wins; between equals, the one with a full path says more in messages.
  found.sort((a, b) => newer(a, b) || Number(a.command === name) - Number(b.command === name));
  const best = found[0];
  if (!best) {
    throw new BackupError(
      `${name} was found neither on PATH nor in ${DEBIAN_ROOT}/*/bin. Install PostgreSQL's client tools ` +
        `(apt-get install postgresql-client-<server major version>) or pass --pg-bin DIR.`,
    );
  }
  return best;
}

/**
 * A libpq connection string without the password (it would show in the process list) and the environment that
 * carries the password instead.
 */
export function libpqTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Where a URL points, without user or password: `database on host:port`. */
export function describeTarget(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `database ${decodeURIComponent(url.pathname.slice(1)) || '(default)'} on ${url.host || 'the local socket'}`;
}

export interface RunningTool {
  child: ChildProcess;
  /** Resolves when the tool exited 0; otherwise rejects with its error output. */
  done: Promise<void>;
}

export function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, stdin?: Readable): RunningTool {
  const child = spawn(tool.command, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString();
  });
  if (stdin) {
    // pg_restore may stop reading when it fails; its own error is the one to report, not our broken pipe.
    child.stdin!.on('error', () => undefined);
    stdin.on('error', (error) => {
      stderr += `\nreading the backup failed: ${error.message}`;
      child.kill();
    });
    stdin.pipe(child.stdin!);
  }
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new BackupError(`Could not run ${tool.label}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${tool.name} failed (${signal ?? `exit code ${code}`}):\n${stderr.trim() || '(no error output)'}`,
          ),
        );
    });
  });
  done.catch(() => undefined); // awaited by the caller; this only keeps an early failure from being "unhandled"
  return { child, done };
}
