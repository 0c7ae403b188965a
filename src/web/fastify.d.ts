import type { ResolvedSession } from '../auth/session.js';
import type { Ctx } from '../context.js';
import type { RouteAccess } from '../policy/index.js';
import type { Lang, T } from './i18n.js';
import type { PageContext } from './layout.js';
import type { ComponentChildren } from 'preact';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
  interface FastifyContextConfig {
    /** What the route demands; a route without it is refused (and fails the route-table test). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
    lang: Lang;
    t: T;
  }
  interface FastifyReply {
    /** Renders a full page in the layout (Dutch or English by the request). */
    page(title: string, body: ComponentChildren, status?: number): FastifyReply;
    pageContext(): PageContext;
    /** Sets the session cookie. */
    setSession(token: string): FastifyReply;
    clearSession(): FastifyReply;
  }
}
