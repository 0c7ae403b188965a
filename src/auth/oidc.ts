// Signing in through an organisation's own identity provider (OpenID Connect, authorization code flow with PKCE).
// A provider belongs to one organisation and only vouches for that organisation's members: a person is found by the
// (provider, subject) link, or linked once by a verified e-mail address of a member. The provider's own second
// factor counts only when the national beheerder said to trust it and the ID token says it was used (amr).
// Owner of the tables identity_providers, external_identities and oidc_login_states.
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import type { Ctx } from '../context.js';
import { forbidden, invalid, notFound, type FieldIssue } from '../errors.js';
import { decide } from '../policy/index.js';
import { openSession, userActorStub, type LoginStep } from './service.js';
import * as users from './store.js';
import {
  findLinkedUserId,
  findProvider,
  hasOtherLink,
  organisationExists,
  providersOf,
  takeLoginState,
  toRecord,
  type ProviderRow,
} from './oidc-store.js';

/** A provider as shown to a beheerder: never with its client secret. */
export interface IdentityProviderRecord {
  id: string;
  organisationId: string;
  name: string;
  issuer: string;
  clientId: string;
  trustProviderMfa: boolean;
  enabled: boolean;
  createdAt: Date;
}

export interface NewIdentityProvider {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  trustProviderMfa?: boolean;
}

/** Why a provider login did not open a session; the page and its status follow from it. */
export type OidcFailure =
  | 'invalid-state'
  | 'provider-error'
  | 'provider-unreachable'
  | 'token-rejected'
  | 'no-account'
  | 'account-blocked';

export type OidcStart =
  | { ok: true; url: string; state: string }
  | { ok: false; reason: 'unknown-provider' | 'provider-unreachable' };
export type OidcFinish = { ok: true; token: string; next: LoginStep } | { ok: false; reason: OidcFailure };

/** A login started at the provider must come back within this time. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;
const SCOPE = 'openid email profile';
/** RFC 8176 methods that are a second factor (or more) on their own; `pwd` alone is not. */
const MFA_METHODS = new Set(['mfa', 'otp', 'hwk', 'swk', 'sms']);
// Discovery metadata rarely changes; an hour bounds how long a moved endpoint or a changed secret goes unnoticed.
const DISCOVERY_TTL_MS = 60 * 60_000;

const secretContext = (providerId: string) => `identity_providers.client_secret:${providerId}`;
const redirectUri = (ctx: Ctx) => `${ctx.config.publicUrl}/inloggen/oidc/callback`;

// ---------------------------------------------------------------------------------------------------------------
// Managing providers (national beheerder)

function requireManage(ctx: Ctx): void {
  const decision = decide(ctx.actor, 'organisations.manage');
  if (!decision.allowed) throw forbidden(`Not allowed: ${decision.reason}`);
}

function checkProvider(ctx: Ctx, input: NewIdentityProvider): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) {
    issues.push({ field: 'name', rule: 'length', message: 'The name has 1 to 200 characters' });
  }
  let issuer: URL | null = null;
  try {
    issuer = new URL(input.issuer);
  } catch {
    issues.push({ field: 'issuer', rule: 'format', message: 'The issuer is a URL' });
  }
  if (issuer) {
    // Plain http would let anyone on the path forge identities; it is only for tests and local trials.
    const schemeOk =
      issuer.protocol === 'https:' || (issuer.protocol === 'http:' && ctx.config.oidcAllowInsecure);
    if (!schemeOk)
      issues.push({ field: 'issuer', rule: 'https', message: 'The issuer must be an https URL' });
    if (issuer.search || issuer.hash || issuer.username || issuer.password) {
      issues.push({
        field: 'issuer',
        rule: 'format',
        message: 'The issuer has no query, fragment or credentials',
      });
    }
  }
  if (!input.clientId.trim())
    issues.push({ field: 'clientId', rule: 'required', message: 'Give the client id' });
  if (!input.clientSecret) {
    issues.push({ field: 'clientSecret', rule: 'required', message: 'Give the client secret' });
  }
  return issues;
}

/** Registers an identity provider for an organisation; its members may then log in through it. */
export async function createIdentityProvider(
  ctx: Ctx,
  organisationId: string,
  input: NewIdentityProvider,
): Promise<IdentityProviderRecord> {
  requireManage(ctx);
  const issues = checkProvider(ctx, input);
  if (issues.length) throw invalid(issues);
  return ctx.transaction(async (tx) => {
    if (!(await organisationExists(tx.db, organisationId))) throw notFound('Organisation');
    // The id is chosen here so the secret's ciphertext can be bound to its row.
    const id = randomUUID();
    const row = await tx.db
      .insertInto('identity_providers')
      .values({
        id,
        organisation_id: organisationId,
        name: input.name.trim(),
        issuer: input.issuer,
        client_id: input.clientId.trim(),
        client_secret_enc: tx.keyring.encrypt(input.clientSecret, secretContext(id)),
        trust_provider_mfa: input.trustProviderMfa ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.audit({
      action: 'identity-provider.create',
      recordType: 'identity-provider',
      recordId: id,
      recordOrganisationId: organisationId,
      details: {
        name: row.name,
        issuer: row.issuer,
        clientId: row.client_id,
        trustProviderMfa: row.trust_provider_mfa,
      },
    });
    return toRecord(row);
  });
}

export async function listIdentityProviders(
  ctx: Ctx,
  organisationId: string,
): Promise<IdentityProviderRecord[]> {
  requireManage(ctx);
  if (!(await organisationExists(ctx.db, organisationId))) throw notFound('Organisation');
  return (await providersOf(ctx.db, organisationId)).map(toRecord);
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery, cached per provider: every login would otherwise fetch the metadata document first.

const discovered = new Map<string, { key: string; at: number; config: Promise<client.Configuration> }>();

function configurationFor(ctx: Ctx, provider: ProviderRow): Promise<client.Configuration> {
  // A changed issuer, client or secret must not be served from the cache.
  const key = `${provider.issuer}\n${provider.client_id}\n${provider.client_secret_enc}`;
  const cached = discovered.get(provider.id);
  if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const secret = ctx.keyring.decrypt(provider.client_secret_enc, secretContext(provider.id));
  const pending = client.discovery(
    new URL(provider.issuer),
    provider.client_id,
    secret,
    // client_secret_basic is the registration default in OpenID Connect, so providers support it out of the box.
    client.ClientSecretBasic(secret),
    ctx.config.oidcAllowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  discovered.set(provider.id, { key, at: Date.now(), config: pending });
  // A failed discovery is not cached: the next login tries again.
  pending.catch(() => {
    if (discovered.get(provider.id)?.config === pending) discovered.delete(provider.id);
  });
  return pending;
}

// ---------------------------------------------------------------------------------------------------------------
// Logging in

/** Failures are audited with the provider and, once known, the subject: never the e-mail address or other claims. */
async function refuse(
  ctx: Ctx,
  reason: OidcFailure,
  details: { provider?: string; subject?: string; cause?: string; error?: string },
  user?: users.UserRow,
): Promise<{ ok: false; reason: OidcFailure }> {
  await ctx.audit({
    action: 'auth.login',
    outcome: 'failure',
    ...(user ? { recordType: 'user', recordId: user.id } : {}),
    details: { method: 'oidc', reason, ...details },
  });
  return { ok: false, reason };
}

/** Starts a login at the provider: remembers state, nonce and PKCE verifier, and returns where to send the browser. */
export async function startOidcLogin(ctx: Ctx, providerId: string): Promise<OidcStart> {
  const provider = await findProvider(ctx.db, providerId);
  if (!provider || !provider.enabled) return { ok: false, reason: 'unknown-provider' };
  let config: client.Configuration;
  try {
    config = await configurationFor(ctx, provider);
  } catch (error) {
    ctx.log.warn({ provider: provider.id, err: errorSummary(error) }, 'identity provider discovery failed');
    await refuse(ctx, 'provider-unreachable', { provider: provider.id, cause: 'discovery' });
    return { ok: false, reason: 'provider-unreachable' };
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = ctx.now();
  await ctx.transaction(async (tx) => {
    // Abandoned logins are cleared here, so the table holds at most ten minutes of attempts.
    await tx.db
      .deleteFrom('oidc_login_states')
      .where('created_at', '<', new Date(now.getTime() - LOGIN_STATE_TTL_MS))
      .execute();
    await tx.db
      .insertInto('oidc_login_states')
      .values({ state, provider_id: provider.id, code_verifier: codeVerifier, nonce, created_at: now })
      .execute();
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx),
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { ok: true, url: url.href, state };
}

interface IdentityClaims {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  providerMfa: boolean;
}

/**
 * Finishes a login when the provider sends the browser back. `state` is the state in the URL, `browserState` the
 * one this browser was given when it left: requiring both to match stops someone from planting their own login in
 * another person's browser.
 */
export async function finishOidcLogin(
  ctx: Ctx,
  input: { currentUrl: URL; state: string | undefined; browserState: string | undefined },
): Promise<OidcFinish> {
  const login = input.state ? await takeLoginState(ctx.db, input.state) : undefined;
  if (!login) return refuse(ctx, 'invalid-state', { cause: 'unknown-state' });
  if (ctx.now().getTime() - login.created_at.getTime() > LOGIN_STATE_TTL_MS) {
    return refuse(ctx, 'invalid-state', { provider: login.provider_id, cause: 'expired-state' });
  }
  if (input.browserState !== login.state) {
    return refuse(ctx, 'invalid-state', { provider: login.provider_id, cause: 'other-browser' });
  }
  const provider = await findProvider(ctx.db, login.provider_id);
  if (!provider || !provider.enabled) {
    return refuse(ctx, 'invalid-state', { provider: login.provider_id, cause: 'provider-disabled' });
  }

  // No transaction is open while the provider is called: a slow provider must not hold database locks.
  let claims: IdentityClaims;
  try {
    claims = await exchangeCode(ctx, provider, input.currentUrl, login);
  } catch (error) {
    const { reason, error: code } = classify(error);
    ctx.log.warn({ provider: provider.id, err: errorSummary(error) }, 'identity provider login failed');
    return refuse(ctx, reason, { provider: provider.id, ...(code ? { error: code } : {}) });
  }

  return ctx.transaction(async (tx) => {
    const who = { provider: provider.id, subject: claims.subject };
    const linkedId = await findLinkedUserId(tx.db, provider.id, claims.subject);
    let user = linkedId ? await users.findUserById(tx.db, linkedId) : undefined;
    let link = false;
    if (!user && claims.email && claims.emailVerified) {
      const candidate = await users.findUserByEmail(tx.db, claims.email);
      // An account linked to another subject at this provider belongs to someone else's identity there (or the
      // address was handed on): a beheerder sorts that out, the e-mail address does not.
      if (candidate && !(await hasOtherLink(tx.db, provider.id, candidate.id, claims.subject))) {
        user = candidate;
        link = true;
      }
    }
    // The provider vouches for its own organisation's people only, also for identities linked earlier.
    const member =
      user &&
      (await users.userRoles(tx.db, user.id)).some((m) => m.organisationId === provider.organisation_id);
    if (!user || !member) return refuse(tx, 'no-account', who);
    const now = tx.now();
    if (user.disabled_at || (user.locked_until && user.locked_until > now)) {
      return refuse(tx, 'account-blocked', { ...who, cause: user.disabled_at ? 'disabled' : 'locked' }, user);
    }
    const audit = tx.as(userActorStub(user));
    if (link) {
      await tx.db
        .insertInto('external_identities')
        .values({ provider_id: provider.id, subject: claims.subject, user_id: user.id, linked_at: now })
        .onConflict((c) => c.doNothing())
        .execute();
      await audit.audit({
        action: 'auth.oidc-link',
        recordType: 'user',
        recordId: user.id,
        recordOrganisationId: provider.organisation_id,
        details: who,
      });
    }
    const result = await openSession(tx, user, 'oidc', claims.providerMfa);
    await audit.audit({
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      details: { method: 'oidc', provider: provider.id, providerMfa: claims.providerMfa, next: result.next },
    });
    return { ok: true as const, ...result };
  });
}

async function exchangeCode(
  ctx: Ctx,
  provider: ProviderRow,
  currentUrl: URL,
  login: { state: string; code_verifier: string; nonce: string },
): Promise<IdentityClaims> {
  const config = await configurationFor(ctx, provider);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: login.code_verifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new MissingIdToken('the provider returned no ID token');
  let email: unknown = idToken.email;
  let verified: unknown = idToken.email_verified;
  // Providers may keep e-mail out of the ID token and give it at the UserInfo endpoint only (OIDC Core 5.4); both
  // claims are then taken from there, so address and verification come from one statement.
  if ((email === undefined || verified === undefined) && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    email = info.email;
    verified = info.email_verified;
  }
  const amr = Array.isArray(idToken.amr) ? idToken.amr : [];
  return {
    subject: idToken.sub,
    email: typeof email === 'string' ? email : undefined,
    // Only a real true: "true" as a string or a missing claim is not a verified address.
    emailVerified: verified === true,
    providerMfa: provider.trust_provider_mfa && amr.some((m) => typeof m === 'string' && MFA_METHODS.has(m)),
  };
}

/** The provider said no (the person may try again) or could not be used (the provider's or our set-up). */
function classify(error: unknown): { reason: OidcFailure; error?: string } {
  if (error instanceof client.AuthorizationResponseError)
    return { reason: 'provider-error', error: error.error };
  if (error instanceof client.ResponseBodyError) return { reason: 'token-rejected', error: error.error };
  if (error instanceof client.WWWAuthenticateChallengeError)
    return { reason: 'token-rejected', error: 'challenge' };
  if (error instanceof client.ClientError)
    return { reason: 'token-rejected', error: error.code ?? 'client-error' };
  if (error instanceof MissingIdToken) return { reason: 'token-rejected', error: 'no-id-token' };
  // Anything else is the network or the provider being down.
  return { reason: 'provider-unreachable' };
}

class MissingIdToken extends Error {}

// Logged without the error's cause chain: responses from the provider can hold tokens.
function errorSummary(error: unknown): { name: string; code?: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, ...(typeof code === 'string' ? { code } : {}), message: error.message };
  }
  return { name: 'unknown', message: String(error) };
}
