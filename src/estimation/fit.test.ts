import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Fitter } from './fit.js';
import { pairTerms, parseTerm, type CaptureData } from './design.js';
import { parseCaptureHistories } from './csv.js';

const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;
const table = (lists: string[], cells: Record<number, number>): CaptureData => {
  const counts = new Float64Array(1 << lists.length);
  let observed = 0;
  for (const [c, n] of Object.entries(cells)) {
    counts[Number(c)] = n;
    observed += n;
  }
  return { lists, counts, observed };
};
const near = (a: number, b: number, tolerance = 1e-9): void =>
  assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('two lists with main effects give the Lincoln-Petersen estimate n10·n01/n11', () => {
  const fit = new Fitter(table(['A', 'B'], { 1: 70, 2: 45, 3: 30 })).fit([]);
  near(fit.unobserved, (70 * 45) / 30);
  assert.equal(fit.df, 0);
  assert.ok(fit.converged);
});

test('three lists with all two-way interactions give the closed form of the no-three-way model', () => {
  const n = { 1: 40, 2: 31, 3: 12, 4: 25, 5: 9, 6: 7, 7: 4 };
  const fit = new Fitter(table(['A', 'B', 'C'], n)).fit(pairTerms(3));
  near(fit.unobserved, (n[1] * n[2] * n[4] * n[7]) / (n[3] * n[5] * n[6]));
});

test('the fit reproduces the observed margins of every estimated term (the likelihood equations)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 5 }).chain((k) =>
        fc.record({
          k: fc.constant(k),
          counts: fc.array(fc.integer({ min: 1, max: 500 }), {
            minLength: (1 << k) - 1,
            maxLength: (1 << k) - 1,
          }),
          mask: fc.nat(2 ** ((k * (k - 1)) / 2) - 1),
        }),
      ),
      ({ k, counts, mask }) => {
        const cells: Record<number, number> = {};
        counts.forEach((n, i) => (cells[i + 1] = n));
        const fitter = new Fitter(table('ABCDE'.slice(0, k).split(''), cells));
        const interactions = pairTerms(k).filter((_, j) => mask & (1 << j));
        fc.pre(1 + k + interactions.length <= (1 << k) - 1); // more parameters than cells: not identifiable
        const fit = fitter.fit(interactions);
        assert.ok(fit.converged);
        for (const term of fit.terms) {
          let expected = 0;
          for (let c = 1; c < 1 << k; c++) if ((c & term) === term) expected += fit.fitted[c]!;
          near(expected, fitter.overlap[term]!, 1e-8);
        }
        assert.ok(fit.deviance >= -1e-9);
      },
    ),
    { numRuns: 200 },
  );
});

test('relabelling the lists does not change the estimate', () => {
  const data = load('UKdat_5');
  const order = [3, 0, 4, 1, 2];
  const counts = new Float64Array(32);
  for (let c = 1; c < 32; c++) {
    let moved = 0;
    order.forEach((from, to) => (moved |= ((c >> from) & 1) << to));
    counts[moved] = data.counts[c]!;
  }
  const lists = order.map((i) => data.lists[i]!);
  const names = ['LA:NG', 'NG:GP', 'PFNCA:GP'];
  const original = new Fitter(data).fit(names.map((n) => parseTerm(n, data.lists)));
  const relabelled = new Fitter({ lists, counts, observed: data.observed }).fit(
    names.map((n) => parseTerm(n, lists)),
  );
  near(relabelled.unobserved, original.unobserved);
  near(relabelled.aic, original.aic);
  near(relabelled.interceptSe, original.interceptSe);
});

test('an interaction of lists that never overlap is a structural zero and still counts in the AIC', () => {
  const data = load('UKdat');
  const fitter = new Fitter(data);
  const laGp = parseTerm('LA:GP', data.lists);
  const fit = fitter.fit([laGp]);
  assert.deepEqual(fit.structuralZeros, [laGp]);
  assert.equal(fit.parameters, 1 + 6 + 1);
  for (let c = 1; c < 64; c++) if ((c & laGp) === laGp) assert.equal(fit.fitted[c], 0);
  near(fit.aic, -2 * fit.logLik + 2 * 8);
  // 63 cells minus the 16 that contain both LA and GP, minus 7 estimated parameters.
  assert.equal(fit.df, 63 - 16 - 7);
});

test('Newton reports non-convergence when stopped early and converges from glm start values otherwise', () => {
  const data = load('UKdat');
  const fitter = new Fitter(data);
  assert.equal(fitter.fit([], { maxIterations: 2 }).converged, false);
  const fit = fitter.fit([]);
  assert.ok(fit.converged);
  assert.ok(fit.iterations < 25);
});

test('a warm start reaches the same optimum as a cold start', () => {
  const data = load('UKdat');
  const model = ['PF:NCA', 'LA:NG', 'NG:GP'].map((n) => parseTerm(n, data.lists));
  const cold = new Fitter(data).fit(model);
  const fitter = new Fitter(data);
  fitter.fit(model.slice(0, 2));
  const warm = fitter.fit(model, { warmStart: true });
  near(warm.unobserved, cold.unobserved, 1e-8);
  assert.ok(warm.iterations <= cold.iterations);
});
