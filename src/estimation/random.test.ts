import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multinomial, Random } from './random.js';

test('the generator is reproducible from its seed and differs between seeds', () => {
  const a = new Random(1234);
  const b = new Random(1234);
  const c = new Random(1235);
  const first = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    Array.from({ length: 5 }, () => b.next()),
    first,
  );
  assert.notDeepEqual(
    Array.from({ length: 5 }, () => c.next()),
    first,
  );
});

test('uniform draws lie in [0, 1) with mean and variance close to 1/2 and 1/12', () => {
  const random = new Random(42);
  const n = 200000;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const u = random.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    squares += u * u;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean - 0.5) < 0.005);
  assert.ok(Math.abs(squares / n - mean * mean - 1 / 12) < 0.002);
});

test('multinomial samples keep the total, never pick empty categories and follow the weights', () => {
  const random = new Random(7);
  const weights = [50, 0, 30, 20];
  const totals = [0, 0, 0, 0];
  for (let r = 0; r < 200; r++) {
    const counts = multinomial(random, 1000, weights);
    assert.equal(
      counts.reduce((s, x) => s + x, 0),
      1000,
    );
    assert.equal(counts[1], 0);
    counts.forEach((x, i) => (totals[i] = totals[i]! + x));
  }
  weights.forEach((w, i) => assert.ok(Math.abs(totals[i]! / 200000 - w / 100) < 0.01));
});
