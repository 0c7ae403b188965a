import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { estimateCommand, type EstimateIo } from './cli.js';

const testdata = (name: string): string => new URL(`./testdata/${name}`, import.meta.url).pathname;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: EstimateIo = {
    readFile: (path) => readFile(path, 'utf8'),
    out: (text) => (out += text),
    err: (text) => (err += text),
  };
  const code = await estimateCommand(args, io);
  return { code, out, err };
}

test('--json prints one object with the documented fields (the contract scripts rely on)', async () => {
  const { code, out, err } = await run(testdata('UKdat.csv'), '--json');
  assert.equal(code, 0);
  assert.equal(err, '');
  assert.equal(out.trim().split('\n').length, 1);
  const result = JSON.parse(out) as Record<string, unknown>;
  for (const key of ['lists', 'observed', 'unobserved', 'total', 'interval', 'model', 'method', 'warnings']) {
    assert.ok(key in result, `missing ${key}`);
  }
  assert.deepEqual(result.lists, ['LA', 'NG', 'PF', 'GO', 'GP', 'NCA']);
  assert.equal(result.observed, 2744);
  assert.equal(result.method, 'stepwise');
  const interval = result.interval as Record<string, unknown>;
  assert.equal(interval.level, 0.95);
  assert.equal(interval.method, 'lognormal');
  assert.equal(typeof interval.lower, 'number');
  const model = result.model as Record<string, unknown>;
  assert.deepEqual(model.interactions, ['PF:NCA', 'LA:NG', 'NG:GP', 'LA:PF', 'PF:GP', 'GO:GP', 'NG:GO']);
  for (const key of ['aic', 'deviance', 'df']) assert.equal(typeof model[key], 'number');
  assert.ok(Number.isInteger(model.df));
  assert.deepEqual(result.warnings, []);
});

test('flags select the method, criterion, interval and seed', async () => {
  const exhaustive = JSON.parse(
    (await run(testdata('UKdat_5.csv'), '--method', 'exhaustive', '--criterion=bic', '--json')).out,
  );
  assert.equal(exhaustive.method, 'exhaustive');
  assert.equal(exhaustive.criterion, 'bic');
  const main = JSON.parse(
    (await run(testdata('Western.csv'), '--method=main', '--interval', 'profile', '--json')).out,
  );
  assert.deepEqual(main.model.interactions, []);
  assert.equal(main.interval.method, 'profile');
  const boot = await run(
    testdata('Western.csv'),
    '--interval',
    'bootstrap',
    '--seed',
    '5',
    '--nboot',
    '50',
    '--json',
  );
  const parsed = JSON.parse(boot.out);
  assert.equal(parsed.interval.method, 'bootstrap');
  assert.equal(parsed.interval.seed, 5);
  assert.equal(boot.err, '', 'no progress output in --json mode');
});

test('without --json it prints a readable table and bootstrap progress on stderr', async () => {
  const { code, out, err } = await run(testdata('Western.csv'), '--interval', 'bootstrap', '--nboot', '50');
  assert.equal(code, 0);
  assert.match(out, /^Lists +A, B, C, D, E \(5\)$/m);
  assert.match(out, /^Model +main effects \+ A:E$/m);
  assert.match(out, /^Total +2,483$/m);
  assert.match(out, /BCa bootstrap/);
  assert.match(err, /bootstrap: 63\/63 refits/);
});

test('usage errors exit with 2 and print the usage', async () => {
  for (const args of [
    [],
    ['--method', 'magic', 'x.csv'],
    ['x.csv', '--bogus'],
    ['x.csv', '--seed', '-1'],
    ['x.csv', '--seed'],
    ['x.csv', '--nboot', '5'],
    ['x.csv', '--level', '95'],
    ['a.csv', 'b.csv'],
  ]) {
    const { code, err, out } = await run(...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /Usage: schakel estimate/);
    assert.equal(out, '');
  }
  const help = await run('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: schakel estimate/);
});

test('data errors exit with 1 and name the problem and its code', async () => {
  const missing = await run(testdata('no-such-file.csv'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read/);
  let code = 0;
  let err = '';
  const io: EstimateIo = {
    readFile: async () => 'A,B,count\n1,0,5\n0,2,7\n',
    out: () => undefined,
    err: (text) => (err += text),
  };
  code = await estimateCommand(['bad.csv'], io);
  assert.equal(code, 1);
  assert.match(err, /Line 3, column "B"/);
  assert.match(err, /\[estimation-invalid-flag\]/);
  const tooMany = await run(testdata('NewOrl.csv'), '--method', 'exhaustive');
  assert.equal(tooMany.code, 1);
  assert.match(tooMany.err, /estimation-exhaustive-too-large/);
});

test('warnings from parsing reach the JSON output', async () => {
  let out = '';
  const io: EstimateIo = {
    readFile: async () => 'A,B,count\n1,0,5\n0,1,7\n1,1,3\n1,0,2\n',
    out: (text) => (out += text),
    err: () => undefined,
  };
  assert.equal(await estimateCommand(['dup.csv', '--json'], io), 0);
  const result = JSON.parse(out) as { warnings: { code: string }[]; observed: number };
  assert.equal(result.observed, 17);
  assert.ok(result.warnings.some((w) => w.code === 'estimation-duplicate-history'));
});
