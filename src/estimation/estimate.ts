// The estimation procedure as a whole: choose the model, fit it, estimate the unobserved cell and the total, and
// attach the chosen interval. Defaults are SparseMSE's (stepwise, p < 0.02, log-normal 95 % interval).

import { EstimationError, type EstimationWarning } from './errors.js';
import { bcaBootstrap } from './bootstrap.js';
import { interactionTerms, pairTerms, parseTerm, termName, type CaptureData } from './design.js';
import { ExistenceChecker, loadGlpk } from './existence.js';
import { Fitter, type ModelFit } from './fit.js';
import { logNormalInterval, profileInterval, type IntervalMethod } from './intervals.js';
import {
  EXHAUSTIVE_MAX_LISTS,
  exhaustive,
  mainEffects,
  stepwise,
  type Criterion,
  type Selection,
} from './select.js';

export type Method = 'stepwise' | 'exhaustive' | 'main';
export const METHODS: readonly Method[] = ['stepwise', 'exhaustive', 'main'];
export const CRITERIA: readonly Criterion[] = ['aic', 'bic'];
export const INTERVALS: readonly IntervalMethod[] = ['lognormal', 'profile', 'bootstrap'];

export interface EstimateOptions {
  method?: Method;
  /** Ranking of the exhaustive search (AIC by default). */
  criterion?: Criterion;
  interval?: IntervalMethod;
  /** Confidence level of the interval, default 0.95. */
  level?: number;
  /** Stepwise p-value threshold, default 0.02 (SparseMSE). */
  pThreshold?: number;
  /** Highest interaction order the stepwise method may add, default 2 (SparseMSE); up to the number of lists. */
  maxOrder?: number;
  /** Bootstrap resamples (default 1000) and seed (default 1234). */
  replicates?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface EstimateResult {
  lists: string[];
  observed: number;
  unobserved: number;
  total: number;
  interval: {
    level: number;
    lower: number | null;
    upper: number | null;
    method: IntervalMethod;
    replicates?: number;
    seed?: number;
    /** BCa bias correction z0 and acceleration a. */
    biasCorrection?: number;
    acceleration?: number;
  };
  model: {
    interactions: string[];
    /** Interactions between lists with nobody in common: fitted as structural zeros (parameter −∞). */
    structuralZeros: string[];
    aic: number;
    bic: number;
    deviance: number;
    df: number;
    parameters: number;
    converged: boolean;
    coefficients: Record<string, number>;
  };
  method: Method;
  criterion?: Criterion;
  /** Stepwise: interactions in the order added, with their p-values. */
  steps?: { interaction: string; pValue: number }[];
  /** Exhaustive: the size of the search and the best models. */
  search?: {
    models: number;
    fitted: number;
    skipped: number;
    criterion: Criterion;
    best: { interactions: string[]; value: number }[];
  };
  warnings: EstimationWarning[];
}

function invalid(message: string): EstimationError {
  return new EstimationError('estimation-invalid-option', message);
}

function validate(options: EstimateOptions): void {
  if (options.method !== undefined && !METHODS.includes(options.method)) {
    throw invalid(`Unknown method "${String(options.method)}"; use ${METHODS.join(', ')}.`);
  }
  if (options.criterion !== undefined && !CRITERIA.includes(options.criterion)) {
    throw invalid(`Unknown criterion "${String(options.criterion)}"; use ${CRITERIA.join(', ')}.`);
  }
  if (options.interval !== undefined && !INTERVALS.includes(options.interval)) {
    throw invalid(`Unknown interval "${String(options.interval)}"; use ${INTERVALS.join(', ')}.`);
  }
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw invalid(`The level must be between 0 and 1, got ${level}.`);
  const p = options.pThreshold ?? 0.02;
  if (!(p >= 0 && p <= 1)) throw invalid(`The p-value threshold must be between 0 and 1, got ${p}.`);
  const replicates = options.replicates ?? 1000;
  if (!Number.isInteger(replicates) || replicates < 10) {
    throw invalid(
      `The number of bootstrap resamples must be a whole number of at least 10, got ${replicates}.`,
    );
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw invalid(`The seed must be a whole number, got ${options.seed}.`);
  }
  const order = options.maxOrder ?? 2;
  if (!Number.isInteger(order) || order < 2)
    throw invalid(`The highest interaction order must be 2 or more.`);
}

/** The chosen model for a dataset, by the given method; shared by the estimate and every bootstrap resample. */
function select(
  fitter: Fitter,
  checker: ExistenceChecker,
  options: EstimateOptions,
  resample: boolean,
): Selection {
  const method = options.method ?? 'stepwise';
  if (method === 'main') return resample ? { fit: fitter.fit([]) } : mainEffects(fitter, checker);
  if (method === 'exhaustive') return exhaustive(fitter, checker, options.criterion ?? 'aic');
  // SparseMSE refits resamples without checking the main-effects model first; so do we.
  return stepwise(fitter, checker, { pThreshold: options.pThreshold, maxOrder: options.maxOrder }, !resample);
}

/** Estimates the number of people seen by no list, and so the total, from capture-history data. */
export async function estimate(data: CaptureData, options: EstimateOptions = {}): Promise<EstimateResult> {
  validate(options);
  const method = options.method ?? 'stepwise';
  const intervalMethod = options.interval ?? 'lognormal';
  const level = options.level ?? 0.95;
  const k = data.lists.length;
  if (method === 'exhaustive' && k > EXHAUSTIVE_MAX_LISTS) {
    throw new EstimationError(
      'estimation-exhaustive-too-large',
      `Exhaustive search is limited to ${EXHAUSTIVE_MAX_LISTS} lists (2^15 models); these data have ${k}. ` +
        'Use the stepwise method.',
    );
  }
  const warnings: EstimationWarning[] = [];
  if (options.criterion !== undefined && method !== 'exhaustive') {
    warnings.push({
      code: 'estimation-option-ignored',
      message: 'The criterion applies only to exhaustive search.',
    });
  }
  const glpk = await loadGlpk();
  const universe = method === 'stepwise' ? interactionTerms(k, options.maxOrder ?? 2) : pairTerms(k);
  const checkerFor = (d: CaptureData): ExistenceChecker => new ExistenceChecker(glpk, d, universe);
  const fitter = new Fitter(data);
  const selection = select(fitter, checkerFor(data), options, false);
  const fit = selection.fit;
  const total = data.observed + fit.unobserved;
  if (!fit.converged) {
    warnings.push({
      code: 'estimation-not-converged',
      message: `The fit of the chosen model did not converge in ${fit.iterations} Newton iterations.`,
    });
  }
  if (fit.interactions.length === 0 && method === 'stepwise') {
    warnings.push({
      code: 'estimation-main-effects-only',
      message: 'No interaction was significant: the estimate assumes the lists are independent.',
    });
  }

  let interval: EstimateResult['interval'];
  if (intervalMethod === 'lognormal') interval = logNormalInterval(fit, data.observed, level);
  else if (intervalMethod === 'profile') interval = profileInterval(fitter, fit, level);
  else {
    const boot = await bcaBootstrap(
      data,
      total,
      (d) => {
        try {
          return d.observed + select(new Fitter(d), checkerFor(d), options, true).fit.unobserved;
        } catch {
          // A resample without any usable model counts as a failure, reported in a warning.
          return NaN;
        }
      },
      {
        replicates: options.replicates,
        seed: options.seed,
        level,
        onProgress: options.onProgress,
        signal: options.signal,
      },
    );
    warnings.push(...boot.warnings);
    interval = {
      level,
      lower: boot.lower,
      upper: boot.upper,
      method: 'bootstrap',
      replicates: boot.replicates,
      seed: boot.seed,
      biasCorrection: boot.biasCorrection,
      acceleration: boot.acceleration,
    };
  }
  if (interval.lower === null || interval.upper === null) {
    warnings.push({
      code: 'estimation-interval-unbounded',
      message: 'The data do not bound the interval on one side; it is reported as null there.',
    });
  }
  return {
    lists: [...data.lists],
    observed: data.observed,
    unobserved: fit.unobserved,
    total,
    interval,
    model: describeModel(fit, data.lists),
    method,
    ...(method === 'exhaustive' ? { criterion: options.criterion ?? 'aic' } : {}),
    ...(selection.steps
      ? {
          steps: selection.steps.map((s) => ({
            interaction: termName(s.term, data.lists),
            pValue: s.pValue,
          })),
        }
      : {}),
    ...(selection.search ? { search: describeSearch(selection, data.lists) } : {}),
    warnings,
  };
}

function describeModel(fit: ModelFit, lists: readonly string[]): EstimateResult['model'] {
  const coefficients: Record<string, number> = {};
  fit.terms.forEach((t, i) => (coefficients[termName(t, lists)] = fit.coefficients[i]!));
  return {
    interactions: fit.interactions.map((t) => termName(t, lists)),
    structuralZeros: fit.structuralZeros.map((t) => termName(t, lists)),
    aic: fit.aic,
    bic: fit.bic,
    deviance: fit.deviance,
    df: fit.df,
    parameters: fit.parameters,
    converged: fit.converged,
    coefficients,
  };
}

function describeSearch(
  selection: Selection,
  lists: readonly string[],
): NonNullable<EstimateResult['search']> {
  const search = selection.search!;
  const pairs = pairTerms(lists.length);
  const order = Array.from(search.values.keys())
    .filter((m) => !Number.isNaN(search.values[m]!))
    .sort((a, b) => search.values[a]! - search.values[b]! || a - b)
    .slice(0, 10);
  return {
    models: search.models,
    fitted: search.fitted,
    skipped: search.skipped,
    criterion: search.criterion,
    best: order.map((m) => ({
      interactions: pairs.filter((_, j) => m & (1 << j)).map((t) => termName(t, lists)),
      value: search.values[m]!,
    })),
  };
}

/** Fits main effects plus the named interactions (e.g. ["LA:NG"]) without model choice. */
export function fitModel(data: CaptureData, interactions: readonly string[]): ModelFit {
  return new Fitter(data).fit(interactions.map((name) => parseTerm(name, data.lists)));
}
