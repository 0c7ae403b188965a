// The signals API suites once more, on a real PostgreSQL server: every createTestApp in them gets a fresh database on
// the server this test starts (SCHAKEL_TEST_POSTGRES_URL), so the same rules are proven on both databases, with real
// concurrent connections (the idempotency race, the merge locks) instead of PGlite's single one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipUnless } from '../support/binaries.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

const skip = skipUnless('postgresql');
let server: PostgresServer;

before(async () => {
  if (skip) return;
  server = await startPostgres();
});
after(() => server?.stop());

function suites(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.api.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

test('the signals API suites pass on PostgreSQL too', { skip }, async () => {
  const files = suites('src/signals');
  assert.ok(files.length >= 2, `found ${files.join(', ')}`);
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {
      // Without NODE_TEST_CONTEXT: the child is a test run of its own, not a subtest reporting to this one.
      env: { ...process.env, NODE_TEST_CONTEXT: undefined, SCHAKEL_TEST_POSTGRES_URL: server.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? -1);
  assert.equal(code, 0, output.slice(-4000));
  assert.equal(count('fail'), 0);
  assert.equal(count('skipped'), 0);
  assert.ok(count('pass') >= 13, `passed ${count('pass')}`);
});
