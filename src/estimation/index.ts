// Public API of the multiple systems estimation library. I/O-free: callers parse or build the data, then estimate.
export { EstimationError, isEstimationError } from './errors.js';
export type { EstimationErrorCode, EstimationWarning, EstimationWarningCode } from './errors.js';
export { parseCaptureHistories, buildCaptureData } from './csv.js';
export type { CaptureHistoryRow, ParsedCaptureHistories } from './csv.js';
export { MAX_LISTS, MIN_LISTS, termName, parseTerm } from './design.js';
export type { CaptureData } from './design.js';
export { estimate, fitModel, METHODS, CRITERIA, INTERVALS } from './estimate.js';
export type { EstimateOptions, EstimateResult, Method } from './estimate.js';
export type { Criterion } from './select.js';
export { EXHAUSTIVE_MAX_LISTS } from './select.js';
export type { IntervalMethod } from './intervals.js';
export type { ModelFit } from './fit.js';
