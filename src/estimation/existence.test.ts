import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createExistenceChecker } from './existence.js';
import { pairTerms, parseTerm, type CaptureData } from './design.js';
import { parseCaptureHistories } from './csv.js';

const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;

test('Artificial_3 fails the checks exactly as SparseMSE documents (Chan, Silverman and Vincent, Table 2)', async () => {
  const data = load('Artificial_3');
  const checker = await createExistenceChecker(data);
  const model = (...names: string[]): number[] => names.map((n) => parseTerm(n, data.lists));
  // All three two-way interactions: the LP is positive but the design is not of full rank.
  assert.deepEqual(checker.check(model('A:B', 'A:C', 'B:C')), { exists: true, identifiable: false });
  // A:B alone or with one of A:C and B:C: the MLE does not exist.
  assert.deepEqual(checker.check(model('A:B')), { exists: false, identifiable: true });
  assert.deepEqual(checker.check(model('A:B', 'A:C')), { exists: false, identifiable: true });
  assert.deepEqual(checker.check(model('A:B', 'B:C')), { exists: false, identifiable: true });
  // Main effects, or A:C and/or B:C without A:B, pass both tests.
  for (const m of [model(), model('A:C'), model('B:C'), model('A:C', 'B:C')]) {
    assert.deepEqual(checker.check(m), { exists: true, identifiable: true });
    assert.equal(checker.usable(m), true);
  }
  assert.equal(checker.usable(model('A:B', 'A:C', 'B:C')), false);
  assert.equal(checker.usable(model('A:B')), false);
});

test('models on data without empty cells are accepted without a linear program', async () => {
  const counts = new Float64Array([0, 12, 9, 3, 30, 4, 5, 2]);
  const data: CaptureData = { lists: ['A', 'B', 'C'], counts, observed: 65 };
  const checker = await createExistenceChecker(data);
  for (let mask = 0; mask < 8; mask++) {
    assert.equal(checker.usable(pairTerms(3).filter((_, j) => mask & (1 << j))), true);
  }
  assert.equal(checker.stats.linearPrograms, 0);
});

test('the stepwise checks on UKdat need at most one linear program', async () => {
  const data = load('UKdat');
  const checker = await createExistenceChecker(data);
  const model: number[] = [];
  for (const name of ['PF:NCA', 'LA:NG', 'NG:GP', 'LA:PF', 'PF:GP', 'GO:GP', 'NG:GO']) {
    model.push(parseTerm(name, data.lists));
    assert.equal(checker.usable(model), true);
  }
  assert.ok(checker.stats.linearPrograms <= 1);
});

// Random sparse tables: the verdicts of usable() (cache, inheritance, Newton certificate) must be those of the LP
// and rank computed directly for every model.
const sparseTable = fc.integer({ min: 3, max: 5 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    counts: fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 40 })), {
      minLength: (1 << k) - 1,
      maxLength: (1 << k) - 1,
    }),
    models: fc.array(fc.integer({ min: 0, max: 2 ** ((k * (k - 1)) / 2) - 1 }), {
      minLength: 1,
      maxLength: 12,
    }),
  }),
);

test('cached, inherited and certified verdicts agree with the LP and rank on random sparse data', async () => {
  await fc.assert(
    fc.asyncProperty(sparseTable, async ({ k, counts, models }) => {
      const full = new Float64Array(1 << k);
      counts.forEach((n, i) => (full[i + 1] = n));
      let observed = 0;
      for (const n of counts) observed += n;
      fc.pre(observed > 0);
      const data: CaptureData = { lists: 'ABCDE'.slice(0, k).split(''), counts: full, observed };
      const pairs = pairTerms(k);
      const checker = await createExistenceChecker(data);
      const direct = await createExistenceChecker(data);
      for (const mask of models) {
        const model = pairs.filter((_, j) => mask & (1 << j));
        const truth = direct.check(model);
        assert.equal(
          checker.usable(model),
          truth.exists && truth.identifiable,
          `model ${mask} on ${counts.join(',')}`,
        );
      }
    }),
    { numRuns: 150 },
  );
});
