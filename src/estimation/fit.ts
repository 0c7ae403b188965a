// Maximum likelihood fit of a Poisson log-linear model on the observable cells by Newton's method (for the canonical
// log link this is exactly IRLS, the algorithm of R's glm()). Interactions whose lists have nobody in common are
// handled as SparseMSE does (Chan, Silverman and Vincent 2019): their MLE is −∞, so the cells containing them are
// structural zeros and are dropped, and the parameter still counts in the AIC.
//
// The design matrix is never stored: with terms and cells as bitmasks, Xβ is a subset-sum transform of the
// coefficients and XᵀWX[a][b] = Σ_{c ⊇ a∪b} μ_c is one superset-sum transform of the fitted values (design.ts).

import { cholesky, choleskySolve } from './linalg.js';
import { listCount, modelTerms, subsetSums, supersetSums, type CaptureData } from './design.js';
import { logGamma } from './stats.js';
import { EstimationError } from './errors.js';

export interface FitOptions {
  /** Stop when the Newton decrement (≈ twice the remaining log-likelihood gain) falls below this. */
  tolerance?: number;
  maxIterations?: number;
  /** Start from the coefficients left by the previous fit of this Fitter (the exhaustive search relies on it). */
  warmStart?: boolean;
  /** Keep the intercept fixed at this value (profile likelihood). */
  fixedIntercept?: number;
}

export interface ModelFit {
  /** Interaction terms of the model, as given (bitmasks). */
  interactions: number[];
  /** Interactions with no overlap, handled as structural zeros (−∞ parameters). */
  structuralZeros: number[];
  /** Estimated terms (intercept, main effects, overlapping interactions) and their coefficients. */
  terms: number[];
  coefficients: number[];
  intercept: number;
  /** Standard error of the intercept, sqrt((XᵀWX)⁻¹[0,0]), as SparseMSE takes it from summary(glm). */
  interceptSe: number;
  /** Estimated number of people seen by no list, exp(intercept). */
  unobserved: number;
  deviance: number;
  logLik: number;
  aic: number;
  bic: number;
  /** Parameters counted in AIC and BIC: the estimated ones plus the structural-zero interactions. */
  parameters: number;
  /** Residual degrees of freedom: cells in the fit minus estimated parameters (glm's df.residual). */
  df: number;
  converged: boolean;
  iterations: number;
  /** Fitted expected count per cell (0 for structural zeros and the unobserved cell). */
  fitted: Float64Array;
}

/** Fits models to one dataset; keeps the transforms' workspaces and the last coefficients for warm starts. */
export class Fitter {
  readonly k: number;
  readonly cells: number;
  readonly y: Float64Array;
  /** N*(u) for every term u: the sufficient statistics Xᵀy. */
  readonly overlap: Float64Array;
  readonly observed: number;
  private readonly positive: Int32Array;
  private readonly sumYLogY: number;
  private readonly sumLogFactorial: number;
  private readonly eta: Float64Array;
  private readonly mu: Float64Array;
  private readonly sums: Float64Array;
  readonly coef: Float64Array;
  private hessian: Float64Array;
  private gradient: Float64Array;
  private step: Float64Array;
  private capacity = 0;
  active: Uint8Array;

  constructor(readonly data: CaptureData) {
    this.k = listCount(data);
    this.cells = 1 << this.k;
    this.y = Float64Array.from(data.counts);
    this.y[0] = 0;
    this.overlap = Float64Array.from(this.y);
    supersetSums(this.overlap, this.k);
    this.observed = this.overlap[0]!;
    const positive: number[] = [];
    let sumYLogY = 0;
    let sumLogFactorial = 0;
    for (let c = 1; c < this.cells; c++) {
      const yc = this.y[c]!;
      if (yc > 0) {
        positive.push(c);
        sumYLogY += yc * Math.log(yc);
        sumLogFactorial += logGamma(yc + 1);
      }
    }
    this.positive = Int32Array.from(positive);
    this.sumYLogY = sumYLogY;
    this.sumLogFactorial = sumLogFactorial;
    this.eta = new Float64Array(this.cells);
    this.mu = new Float64Array(this.cells);
    this.sums = new Float64Array(this.cells);
    this.coef = new Float64Array(this.cells);
    this.active = new Uint8Array(this.cells);
    this.hessian = new Float64Array(0);
    this.gradient = new Float64Array(0);
    this.step = new Float64Array(0);
    this.resetStart();
  }

  /** Starting values of glm: log of the mean count for the intercept, 0 elsewhere. */
  resetStart(): void {
    this.coef.fill(0);
    this.coef[0] = Math.log(Math.max(this.observed, 1) / (this.cells - 1));
  }

  /** Marks as active the cells that contain none of the structural-zero terms. */
  setStructuralZeros(zeros: readonly number[]): void {
    const active = this.active;
    active[0] = 0;
    for (let c = 1; c < this.cells; c++) {
      let on = 1;
      for (const z of zeros) if ((c & z) === z) on = 0;
      active[c] = on;
    }
  }

  /** Evaluates η, μ, the superset sums of μ and returns the deviance at the current coefficients. */
  evaluate(): number {
    const { eta, mu, sums, active, k } = this;
    eta.set(this.coef);
    subsetSums(eta, k);
    mu[0] = 0;
    for (let c = 1; c < this.cells; c++) mu[c] = active[c] ? Math.exp(eta[c]!) : 0;
    sums.set(mu);
    supersetSums(sums, k);
    let yEta = 0;
    for (const c of this.positive) yEta += this.y[c]! * eta[c]!;
    return 2 * (this.sumYLogY - yEta - this.observed + sums[0]!);
  }

  private ensureCapacity(p: number): void {
    if (p <= this.capacity) return;
    this.capacity = p;
    this.hessian = new Float64Array(p * p);
    this.gradient = new Float64Array(p);
    this.step = new Float64Array(p);
  }

  /** Fills the information matrix and score for the parameter terms and factorises; false if singular. */
  private factorise(params: ArrayLike<number>, p: number): boolean {
    const { hessian: h, gradient: g, sums, overlap } = this;
    for (let a = 0; a < p; a++) {
      const ta = params[a]!;
      g[a] = overlap[ta]! - sums[ta]!;
      const row = a * p;
      for (let b = 0; b <= a; b++) h[row + b] = sums[ta | params[b]!]!;
    }
    return cholesky(h, p, p);
  }

  /**
   * Newton iterations on the parameter terms `params` (active cells as set by setStructuralZeros); other entries of
   * `coef` stay fixed. Leaves the factorised information matrix of the final point in place, unless it stopped
   * after a step with decrement below `finalStepBelow` (used by the exhaustive search, which needs only the
   * log-likelihood).
   */
  solve(
    params: ArrayLike<number>,
    p: number,
    tolerance = 1e-10,
    maxIterations = 100,
    finalStepBelow = 0,
  ): NewtonOutcome {
    this.ensureCapacity(p);
    const { coef, gradient: g, step } = this;
    let deviance = this.evaluate();
    let previous = Infinity;
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      if (!this.factorise(params, p))
        return { deviance, iterations: iteration, converged: false, singular: true };
      step.set(g.subarray(0, p));
      choleskySolve(this.hessian, p, p, step);
      let decrement = 0;
      for (let a = 0; a < p; a++) decrement += g[a]! * step[a]!;
      // Converged when the decrement is below the tolerance, or has stopped shrinking at the level of rounding
      // noise (quadratic convergence would otherwise have squared it).
      const stalled = decrement < 1e-10 && decrement > previous / 4;
      if (!(decrement > tolerance) || stalled) {
        return {
          deviance,
          iterations: iteration,
          converged: decrement <= tolerance || stalled,
          singular: false,
        };
      }
      previous = decrement;
      for (let a = 0; a < p; a++) coef[params[a]!] = coef[params[a]!]! + step[a]!;
      let next = this.evaluate();
      // Step halving, as glm does, if a full step overshoots (only far from the optimum).
      for (
        let halvings = 0;
        !(next <= deviance + 1e-9 * (Math.abs(deviance) + 1)) && halvings < 40;
        halvings++
      ) {
        for (let a = 0; a < p; a++) {
          step[a] = step[a]! / 2;
          coef[params[a]!] = coef[params[a]!]! - step[a]!;
        }
        next = this.evaluate();
      }
      deviance = next;
      // Newton converges quadratically: after a full step this small the log-likelihood is within ~decrement² of
      // its maximum, so the search can skip the factorisation that would only confirm it.
      if (decrement < finalStepBelow)
        return { deviance, iterations: iteration, converged: true, singular: false };
    }
    return { deviance, iterations: maxIterations, converged: false, singular: false };
  }

  /** Log-likelihood of the Poisson model at the last evaluated point. */
  logLik(): number {
    let yEta = 0;
    for (const c of this.positive) yEta += this.y[c]! * this.eta[c]!;
    return yEta - this.sums[0]! - this.sumLogFactorial;
  }

  /** Sum of fitted values over the active cells containing `term` (SparseMSE's expected overlap). */
  expectedOverlap(term: number): number {
    return this.sums[term]!;
  }

  /** (XᵀWX)⁻¹[i,i] for parameter i, from the factorisation left by solve(). */
  inverseDiagonal(p: number, i: number): number {
    const e = new Float64Array(p);
    e[i] = 1;
    choleskySolve(this.hessian, p, p, e);
    return e[i]!;
  }

  /**
   * After solve() converged: true if the table μ∘(1 + XΔβ), with Δβ the last Newton step, is strictly positive
   * (every |Δη_c| < 1/2) while every fitted value is far above the rounding noise of the score. That table has
   * exactly the data's sufficient statistics, which proves that the MLE exists (existence.ts).
   */
  stepKeepsPositive(params: ArrayLike<number>, p: number): boolean {
    const delta = new Float64Array(this.cells);
    for (let a = 0; a < p; a++) delta[params[a]!] = this.step[a]!;
    subsetSums(delta, this.k);
    const floor = 1e-9 * Math.max(this.observed, 1);
    for (let c = 1; c < this.cells; c++) {
      if (!this.active[c]) continue;
      if (!(this.mu[c]! > floor) || !(Math.abs(delta[c]!) < 0.5)) return false;
    }
    return true;
  }

  activeCells(): number {
    let n = 0;
    for (let c = 1; c < this.cells; c++) n += this.active[c]!;
    return n;
  }

  fittedValues(): Float64Array {
    return Float64Array.from(this.mu);
  }

  /**
   * Fits main effects plus `interactions` and summarises the fit. Does not check that the MLE exists (see
   * existence.ts); throws estimation-not-identifiable when the information matrix is singular.
   */
  fit(interactions: readonly number[], options: FitOptions = {}): ModelFit {
    const structuralZeros = interactions.filter((t) => this.overlap[t] === 0);
    const estimated = interactions.filter((t) => this.overlap[t]! > 0);
    let terms = modelTerms(this.k, estimated);
    if (!options.warmStart) this.resetStart();
    for (let c = 1; c < this.cells; c++) if (!terms.includes(c)) this.coef[c] = 0;
    if (options.fixedIntercept !== undefined) {
      this.coef[0] = options.fixedIntercept;
      terms = terms.slice(1);
    }
    this.setStructuralZeros(structuralZeros);
    const p = terms.length;
    const outcome = this.solve(terms, p, options.tolerance ?? 1e-18, options.maxIterations ?? 100);
    if (outcome.singular) {
      throw new EstimationError(
        'estimation-not-identifiable',
        'The model is not identifiable on these data.',
      );
    }
    const parameters = (options.fixedIntercept === undefined ? p : p + 1) + structuralZeros.length;
    const logLik = this.logLik();
    const intercept = this.coef[0]!;
    const variance = options.fixedIntercept === undefined ? this.inverseDiagonal(p, 0) : 0;
    return {
      interactions: [...interactions],
      structuralZeros,
      terms: options.fixedIntercept === undefined ? terms : [0, ...terms],
      coefficients: (options.fixedIntercept === undefined ? terms : [0, ...terms]).map((t) => this.coef[t]!),
      intercept,
      interceptSe: Math.sqrt(variance),
      unobserved: Math.exp(intercept),
      deviance: outcome.deviance,
      logLik,
      aic: -2 * logLik + 2 * parameters,
      bic: -2 * logLik + Math.log(this.observed) * parameters,
      parameters,
      df: this.activeCells() - p - (options.fixedIntercept === undefined ? 0 : 1),
      converged: outcome.converged,
      iterations: outcome.iterations,
      fitted: this.fittedValues(),
    };
  }
}

export interface NewtonOutcome {
  deviance: number;
  iterations: number;
  converged: boolean;
  singular: boolean;
}
