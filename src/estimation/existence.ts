// Existence and identifiability of the MLE, SparseMSE's checkident(). Existence is the linear program of Fienberg
// and Rinaldo (2012) as SparseMSE sets it up: maximise s subject to Xᵀx = Xᵀy and x_c ≥ s over the cells of the
// model; the (extended) MLE exists iff the optimum s is positive, i.e. some strictly positive table has the data's
// sufficient statistics. Identifiability is full column rank of the design matrix (SparseMSE: qr()$rank).
//
// The LP (GLPK as WebAssembly) costs milliseconds, thousands of times a Newton step, so the checker proves existence
// more cheaply where it can, never changing a verdict:
// - all cells of the model positive: the data themselves are a strictly positive table;
// - a Newton certificate: at a converged fit μ > 0, the Newton step Δβ satisfies Xᵀ(μ∘(1 + XΔβ)) = Xᵀy exactly,
//   so if every |(XΔβ)_c| < 1/2 that table is strictly positive (and positive definite XᵀWX gives full rank).
//   When the MLE does not exist no such step can exist, so the certificate cannot pass wrongly; it is only used
//   when every fitted value is far above rounding noise;
// - inheritance: with the structural-zero interactions fixed, a model passes if a supermodel passed and fails if a
//   submodel failed (Chan, Silverman and Vincent 2019, section 2.7; SparseMSE's checkallmodels()), so the largest
//   model of each such family is checked first.
// The LP and the rank by QR decide whatever the shortcuts leave open.

import type { GLPK, LP } from 'glpk.js/node';
import { columnRank } from './linalg.js';
import { listCount, modelTerms, pairTerms, type CaptureData } from './design.js';
import { Fitter } from './fit.js';

export interface ModelCheck {
  exists: boolean;
  identifiable: boolean;
}

let glpkInstance: Promise<GLPK> | undefined;

/** Loads GLPK once per process, lazily, so that commands that never need it start fast. */
export function loadGlpk(): Promise<GLPK> {
  glpkInstance ??= import('glpk.js/node').then((module) => module.default());
  return glpkInstance;
}

interface Family {
  /** Fitted-interaction sets known to pass both tests; their subsets pass too. */
  good: bigint[];
  /** Sets known to fail a test; their supersets fail it too. */
  bad: bigint[];
  primed: boolean;
}

export interface CheckerStatistics {
  linearPrograms: number;
  certificates: number;
}

/** Checks models (sets of interaction terms) against one dataset. Create with createExistenceChecker(). */
export class ExistenceChecker {
  readonly k: number;
  private readonly fitter: Fitter;
  private readonly families = new Map<string, Family>();
  private readonly universe: readonly number[];
  readonly stats: CheckerStatistics = { linearPrograms: 0, certificates: 0 };

  /** `universe`: the interactions models are built from (default all pairs); fixes each family's top model. */
  constructor(
    private readonly glpk: GLPK,
    readonly data: CaptureData,
    universe?: readonly number[],
  ) {
    this.k = listCount(data);
    this.fitter = new Fitter(data);
    this.universe = universe ?? pairTerms(this.k);
  }

  /** Whether main effects plus `interactions` pass both of SparseMSE's tests (MLE exists and is identifiable). */
  usable(interactions: readonly number[]): boolean {
    const { family, fitted, zeros } = this.split(interactions);
    const set = termSet(fitted);
    const known = lookup(family, set);
    if (known !== undefined) return known;
    if (!family.primed) {
      family.primed = true;
      const top = this.universe.filter((t) => this.fitter.overlap[t]! > 0);
      const topSet = termSet(top);
      if ((set & topSet) === set && set !== topSet) {
        record(family, topSet, this.passes(zeros, top));
        const inherited = lookup(family, set);
        if (inherited !== undefined) return inherited;
      }
    }
    const ok = this.passes(zeros, fitted);
    record(family, set, ok);
    return ok;
  }

  /** Both verdicts of checkident() for one model, always computed by rank and LP. */
  check(interactions: readonly number[]): ModelCheck {
    const { fitted, zeros } = this.split(interactions);
    return this.checkDirectly(zeros, fitted);
  }

  private split(interactions: readonly number[]): { family: Family; fitted: number[]; zeros: number[] } {
    const overlap = this.fitter.overlap;
    const zeros = interactions.filter((t) => overlap[t] === 0).sort((a, b) => a - b);
    const fitted = interactions.filter((t) => overlap[t]! > 0);
    const key = zeros.join(',');
    let family = this.families.get(key);
    if (!family) {
      family = { good: [], bad: [], primed: false };
      this.families.set(key, family);
    }
    return { family, fitted, zeros };
  }

  private passes(zeros: readonly number[], fitted: readonly number[]): boolean {
    if (this.certify(zeros, fitted)) {
      this.stats.certificates++;
      return true;
    }
    const result = this.checkDirectly(zeros, fitted);
    return result.exists && result.identifiable;
  }

  private certify(zeros: readonly number[], fitted: readonly number[]): boolean {
    const f = this.fitter;
    f.resetStart();
    f.setStructuralZeros(zeros);
    const terms = modelTerms(this.k, fitted);
    const outcome = f.solve(terms, terms.length, 1e-12, 60);
    return outcome.converged && !outcome.singular && f.stepKeepsPositive(terms, terms.length);
  }

  private checkDirectly(zeros: readonly number[], fitted: readonly number[]): ModelCheck {
    const cells: number[] = [];
    for (let c = 1; c < 1 << this.k; c++) if (!zeros.some((z) => (c & z) === z)) cells.push(c);
    const terms = modelTerms(this.k, fitted);
    const design = new Float64Array(cells.length * terms.length);
    cells.forEach((c, i) => terms.forEach((t, j) => (design[i * terms.length + j] = (c & t) === t ? 1 : 0)));
    const identifiable = columnRank(design, cells.length, terms.length) === terms.length;
    const allPositive = cells.every((c) => this.data.counts[c]! > 0);
    const exists = allPositive || this.solveLp(cells, terms) > 1e-9 * Math.max(this.data.observed, 1000);
    return { exists, identifiable };
  }

  /**
   * Optimum of SparseMSE's LP, written with x = s + z (z ≥ 0) so that the cell constraints x_c ≥ s become variable
   * bounds: maximise s subject to Σ_{c ⊇ t} z_c + s·#{c ⊇ t} = N*(t) for every term t.
   */
  private solveLp(cells: readonly number[], terms: readonly number[]): number {
    this.stats.linearPrograms++;
    const g = this.glpk;
    const overlap = this.fitter.overlap;
    const lp: LP = {
      name: 'mle-existence',
      objective: { direction: g.GLP_MAX, name: 'slack', vars: [{ name: 's', coef: 1 }] },
      subjectTo: terms.map((t, j) => {
        const inTerm = cells.filter((c) => (c & t) === t);
        return {
          name: `t${j}`,
          vars: [{ name: 's', coef: inTerm.length }, ...inTerm.map((c) => ({ name: `z${c}`, coef: 1 }))],
          bnds: { type: g.GLP_FX, lb: overlap[t]!, ub: overlap[t]! },
        };
      }),
    };
    const result = g.solve(lp, { msglev: g.GLP_MSG_OFF });
    return result.result.status === g.GLP_OPT ? result.result.z : 0;
  }
}

function lookup(family: Family, set: bigint): boolean | undefined {
  if (family.good.some((g) => (set & g) === set)) return true;
  if (family.bad.some((b) => (set & b) === b)) return false;
  return undefined;
}

function record(family: Family, set: bigint, ok: boolean): void {
  (ok ? family.good : family.bad).push(set);
}

function termSet(terms: readonly number[]): bigint {
  // Terms are bitmasks below 2^10, so a bigint with one bit per possible term represents any set of them.
  let set = 0n;
  for (const t of terms) set |= 1n << BigInt(t);
  return set;
}

export async function createExistenceChecker(
  data: CaptureData,
  universe?: readonly number[],
): Promise<ExistenceChecker> {
  return new ExistenceChecker(await loadGlpk(), data, universe);
}
