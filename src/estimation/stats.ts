// Distribution functions needed by the estimators: log-gamma, the regularised incomplete gamma function (for the
// Poisson tail probabilities of the stepwise rule and for the normal CDF), the normal quantile and the sample
// quantile of type 8 that SparseMSE's bcaconfvalues() uses. Accuracy is close to double precision, so that the
// threshold and tie decisions of the stepwise rule come out as in R.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the approximation in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-16;
const TINY = 1e-300;

function gammaPrefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * gammaPrefactor(a, x);
}

function upperFraction(a: number, x: number): number {
  // Modified Lentz evaluation of the continued fraction for Q(a, x).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h * gammaPrefactor(a, x);
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate when small. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** P(X <= k) for X ~ Poisson(lambda), like R's ppois(k, lambda). */
export function poissonCdf(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda <= 0) return 1;
  return gammaQ(Math.floor(k) + 1, lambda);
}

/** P(X >= k) for X ~ Poisson(lambda), like R's ppois(k - 1, lambda, lower.tail = FALSE). */
export function poissonUpper(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  return gammaP(Math.ceil(k), lambda);
}

/** Standard normal CDF, via Φ(-x) = Q(1/2, x²/2) / 2, which keeps full relative accuracy in the tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const tail = 0.5 * gammaQ(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

// Acklam's rational approximation as a starting point, refined by Halley steps on normalCdf.
const QA = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const QB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const QC = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const QD = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function acklam(p: number): number {
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((QC[0]! * q + QC[1]!) * q + QC[2]!) * q + QC[3]!) * q + QC[4]!) * q + QC[5]!) /
      ((((QD[0]! * q + QD[1]!) * q + QD[2]!) * q + QD[3]!) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((QA[0]! * r + QA[1]!) * r + QA[2]!) * r + QA[3]!) * r + QA[4]!) * r + QA[5]!) * q) /
    (((((QB[0]! * r + QB[1]!) * r + QB[2]!) * r + QB[3]!) * r + QB[4]!) * r + 1)
  );
}

/** Standard normal quantile, like R's qnorm(p). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x = acklam(p);
  for (let i = 0; i < 3; i++) {
    // Work in the smaller tail so the residual keeps its relative accuracy.
    const e = x < 0 ? normalCdf(x) - p : 1 - p - (1 - normalCdf(x));
    const u = e / normalDensity(x);
    const next = x - u / (1 + (x * u) / 2);
    if (!Number.isFinite(next)) break;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}

/**
 * Sample quantile of type 8 (Hyndman and Fan), R's quantile(x, p, type = 8), the one SparseMSE's bcaconfvalues()
 * uses. `sorted` must be in ascending order.
 */
export function quantileType8(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const m = (p + 1) / 3;
  const h = n * p + m;
  const j = Math.floor(h);
  const g = h - j;
  if (j < 1) return sorted[0]!;
  if (j >= n) return sorted[n - 1]!;
  const lo = sorted[j - 1]!;
  const hi = sorted[j]!;
  return g === 0 ? lo : lo + g * (hi - lo);
}
