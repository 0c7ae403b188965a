// `npm run bench -- intake [CONNECTIONS]`: sustained signal intake over HTTP. A throwaway PostgreSQL server (fsync
// on), Schakel as its own process on it (127.0.0.1, a free port), the demo melder logged in through the API, and
// CONNECTIONS (64) keep-alive clients posting varied signals to POST /api/v1/signalen:
//   1. warm-up, 3 s;
//   2. peak: SECONDS (10) back to back on every connection: acknowledged signals per second;
//   3. steady: SECONDS at half the peak rate, open loop (each request is due at its moment; its latency counts from
//      then, so a stalled server cannot hide its queue): p50 and p99;
//   4. baseline in the same run: pgbench on the same server, the same number of clients, one INSERT of a row of
//      similar width (uuid, timestamps, short texts and 1 kB of text) per transaction, after its own warm-up.
// Last line: {"bench":"intake","throughput":n,"p50Ms":x,"p99Ms":x,"baseline":n,"ratio":x}.
// Settings: INTAKE_SECONDS, INTAKE_SEED, LOG_LEVEL for Schakel (default info, as in production).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { requireBinary } from '../test/support/binaries.js';
import { startPostgres } from '../test/support/postgres.js';
import type { PostgresServer } from '../test/support/postgres.js';
import {
  DEMO_MELDER,
  HttpClient,
  login,
  runPgTool,
  SchakelProcess,
  schakelCommand,
  signalFactory,
  sleep,
  submit,
} from '../test/faults/harness.js';
import type { SignalRequest } from '../test/faults/harness.js';

const connections = Number(process.argv[2] ?? 64);
const seconds = Number(process.env.INTAKE_SECONDS ?? 10);
const seed = Number(process.env.INTAKE_SEED ?? Date.now() % 2 ** 31);

interface Phase {
  acknowledged: number;
  failed: number;
  statuses: Map<string, number>;
  latencies: number[];
  seconds: number;
}

function newPhase(): Phase {
  return { acknowledged: 0, failed: 0, statuses: new Map(), latencies: [], seconds: 0 };
}

async function once(http: HttpClient, cookie: string, request: SignalRequest, phase: Phase, due: number) {
  let status: string;
  try {
    status = String((await submit(http, cookie, request)).status);
  } catch (error) {
    status = error instanceof Error ? error.message : 'error';
  }
  phase.latencies.push(performance.now() - due);
  phase.statuses.set(status, (phase.statuses.get(status) ?? 0) + 1);
  if (status === '201') phase.acknowledged++;
  else phase.failed++;
}

/** Every connection posts back to back for `ms`. */
async function closedLoop(http: HttpClient, cookie: string, next: () => SignalRequest, ms: number) {
  const phase = newPhase();
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await once(http, cookie, next(), phase, performance.now());
    }),
  );
  phase.seconds = (performance.now() - started) / 1000;
  return phase;
}

/** Requests due at a fixed rate for `ms`, whatever the answers do; at most `connections` in flight on the wire. */
async function openLoop(
  http: HttpClient,
  cookie: string,
  next: () => SignalRequest,
  rate: number,
  ms: number,
) {
  const phase = newPhase();
  const started = performance.now();
  const total = Math.floor((rate * ms) / 1000);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (
      let due = started + (i * 1000) / rate;
      i < total && due <= now;
      due = started + (++i * 1000) / rate
    ) {
      inFlight.push(once(http, cookie, next(), phase, due));
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  phase.seconds = (performance.now() - started) / 1000;
  return phase;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describe(name: string, phase: Phase): string {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const statuses = [...phase.statuses].map(([s, n]) => `${s}: ${n}`).join(', ');
  return (
    `${name}: ${phase.acknowledged} acknowledged in ${phase.seconds.toFixed(1)} s = ` +
    `${(phase.acknowledged / phase.seconds).toFixed(0)}/s; latency p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${percentile(sorted, 100).toFixed(1)} ms; answers {${statuses}}`
  );
}

/**
 * The baseline: pgbench on `server` with `clients` clients for `runSeconds` after a 3 s warm-up of its own, one INSERT
 * of a row as wide as a signal's main row per transaction; its transactions per second, or null when it cannot run.
 * Exported for bench/load.ts, which reports it as the ceiling of its mixed load.
 */
export async function pgbench(
  server: PostgresServer,
  binDir: string,
  dir: string,
  clients = connections,
  runSeconds = seconds,
): Promise<number | null> {
  if (!existsSync(join(binDir, 'pgbench'))) {
    console.log(`baseline skipped: no pgbench in ${binDir}`);
    return null;
  }
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`create table bench_signals (
    id uuid primary key default gen_random_uuid(),
    received_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    reference text not null,
    municipality_code text not null,
    status text not null,
    forms text[] not null,
    narrative text not null
  )`);
  const script = join(dir, 'insert.sql');
  // One row per transaction: a reference, short texts and 1,024 characters of text, as a signal's main row.
  await writeFile(
    script,
    `insert into bench_signals (reference, municipality_code, status, forms, narrative)
values ('S-2026-' || lpad((random() * 999999)::int::text, 6, '0'), 'GM0344', 'nieuw', '{arbeidsuitbuiting}',
  repeat(md5(random()::text), 32));\n`,
  );
  const args = ['-n', '-c', String(clients), '-j', '2', '-f', script, server.url];
  runPgTool(binDir, 'pgbench', ['-T', '3', ...args]);
  const run = runPgTool(binDir, 'pgbench', ['-T', String(runSeconds), ...args]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.output);
  const latency = /latency average = ([\d.]+) ms/.exec(run.output);
  const rows = (await client.query<{ n: number }>('select count(*)::int as n from bench_signals')).rows[0]!.n;
  await client.end();
  if (run.status !== 0 || !tps) {
    console.log(`baseline failed (pgbench exit ${run.status}):\n${run.output}`);
    return null;
  }
  console.log(
    `baseline pgbench: ${Number(tps[1]).toFixed(0)} rows/s (one INSERT per transaction, ${clients} clients, ` +
      `${runSeconds} s; latency average ${latency?.[1] ?? '?'} ms; ${rows} rows in the table after warm-up and run)`,
  );
  return Number(tps[1]);
}

async function main(): Promise<void> {
  const found = requireBinary('postgresql');
  if (!found.ok) {
    console.error(`intake needs PostgreSQL's binaries: ${found.reason}`);
    process.exit(2);
  }
  const dir = await mkdtemp(join(tmpdir(), 'schakel-bench-intake-'));
  const server = await startPostgres();
  let schakel: SchakelProcess | undefined;
  let http: HttpClient | undefined;
  try {
    schakel = await SchakelProcess.create({
      databaseUrl: server.url,
      workDir: dir,
      logLevel: process.env.LOG_LEVEL ?? 'info',
    });
    await schakel.start();
    const cookie = await login(schakel.url, DEMO_MELDER);
    const { built } = schakelCommand();
    console.log(
      `Schakel ${built ? 'dist/src/main.js' : 'src/main.ts through tsx'} on PostgreSQL ${found.binDir} ` +
        `(fsync on), ${connections} connections, ${seconds} s per phase, seed ${seed}`,
    );
    http = new HttpClient(schakel.url, connections);
    const next = signalFactory(seed, `bench-${seed}`);

    const warmUp = await closedLoop(http, cookie, next, 3000);
    console.log(describe('warm-up', warmUp));
    const peak = await closedLoop(http, cookie, next, seconds * 1000);
    console.log(describe(`peak (${connections} connections, back to back)`, peak));
    const throughput = peak.acknowledged / peak.seconds;
    const steady = await openLoop(http, cookie, next, throughput / 2, seconds * 1000);
    console.log(describe(`steady (${(throughput / 2).toFixed(0)}/s offered, open loop)`, steady));
    const sorted = [...steady.latencies].sort((a, b) => a - b);

    const db = new pg.Client({ connectionString: server.url });
    await db.connect();
    const stored = (await db.query<{ n: number }>('select count(*)::int as n from signals')).rows[0]!.n;
    await db.end();
    const acknowledged = warmUp.acknowledged + peak.acknowledged + steady.acknowledged;
    console.log(`signals in the database: ${stored}; acknowledged in all phases: ${acknowledged}`);
    http.close();
    await schakel.stop();

    const baseline = await pgbench(server, found.binDir, dir);
    const ratio = baseline ? throughput / baseline : null;
    if (ratio !== null)
      console.log(`ratio: intake is ${(ratio * 100).toFixed(1)} % of the plain-INSERT baseline`);
    console.log(
      JSON.stringify({
        bench: 'intake',
        throughput: Math.round(throughput),
        p50Ms: Number(percentile(sorted, 50).toFixed(1)),
        p99Ms: Number(percentile(sorted, 99).toFixed(1)),
        baseline: baseline === null ? null : Math.round(baseline),
        ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      }),
    );
  } finally {
    http?.close();
    await schakel?.kill();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

// Runs when it is the benchmark, not when bench/load.ts imports its baseline.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
