// Typed errors and warnings of the estimation library. Callers (CLI, API, app page) branch on the stable `code`,
// never on the message text, which is meant for people and may be reworded.

export type EstimationErrorCode =
  | 'estimation-invalid-csv'
  | 'estimation-invalid-flag'
  | 'estimation-invalid-count'
  | 'estimation-all-zero-row'
  | 'estimation-too-few-lists'
  | 'estimation-too-many-lists'
  | 'estimation-duplicate-list'
  | 'estimation-empty-list'
  | 'estimation-no-observations'
  | 'estimation-invalid-option'
  | 'estimation-unknown-interaction'
  | 'estimation-exhaustive-too-large'
  | 'estimation-no-estimate'
  | 'estimation-not-identifiable'
  | 'estimation-cancelled';

export interface EstimationErrorDetails {
  /** 1-based line number in the CSV text (the header is line 1). */
  line?: number;
  /** Name (or 1-based number, as text) of the offending column. */
  column?: string;
}

export class EstimationError extends Error {
  readonly code: EstimationErrorCode;
  readonly line: number | undefined;
  readonly column: string | undefined;

  constructor(code: EstimationErrorCode, message: string, details: EstimationErrorDetails = {}) {
    super(message);
    this.name = 'EstimationError';
    this.code = code;
    this.line = details.line;
    this.column = details.column;
  }
}

export type EstimationWarningCode =
  | 'estimation-duplicate-history'
  | 'estimation-zero-count-rows'
  | 'estimation-not-converged'
  | 'estimation-interval-unbounded'
  | 'estimation-bootstrap-failures'
  | 'estimation-models-skipped'
  | 'estimation-option-ignored'
  | 'estimation-main-effects-only';

export interface EstimationWarning {
  code: EstimationWarningCode;
  message: string;
}

export function isEstimationError(value: unknown): value is EstimationError {
  return value instanceof EstimationError;
}
