import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Fitter } from './fit.js';
import { createExistenceChecker } from './existence.js';
import { exhaustive, stepwise } from './select.js';
import { bitCount, interactionTerms, pairTerms, type CaptureData } from './design.js';
import { parseCaptureHistories } from './csv.js';

const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;

for (const criterion of ['aic', 'bic'] as const) {
  test(`exhaustive search by ${criterion.toUpperCase()} gives every model the value of its own cold fit (UKdat_5)`, async () => {
    const data = load('UKdat_5');
    const selection = exhaustive(new Fitter(data), await createExistenceChecker(data), criterion);
    const values = selection.search!.values;
    const checker = await createExistenceChecker(data);
    const pairs = pairTerms(5);
    let best = -1;
    for (let mask = 0; mask < 1024; mask++) {
      const model = pairs.filter((_, j) => mask & (1 << j));
      if (!checker.usable(model)) {
        assert.ok(Number.isNaN(values[mask]!));
        continue;
      }
      const fit = new Fitter(data).fit(model);
      const value = criterion === 'aic' ? fit.aic : fit.bic;
      assert.ok(Math.abs(values[mask]! - value) < 1e-6, `model ${mask}: ${values[mask]} vs ${value}`);
      if (best < 0 || value < values[best]!) best = mask;
    }
    assert.equal(selection.search!.best, best);
    assert.deepEqual(
      selection.fit.interactions,
      pairs.filter((_, j) => best & (1 << j)),
    );
  });
}

test('exhaustive search refuses more than six lists', async () => {
  const data = load('NewOrl');
  assert.throws(() => exhaustive(new Fitter(data), {} as never), { code: 'estimation-exhaustive-too-large' });
});

test('exhaustive search skips the models whose MLE does not exist or is not identifiable (Artificial_3)', async () => {
  const data = load('Artificial_3');
  const selection = exhaustive(new Fitter(data), await createExistenceChecker(data));
  // Of the 8 models, A:B alone, with A:C or with B:C has no MLE and all three are not identifiable.
  assert.equal(selection.search!.fitted, 4);
  assert.equal(selection.search!.skipped, 4);
});

test('stepwise with threshold 0 keeps main effects and every model on its path passes the checks', async () => {
  const data = load('UKdat');
  const checker = await createExistenceChecker(data);
  assert.deepEqual(stepwise(new Fitter(data), checker, { pThreshold: 0 }).fit.interactions, []);
  const path = stepwise(new Fitter(data), checker, { pThreshold: 0.5 });
  const model: number[] = [];
  for (const step of path.steps!) {
    model.push(step.term);
    assert.deepEqual(checker.check(model), { exists: true, identifiable: true });
    assert.ok(step.pValue >= 0 && step.pValue < 0.5);
  }
  // A looser threshold admits more interactions than SparseMSE's default 0.02 (seven on UKdat).
  assert.ok(path.steps!.length > 7);
});

test('stepwise with threshold 1 fits all interactions when that model passes the checks (Western)', async () => {
  const data = load('Western');
  const checker = await createExistenceChecker(data);
  const selection = stepwise(new Fitter(data), checker, { pThreshold: 1 });
  assert.deepEqual(selection.fit.interactions, pairTerms(5));
});

test('stepwise may add three-way interactions when asked for a higher order', async () => {
  const data = load('UKdat');
  const checker = await createExistenceChecker(data, interactionTerms(6, 3));
  const selection = stepwise(new Fitter(data), checker, { maxOrder: 3 });
  assert.ok(selection.fit.converged);
  assert.deepEqual(checker.check(selection.fit.interactions), { exists: true, identifiable: true });
  assert.ok(selection.fit.interactions.every((t) => bitCount(t) <= 3));
});
