// One place that turns errors into application/problem+json (RFC 9457): the field and the rule for invalid input,
// a stable code, never a stack trace.
import type { FastifyError } from 'fastify';
import { DomainError, type FieldIssue } from '../errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  invalidParams?: FieldIssue[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, issues?: FieldIssue[]): Problem {
  return {
    type: `https://schakel.nl/problemen/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(issues && issues.length ? { invalidParams: issues } : {}),
  };
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Fastify's schema validation errors, as field + rule. */
function validationIssues(
  error: FastifyError & { validation?: AjvError[]; validationContext?: string },
): FieldIssue[] {
  return (error.validation ?? []).map((v) => {
    const base = `${error.validationContext ?? 'body'}${v.instancePath ?? ''}`;
    const extra = v.params?.additionalProperty ?? v.params?.missingProperty;
    return {
      field: extra ? `${base}/${String(extra)}` : base,
      rule: v.keyword ?? 'schema',
      message: v.keyword === 'additionalProperties' ? 'unknown field' : (v.message ?? 'invalid'),
    };
  });
}

// Connection refused or reset, or PostgreSQL's class 08 (connection exception) and 57P0x (shutting down).
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return /Connection terminated/.test((error as Error).message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /^08/.test(code) ||
    /^57P0/.test(code)
  );
}

export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) return problem(error.status, error.code, error.message, error.issues);
  const e = error as FastifyError & { validation?: AjvError[] };
  if (e.validation) return problem(400, 'validation-failed', 'The request is not valid', validationIssues(e));
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload-too-large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'validation-failed', 'The JSON body is empty', [
        { field: 'body', rule: 'required', message: 'empty body' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'validation-failed', 'The body is not valid JSON', [
        { field: 'body', rule: 'json', message: 'malformed JSON' },
      ]);
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return problem(403, 'csrf-invalid', 'The form has expired; reload the page and try again');
  }
  // PostgreSQL's class 22 (data exception): a value the database cannot hold, e.g. a number out of range. Input
  // checks should stop these first; answering 400 keeps a missed check from becoming a 500.
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
    return problem(400, 'validation-failed', 'A value in the request cannot be stored', [
      { field: 'request', rule: 'storable', message: 'a value is out of range or malformed' },
    ]);
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'not-ready', 'The database cannot be reached at the moment; try again shortly');
  }
  if (e.statusCode === 429)
    return problem(429, 'rate-limited', 'Too many requests; wait a minute and try again');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(
      e.statusCode,
      'bad-request',
      e.statusCode === 400 ? 'The request is not valid' : (TITLES[e.statusCode] ?? 'Error'),
    );
  }
  return problem(500, 'internal-error', 'Something went wrong on our side; the error has been logged');
}
