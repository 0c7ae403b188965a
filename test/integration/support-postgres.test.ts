// Self-test of test/support/postgres.ts: every integration suite trusts it, so it is proven against the real
// server, including crash, restart and clean-up when the test process itself dies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { skipUnless } from '../support/binaries.js';
import { startPostgres } from '../support/postgres.js';
import type { PostgresServer } from '../support/postgres.js';

const skip = skipUnless('postgresql');

let server: PostgresServer | undefined;
let startMs = 0;

before(async () => {
  if (skip) return;
  const started = performance.now();
  server = await startPostgres();
  startMs = Math.round(performance.now() - started);
});

after(async () => {
  await server?.stop();
});

function running(): PostgresServer {
  assert.ok(server, 'server was not started');
  return server;
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('startPostgres() runs a real PostgreSQL server that answers select version()', { skip }, async (t) => {
  t.diagnostic(`PostgreSQL started (initdb + start + first connection) in ${startMs} ms`);
  const { url, port } = running();
  assert.match(url, new RegExp(`^postgresql://schakel@127\\.0\\.0\\.1:${port}/schakel$`));
  const version = await withClient(url, async (client) => {
    const result = await client.query<{ version: string }>('select version()');
    return result.rows[0]?.version;
  });
  assert.match(version ?? '', /^PostgreSQL \d+/);
  t.diagnostic(version ?? '');
});

test(
  'a database from createDatabase() can be created, filled and read back through pg',
  { skip },
  async () => {
    const url = await running().createDatabase('round_trip');
    assert.match(url, /\/round_trip$/);
    const rows = await withClient(url, async (client) => {
      await client.query('create table signal (id int primary key, label text not null)');
      await client.query('insert into signal (id, label) values ($1, $2), ($3, $4)', [1, 'één', 2, 'twee']);
      return (await client.query('select id, label from signal order by id')).rows;
    });
    assert.deepEqual(rows, [
      { id: 1, label: 'één' },
      { id: 2, label: 'twee' },
    ]);
  },
);

test(
  'settings reach the server and survive kill() plus restart(), which keeps committed rows and the port',
  { skip },
  async () => {
    // Quotes, spaces and $ prove values reach postgres verbatim, with no shell in between.
    const applicationName = `it's "$HOME" & more`;
    const crashing = await startPostgres({
      settings: { work_mem: '8MB', application_name: applicationName },
    });
    try {
      const show = (client: Client) =>
        client.query<{ work_mem: string; application_name: string }>(
          "select current_setting('work_mem') as work_mem, current_setting('application_name') as application_name",
        );
      await withClient(crashing.url, async (client) => {
        assert.deepEqual((await show(client)).rows[0], {
          work_mem: '8MB',
          application_name: applicationName,
        });
        assert.equal((await client.query<{ fsync: string }>('show fsync')).rows[0]?.fsync, 'on');
        await client.query('create table kept (n int)');
        await client.query('insert into kept values (1), (2), (3)');
      });

      await crashing.kill();
      assert.equal(await portAccepts(crashing.port), false, 'port still open after kill()');

      await crashing.restart();
      await withClient(crashing.url, async (client) => {
        assert.deepEqual((await show(client)).rows[0], {
          work_mem: '8MB',
          application_name: applicationName,
        });
        const { rows } = await client.query<{ count: string }>('select count(*) from kept');
        assert.equal(rows[0]?.count, '3');
      });
      // Proof that kill() was a crash and not a clean shutdown.
      assert.match(
        await readFile(crashing.logFile, 'utf8'),
        /database system was interrupted|automatic recovery/,
      );
    } finally {
      await crashing.stop();
    }
  },
);

test('stop() shuts the server down, removes its folder and closes its port', { skip }, async () => {
  const { dataDir, port } = running();
  assert.equal(existsSync(dataDir), true);
  assert.equal(await portAccepts(port), true);
  await running().stop();
  assert.equal(existsSync(dirname(dataDir)), false, `${dirname(dataDir)} still exists`);
  assert.equal(await portAccepts(port), false, `port ${port} still accepts connections`);
  await running().stop(); // a second stop, as after() does, is harmless
});

// The child starts a server and then dies; its exit handlers must stop the server and remove the folder.
const deaths = {
  'an uncaught exception': "setImmediate(() => { throw new Error('simulated crash'); });",
  SIGTERM: "setInterval(() => {}, 1000); process.kill(process.pid, 'SIGTERM');",
};

for (const [death, code] of Object.entries(deaths)) {
  test(`a test process killed by ${death} leaves no server or folder behind`, { skip }, async () => {
    const moduleUrl = new URL('../support/postgres.ts', import.meta.url).href;
    const script = [
      `const { startPostgres } = await import(${JSON.stringify(moduleUrl)});`,
      'const pg = await startPostgres();',
      "process.stdout.write(JSON.stringify({ port: pg.port, dataDir: pg.dataDir }) + '\\n');",
      code,
    ].join('\n');
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT; // the child is a plain script, not a node:test worker
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );

    assert.match(stdout, /"port"/, `the child did not start a server:\n${stderr}`);
    const { port, dataDir } = JSON.parse(stdout.trim()) as { port: number; dataDir: string };
    if (death === 'SIGTERM') assert.equal(signal, 'SIGTERM', stderr);
    else assert.equal(exitCode, 1, stderr);
    assert.equal(existsSync(dirname(dataDir)), false, `${dirname(dataDir)} left behind`);
    assert.equal(await portAccepts(port), false, `server on port ${port} left running`);
  });
}
