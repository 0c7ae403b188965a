import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { estimate, parseCaptureHistories, type CaptureData } from './index.js';

const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;
const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const expected = json('expected.json') as {
  UKdat: { bootstrapBca95: { nboot: number; interval: [number, number] } };
};
const glm = json('glm-reference.json') as {
  acceleration: Record<string, number>;
  westernBca95MeanOverSeeds1to20: { replicates: number; lower: number; upper: number };
};
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

test("BCa bootstrap on UKdat (1,000 resamples, SparseMSE's default seed 1234) is within 5 % of SparseMSE's bounds", async (t) => {
  const reference = expected.UKdat.bootstrapBca95;
  const started = performance.now();
  const result = await estimate(load('UKdat'), {
    interval: 'bootstrap',
    replicates: reference.nboot,
    seed: 1234,
  });
  const { lower, upper } = result.interval;
  assert.ok(lower !== null && upper !== null);
  const differences = [relative(lower, reference.interval[0]), relative(upper, reference.interval[1])];
  t.diagnostic(
    `[${lower.toFixed(1)}, ${upper.toFixed(1)}] vs [${reference.interval.join(', ')}]: ` +
      `${differences.map((d) => (100 * d).toFixed(2)).join(' % and ')} %, ${(performance.now() - started).toFixed(0)} ms`,
  );
  assert.ok(differences.every((d) => d <= 0.05));
  assert.ok(lower < result.total && result.total < upper);
});

test('the jackknife acceleration equals the one computed with R glm on every dataset', async (t) => {
  let worst = 0;
  for (const [name, reference] of Object.entries(glm.acceleration)) {
    const result = await estimate(load(name), { interval: 'bootstrap', replicates: 10 });
    const d = relative(result.interval.acceleration!, reference);
    worst = Math.max(worst, d);
    assert.ok(d < 1e-6, `${name}: ${result.interval.acceleration} vs ${reference}`);
  }
  t.diagnostic(`worst relative difference ${worst.toExponential(2)}`);
});

test('BCa bounds on Western average, over 20 seeds, within 5 % of the R glm implementation', async (t) => {
  const reference = glm.westernBca95MeanOverSeeds1to20;
  const data = load('Western');
  let lower = 0;
  let upper = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const result = await estimate(data, { interval: 'bootstrap', replicates: reference.replicates, seed });
    lower += result.interval.lower! / 20;
    upper += result.interval.upper! / 20;
  }
  t.diagnostic(
    `mean [${lower.toFixed(1)}, ${upper.toFixed(1)}] vs R [${reference.lower}, ${reference.upper}]`,
  );
  assert.ok(relative(lower, reference.lower) <= 0.05);
  assert.ok(relative(upper, reference.upper) <= 0.05);
});

test('the bootstrap is reproducible from its seed, differs between seeds and reports progress', async () => {
  const data = load('Western');
  const calls: [number, number][] = [];
  const first = await estimate(data, {
    interval: 'bootstrap',
    replicates: 200,
    seed: 7,
    onProgress: (d, n) => calls.push([d, n]),
  });
  const again = await estimate(data, { interval: 'bootstrap', replicates: 200, seed: 7 });
  const other = await estimate(data, { interval: 'bootstrap', replicates: 200, seed: 8 });
  assert.deepEqual(again.interval, first.interval);
  assert.notEqual(other.interval.lower, first.interval.lower);
  // 200 resamples plus one jackknife refit per distinct capture history (13 in Western).
  assert.equal(calls.length, 213);
  assert.deepEqual(calls.at(-1), [213, 213]);
  assert.ok(calls.every(([done], i) => done === i + 1));
  assert.equal(first.interval.method, 'bootstrap');
  assert.equal(first.interval.replicates, 200);
  assert.equal(first.interval.seed, 7);
});

test('a bootstrap can be cancelled with an AbortSignal', async () => {
  const controller = new AbortController();
  await assert.rejects(
    estimate(load('Western'), {
      interval: 'bootstrap',
      onProgress: (done) => done === 50 && controller.abort(),
      signal: controller.signal,
    }),
    { code: 'estimation-cancelled' },
  );
});
