// Small dense linear algebra on row-major Float64Arrays: Cholesky for the Newton steps (the information matrix of a
// Poisson log-linear model is symmetric positive definite when the model is identifiable) and a rank computation
// by Householder QR, the way R's qr() decides identifiability (column rank of the design matrix).

/**
 * In-place Cholesky factorisation of the leading n×n block of `a` (row stride `stride`); the lower triangle is
 * overwritten by L. Returns false when a pivot is not clearly positive (singular or indefinite matrix).
 */
export function cholesky(a: Float64Array, n: number, stride: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * stride;
    let d = a[rj + j]!;
    for (let k = 0; k < j; k++) {
      const v = a[rj + k]!;
      d -= v * v;
    }
    if (!(d > 1e-13 * Math.abs(a[rj + j]!)) || !(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * stride;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = s * inv;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place (b becomes x), with L from cholesky(). */
export function choleskySolve(l: Float64Array, n: number, stride: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const ri = i * stride;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * b[k]!;
    b[i] = s / l[ri + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * stride + i]! * b[k]!;
    b[i] = s / l[i * stride + i]!;
  }
}

/**
 * Column rank of the rows×cols matrix `x` (row-major; it is overwritten), by Householder QR with column pivoting.
 * A column counts when its remaining norm exceeds `tol` times its original norm, the criterion of R's default
 * qr() (LINPACK dqrdc2, tol = 1e-7).
 */
export function columnRank(x: Float64Array, rows: number, cols: number, tol = 1e-7): number {
  const original = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += x[i * cols + j]! ** 2;
    original[j] = Math.sqrt(s);
  }
  const used = new Uint8Array(cols);
  let rank = 0;
  for (let step = 0; step < Math.min(rows, cols); step++) {
    // Pick the unused column with the largest remaining norm relative to its original norm.
    let best = -1;
    let bestRatio = tol;
    let bestNorm = 0;
    for (let j = 0; j < cols; j++) {
      if (used[j] || original[j] === 0) continue;
      let s = 0;
      for (let i = step; i < rows; i++) s += x[i * cols + j]! ** 2;
      const norm = Math.sqrt(s);
      const ratio = norm / original[j]!;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = j;
        bestNorm = norm;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    rank++;
    // Householder reflection that zeroes column `best` below row `step`.
    const alpha = x[step * cols + best]! >= 0 ? -bestNorm : bestNorm;
    const v = new Float64Array(rows - step);
    for (let i = step; i < rows; i++) v[i - step] = x[i * cols + best]!;
    v[0] = v[0]! - alpha;
    let vnorm2 = 0;
    for (let i = 0; i < v.length; i++) vnorm2 += v[i]! ** 2;
    if (vnorm2 === 0) continue;
    for (let j = 0; j < cols; j++) {
      if (j === best || used[j] === 0) {
        let dot = 0;
        for (let i = step; i < rows; i++) dot += v[i - step]! * x[i * cols + j]!;
        const f = (2 * dot) / vnorm2;
        for (let i = step; i < rows; i++) x[i * cols + j] = x[i * cols + j]! - f * v[i - step]!;
      }
    }
  }
  return rank;
}
