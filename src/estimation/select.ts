// Model choice: SparseMSE's stepwise rule, an exhaustive search over all sets of two-way interactions, and the
// main-effects (independence) model.

import { EstimationError } from './errors.js';
import type { ExistenceChecker } from './existence.js';
import { interactionTerms, pairTerms } from './design.js';
import { poissonCdf, poissonUpper } from './stats.js';
import type { Fitter, ModelFit } from './fit.js';

export type Criterion = 'aic' | 'bic';

export interface StepwiseOptions {
  /** p-value threshold; SparseMSE's default 0.02. 0 gives main effects, 1 all interactions (if usable). */
  pThreshold?: number;
  /** Highest interaction order considered (SparseMSE: 2). */
  maxOrder?: number;
}

export interface StepwiseStep {
  term: number;
  pValue: number;
}

export interface Selection {
  fit: ModelFit;
  /** For stepwise: the interactions in the order they were added, with their p-values. */
  steps?: StepwiseStep[];
  /** For exhaustive: how many models were searched, fitted and skipped (MLE absent or not identifiable). */
  search?: ExhaustiveSummary;
}

export function mainEffects(fitter: Fitter, checker: ExistenceChecker): Selection {
  requireMainEffects(checker);
  return { fit: fitter.fit([]) };
}

function requireMainEffects(checker: ExistenceChecker): void {
  if (!checker.usable([])) {
    throw new EstimationError(
      'estimation-no-estimate',
      'No finite estimate exists: the maximum likelihood estimate of the independence model does not exist for ' +
        'these data (for example one list holds everybody, or two lists never overlap), and adding interactions ' +
        'cannot repair that.',
    );
  }
}

/**
 * SparseMSE's stepwisefit(): start from main effects; for every interaction not yet in the model compute the
 * Poisson p-value of its observed overlap N* given the current fit, min(P(X ≤ N*), P(X ≥ N*)) with X Poisson
 * with the fitted expected overlap; add the one with the smallest p-value (the first in list order on ties) if it
 * is below the threshold and the enlarged model passes checkident(); stop otherwise.
 */
export function stepwise(
  fitter: Fitter,
  checker: ExistenceChecker,
  options: StepwiseOptions = {},
  checkMain = true,
): Selection {
  const threshold = options.pThreshold ?? 0.02;
  const candidates = interactionTerms(fitter.k, options.maxOrder ?? 2);
  if (checkMain) requireMainEffects(checker);
  if (threshold >= 1 && checker.usable(candidates)) return { fit: fitter.fit(candidates), steps: [] };
  let fit = fitter.fit([]);
  const included: number[] = [];
  const steps: StepwiseStep[] = [];
  if (threshold <= 0) return { fit, steps };
  for (;;) {
    const scored: { term: number; p: number; index: number }[] = [];
    candidates.forEach((term, index) => {
      if (included.includes(term)) return;
      const observed = fitter.overlap[term]!;
      const expected = fitter.expectedOverlap(term);
      const p = Math.min(poissonCdf(observed, expected), poissonUpper(observed, expected));
      if (p < threshold) scored.push({ term, p, index });
    });
    // Only the winner matters, so the existence check (an LP) runs in order of p-value until one passes; the
    // stable sort keeps SparseMSE's tie rule of taking the first in list order.
    scored.sort((a, b) => a.p - b.p || a.index - b.index);
    const chosen = scored.find((s) => checker.usable([...included, s.term]));
    if (!chosen) return { fit, steps };
    included.push(chosen.term);
    steps.push({ term: chosen.term, pValue: chosen.p });
    fit = fitter.fit(included, { warmStart: true });
  }
}

export interface ExhaustiveSummary {
  models: number;
  fitted: number;
  skipped: number;
  criterion: Criterion;
  /** Criterion value per model (index = bitmask over pairTerms() order); NaN where skipped. */
  values: Float64Array;
  best: number;
}

export const EXHAUSTIVE_MAX_LISTS = 6;

/**
 * Fits every model with main effects and any set of two-way interactions whose MLE exists and is identifiable, and
 * keeps the one with the lowest AIC or BIC. Models are visited in Gray-code order, so each differs from the
 * previous one by a single interaction and Newton's method starts from the previous optimum.
 */
export function exhaustive(
  fitter: Fitter,
  checker: ExistenceChecker,
  criterion: Criterion = 'aic',
): Selection {
  const k = fitter.k;
  if (k > EXHAUSTIVE_MAX_LISTS) {
    throw new EstimationError(
      'estimation-exhaustive-too-large',
      `Exhaustive search is limited to ${EXHAUSTIVE_MAX_LISTS} lists (2^15 models); these data have ${k}. ` +
        'Use the stepwise method.',
    );
  }
  const pairs = pairTerms(k);
  const np = pairs.length;
  const overlapping = pairs.map((t) => fitter.overlap[t]! > 0);
  const total = 2 ** np;
  const values = new Float64Array(total).fill(NaN);
  const penalty = criterion === 'aic' ? 2 : Math.log(fitter.observed);
  const params = new Int32Array(1 + k + np);
  const coef = fitter.coef;
  let fitted = 0;
  let best = -1;
  let bestValue = Infinity;
  let previousZeros = -1;
  const familyUsable = new Map<number, boolean>();
  fitter.resetStart();
  for (let i = 0; i < total; i++) {
    const mask = i ^ (i >>> 1);
    if (i > 0) {
      const changed = 31 - Math.clz32(i & -i);
      const term = pairs[changed]!;
      if (overlapping[changed]) {
        // Entering interaction: its one-dimensional optimum given the current fit, log(N*/expected overlap).
        const expected = fitter.expectedOverlap(term);
        coef[term] = mask & (1 << changed) && expected > 0 ? Math.log(fitter.overlap[term]! / expected) : 0;
      }
    }
    const interactions: number[] = [];
    const zeros: number[] = [];
    let zeroMask = 0;
    let p = 0;
    params[p++] = 0;
    for (let j = 0; j < k; j++) params[p++] = 1 << j;
    for (let j = 0; j < np; j++) {
      if (!(mask & (1 << j))) continue;
      interactions.push(pairs[j]!);
      if (overlapping[j]) params[p++] = pairs[j]!;
      else {
        zeros.push(pairs[j]!);
        zeroMask |= 1 << j;
      }
    }
    let topUsable = familyUsable.get(zeroMask);
    if (topUsable === undefined) {
      // If the largest model with these structural zeros passes, so do all its submodels (existence.ts).
      topUsable = checker.usable([...zeros, ...pairs.filter((_, j) => overlapping[j])]);
      familyUsable.set(zeroMask, topUsable);
    }
    if (!topUsable && !checker.usable(interactions)) continue;
    if (zeroMask !== previousZeros) {
      fitter.setStructuralZeros(zeros);
      previousZeros = zeroMask;
    }
    let outcome = fitter.solve(params, p, 1e-9, 100, 1e-4);
    if (outcome.singular || !outcome.converged) {
      // A poor warm start (after a run of skipped models): retry from glm's starting values.
      fitter.resetStart();
      outcome = fitter.solve(params, p, 1e-9, 100);
      if (outcome.singular || !outcome.converged) continue;
    }
    fitted++;
    const value = -2 * fitter.logLik() + penalty * (p + zeros.length);
    values[mask] = value;
    if (value < bestValue || (value === bestValue && mask < best)) {
      bestValue = value;
      best = mask;
    }
  }
  if (best < 0) {
    throw new EstimationError(
      'estimation-no-estimate',
      'No model with main effects and two-way interactions has a finite, identifiable estimate for these data.',
    );
  }
  const bestInteractions = pairs.filter((_, j) => best & (1 << j));
  const fit = fitter.fit(bestInteractions);
  return { fit, search: { models: total, fitted, skipped: total - fitted, criterion, values, best } };
}
