// The data and the design of the log-linear models. A capture history (a cell) is a bitmask over the K lists (bit i
// set = seen by list i), so cell 0 is the unobserved cell. A model term is also a bitmask: 0 the intercept, a single
// bit a main effect, two bits a two-way interaction, more bits a higher-order one. The design matrix entry for cell
// c and term t is 1 exactly when t ⊆ c, so every product the fitter needs is a subset or superset sum over the 2^K
// cells; those are computed with the O(K·2^K) zeta transforms below instead of storing the design matrix.

import { EstimationError } from './errors.js';

export const MIN_LISTS = 2;
export const MAX_LISTS = 10;

export interface CaptureData {
  /** The list names, in column order. */
  readonly lists: readonly string[];
  /** Number of people per capture history, indexed by bitmask; length 2^K, counts[0] (unobserved) is 0. */
  readonly counts: Float64Array;
  /** Total number of people observed. */
  readonly observed: number;
}

export function listCount(data: CaptureData): number {
  return data.lists.length;
}

export function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** In place: f[c] ← Σ_{u ⊆ c} f[u]. Turns coefficients per term into linear predictors per cell. */
export function subsetSums(f: Float64Array, k: number): void {
  const n = 1 << k;
  // Blocked loops instead of testing the bit in every cell: this is the inner loop of the exhaustive search.
  for (let bit = 1; bit < n; bit <<= 1) {
    for (let base = 0; base < n; base += bit << 1) {
      for (let c = base; c < base + bit; c++) f[c + bit] = f[c + bit]! + f[c]!;
    }
  }
}

/** In place: f[u] ← Σ_{c ⊇ u} f[c]. Turns values per cell into the sums Xᵀf per term (and XᵀWX entries). */
export function supersetSums(f: Float64Array, k: number): void {
  const n = 1 << k;
  for (let bit = 1; bit < n; bit <<= 1) {
    for (let base = 0; base < n; base += bit << 1) {
      for (let u = base; u < base + bit; u++) f[u] = f[u]! + f[u + bit]!;
    }
  }
}

/** N*(u): the number of people seen by every list in u (whatever other lists saw them), for every u. */
export function overlapTotals(data: CaptureData): Float64Array {
  const t = Float64Array.from(data.counts);
  supersetSums(t, listCount(data));
  return t;
}

/** All two-way terms in SparseMSE's order: (1,2), (1,3), …, (1,K), (2,3), … */
export function pairTerms(k: number): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < k - 1; i++) for (let j = i + 1; j < k; j++) pairs.push((1 << i) | (1 << j));
  return pairs;
}

/** All interaction terms of order 2..maxOrder, ordered by order and then as pairTerms() orders pairs. */
export function interactionTerms(k: number, maxOrder: number): number[] {
  const terms: number[] = [];
  for (let order = 2; order <= Math.min(maxOrder, k); order++) {
    const ofOrder: number[] = [];
    for (let t = 1; t < 1 << k; t++) if (bitCount(t) === order) ofOrder.push(t);
    ofOrder.sort((a, b) => compareLexicographic(a, b, k));
    terms.push(...ofOrder);
  }
  return terms;
}

function compareLexicographic(a: number, b: number, k: number): number {
  for (let i = 0; i < k; i++) {
    const ia = (a >> i) & 1;
    const ib = (b >> i) & 1;
    if (ia !== ib) return ib - ia;
  }
  return 0;
}

/** "LA:NG" for the term with the bits of LA and NG. */
export function termName(term: number, lists: readonly string[]): string {
  const names: string[] = [];
  for (let i = 0; i < lists.length; i++) if (term & (1 << i)) names.push(lists[i]!);
  return names.length === 0 ? '(Intercept)' : names.join(':');
}

/** Parses "LA:NG" (or "NG:LA") into a term bitmask; throws for unknown list names or fewer than two lists. */
export function parseTerm(name: string, lists: readonly string[]): number {
  const parts = name.split(':').map((p) => p.trim());
  let term = 0;
  for (const part of parts) {
    const index = lists.indexOf(part);
    if (index < 0) {
      throw new EstimationError(
        'estimation-unknown-interaction',
        `Interaction "${name}": no list named "${part}".`,
      );
    }
    term |= 1 << index;
  }
  if (bitCount(term) < 2) {
    throw new EstimationError(
      'estimation-unknown-interaction',
      `Interaction "${name}" must name at least two different lists.`,
    );
  }
  return term;
}

/** Terms of a model with main effects plus the given interactions: intercept, mains, interactions. */
export function modelTerms(k: number, interactions: readonly number[]): number[] {
  const terms = [0];
  for (let i = 0; i < k; i++) terms.push(1 << i);
  terms.push(...interactions);
  return terms;
}
