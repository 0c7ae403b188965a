// Schakel as a person starts it: a process on the embedded database in a data folder. The first start seeds the
// demo set and prints the logins; SIGTERM shuts it down cleanly; a restart keeps every row; the command line
// verifies the audit chain and names a broken link.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openPGlite } from '../../src/db/database.js';

const dataDir = mkdtempSync(join(tmpdir(), 'schakel-serve-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const env = {
  ...process.env,
  SCHAKEL_DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
};

function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Schakel serves (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

test('the first start seeds the demo set and prints its logins; SIGTERM stops it cleanly; a restart keeps the data', async () => {
  const first = await start();
  assert.match(first.output(), /Demo users \(password for all: schakel-demo-wachtwoord/);
  assert.match(first.output(), /beheerder\.utrecht@demo\.schakel\.example/);
  const ready = await fetch(`${first.url}/health/ready`);
  assert.equal(ready.status, 200);
  const login = await fetch(`${first.url}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'beheerder.utrecht@demo.schakel.example',
      password: 'schakel-demo-wachtwoord',
    }),
  });
  assert.equal(login.status, 201);
  assert.equal(await stop(first.child), 0, 'graceful shutdown exits 0');

  const second = await start();
  assert.doesNotMatch(second.output(), /Demo users \(password/, 'the demo set is seeded once');
  const again = await fetch(`${second.url}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'beheerder.utrecht@demo.schakel.example',
      password: 'schakel-demo-wachtwoord',
    }),
  });
  assert.equal(again.status, 201, 'the users survived the restart');
  assert.equal(await stop(second.child), 0);
});

test('schakel audit verify passes on an intact chain and names the first broken link after tampering', async () => {
  const cli = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'], {
      env,
      encoding: 'utf8',
    });
  const intact = cli();
  assert.equal(intact.status, 0, intact.stderr);
  assert.match(intact.stdout, /Audit chain intact: \d+ events checked/);

  const database = await openPGlite(join(dataDir, 'pglite'));
  const victim = await sql<{
    seq: number;
    id: string;
  }>`select seq, id from audit_events order by seq limit 1 offset 2`.execute(database.db);
  const row = victim.rows[0]!;
  await sql`alter table audit_events disable trigger audit_events_no_change`.execute(database.db);
  await sql`update audit_events set purpose = 'tampered' where seq = ${row.seq}`.execute(database.db);
  await database.close();

  const broken = cli();
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, new RegExp(`BROKEN at event ${row.seq} \\(${row.id}\\)`));
});

test('the command line migrates, seeds, adds users and lists the reference data', () => {
  const own = mkdtempSync(join(tmpdir(), 'schakel-cli-'));
  try {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        env: { ...env, SCHAKEL_DATA_DIR: own },
        encoding: 'utf8',
      });
    const migrated = run('migrate');
    assert.equal(migrated.status, 0, migrated.stderr);
    assert.match(migrated.stdout, /Applied: 0001_foundation, 0002_reference_2025/);
    assert.match(run('migrate').stdout, /up to date/);
    const seeded = run('seed', '--demo');
    assert.match(seeded.stdout, /beheerder\.utrecht@demo\.schakel\.example/);
    assert.match(run('seed', '--demo').stdout, /nothing seeded/);
    const added = run(
      'users',
      'add',
      '--email',
      'nieuw@utrecht.test.schakel.example',
      '--name',
      'Nieuwe Melder',
      '--organisation',
      'Gemeente Utrecht',
      '--role',
      'melder',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /One-time activation code \(valid 7 days\): [0-9A-Z]{4}-/);
    const wrongRole = run(
      'users',
      'add',
      '--email',
      'x@utrecht.test.schakel.example',
      '--name',
      'X',
      '--organisation',
      'Gemeente Utrecht',
      '--role',
      'comensha-registrator',
    );
    assert.equal(wrongRole.status, 1);
    assert.match(wrongRole.stderr, /roles: The role comensha-registrator does not exist/);
    const list = run('reference', 'list');
    assert.match(list.stdout, /GM0363 +Amsterdam +Amsterdam +RIEC Amsterdam-Amstelland/);
    assert.match(list.stdout, /342 municipalities \(2025\)/);
    assert.match(
      run('reference', 'list', '--kind', 'politie-eenheid').stdout,
      /oost-nederland +Oost-Nederland +76/,
    );
    const rotated = run('keys', 'rotate');
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /New data key dk-/);
    const rewrapped = run('keys', 'rewrap');
    assert.equal(rewrapped.status, 0, rewrapped.stderr);
    assert.match(rewrapped.stdout, /2 data keys wrapped under a new master key/);
    assert.equal(run('audit', 'verify').status, 0, 'the database opens with the new master key');
    const unknown = run('frobnicate');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command: frobnicate/);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});
