// What the signal pages' routes share: reading a form back, and a service's field issues as messages beside fields.
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldIssue } from '../errors.js';
import type { T } from '../web/i18n.js';
import type { Errors, Values } from './pages/shared.js';

/** A service's field (JSON pointer `/persons/0/age`) as the page's field name (`persons.0.age`). */
export const pageField = (name: string) => name.replace(/^\//, '').replace(/\//g, '.');

export function errorsOf(t: T, issues: FieldIssue[], rename: (field: string) => string = pageField): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key = `sig.error.${issue.rule}`;
    const text = t(key);
    errors[rename(issue.field)] ??= text === key ? issue.message : text;
  }
  return errors;
}

export function isValidation(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    (error.code === 'validation-failed' || error.code === 'conflict' || error.code === 'forbidden') &&
    error.issues.length > 0
  );
}

export const values = (req: FastifyRequest): Values => (req.body as Values | undefined) ?? {};
export const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
export const savedOf = (req: FastifyRequest) => {
  const v = (req.query as Record<string, unknown>).opgeslagen;
  return typeof v === 'string' && /^[a-z-]{1,30}$/.test(v) ? v : undefined;
};
