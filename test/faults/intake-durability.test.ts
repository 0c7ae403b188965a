// Issue 10, point 1: a 201 from signal intake means the signal is in PostgreSQL. Schakel runs as a real process on a
// real PostgreSQL server while concurrent clients submit signals; the process is SIGKILLed and started again at
// random moments, PostgreSQL is killed and restarted, and afterwards the database is held against every
// acknowledgement. The harness proves it can fail: with the intake's test-only fault switch (answer before commit)
// and on a server that acknowledges before the WAL is on disk, it must find the losses.
//
// Full form: `npm run test:faults` (20 kills of Schakel, 3 of PostgreSQL). Short form (`npm test`, CI=true, or
// SCHAKEL_FAULTS_SHORT=1): 4 and 1. A failing run prints its seed; SCHAKEL_FAULTS_SEED=n repeats it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { skipUnless } from '../support/binaries.js';
import { startPostgres } from '../support/postgres.js';
import type { PostgresServer } from '../support/postgres.js';
import {
  acknowledgements,
  checkStored,
  DEMO_AANDACHTSFUNCTIONARIS,
  DEMO_MELDER,
  describeReport,
  HttpClient,
  IntakeLedger,
  killRun,
  login,
  randomGenerator,
  SchakelProcess,
  shortForm,
  signalFactory,
  sleep,
  startClients,
  submit,
} from './harness.js';

const skip = skipUnless('postgresql');
const short = shortForm();
const SCHAKEL_KILLS = short ? 4 : 20;
const POSTGRES_KILLS = short ? 1 : 3;
const CLIENTS = 8;
const seed = Number(process.env.SCHAKEL_FAULTS_SEED ?? Date.now() % 2 ** 31);

let server: PostgresServer | undefined;
let workRoot = '';

before(async () => {
  if (skip) return;
  workRoot = await mkdtemp(join(tmpdir(), 'schakel-faults-'));
  server = await startPostgres();
});

after(async () => {
  await server?.stop();
  if (workRoot) await rm(workRoot, { recursive: true, force: true });
});

function postgres(): PostgresServer {
  assert.ok(server, 'PostgreSQL was not started');
  return server;
}

async function workDir(name: string): Promise<string> {
  return mkdtemp(join(workRoot, `${name}-`));
}

async function waitUntilReady(
  http: HttpClient,
  schakel: SchakelProcess,
  deadlineMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await http.request('GET', '/health/ready', { timeoutMs: 5000 }).catch(() => undefined);
    if (answer?.status === 200) return Date.now() - started;
    if (!schakel.isRunning || Date.now() - started > deadlineMs) {
      throw new Error(
        `Schakel not ready within ${deadlineMs} ms after PostgreSQL's restart (last answer ` +
          `${answer ? `${answer.status} ${answer.body}` : 'none'}; process ${schakel.isRunning ? 'running' : 'gone'}):\n` +
          (await schakel.logTail()),
      );
    }
    await sleep(50);
  }
}

test(
  `every signal acknowledged with 201 survives ${SCHAKEL_KILLS} SIGKILLs of Schakel exactly once and whole; nothing unacknowledged is half stored; retries with the same Idempotency-Key never duplicate`,
  { skip },
  async (t) => {
    const databaseUrl = await postgres().createDatabase('kills');
    const run = await killRun({
      databaseUrl,
      workDir: await workDir('kills'),
      kills: SCHAKEL_KILLS,
      clients: CLIENTS,
      seed,
      log: (line) => t.diagnostic(line),
    });
    const { report, ledger } = run;
    t.diagnostic(`seed ${seed}; ${run.seconds.toFixed(1)} s; ${describeReport(report)}`);
    t.diagnostic(
      `${ledger.attempts} attempts: ${ledger.connectionErrors} unanswered, ${ledger.serverErrors} answered 5xx; ` +
        `${ledger.acknowledgedOnRetry} acknowledged on a retry; ${ledger.repeatsAnswered} repeats answered alike`,
    );
    assert.deepEqual(ledger.problems, [], `answers that break the contract (seed ${seed})`);
    assert.deepEqual(report.lost, [], `acknowledged signals lost (seed ${seed})`);
    assert.deepEqual(report.duplicated, [], `submissions stored twice (seed ${seed})`);
    assert.deepEqual(report.incomplete, [], `half-written signals (seed ${seed})`);
    assert.deepEqual(report.strays, [], `signals of no submission (seed ${seed})`);
    assert.ok(ledger.connectionErrors > 0, 'the kills cut requests off (otherwise this proves nothing)');
    assert.ok(ledger.repeatsAnswered >= 5, 'double submissions were answered with the first answer');
    assert.ok(report.acknowledged >= SCHAKEL_KILLS * 3, 'intake went on between the kills');

    const verify = run.schakel.cli(['audit', 'verify']);
    assert.equal(verify.status, 0, `the audit chain after the kills: ${verify.output}`);
  },
);

test(
  'the harness detects loss: with SCHAKEL_FAULT_ACK_BEFORE_COMMIT=true (201 before the commit) the same run reports acknowledged signals missing',
  { skip },
  async (t) => {
    const run = await killRun({
      databaseUrl: await postgres().createDatabase('ack_before_commit'),
      workDir: await workDir('ack-before-commit'),
      kills: SCHAKEL_KILLS,
      clients: CLIENTS,
      seed: seed + 1,
      env: { SCHAKEL_FAULT_ACK_BEFORE_COMMIT: 'true' },
      log: (line) => t.diagnostic(line),
    });
    t.diagnostic(`seed ${seed + 1}; ${describeReport(run.report)}`);
    assert.ok(
      run.report.lost.length > 0,
      `with the fault switch on, the harness must see acknowledged signals missing: ${describeReport(run.report)}`,
    );
    assert.deepEqual(run.report.incomplete, [], 'a lost commit loses the whole signal, never part of it');
  },
);

test(
  `PostgreSQL SIGKILLed and restarted ${POSTGRES_KILLS}× under intake: /health/ready answers 503 while it is down, Schakel recovers without a restart, nothing acknowledged is lost`,
  { skip },
  async (t) => {
    const server = postgres();
    const databaseUrl = await server.createDatabase('postgres_kills');
    const schakel = await SchakelProcess.create({ databaseUrl, workDir: await workDir('postgres-kills') });
    const http = new HttpClient(schakel.url, CLIENTS);
    const probe = new HttpClient(schakel.url, 1);
    const ledger = new IntakeLedger();
    const rng = randomGenerator(seed + 2);
    try {
      await schakel.start();
      const cookie = await login(schakel.url, DEMO_MELDER);
      const clients = startClients({
        http,
        cookie,
        clients: CLIENTS,
        ledger,
        next: signalFactory(seed + 2, `pg-kill-${seed}`),
        rng,
      });
      try {
        for (let kill = 1; kill <= POSTGRES_KILLS; kill++) {
          await acknowledgements(ledger, 20 + Math.floor(rng() * 40), schakel);
          await server.kill('SIGKILL');
          const down = await probe
            .request('GET', '/health/ready', { timeoutMs: 10_000 })
            .catch(async (error: Error) => {
              await sleep(200); // let a dying process be seen as gone
              throw new Error(
                `no answer from Schakel while PostgreSQL is down (${error.message}; process ` +
                  `${schakel.isRunning ? 'running' : 'gone'}):\n${await schakel.logTail()}`,
              );
            });
          assert.equal(down.status, 503, `not ready while PostgreSQL is down: ${down.body}`);
          assert.equal((JSON.parse(down.body) as { status: string }).status, 'not-ready');
          await server.restart();
          const ms = await waitUntilReady(probe, schakel, 30_000);
          t.diagnostic(`PostgreSQL kill ${kill}: ready again ${ms} ms after its restart`);
          await acknowledgements(ledger, 10, schakel);
        }
      } finally {
        await clients.stop();
      }
      assert.equal(schakel.starts, 1, 'Schakel was never restarted');
      assert.ok(schakel.isRunning, 'Schakel is still running');
      for (const key of [...ledger.acknowledged.keys()].slice(0, 5)) {
        ledger.record(ledger.requests.get(key)!, await submit(http, cookie, ledger.requests.get(key)!));
      }
      // The holding municipality's aandachtsfunctionaris reads them back through the API, decrypted and whole.
      const officer = await login(schakel.url, DEMO_AANDACHTSFUNCTIONARIS);
      for (const [key, ack] of [...ledger.acknowledged].slice(-5)) {
        const read = await http.request('GET', `/api/v1/signalen/${ack.id}`, {
          headers: { cookie: officer },
        });
        assert.equal(read.status, 200, read.body);
        const signal = JSON.parse(read.body) as {
          narrative: string;
          persons: unknown[];
          identifiers: unknown[];
        };
        const sent = ledger.requests.get(key)!.body;
        assert.equal(signal.narrative, sent.narrative);
        assert.equal(signal.persons.length, sent.persons.length);
        assert.equal(signal.identifiers.length, sent.identifiers.length);
      }
      const report = await checkStored(databaseUrl, ledger);
      t.diagnostic(`seed ${seed + 2}; ${describeReport(report)}; ${ledger.serverErrors} answered 5xx`);
      assert.deepEqual(ledger.problems, [], 'answers that break the contract');
      assert.deepEqual(report.lost, [], 'acknowledged signals lost');
      assert.deepEqual(report.duplicated, [], 'submissions stored twice');
      assert.deepEqual(report.incomplete, [], 'half-written signals');
      assert.deepEqual(report.strays, [], 'signals of no submission');
    } finally {
      http.close();
      probe.close();
      await schakel.stop();
    }
  },
);

test(
  'the harness sees an unsafe database: with synchronous_commit=off and the WAL writer held up, a PostgreSQL kill loses acknowledged signals, and only whole ones',
  { skip },
  async (t) => {
    // With synchronous_commit=off PostgreSQL acknowledges a commit before its WAL is written; the WAL writer
    // writes it out shortly after. Holding the WAL writer up (SIGSTOP) widens that moment to the whole load, so the
    // kill that follows must lose every signal acknowledged meanwhile. (A long wal_writer_delay alone does not do
    // it: backends wake the WAL writer at every full WAL page, so only the last few commits would be at risk.)
    const lossy = await startPostgres({ settings: { synchronous_commit: 'off' } });
    const schakel = await SchakelProcess.create({ databaseUrl: lossy.url, workDir: await workDir('lossy') });
    const http = new HttpClient(schakel.url, CLIENTS);
    const probe = new HttpClient(schakel.url, 1);
    const ledger = new IntakeLedger();
    try {
      await schakel.start();
      const cookie = await login(schakel.url, DEMO_MELDER);
      // The migrations, the demo set and the session must survive the kill: only the intake is at stake.
      const client = new pg.Client({ connectionString: lossy.url });
      await client.connect();
      await client.query('checkpoint');
      const { rows } = await client.query<{ pid: number }>(
        "select pid from pg_stat_activity where backend_type = 'walwriter'",
      );
      await client.end();
      const walWriter = rows[0]?.pid;
      assert.ok(walWriter, 'the WAL writer process was found');
      const clients = startClients({
        http,
        cookie,
        clients: CLIENTS,
        ledger,
        next: signalFactory(seed + 3, `lossy-${seed}`),
        rng: randomGenerator(seed + 3),
      });
      let atRisk = 0;
      try {
        await acknowledgements(ledger, 10, schakel);
        process.kill(walWriter, 'SIGSTOP');
        const before = ledger.acknowledged.size;
        await acknowledgements(ledger, 30, schakel);
        const killed = lossy.kill('SIGKILL'); // signals the postmaster at once, then waits for its children
        process.kill(walWriter, 'SIGKILL');
        await killed;
        atRisk = ledger.acknowledged.size - before;
        await lossy.restart();
        await waitUntilReady(probe, schakel, 30_000);
        await acknowledgements(ledger, 10, schakel);
      } finally {
        await clients.stop();
      }
      const report = await checkStored(lossy.url, ledger);
      t.diagnostic(
        `seed ${seed + 3}; ${atRisk} acknowledged while the WAL writer stood still; ${describeReport(report)}`,
      );
      assert.ok(report.lost.length > 0, `the harness must see the losses: ${describeReport(report)}`);
      assert.deepEqual(report.incomplete, [], 'a lost commit loses the whole signal, never part of it');
    } finally {
      http.close();
      probe.close();
      await schakel.stop();
      await lossy.stop();
    }
  },
);
