// `npm run bench -- load`: a mixed load by LOAD_USERS (200) concurrent simulated users for LOAD_SECONDS (30) after a
// warm-up of LOAD_WARMUP_SECONDS (10), on a throwaway PostgreSQL server (fsync on) with Schakel as its own process on
// it (127.0.0.1, a free port). Four kinds of user, each waiting a think time between requests (exponential, so the
// requests of many users arrive like real ones; see KINDS for the rate they offer):
//   intake      POST /api/v1/signalen as the demo melder, bodies as in bench/intake.ts;
//   triage      the queue page GET /signalen and signal pages GET /signalen/:id as the demo aandachtsfunctionaris;
//   dashboards  GET /actieplan/voortgang, GET /gemeentelijke-aanpak and the start page GET /, as the demo
//               beleidsmedewerker (J&V) and the aandachtsfunctionaris;
//   API reads   GET /api/v1/signalen and /api/v1/signalen/:id as the aandachtsfunctionaris, GET /api/v1/doorzettingen
//               and GET /api/v1/gemeenten as the police user (a few signals are forwarded to the police first).
// A TOTP step is accepted once per user per 30 s, so each demo user logs in once and its session is shared by all the
// simulated users that act as that user. Before the warm-up the melder reports LOAD_SIGNALS (200) signals, so the
// queue is not empty. Per route and per kind it prints count, throughput, p50/p95/p99 and errors (a status outside
// 2xx/3xx or no answer) over the measured window, what bounded it (CPU per process, pg_stat_activity, Schakel's
// event-loop delay), then pgbench's rate on the same server as the ceiling (bench/intake.ts's baseline).
// Last line: {"bench":"load","users":n,"errors":n,"p99PageMs":x,"p99IntakeMs":x,"throughput":x,"pgbenchTps":x}.
// Settings: LOAD_USERS, LOAD_SECONDS, LOAD_WARMUP_SECONDS, LOAD_SIGNALS, LOAD_SEED, LOG_LEVEL for Schakel (info),
// LOAD_CPU_PROFILE=DIR to write a CPU profile of Schakel (node --cpu-prof) into DIR.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  DEMO_AANDACHTSFUNCTIONARIS,
  DEMO_MELDER,
  HttpClient,
  login,
  randomGenerator,
  SchakelProcess,
  schakelCommand,
  signalFactory,
  sleep,
  submit,
} from '../test/faults/harness.js';
import type { HttpAnswer, SignalRequest } from '../test/faults/harness.js';
import { requireBinary } from '../test/support/binaries.js';
import { startPostgres } from '../test/support/postgres.js';
import { pgbench } from './intake.js';
import { activitySampler, cpuMeter, loopDelaySampler } from './load/observe.js';

const DEMO_BELEID = 'beleid.jenv@demo.schakel.example';
const DEMO_POLITIE = 'recherche.politie@demo.schakel.example';

const users = Number(process.env.LOAD_USERS ?? 200);
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const warmUpSeconds = Number(process.env.LOAD_WARMUP_SECONDS ?? 10);
const initialSignals = Number(process.env.LOAD_SIGNALS ?? 200);
const seed = Number(process.env.LOAD_SEED ?? Date.now() % 2 ** 31);
const profileDir = process.env.LOAD_CPU_PROFILE ? resolve(process.env.LOAD_CPU_PROFILE) : undefined;
/** Signals forwarded to the police before the run, so its inbox has something to list. */
const FORWARDED = 10;
/** pgbench as in bench/intake.ts: 64 clients (PostgreSQL allows 100 connections), 10 s. */
const PGBENCH_CLIENTS = 64;
const PGBENCH_SECONDS = 10;

type Kind = 'intake' | 'triage' | 'dashboards' | 'api';

/**
 * The share of the users of each kind and the mean think time between two of a user's requests. With 200 users:
 * 40 reporting every 4 s (10 signals/s: reporting systems and busy reporting points, far above the national rate),
 * 60 triaging every 5 s (12 pages/s), 40 reading dashboards every 5 s (8 pages/s) and 60 API clients every 2 s
 * (30 reads/s): about 60 requests per second offered, a busy hour's peak rather than the most the server can take.
 */
const KINDS: Record<Kind, { share: number; thinkMs: number; label: string }> = {
  intake: { share: 0.2, thinkMs: 4000, label: 'intake' },
  triage: { share: 0.3, thinkMs: 5000, label: 'triage pages' },
  dashboards: { share: 0.2, thinkMs: 5000, label: 'dashboards' },
  api: { share: 0.3, thinkMs: 2000, label: 'API reads' },
};

interface Route {
  kind: Kind;
  name: string;
  /** An HTML page (counts for p99PageMs). */
  page: boolean;
  latencies: number[];
  errors: number;
  warmUpErrors: number;
  statuses: Map<string, number>;
}

const routes = new Map<string, Route>();
function route(kind: Kind, name: string, page: boolean): Route {
  let found = routes.get(name);
  if (!found) {
    found = { kind, name, page, latencies: [], errors: 0, warmUpErrors: 0, statuses: new Map() };
    routes.set(name, found);
  }
  return found;
}

const errorSamples: string[] = [];
let measureFrom = Infinity;
let measureUntil = Infinity;

/** One request, timed from its send to the last byte of its answer; recorded when it was sent in the window. */
async function timed(target: Route, send: () => Promise<HttpAnswer>): Promise<HttpAnswer | undefined> {
  const started = performance.now();
  let answer: HttpAnswer | undefined;
  let status: string;
  try {
    answer = await send();
    status = String(answer.status);
  } catch (error) {
    status = error instanceof Error ? error.message : 'error';
  }
  const ms = performance.now() - started;
  const failed = answer === undefined || answer.status < 200 || answer.status >= 400;
  if (failed && errorSamples.length < 10) {
    errorSamples.push(`${target.name}: ${status} ${answer?.body.slice(0, 200) ?? ''}`);
  }
  if (started >= measureFrom && started < measureUntil) {
    target.latencies.push(ms);
    target.statuses.set(status, (target.statuses.get(status) ?? 0) + 1);
    if (failed) target.errors++;
  } else if (started < measureFrom && failed) {
    target.warmUpErrors++;
  }
  return answer;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

function figures(of: Route[]): Figures {
  const sorted = of.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    count: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    errors: of.reduce((n, r) => n + r.errors, 0),
  };
}

function table(rows: [string, string, Figures][]): string {
  const head = ['', 'users', 'count', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const cells = rows.map(([name, who, f]) => [
    name,
    who,
    String(f.count),
    f.perSecond.toFixed(1),
    f.p50.toFixed(1),
    f.p95.toFixed(1),
    f.p99.toFixed(1),
    f.max.toFixed(1),
    String(f.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}

const found = requireBinary('postgresql');
if (!found.ok) {
  console.error(`load needs PostgreSQL's binaries: ${found.reason}`);
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'schakel-bench-load-'));
const server = await startPostgres();
let schakel: SchakelProcess | undefined;
let http: HttpClient | undefined;
try {
  schakel = await SchakelProcess.create({
    databaseUrl: server.url,
    workDir: dir,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  });
  await schakel.start();
  const { built } = schakelCommand();
  console.log(
    `Schakel ${built ? 'dist/src/main.js' : 'src/main.ts through tsx'} on PostgreSQL ${found.binDir} (fsync on); ` +
      `${users} users, warm-up ${warmUpSeconds} s, measured ${seconds} s, seed ${seed}`,
  );

  // One login per demo user; the simulated users of a kind share its session.
  const melder = await login(schakel.url, DEMO_MELDER);
  const officer = await login(schakel.url, DEMO_AANDACHTSFUNCTIONARIS);
  const policy = await login(schakel.url, DEMO_BELEID);
  const police = await login(schakel.url, DEMO_POLITIE);
  http = new HttpClient(schakel.url, users + 8);
  const client = http;
  const get = (path: string, cookie: string) =>
    client.request('GET', path, { headers: { cookie }, timeoutMs: 30_000 });
  const json = <T>(answer: HttpAnswer, what: string): T => {
    if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${answer.body.slice(0, 300)}`);
    return JSON.parse(answer.body) as T;
  };

  // Signals in the queue before the run, some of them forwarded to the police.
  const next = signalFactory(seed, `load-${seed}`);
  const ids: string[] = [];
  const reportOne = async (request: SignalRequest) => {
    const answer = await submit(client, melder, request);
    if (answer.status !== 201) throw new Error(`intake: ${answer.status} ${answer.body.slice(0, 300)}`);
    ids.push((JSON.parse(answer.body) as { id: string }).id);
  };
  let made = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (made < initialSignals) {
        made++;
        await reportOne(next());
      }
    }),
  );
  const organisations = json<{ id: string; type: string; name: string }[]>(
    await get('/api/v1/organisaties', police),
    'organisations',
  );
  const politie = organisations.find((o) => o.type === 'politie');
  if (!politie) throw new Error('no police organisation in the demo set');
  for (const id of ids.slice(0, FORWARDED)) {
    const answer = await client.request('POST', `/api/v1/signalen/${id}/doorzettingen`, {
      headers: { 'content-type': 'application/json', cookie: officer },
      body: JSON.stringify({
        recipients: [{ organisationId: politie.id, purpose: 'opsporing-en-vervolging' }],
        categories: ['narrative'],
        reason: 'Aanwijzingen voor arbeidsuitbuiting; graag beoordeling door de politie (load benchmark)',
      }),
    });
    if (answer.status !== 201) throw new Error(`forwarding: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
  const inbox = json<unknown[]>(await get('/api/v1/doorzettingen', police), 'police inbox');
  console.log(
    `before the run: ${ids.length} signals reported by the melder, ${FORWARDED} forwarded to ${politie.name} ` +
      `(its inbox lists ${inbox.length})`,
  );

  const rng = randomGenerator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const signalId = () => ids[Math.floor(rng() * ids.length)]!;

  // Each kind's step: one request, chosen as a user of that kind would.
  const intake = route('intake', 'POST /api/v1/signalen', false);
  const queue = route('triage', 'GET /signalen', true);
  const signalPage = route('triage', 'GET /signalen/:id', true);
  const progress = route('dashboards', 'GET /actieplan/voortgang', true);
  const municipal = route('dashboards', 'GET /gemeentelijke-aanpak', true);
  const start = route('dashboards', 'GET /', true);
  const apiQueue = route('api', 'GET /api/v1/signalen', false);
  const apiSignal = route('api', 'GET /api/v1/signalen/:id', false);
  const apiInbox = route('api', 'GET /api/v1/doorzettingen', false);
  const apiMunicipalities = route('api', 'GET /api/v1/gemeenten', false);
  const steps: Record<Kind, (user: number) => Promise<unknown>> = {
    intake: async () => {
      const answer = await timed(intake, () => submit(client, melder, next()));
      if (answer?.status === 201) ids.push((JSON.parse(answer.body) as { id: string }).id);
    },
    // The queue, then mostly signals opened from it.
    triage: () =>
      rng() < 0.3
        ? timed(queue, () => get('/signalen', officer))
        : timed(signalPage, () => get(`/signalen/${signalId()}`, officer)),
    dashboards: (user) => {
      const cookie = user % 2 === 0 ? policy : officer;
      const [target, path] = pick([
        [progress, '/actieplan/voortgang'],
        [municipal, '/gemeentelijke-aanpak'],
        [start, '/'],
      ] as const);
      return timed(target, () => get(path, cookie));
    },
    api: () => {
      const r = rng();
      if (r < 0.35) return timed(apiQueue, () => get('/api/v1/signalen', officer));
      if (r < 0.7) return timed(apiSignal, () => get(`/api/v1/signalen/${signalId()}`, officer));
      if (r < 0.9) return timed(apiInbox, () => get('/api/v1/doorzettingen', police));
      return timed(apiMunicipalities, () => get('/api/v1/gemeenten', police));
    },
  };

  // Every route answers before the load starts (a wrong setup is no benchmark).
  for (const [name, path, cookie] of [
    ['queue', '/signalen', officer],
    ['signal page', `/signalen/${ids[0]}`, officer],
    ['progress', '/actieplan/voortgang', policy],
    ['municipal overview', '/gemeentelijke-aanpak', policy],
    ['start page', '/', officer],
    ['API signal', `/api/v1/signalen/${ids[0]}`, officer],
    ['API municipalities', '/api/v1/gemeenten', police],
  ] as const) {
    const answer = await get(path, cookie);
    if (answer.status !== 200)
      throw new Error(`${name} ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }

  const kinds: Kind[] = [];
  const counts = new Map<Kind, number>();
  for (const kind of Object.keys(KINDS) as Kind[]) counts.set(kind, Math.round(users * KINDS[kind].share));
  counts.set('api', users - (counts.get('intake')! + counts.get('triage')! + counts.get('dashboards')!));
  for (const [kind, n] of counts) for (let i = 0; i < n; i++) kinds.push(kind);
  const offered = [...counts].reduce((rate, [kind, n]) => rate + n / (KINDS[kind].thinkMs / 1000), 0);
  console.log(
    `users: ${[...counts].map(([kind, n]) => `${n} ${KINDS[kind].label} (think ${KINDS[kind].thinkMs / 1000} s)`).join(', ')}; ` +
      `offered about ${offered.toFixed(0)} requests/s`,
  );

  // The run: every user starts at a random moment of its first think time, then request, think, request, …
  const began = performance.now();
  measureFrom = began + warmUpSeconds * 1000;
  measureUntil = measureFrom + seconds * 1000;
  const think = (kind: Kind) => Math.min(-Math.log(1 - rng()) * KINDS[kind].thinkMs, 4 * KINDS[kind].thinkMs);
  const loops = kinds.map(async (kind, user) => {
    await sleep(rng() * KINDS[kind].thinkMs);
    while (performance.now() < measureUntil) {
      await steps[kind](user);
      const pause = Math.min(think(kind), measureUntil - performance.now());
      if (pause > 0) await sleep(pause);
    }
  });
  await sleep(Math.max(0, measureFrom - performance.now()));
  const cpu = cpuMeter(schakel.pid!, server.dataDir);
  const activity = await activitySampler(server.url);
  const metricsClient = new HttpClient(schakel.url, 1);
  const loopDelay = loopDelaySampler(metricsClient);
  await Promise.all(loops);
  const shares = cpu.stop();
  const sampled = await activity.stop();
  const delay = await loopDelay.stop();
  metricsClient.close();

  // The figures.
  const all = [...routes.values()];
  const rows: [string, string, Figures][] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const mine = all.filter((r) => r.kind === kind);
    for (const r of mine) rows.push([`  ${r.name}`, '', figures([r])]);
    rows.push([KINDS[kind].label, String(counts.get(kind)), figures(mine)]);
  }
  const pages = figures(all.filter((r) => r.page));
  const total = figures(all);
  rows.push(['all HTML pages', '', pages], ['all requests', String(users), total]);
  console.log(`\nmeasured ${seconds} s:\n${table(rows)}`);
  const statuses = all
    .map((r) => `${r.name} {${[...r.statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}}`)
    .join('; ');
  console.log(`answers: ${statuses}`);
  const warmUpErrors = all.reduce((n, r) => n + r.warmUpErrors, 0);
  console.log(`errors during the warm-up: ${warmUpErrors}`);
  if (errorSamples.length) console.log(`first errors:\n  ${errorSamples.join('\n  ')}`);
  console.log(
    `CPU over the window (100 % = one core; this machine has 2): Schakel ${shares.schakel} %, ` +
      `PostgreSQL ${shares.postgres} %, load generator ${shares.generator} %; machine busy ${shares.machineBusy} % of all cores`,
  );
  console.log(
    `Schakel's event-loop delay of a 10 ms timer (p99 per 2 s; about 10 ms when idle): mean ${delay.meanP99Ms.toFixed(1)} ms, ` +
      `highest ${delay.maxP99Ms.toFixed(1)} ms; longest single delay ${delay.maxMs.toFixed(1)} ms (${delay.samples} samples)`,
  );
  console.log(
    `pg_stat_activity, average connections of Schakel's pool per state (${sampled.samples} samples): ` +
      sampled.average.map(([what, n]) => `${what} ${n.toFixed(2)}`).join(', '),
  );

  const db = new pg.Client({ connectionString: server.url });
  await db.connect();
  const stored = (await db.query<{ n: number }>('select count(*)::int as n from signals')).rows[0]!.n;
  await db.end();
  console.log(`signals in the database: ${stored}; acknowledged with 201: ${ids.length}`);
  http.close();
  await schakel.stop();
  if (profileDir) console.log(`CPU profile of Schakel written to ${profileDir}`);

  const ceiling = await pgbench(server, found.binDir, dir, PGBENCH_CLIENTS, PGBENCH_SECONDS);
  const errors = total.errors + warmUpErrors;
  const p99Page = pages.p99;
  const p99Intake = figures([intake]).p99;
  console.log(
    `goal (no errors, p99 under 200 ms for pages and under 50 ms for intake): ` +
      `errors ${errors} ${errors === 0 ? 'met' : 'NOT met'}; pages p99 ${p99Page.toFixed(1)} ms ` +
      `${p99Page < 200 ? 'met' : 'NOT met'}; intake p99 ${p99Intake.toFixed(1)} ms ${p99Intake < 50 ? 'met' : 'NOT met'}`,
  );
  if (ceiling) {
    console.log(
      `ceiling: pgbench ${Math.round(ceiling)} single-INSERT transactions/s on the same server against ` +
        `${total.perSecond.toFixed(0)} requests/s of the mixed load`,
    );
  }
  console.log(
    JSON.stringify({
      bench: 'load',
      users,
      errors,
      p99PageMs: Number(p99Page.toFixed(1)),
      p99IntakeMs: Number(p99Intake.toFixed(1)),
      throughput: Number(total.perSecond.toFixed(1)),
      pgbenchTps: ceiling === null ? null : Math.round(ceiling),
    }),
  );
} finally {
  http?.close();
  await schakel?.kill();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
