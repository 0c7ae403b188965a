// Confidence intervals for the total from a fitted model. The log-normal interval is SparseMSE's
// (estimatepopulation.0): the intercept is the log of the expected number unobserved, taken as normal with the
// standard error from the inverse information, and the observed count is added to the quantiles. The profile
// likelihood interval keeps the intercepts whose likelihood-ratio statistic against the MLE is below the χ²₁
// quantile, refitting the other parameters for each (the interval is then not forced to be symmetric on the log
// scale, which matters for sparse data).

import type { Fitter, ModelFit } from './fit.js';
import { normalQuantile } from './stats.js';

export type IntervalMethod = 'lognormal' | 'profile' | 'bootstrap';

export interface TotalInterval {
  level: number;
  /** null when the data put no bound on that side (profile likelihood that never reaches the cut-off). */
  lower: number | null;
  upper: number | null;
  method: IntervalMethod;
}

export function logNormalInterval(fit: ModelFit, observed: number, level: number): TotalInterval {
  const z = normalQuantile((1 + level) / 2);
  return {
    level,
    lower: observed + Math.exp(fit.intercept - z * fit.interceptSe),
    upper: observed + Math.exp(fit.intercept + z * fit.interceptSe),
    method: 'lognormal',
  };
}

/** The log of this many people unobserved is treated as no upper bound at all. */
const LOG_UNBOUNDED = Math.log(1e12);

/**
 * Profile likelihood interval: the totals observed + exp(b) for which 2(ℓ̂ − max ℓ | intercept = b) ≤ χ²₁(level).
 * `fitter` must be the Fitter the model was fitted with; its coefficients are used as warm starts.
 */
export function profileInterval(fitter: Fitter, fit: ModelFit, level: number): TotalInterval {
  const z = normalQuantile((1 + level) / 2);
  const cutoff = z * z;
  const observed = fitter.observed;
  fitter.fit(fit.interactions);
  const excess = (b: number): number => {
    const constrained = fitter.fit(fit.interactions, {
      fixedIntercept: b,
      warmStart: true,
      tolerance: 1e-12,
    });
    return constrained.deviance - fit.deviance - cutoff;
  };
  const bound = (direction: 1 | -1): number | null => {
    const start = Math.max(fit.interceptSe, 1e-3) * z;
    let inside = fit.intercept;
    let outside = fit.intercept + direction * start;
    let fInside = -cutoff;
    let fOutside = excess(outside);
    for (let doubling = 0; fOutside < 0; doubling++) {
      if (doubling > 60 || direction * outside > LOG_UNBOUNDED) return null;
      inside = outside;
      fInside = fOutside;
      outside = fit.intercept + 2 * (outside - fit.intercept);
      fOutside = excess(outside);
    }
    // Illinois regula falsi: bracketing like bisection, but superlinear on this smooth, monotone function.
    let side = 0;
    for (let i = 0; i < 200 && Math.abs(outside - inside) > 1e-10 * Math.max(1, Math.abs(inside)); i++) {
      const b = (inside * fOutside - outside * fInside) / (fOutside - fInside);
      const fb = excess(b);
      if (fb < 0) {
        inside = b;
        fInside = fb;
        if (side === -1) fOutside /= 2;
        side = -1;
      } else {
        outside = b;
        fOutside = fb;
        if (side === 1) fInside /= 2;
        side = 1;
      }
    }
    return (inside * fOutside - outside * fInside) / (fOutside - fInside);
  };
  const lower = bound(-1);
  const upper = bound(1);
  fitter.fit(fit.interactions);
  return {
    level,
    lower: lower === null ? null : observed + Math.exp(lower),
    upper: upper === null ? null : observed + Math.exp(upper),
    method: 'profile',
  };
}
