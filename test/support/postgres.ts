// A real, throwaway PostgreSQL server per caller, built from Debian's binaries: the integration tests must see
// the same planner, locking and crash recovery as production, which PGlite or mocks cannot give. Each server
// lives in its own mkdtemp folder and listens on 127.0.0.1 only, so parallel test files never share state.
// fsync stays on unless a caller sets it off: later tests kill the server and check what survived.
//
// The postmaster is spawned directly as our child rather than through `pg_ctl start`: pg_ctl orphans it, and
// after a kill() the dead postmaster then stays a zombie until PID 1 reaps it (seconds here, never under a
// PID 1 that does not reap, as in many containers). postgres treats a zombie's PID in its lock files as a
// live server and refuses to restart. As our child it is reaped at once. Stopping still uses `pg_ctl stop`.
import { execFile, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { requireBinary } from './binaries.js';
import type { PostgresBinaries } from './binaries.js';

export interface PostgresOptions {
  /** Server settings, passed as `postgres -c key=value` on every (re)start. */
  settings?: Record<string, string>;
}

export interface PostgresServer {
  /** URL of the `schakel` database, as superuser `schakel` (trust auth, no password). */
  url: string;
  port: number;
  dataDir: string;
  /** The server's log; its tail is included in start errors. */
  logFile: string;
  /** Creates an empty database and returns its URL, so tests need not share the `schakel` database. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (open sessions are ended), then removes the folder. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Signals the postmaster (default SIGKILL: a crash, no shutdown checkpoint) and resolves once it and its
   * child processes have exited, so `restart()` can follow at once. For SIGSTOP/SIGTSTP/SIGCONT it resolves
   * right after signalling.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts again on the same data folder and port (crash recovery runs after `kill()`); stops first if up. */
  restart(): Promise<void>;
}

const SUPERUSER = 'schakel';
const DATABASE = 'schakel';
const START_DEADLINE_MS = 30_000;
const EXIT_DEADLINE_MS = 15_000;

interface Postmaster {
  child: ChildProcess;
  pid: number;
  running: boolean;
  exited: Promise<void>;
}

interface Live {
  bins: PostgresBinaries;
  root: string;
  dataDir: string;
  postmaster?: Postmaster;
}

// Servers not yet stopped. A test that crashes or is interrupted never calls stop(), and an unref'd postmaster
// would outlive it, so these are shut down synchronously on exit and on the usual termination signals.
const live = new Set<Live>();
let exitHandlersInstalled = false;

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', cleanUpAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUpAllSync();
      // Re-raise so the process still dies of the signal, as it would have without this listener.
      process.kill(process.pid, signal);
    });
  }
}

function cleanUpAllSync(): void {
  for (const server of live) {
    const postmaster = server.postmaster;
    if (postmaster?.running) {
      const result = spawnSync(
        server.bins.pgCtl,
        ['stop', '-D', server.dataDir, '-m', 'immediate', '-w', '-t', '10'],
        { ...spawnOptions(server.bins, server.root), stdio: 'ignore' },
      );
      if (result.status !== 0) signalQuietly(postmaster.pid, 'SIGKILL');
    }
    rmSync(server.root, { recursive: true, force: true });
    live.delete(server);
  }
}

function spawnOptions(bins: PostgresBinaries, cwd: string) {
  // Drop PG* variables: a developer's PGDATA, PGPORT or PGHOST must not steer the throwaway server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  return { cwd, env: { ...env, LC_ALL: 'C.UTF-8' }, ...(bins.runAs ?? {}) };
}

function run(bins: PostgresBinaries, cwd: string, file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...spawnOptions(bins, cwd), timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`.trim()));
      } else {
        resolve(stdout + stderr);
      }
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

function serverArgs(
  dataDir: string,
  port: number,
  socketDir: string,
  settings: Record<string, string>,
): string[] {
  const all: Record<string, string> = {
    ...settings,
    // Ours win: the harness depends on them.
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
  };
  return [
    '-D',
    dataDir,
    ...Object.entries(all).flatMap(([key, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) throw new Error(`invalid PostgreSQL setting name: ${key}`);
      return ['-c', `${key}=${value}`];
    }),
  ];
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // The command name may contain spaces and parentheses; the fields after the last ')' are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === undefined || ppid === undefined ? undefined : { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

// The postmaster's children are orphaned when it dies, so they may linger as zombies; a zombie has released
// its shared memory, which is all a restart needs.
function isGone(pid: number): boolean {
  const stat = procStat(pid);
  return stat === undefined || stat.state === 'Z';
}

function childrenOf(pid: number): number[] {
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return []; // no /proc: the postmaster's own exit is all we can wait for
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => procStat(child)?.ppid === pid);
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitUntil(
  what: string,
  deadlineMs: number,
  check: () => boolean | Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function logTail(logFile: string): Promise<string> {
  try {
    return (await readFile(logFile, 'utf8')).split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function withLog(error: unknown, logFile: string): Promise<Error> {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\n--- server log (${logFile}) ---\n${await logTail(logFile)}`);
}

async function query(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlFor(port: number, database: string): string {
  return `postgresql://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const found = requireBinary('postgresql');
  if (!found.ok) throw new Error(found.reason);
  const bins: PostgresBinaries = found;

  const root = await mkdtemp(join(tmpdir(), 'schakel-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  const logFile = join(root, 'postgres.log');
  const settings = options.settings ?? {};
  const self: Live = { bins, root, dataDir };
  let port = 0;
  let stopped = false;

  // Resolves once the server accepts connections, which a postmaster still in crash recovery does not.
  const start = async (): Promise<void> => {
    const log = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(bins.postgres, serverArgs(dataDir, port, socketDir, settings), {
        ...spawnOptions(bins, root),
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    // A test that forgets stop() must still be able to exit; the exit handler then stops the server.
    child.unref();
    let failure: string | undefined;
    const postmaster: Postmaster = {
      child,
      pid: child.pid ?? -1,
      running: child.pid !== undefined,
      exited: new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          postmaster.running = false;
          failure = `postgres exited with ${signal ?? `code ${code}`}`;
          resolve();
        });
        child.once('error', (error) => {
          postmaster.running = false;
          failure = `could not run ${bins.postgres}: ${error.message}`;
          resolve();
        });
      }),
    };
    self.postmaster = postmaster;
    await waitUntil(`PostgreSQL on port ${port} to accept connections`, START_DEADLINE_MS, async () => {
      if (failure) throw new Error(failure);
      try {
        await query(urlFor(port, 'postgres'), 'select 1');
        return true;
      } catch {
        return false;
      }
    });
  };

  const awaitExit = async (postmaster: Postmaster, what: string): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${EXIT_DEADLINE_MS} ms waiting for ${what}`)),
        EXIT_DEADLINE_MS,
      );
    });
    try {
      await Promise.race([postmaster.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const stopServer = async (mode: 'fast' | 'immediate'): Promise<void> => {
    const postmaster = self.postmaster;
    if (!postmaster?.running) return;
    await run(bins, root, bins.pgCtl, ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '30']);
    await awaitExit(postmaster, `PostgreSQL (pid ${postmaster.pid}) to exit after pg_ctl stop`);
  };

  installExitHandlers();
  live.add(self);
  try {
    await mkdir(socketDir);
    if (bins.runAs) {
      await chown(root, bins.runAs.uid, bins.runAs.gid);
      await chown(socketDir, bins.runAs.uid, bins.runAs.gid);
    }
    await run(bins, root, bins.initdb, [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    // postgres cannot be handed port 0, so a port found free a moment ago may be taken by a parallel test
    // file before postgres binds it; a few fresh attempts make that race harmless.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        const tail = await logTail(logFile);
        if (attempt < 3 && /could not bind|could not create any TCP\/IP sockets/i.test(tail)) {
          await stopServer('immediate').catch(() => undefined);
          continue;
        }
        throw await withLog(error, logFile);
      }
    }
    await query(urlFor(port, 'postgres'), `create database ${escapeIdentifier(DATABASE)}`);
  } catch (error) {
    await stopServer('immediate').catch(() => undefined);
    if (self.postmaster?.running) signalQuietly(self.postmaster.pid, 'SIGKILL');
    live.delete(self);
    await rm(root, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL from ${bins.binDir} in ${root}`, {
      cause: error,
    });
  }

  return {
    url: urlFor(port, DATABASE),
    port,
    dataDir,
    logFile,

    async createDatabase(name: string): Promise<string> {
      await query(urlFor(port, 'postgres'), `create database ${escapeIdentifier(name)}`);
      return urlFor(port, name);
    },

    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      try {
        await stopServer('fast');
      } finally {
        // Never leave a server running on a deleted folder, even when pg_ctl stop failed.
        if (self.postmaster?.running) signalQuietly(self.postmaster.pid, 'SIGKILL');
        live.delete(self);
        await rm(root, { recursive: true, force: true });
      }
    },

    async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
      const postmaster = self.postmaster;
      if (!postmaster?.running) throw new Error(`PostgreSQL on port ${port} is not running`);
      // Collected before the signal: once the postmaster is gone its children are re-parented and untraceable.
      const children = childrenOf(postmaster.pid);
      process.kill(postmaster.pid, signal);
      if (signal === 'SIGSTOP' || signal === 'SIGTSTP' || signal === 'SIGCONT') return;
      await awaitExit(postmaster, `PostgreSQL (pid ${postmaster.pid}) to exit after ${signal}`);
      await waitUntil(`the children of PostgreSQL (pid ${postmaster.pid}) to exit`, EXIT_DEADLINE_MS, () =>
        children.every(isGone),
      );
    },

    async restart(): Promise<void> {
      if (stopped) throw new Error('restart() after stop(): the data folder is gone');
      await stopServer('fast');
      try {
        await start();
      } catch (error) {
        throw await withLog(error, logFile);
      }
    },
  };
}
