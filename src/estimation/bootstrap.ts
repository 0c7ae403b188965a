// SparseMSE's BCa bootstrap interval (estimatepopulation() and bcaconfvalues(); Chan, Silverman and Vincent 2019,
// section 3.3): the whole model choice is repeated on multinomial resamples of the observed people, so the
// interval allows for the uncertainty of choosing the model; the bias correction z0 comes from the share of
// resampled totals below the estimate, and the acceleration from a jackknife that removes one person at a time,
// each distinct capture history weighted by its count (DiCiccio and Efron 1996).

import { EstimationError, type EstimationWarning } from './errors.js';
import type { CaptureData } from './design.js';
import { multinomial, Random } from './random.js';
import { normalCdf, normalQuantile, quantileType8 } from './stats.js';

export interface BootstrapOptions {
  /** Number of resamples; SparseMSE's default 1000. */
  replicates?: number;
  /** Seed of the PRNG; SparseMSE's default 1234 (the stream is not R's, so results differ by Monte Carlo error). */
  seed?: number;
  level?: number;
  /** Called after every resample and jackknife refit with the work done so far. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface BootstrapResult {
  level: number;
  lower: number;
  upper: number;
  replicates: number;
  seed: number;
  /** Bias correction z0 and acceleration a of the BCa interval. */
  biasCorrection: number;
  acceleration: number;
  /** The resampled totals, ascending. */
  totals: Float64Array;
  warnings: EstimationWarning[];
}

/** A total for a dataset: the estimation procedure being bootstrapped, with its model choice. */
export type TotalEstimator = (data: CaptureData) => number;

const YIELD_EVERY = 25;

/** Gives the event loop a turn so a long bootstrap does not block a server. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function bcaBootstrap(
  data: CaptureData,
  pointEstimate: number,
  estimator: TotalEstimator,
  options: BootstrapOptions = {},
): Promise<BootstrapResult> {
  const replicates = options.replicates ?? 1000;
  const seed = options.seed ?? 1234;
  const level = options.level ?? 0.95;
  const cells: number[] = [];
  for (let c = 1; c < data.counts.length; c++) if (data.counts[c]! > 0) cells.push(c);
  const weights = cells.map((c) => data.counts[c]!);
  const work = replicates + cells.length;
  const random = new Random(seed);
  const withCounts = (values: ArrayLike<number>): CaptureData => {
    const counts = new Float64Array(data.counts.length);
    let observed = 0;
    cells.forEach((c, i) => {
      counts[c] = values[i]!;
      observed += values[i]!;
    });
    return { lists: data.lists, counts, observed };
  };
  const step = async (done: number): Promise<void> => {
    options.onProgress?.(done, work);
    if (done % YIELD_EVERY === 0) await yieldToEventLoop();
    if (options.signal?.aborted)
      throw new EstimationError('estimation-cancelled', 'The bootstrap was cancelled.');
  };

  const totals: number[] = [];
  let failures = 0;
  for (let r = 0; r < replicates; r++) {
    const total = estimator(withCounts(multinomial(random, data.observed, weights)));
    if (Number.isNaN(total)) failures++;
    else totals.push(total);
    await step(r + 1);
  }

  // Jackknife: remove one person from each distinct capture history in turn.
  const jackknife = cells.map(() => 0);
  for (let i = 0; i < cells.length; i++) {
    const counts = weights.slice();
    counts[i] = counts[i]! - 1;
    jackknife[i] = estimator(withCounts(counts));
    await step(replicates + i + 1);
  }
  const n = data.observed;
  const mean = jackknife.reduce((s, v, i) => s + weights[i]! * v, 0) / n;
  let num = 0;
  let den = 0;
  jackknife.forEach((v, i) => {
    const d = mean - v;
    num += weights[i]! * d ** 3;
    den += weights[i]! * d ** 2;
  });
  const acceleration = den > 0 && Number.isFinite(num / den) ? num / (6 * den ** 1.5) : 0;

  const sorted = Float64Array.from(totals).sort();
  const warnings: EstimationWarning[] = [];
  if (failures > 0) {
    warnings.push({
      code: 'estimation-bootstrap-failures',
      message: `${failures} of ${replicates} resamples gave no estimate and were left out of the interval.`,
    });
  }
  if (sorted.length === 0) {
    throw new EstimationError('estimation-no-estimate', 'No bootstrap resample gave an estimate.');
  }
  // mean(bootreps < popest) as in bcaconfvalues(); kept off 0 and 1 so that z0 stays finite.
  const below = sorted.filter((t) => t < pointEstimate).length;
  const share = Math.min(Math.max(below / sorted.length, 0.5 / sorted.length), 1 - 0.5 / sorted.length);
  const z0 = normalQuantile(share);
  const limit = (alpha: number): number => {
    const za = z0 + normalQuantile(alpha);
    return quantileType8(sorted, normalCdf(z0 + za / (1 - acceleration * za)));
  };
  return {
    level,
    lower: limit((1 - level) / 2),
    upper: limit((1 + level) / 2),
    replicates,
    seed,
    biasCorrection: z0,
    acceleration,
    totals: sorted,
    warnings,
  };
}
