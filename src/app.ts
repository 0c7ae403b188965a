// Builds the Fastify app from the modules. No listen(): main.ts starts it, tests use app.inject.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Config } from './config.js';
import type { Keyring } from './crypto/index.js';
import type { Database } from './db/database.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { healthRoutes } from './health/routes.js';
import { homeRoutes } from './web/home.js';
import { organisationRoutes } from './organisations/routes.js';
import { organisationDirectoryRoutes } from './organisations/organisation-routes.js';
import { referenceRoutes } from './reference/routes.js';
import { actionPlanRoutes } from './actionplan/routes.js';
import { municipalMonitorRoutes } from './actionplan/municipal/routes.js';
import { estimationRoutes } from './estimation/routes.js';
import { sharingRoutes } from './sharing/index.js';
import { signalRoutes } from './signals/index.js';
import { isApi, registerAccessControl, SESSION_COOKIE } from './web/access.js';
import { makeCtx } from './web/context.js';
import { refuseNulCharacters } from './web/input.js';
import { appLanguage, isLang, isPublicLang, translator, type PublicLang } from './web/i18n.js';
import { renderPage } from './web/layout.js';
import { errorPage } from './web/error-pages.js';
import type { ComponentChildren } from 'preact';
import { registerOpenApi, API_VERSION } from './web/openapi.js';
import { problem, toProblem } from './web/problem.js';
import { createMetrics } from './health/metrics.js';
import './web/texts.js';

export interface AppDeps {
  config: Config;
  database: Database;
  keyring: Keyring;
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where the log goes (stdout by default); tests read it to prove it holds no personal data. */
  logStream?: { write(line: string): void };
}

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routeTable: RouteEntry[] }> {
  const { config, database, keyring } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      // No personal data in logs: no IP addresses, no query strings (they can hold search terms), no cookies.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // Errors the router answers before any hook runs (a malformed or over-long URL) are problems too.
    frameworkErrors: (error, _req, res) => {
      const reply = res as unknown as FastifyReply;
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
      void reply
        .code(status)
        .type('application/problem+json')
        .send(
          problem(
            status,
            status === 414 ? 'uri-too-long' : 'bad-request',
            status === 414 ? 'A part of the address is too long' : 'The address is not valid',
          ),
        );
    },
  }) as unknown as FastifyInstance & { routeTable: RouteEntry[] };

  app.decorate('config', config);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      // Read lazily: hooks of encapsulated plugins (the static assets) set the access after this hook ran.
      routeTable.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });

  const metrics = createMetrics(database);
  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.cookieSecure ? undefined : false,
  });
  await app.register(cookie, { secret: keyring.derivedSecret('cookie-signing') });
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  await app.register(csrf, {
    cookieKey: '_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' },
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app, config);

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('publicLang', null);
  app.decorateRequest('t', null as never);

  app.addHook('onRequest', async (req, reply) => {
    req.ctx = makeCtx({ config, db: database.db, actor: { kind: 'anonymous' }, now, log: req.log, keyring });
    const query = req.query as Record<string, unknown> | undefined;
    const chosen = query?.taal;
    // Pages for the public offer six languages; every other page Dutch or English (a cookie for another language
    // leaves those in Dutch).
    const publicPage = req.routeOptions.config?.languages === 'public';
    const accepted: (value: unknown) => value is PublicLang = publicPage ? isPublicLang : isLang;
    let lang: PublicLang = 'nl';
    if (accepted(chosen)) {
      lang = chosen;
      reply.setCookie('taal', chosen, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: config.cookieSecure,
        maxAge: 31_536_000,
      });
    } else if (accepted(req.cookies.taal)) lang = req.cookies.taal;
    req.lang = appLanguage(lang);
    req.publicLang = publicPage ? lang : null;
    req.t = translator(lang);
    // API answers hold personal data as much as pages do: no cache keeps them (pages: `reply.page`).
    if (isApi(req)) reply.header('API-Version', API_VERSION).header('cache-control', 'no-store');
  });
  registerAccessControl(app);

  // Forms are protected against cross-site request forgery; the JSON API is, because a cross-site page cannot send
  // application/json without the browser asking first, and cookies are SameSite.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'POST' && !isApi(req) && req.routeOptions.config?.access !== undefined) {
      return app.csrfProtection(req, reply, done);
    }
    done();
  });
  app.addHook('preValidation', async (req) => {
    refuseNulCharacters({ query: req.query, params: req.params, body: req.body });
    if (isApi(req) && ['POST', 'PUT', 'PATCH'].includes(req.method) && req.body !== undefined) {
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/json')) {
        throw Object.assign(new Error('json only'), {
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          statusCode: 415,
        });
      }
    }
  });

  // One CSRF token per response: each generateCsrf() without a secret cookie would start a new secret.
  const csrfTokens = new WeakMap<object, string>();
  app.decorateReply('pageContext', function () {
    const req = this.request;
    let csrfToken = csrfTokens.get(this);
    if (!csrfToken) csrfTokens.set(this, (csrfToken = this.generateCsrf()));
    return {
      lang: req.lang,
      t: req.t,
      path: req.url,
      csrf: csrfToken,
      session: req.session,
      ...(req.publicLang ? { publicLang: req.publicLang } : {}),
    };
  });
  app.decorateReply('page', function (title: string, body: ComponentChildren, status = 200) {
    this.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return this.send(renderPage(this.pageContext(), title, body));
  });
  app.decorateReply('setSession', function (token: string) {
    return this.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
    });
  });
  app.decorateReply('clearSession', function () {
    return this.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  app.setErrorHandler(async (error, req, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) req.log.error({ err: error }, 'request failed');
    if (isApi(req) || !req.ctx) return reply.code(body.status).type('application/problem+json').send(body);
    const { title, content } = errorPage(req.t, body);
    return reply.page(title, content, body.status);
  });
  app.setNotFoundHandler(async (req, reply) => {
    const body = problem(404, 'not-found', 'There is no such resource');
    if (isApi(req)) return reply.code(404).type('application/problem+json').send(body);
    const { title, content } = errorPage(req.t, body);
    return reply.page(title, content, 404);
  });

  // Static assets (our CSS, the NL Design System CSS and theme, the font) are public.
  await app.register(async (assets) => {
    assets.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    const serve = (root: string, prefix: string) =>
      assets.register(fastifyStatic, { root, prefix, decorateReply: false, index: false, maxAge: '1h' });
    await serve(join(here, 'web', 'assets'), '/assets/');
    await serve(join(packageDir('@utrecht/component-library-css'), 'dist'), '/assets/utrecht/');
    await serve(
      join(packageDir('@nl-design-system-unstable/voorbeeld-design-tokens'), 'dist'),
      '/assets/voorbeeld/',
    );
    await serve(packageDir('@fontsource/noto-sans'), '/assets/fonts/noto-sans/');
    await serve(packageDir('@fontsource/noto-serif'), '/assets/fonts/noto-serif/');
  });

  healthRoutes(app, database, metrics);
  homeRoutes(app);
  authRoutes(app);
  oidcRoutes(app);
  organisationRoutes(app);
  organisationDirectoryRoutes(app);
  auditRoutes(app);
  referenceRoutes(app);
  actionPlanRoutes(app);
  municipalMonitorRoutes(app);
  estimationRoutes(app);
  sharingRoutes(app);
  signalRoutes(app);
  return app;
}
