// The library against published reference results: expected.json (R's SparseMSE 2.0.1 and a glm search) and
// published.json (the MultipleSystemsEstimation vignette). Everything here is computed, then compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { estimate, parseCaptureHistories, type CaptureData, type EstimateResult } from './index.js';

interface Reference {
  observed: number;
  stepwise: {
    total: number;
    ci95?: [number, number];
    interactions: string[];
    aic?: number;
    bic?: number;
    deviance?: number;
  };
  main?: { total: number; ci95: [number, number] };
  exhaustiveMinAic?: { total: number; ci95: [number, number]; interactions: string[]; aic: number };
}

const readJson = (file: string): Record<string, Reference> =>
  JSON.parse(readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8')) as Record<
    string,
    Reference
  >;
const expected = readJson('expected.json');
const published = readJson('published.json');
const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;

const TOLERANCE = 0.001;
function within(label: string, actual: number | null, reference: number, tolerance = TOLERANCE): number {
  assert.ok(actual !== null, `${label}: no value`);
  const difference = Math.abs(actual - reference) / Math.abs(reference);
  assert.ok(
    difference <= tolerance,
    `${label}: ${actual} vs reference ${reference} (${(100 * difference).toFixed(4)} %)`,
  );
  return difference;
}

function compareTotals(
  label: string,
  result: EstimateResult,
  reference: { total: number; ci95?: [number, number] },
): number {
  let worst = within(`${label} total`, result.total, reference.total);
  if (reference.ci95) {
    worst = Math.max(worst, within(`${label} lower`, result.interval.lower, reference.ci95[0]));
    worst = Math.max(worst, within(`${label} upper`, result.interval.upper, reference.ci95[1]));
  }
  return worst;
}

for (const name of ['UKdat', 'UKdat_5', 'Western', 'Artificial_3']) {
  const reference = expected[name]!;

  test(`stepwise on ${name} adds the same interactions in the same order as SparseMSE`, async () => {
    const result = await estimate(load(name));
    assert.equal(result.observed, reference.observed);
    assert.deepEqual(
      result.steps?.map((s) => s.interaction),
      reference.stepwise.interactions,
    );
    assert.deepEqual(result.model.interactions, reference.stepwise.interactions);
  });

  test(`stepwise on ${name} matches SparseMSE's total and log-normal interval within 0.1 %`, async (t) => {
    const result = await estimate(load(name));
    let worst = compareTotals(name, result, reference.stepwise);
    if (reference.stepwise.aic !== undefined)
      worst = Math.max(worst, within('AIC', result.model.aic, reference.stepwise.aic));
    t.diagnostic(`worst relative difference ${worst.toExponential(2)}`);
  });

  test(`main effects on ${name} match SparseMSE's total and log-normal interval within 0.1 %`, async (t) => {
    const result = await estimate(load(name), { method: 'main' });
    assert.deepEqual(result.model.interactions, []);
    t.diagnostic(
      `worst relative difference ${compareTotals(name, result, reference.main!).toExponential(2)}`,
    );
  });
}

test('exhaustive search on UKdat finds the same minimum-AIC model as the glm search over all 32,768 models', async (t) => {
  const reference = expected.UKdat!.exhaustiveMinAic!;
  const result = await estimate(load('UKdat'), { method: 'exhaustive', criterion: 'aic' });
  assert.deepEqual([...result.model.interactions].sort(), [...reference.interactions].sort());
  assert.equal(result.search?.models, 32768);
  const worst = Math.max(
    compareTotals('UKdat exhaustive', result, reference),
    within('AIC', result.model.aic, reference.aic),
  );
  t.diagnostic(`worst relative difference ${worst.toExponential(2)}`);
});

test('exhaustive search counts non-overlapping pairs in the AIC as SparseMSE does', async () => {
  const result = await estimate(load('UKdat'), { method: 'exhaustive' });
  // LA never meets GP or NCA in UKdat: the reference model contains both pairs as structural zeros.
  assert.deepEqual([...result.model.structuralZeros].sort(), ['LA:GP', 'LA:NCA']);
  assert.equal(result.model.parameters, 1 + 6 + 9);
});

for (const name of ['Korea', 'NewOrl', 'NewOrl_5', 'Western']) {
  test(`stepwise on ${name} reproduces the published MultipleSystemsEstimation fit`, async (t) => {
    const reference = published[name]!.stepwise;
    const result = await estimate(load(name));
    assert.equal(result.observed, published[name]!.observed);
    assert.deepEqual(result.model.interactions, reference.interactions);
    let worst = within('total', result.total, reference.total);
    if (reference.aic !== undefined) worst = Math.max(worst, within('AIC', result.model.aic, reference.aic));
    if (reference.bic !== undefined) worst = Math.max(worst, within('BIC', result.model.bic, reference.bic));
    if (reference.deviance !== undefined) {
      worst = Math.max(worst, within('deviance', result.model.deviance, reference.deviance));
    }
    t.diagnostic(`worst relative difference ${worst.toExponential(2)}`);
  });
}
