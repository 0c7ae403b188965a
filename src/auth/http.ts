// Small pieces the login pages and the login API share.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';

/** The id of the request's session; a request without one is answered 401. */
export function sessionId(req: FastifyRequest): string {
  if (!req.session) throw new DomainError('unauthenticated', 'Log in first');
  return req.session.sessionId;
}

// Counted per client address in memory only: no address is stored.
export function loginRateLimit(app: FastifyInstance) {
  return { max: app.config.loginRateLimit, timeWindow: '1 minute' };
}
