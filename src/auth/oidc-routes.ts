// Logging in through an organisation's identity provider (pages), and registering providers (API, national beheerder).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import './i18n.js';
import * as oidc from './oidc.js';
import { OidcFailedPage } from './oidc-pages.js';
import { STEP_PATH } from './routes.js';

/** Holds the state of the login this browser started, so a callback is only accepted in that same browser. */
const STATE_COOKIE = 'schakel_oidc';
const STATE_COOKIE_PATH = '/inloggen/oidc';

const tags = ['Organisaties en gebruikers'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IdentityProvider = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  issuer: Type.String({ format: 'uri' }),
  clientId: Type.String(),
  trustProviderMfa: Type.Boolean({
    description: "Whether the provider's own second factor (amr claim) counts",
  }),
  enabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
const NewIdentityProvider = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    issuer: Type.String({
      format: 'uri',
      maxLength: 500,
      description: 'Issuer identifier; its discovery document is at /.well-known/openid-configuration',
    }),
    clientId: Type.String({ minLength: 1, maxLength: 255 }),
    clientSecret: Type.String({ minLength: 1, maxLength: 1000, writeOnly: true }),
    trustProviderMfa: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const FAILURE: Record<oidc.OidcFailure, { status: number; title: string; message: string }> = {
  'invalid-state': { status: 400, title: 'oidc.failed.title', message: 'oidc.failed.state' },
  'provider-error': { status: 400, title: 'oidc.failed.title', message: 'oidc.failed.provider' },
  'token-rejected': { status: 502, title: 'oidc.failed.title', message: 'oidc.failed.unreachable' },
  'provider-unreachable': { status: 502, title: 'oidc.failed.title', message: 'oidc.failed.unreachable' },
  'no-account': { status: 403, title: 'oidc.noAccount.title', message: 'oidc.noAccount.body' },
  'account-blocked': { status: 403, title: 'oidc.noAccount.title', message: 'oidc.blocked.body' },
};

function failurePage(req: FastifyRequest, reply: FastifyReply, reason: oidc.OidcFailure) {
  const { status, title, message } = FAILURE[reason];
  return reply.page(
    req.t(title),
    h(OidcFailedPage, { page: reply.pageContext(), title: req.t(title), message: req.t(message) }),
    status,
  );
}

const withDates = (p: oidc.IdentityProviderRecord) => ({ ...p, createdAt: p.createdAt.toISOString() });
const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function oidcRoutes(app: FastifyInstance): void {
  // Counted per client address in memory only, like the password login: no address is stored.
  const rateLimit = { max: app.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/v1/organisaties/:id/identiteitsaanbieders',
    {
      config: { access: 'organisations.manage' },
      schema: {
        tags,
        operationId: 'createIdentityProvider',
        summary:
          "Register an OpenID Connect identity provider through which the organisation's users can log in",
        params: Id,
        body: NewIdentityProvider,
        response: { 201: IdentityProvider },
      },
    },
    async (req, reply) => {
      const provider = await oidc.createIdentityProvider(
        req.ctx,
        (req.params as { id: string }).id,
        req.body as oidc.NewIdentityProvider,
      );
      return reply.code(201).send(withDates(provider));
    },
  );

  app.get(
    '/api/v1/organisaties/:id/identiteitsaanbieders',
    {
      config: { access: 'organisations.manage' },
      schema: {
        tags,
        operationId: 'listIdentityProviders',
        summary: "The organisation's identity providers (without their client secrets)",
        params: Id,
        response: { 200: Type.Array(IdentityProvider) },
      },
    },
    async (req) =>
      (await oidc.listIdentityProviders(req.ctx, (req.params as { id: string }).id)).map(withDates),
  );

  // The provider sends the browser back here; the router prefers this static path over /inloggen/oidc/:providerId.
  app.get('/inloggen/oidc/callback', { config: { access: 'public', rateLimit } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const result = await oidc.finishOidcLogin(req.ctx, {
      currentUrl: new URL(`${req.ctx.config.publicUrl}${req.url}`),
      state: typeof query.state === 'string' ? query.state : undefined,
      browserState: req.cookies[STATE_COOKIE],
    });
    reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
    if (!result.ok) return failurePage(req, reply, result.reason);
    reply.setSession(result.token);
    return reply.redirect(STEP_PATH[result.next], 303);
  });

  app.get('/inloggen/oidc/:providerId', { config: { access: 'public', rateLimit } }, async (req, reply) => {
    const { providerId } = req.params as { providerId: string };
    if (!isUuid(providerId)) return reply.callNotFound();
    const result = await oidc.startOidcLogin(req.ctx, providerId);
    if (!result.ok) {
      return result.reason === 'unknown-provider'
        ? reply.callNotFound()
        : failurePage(req, reply, result.reason);
    }
    reply.setCookie(STATE_COOKIE, result.state, {
      path: STATE_COOKIE_PATH,
      httpOnly: true,
      // Lax: the cookie must come along when the provider sends the browser back with a top-level GET.
      sameSite: 'lax',
      secure: req.ctx.config.cookieSecure,
      maxAge: oidc.LOGIN_STATE_TTL_MS / 1000,
    });
    return reply.header('cache-control', 'no-store').redirect(result.url, 303);
  });
}
