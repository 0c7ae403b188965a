// What bounds a load run: CPU time of Schakel, PostgreSQL and the load generator (from /proc, Linux only), what
// PostgreSQL's connections are doing (sampled from pg_stat_activity) and Schakel's event-loop delay (its /metrics).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { HttpClient } from '../../test/faults/harness.js';

/** CPU seconds (user + system) of a process, its live children, and its children that exited and were waited for. */
function cpuSeconds(pid: number, withChildren: boolean): number {
  const ticks = 100; // USER_HZ, 100 on every Linux this runs on
  const fields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  try {
    const own = fields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // After the state (index 0): ppid 1, … utime 11, stime 12, cutime 13, cstime 14.
    let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    if (withChildren) {
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const child = fields(readFileSync(`/proc/${name}/stat`, 'utf8'));
          if (Number(child[1]) === pid) total += Number(child[11]) + Number(child[12]);
        } catch {
          // gone meanwhile
        }
      }
    }
    return total / ticks;
  } catch {
    return NaN;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

export interface CpuShares {
  seconds: number;
  /** Per cent of one core over the window (200 % is all of a 2-core machine). */
  schakel: number;
  postgres: number;
  generator: number;
  /** Per cent of all cores busy, anything included. */
  machineBusy: number;
}

/** Starts counting CPU time; `stop()` gives each part's share of the window. */
export function cpuMeter(schakelPid: number, postgresDataDir: string): { stop(): CpuShares } {
  const postmaster = Number(readFileSync(join(postgresDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const read = () => ({
    at: performance.now(),
    schakel: cpuSeconds(schakelPid, false),
    postgres: cpuSeconds(postmaster, true),
    generator: process.cpuUsage(),
    machine: machineSeconds(),
  });
  const start = read();
  return {
    stop() {
      const end = read();
      const seconds = (end.at - start.at) / 1000;
      const share = (cpu: number) => Math.round((cpu / seconds) * 100);
      const generator = process.cpuUsage(start.generator);
      return {
        seconds,
        schakel: share(end.schakel - start.schakel),
        postgres: share(end.postgres - start.postgres),
        generator: share((generator.user + generator.system) / 1e6),
        machineBusy: Math.round(
          ((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) * 100,
        ),
      };
    },
  };
}

export interface ActivitySummary {
  samples: number;
  /** Average number of Schakel's connections per state and wait, e.g. `active` or `active: Lock/transactionid`. */
  average: [string, number][];
}

/** Samples pg_stat_activity every `everyMs` until `stop()`: what the database connections are doing. */
export async function activitySampler(
  databaseUrl: string,
  everyMs = 100,
): Promise<{ stop(): Promise<ActivitySummary> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `select coalesce(state, '?') || coalesce(': ' || wait_event_type || '/' || wait_event, '') as what,
                count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
          group by 1`,
      );
      samples++;
      for (const row of rows) totals.set(row.what, (totals.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const average = [...totals]
        .map(([what, n]): [string, number] => [what, n / Math.max(1, samples)])
        .sort((a, b) => b[1] - a[1]);
      return { samples, average };
    },
  };
}

export interface LoopDelay {
  samples: number;
  /** Mean and highest of the p99 event-loop delay per interval, in ms. */
  meanP99Ms: number;
  maxP99Ms: number;
  /** The longest single delay seen. */
  maxMs: number;
}

/**
 * Reads Schakel's /metrics every `everyMs` until `stop()`: prom-client's `nodejs_eventloop_lag_p99_seconds` and
 * `…_max_seconds`, which cover the time since the previous read. They time a 10 ms timer, so an idle loop shows about
 * 10 ms; much more means requests wait for the one event loop.
 */
export function loopDelaySampler(http: HttpClient, everyMs = 2000): { stop(): Promise<LoopDelay> } {
  const values: number[] = [];
  const highest: number[] = [];
  let running = true;
  const loop = (async () => {
    // The first read resets the histogram; it covers the time before the window.
    let first = true;
    while (running) {
      try {
        const answer = await http.request('GET', '/metrics', { timeoutMs: 10_000 });
        const p99 = /^nodejs_eventloop_lag_p99_seconds(?:\{[^}]*\})? (\S+)$/m.exec(answer.body);
        const max = /^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/m.exec(answer.body);
        if (p99 && max && !first) {
          values.push(Number(p99[1]) * 1000);
          highest.push(Number(max[1]) * 1000);
        }
        first = false;
      } catch {
        // a missed sample is no figure
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        samples: values.length,
        meanP99Ms: values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN,
        maxP99Ms: values.length ? Math.max(...values) : NaN,
        maxMs: highest.length ? Math.max(...highest) : NaN,
      };
    },
  };
}
