// The gate every request passes: resolve the session, then hold the route's declared access against it. A route
// that declares nothing is refused; denials are answered 403 (problem+json for the API) and audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession } from '../auth/session.js';
import { hasPermission, isPermission } from '../policy/index.js';
import { errorPage } from './error-pages.js';
import { problem } from './problem.js';

export const SESSION_COOKIE = 'schakel_sessie';

export function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

function deny(req: FastifyRequest, reply: FastifyReply, status: 401 | 403, code: string, detail: string) {
  if (isApi(req)) {
    return reply
      .code(status)
      .type('application/problem+json')
      .send(problem(status, code, detail));
  }
  if (status === 401) {
    const back = encodeURIComponent(req.url);
    return reply.redirect(`/inloggen?terug=${back}`, 303);
  }
  const { title, content } = errorPage(req.t, problem(403, code, detail));
  return reply.page(title, content, 403);
}

/** Where a logged-in user whose login is not finished must go next. */
export function nextStepPath(req: FastifyRequest): string | null {
  switch (req.session?.stage) {
    case 'pending-second-factor':
      return '/inloggen/code';
    case 'choose-organisation':
      return '/organisatie-kiezen';
    default:
      return null;
  }
}

export function registerAccessControl(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    req.session = token
      ? await resolveSession(req.ctx.db, token, req.ctx.now(), req.ctx.config.sessionIdleMinutes)
      : null;
    if (req.session) {
      req.ctx = req.ctx.as(req.session.actor);
    }
    const access = req.routeOptions.config?.access;
    if (access === 'public' || req.is404) return;
    if (!access) return deny(req, reply, 403, 'forbidden', 'This route declares no permission');
    if (!req.session) return deny(req, reply, 401, 'unauthenticated', 'Log in first');
    if (access === 'pending-second-factor') {
      if (req.session.stage === 'pending-second-factor') return;
      return reply.redirect('/', 303);
    }
    if (access === 'signed-in' && req.session.stage !== 'pending-second-factor') return;
    if (req.session.stage !== 'complete') {
      const next = nextStepPath(req);
      if (!isApi(req) && next) return reply.redirect(next, 303);
      return deny(
        req,
        reply,
        401,
        'unauthenticated',
        'Finish logging in first (second factor or organisation)',
      );
    }
    if (access === 'authenticated') return;
    if (isPermission(access) && hasPermission(req.session.actor, access)) return;
    await req.ctx.audit({
      action: 'access.denied',
      outcome: 'denied',
      details: { method: req.method, route: req.routeOptions.url ?? req.url, permission: access },
    });
    return deny(
      req,
      reply,
      403,
      'forbidden',
      `This needs the permission ${access}, which your roles in this organisation do not give`,
    );
  });
}
