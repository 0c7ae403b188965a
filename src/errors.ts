// Domain errors with stable codes. They are mapped to application/problem+json (RFC 9457) in one place: web/problem.ts.

export type ErrorCode =
  | 'validation-failed'
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'login-failed'
  | 'account-locked'
  | 'second-factor-required'
  | 'second-factor-invalid'
  | 'rate-limited'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'not-ready'
  | 'csrf-invalid';

export interface FieldIssue {
  /** JSON pointer or form field name of the offending field. */
  field: string;
  /** Stable rule name, e.g. `required`, `format`, `maxLength`, `additionalProperties`. */
  rule: string;
  message: string;
}

const STATUS: Record<ErrorCode, number> = {
  'validation-failed': 400,
  'not-found': 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  'login-failed': 401,
  'account-locked': 423,
  'second-factor-required': 401,
  'second-factor-invalid': 401,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'not-ready': 503,
  'csrf-invalid': 403,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
export const forbidden = (reason: string) => new DomainError('forbidden', reason);
export const invalid = (issues: FieldIssue[], message = 'The request is not valid') =>
  new DomainError('validation-failed', message, issues);
export const conflict = (message: string) => new DomainError('conflict', message);

/** A conflict with the current state, with a stable rule name a page can translate. */
export const conflictOn = (field: string, rule: string, message: string) =>
  new DomainError('conflict', message, [{ field, rule, message }]);
