import type { ResolvedSession } from '../auth/session.js';
import type { Ctx } from '../context.js';
import type { RouteAccess } from '../policy/index.js';
import type { Lang, PublicLang, T } from './i18n.js';
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
    /** `public`: the page is offered in the six public languages (`?taal=pl` …), not only Dutch and English. */
    languages?: 'public';
  }
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
    lang: Lang;
    /** The chosen language on a route with `languages: 'public'`; null elsewhere. `t` speaks it. */
    publicLang: PublicLang | null;
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
