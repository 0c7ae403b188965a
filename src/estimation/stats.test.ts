import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logGamma, normalCdf, normalQuantile, poissonCdf, poissonUpper, quantileType8 } from './stats.js';

// Reference values printed by R 4.2.2 (options(digits = 17)).
const close = (actual: number, expected: number, tolerance: number): void =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.abs(expected),
    `${actual} differs from ${expected} by more than ${tolerance} relative`,
  );

test('normalQuantile matches R qnorm to double precision', () => {
  close(normalQuantile(0.975), 1.9599639845400536, 1e-14);
  close(normalQuantile(0.025), -1.9599639845400538, 1e-14);
  close(normalQuantile(1e-10), -6.3613409024040557, 1e-14);
  close(normalQuantile(0.84), 0.99445788320975281, 1e-14);
  assert.equal(normalQuantile(0.5), 0);
  assert.equal(normalQuantile(0), -Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('normalCdf matches R pnorm, including the far tail', () => {
  close(normalCdf(-1.5), 0.066807201268858071, 1e-14);
  close(normalCdf(2.5), 0.99379033467422384, 1e-14);
  close(normalCdf(-8), 6.2209605742717849e-16, 1e-12);
});

test('logGamma matches R lgamma', () => {
  close(logGamma(0.5), 0.57236494292470008, 1e-13);
  close(logGamma(10), 12.801827480081469, 1e-13);
  close(logGamma(1000.5), 5908.6741758486778, 1e-13);
});

test('Poisson tail probabilities match R ppois in both tails, also when tiny', () => {
  close(poissonCdf(3, 7.5), 0.059145459832683982, 1e-12);
  close(poissonUpper(11, 2.2), 1.9789185490157051e-5, 1e-11);
  close(poissonCdf(0, 40), 4.2483542552915889e-18, 1e-11);
  close(poissonUpper(36, 3.2), 1.8378300501823429e-25, 1e-10);
  close(poissonCdf(250, 200), 0.9997153785997116, 1e-12);
  assert.equal(poissonUpper(0, 5), 1);
  assert.equal(poissonCdf(3, 0), 1);
});

test('quantileType8 matches R quantile(type = 8)', () => {
  const sorted = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].sort((a, b) => a - b);
  const expected = [1, 1, 4, 7.6, 9];
  [0.025, 0.1, 0.5, 0.9, 0.975].forEach((p, i) => close(quantileType8(sorted, p), expected[i]!, 1e-12));
});
