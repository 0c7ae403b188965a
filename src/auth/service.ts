// Logging in: password (or an identity provider), then the second factor, then the organisation to act for.
// A session moves only forward through those steps; every step is audited; the token is rotated when the session
// gains rights, so a token seen before the second factor is worthless after it.
import type { Ctx, UserActor } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { needsSecondFactor } from '../policy/index.js';
import { verifyPassword } from './passwords.js';
import * as store from './store.js';
import { newToken, sha256 } from './tokens.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

export type LoginStep = 'second-factor' | 'enrol-second-factor' | 'choose-organisation' | 'done';

export interface LoginResult {
  token: string;
  next: LoginStep;
}

const LOGIN_FAILED = 'E-mail address or password is wrong, or the account is temporarily locked';

// A failed attempt must still be counted and audited, so the transaction commits and the error is thrown after.
export type Outcome<T> = { ok: T } | { error: DomainError };
export function unwrap<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}

/**
 * The audit reference to a user account. The record's organisation lets that organisation's auditor find the event;
 * for an account in several organisations no single one holds it, and only the chain has it.
 */
export async function aboutUser(ctx: Ctx, userId: string) {
  const organisations = [...new Set((await store.userRoles(ctx.db, userId)).map((m) => m.organisationId))];
  return {
    recordType: 'user',
    recordId: userId,
    recordOrganisationId: organisations.length === 1 ? organisations[0]! : null,
  };
}

const totpContext = (userId: string) => `users.totp_secret:${userId}`;

async function nextStep(
  ctx: Ctx,
  session: { userId: string; secondFactorAt: Date | null; organisationId: string | null },
  user: store.UserRow,
): Promise<LoginStep> {
  const memberships = await store.userRoles(ctx.db, session.userId);
  if (!session.secondFactorAt && needsSecondFactor(memberships.map((m) => m.role))) {
    return user.totp_confirmed_at ? 'second-factor' : 'enrol-second-factor';
  }
  return session.organisationId ? 'done' : 'choose-organisation';
}

/** Opens a session for a user who proved the first factor. Picks the organisation when there is only one. */
export async function openSession(
  ctx: Ctx,
  user: store.UserRow,
  method: 'password' | 'oidc',
  secondFactorDone: boolean,
): Promise<LoginResult> {
  const now = ctx.now();
  const organisations = [...new Set((await store.userRoles(ctx.db, user.id)).map((m) => m.organisationId))];
  const token = newToken();
  const session = {
    id: sha256(token),
    userId: user.id,
    organisationId: organisations.length === 1 ? organisations[0]! : null,
    authMethod: method,
    now,
    expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
    secondFactorAt: secondFactorDone ? now : null,
  };
  await store.insertSession(ctx.db, session);
  return { token, next: await nextStep(ctx, session, user) };
}

export async function passwordLogin(ctx: Ctx, email: string, password: string): Promise<LoginResult> {
  const outcome = await ctx.transaction(async (tx): Promise<Outcome<LoginResult>> => {
    const now = tx.now();
    const user = await store.findUserByEmail(tx.db, email);
    const locked = user?.locked_until && user.locked_until > now;
    const passwordOk = await verifyPassword(
      locked || user?.disabled_at ? null : (user?.password_hash ?? null),
      password,
    );
    if (!user || !passwordOk || locked || user.disabled_at) {
      let lockedNow: Date | null = null;
      if (user && !locked && !user.disabled_at) {
        const lockUntil = new Date(now.getTime() + tx.config.loginLockoutMinutes * 60_000);
        lockedNow = await store.recordLoginFailure(tx.db, user.id, tx.config.loginMaxFailures, lockUntil);
      }
      const reason = !user
        ? 'unknown-account'
        : user.disabled_at
          ? 'disabled'
          : locked
            ? 'locked'
            : 'wrong-password';
      await tx.audit({
        action: 'auth.login',
        outcome: 'failure',
        ...(user ? await aboutUser(tx, user.id) : {}),
        details: { method: 'password', reason },
      });
      if (lockedNow) {
        await tx.audit({
          action: 'auth.lockout',
          outcome: 'success',
          ...(await aboutUser(tx, user!.id)),
          details: { until: lockedNow.toISOString() },
        });
      }
      return { error: new DomainError('login-failed', LOGIN_FAILED) };
    }
    await store.updateUser(tx.db, user.id, { failed_logins: 0, locked_until: null });
    const result = await openSession(tx, user, 'password', false);
    await tx.as(userActorStub(user)).audit({
      action: 'auth.login',
      ...(await aboutUser(tx, user.id)),
      details: { method: 'password', next: result.next },
    });
    return { ok: result };
  });
  return unwrap(outcome);
}

/** The user who just proved a factor, before the session acts for an organisation: no roles yet. */
export function userActorStub(user: store.UserRow): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    organisationId: null,
    organisationName: null,
    organisationType: null,
    roles: [],
    sessionId: null,
  };
}

async function liveSession(ctx: Ctx, sessionId: string) {
  const session = await store.findSession(ctx.db, sessionId);
  if (!session || session.revokedAt || session.expiresAt <= ctx.now() || session.disabledAt) {
    throw new DomainError('unauthenticated', 'The session has ended; log in again');
  }
  const user = (await store.findUserById(ctx.db, session.userId))!;
  return { session, user };
}

/** Replaces the session's token, keeping its state: called whenever the session gains rights. */
async function rotate(
  ctx: Ctx,
  sessionId: string,
  changes: { secondFactorAt?: Date; organisationId?: string },
): Promise<string> {
  const old = (await store.findSession(ctx.db, sessionId))!;
  const token = newToken();
  await store.insertSession(ctx.db, {
    id: sha256(token),
    userId: old.userId,
    organisationId: changes.organisationId ?? old.organisationId,
    authMethod: old.authMethod,
    now: ctx.now(),
    expiresAt: old.expiresAt,
    secondFactorAt: changes.secondFactorAt ?? old.secondFactorAt,
  });
  await store.updateSession(ctx.db, sessionId, { revoked_at: ctx.now() });
  return token;
}

export async function verifySecondFactor(ctx: Ctx, sessionId: string, code: string): Promise<LoginResult> {
  const outcome = await ctx.transaction(async (tx): Promise<Outcome<LoginResult>> => {
    const { session, user } = await liveSession(tx, sessionId);
    const now = tx.now();
    const locked = user.locked_until && user.locked_until > now;
    const secret =
      user.totp_secret_enc && user.totp_confirmed_at
        ? tx.keyring.decrypt(user.totp_secret_enc, totpContext(user.id))
        : null;
    const step = secret && !locked ? checkTotp(secret, code, now, user.totp_last_step) : null;
    const audit = tx.as(userActorStub(user));
    if (step === null) {
      if (!locked) {
        const lockUntil = new Date(now.getTime() + tx.config.loginLockoutMinutes * 60_000);
        const lockedNow = await store.recordLoginFailure(
          tx.db,
          user.id,
          tx.config.loginMaxFailures,
          lockUntil,
        );
        if (lockedNow) {
          await store.revokeUserSessions(tx.db, user.id, now);
          await audit.audit({
            action: 'auth.lockout',
            ...(await aboutUser(tx, user.id)),
            details: { until: lockedNow.toISOString() },
          });
        }
      }
      await audit.audit({
        action: 'auth.second-factor',
        outcome: 'failure',
        ...(await aboutUser(tx, user.id)),
        details: { method: 'totp', reason: locked ? 'locked' : 'wrong-code' },
      });
      return {
        error: new DomainError(
          'second-factor-invalid',
          'The code is wrong or has expired; enter the current code from the app',
        ),
      };
    }
    await store.updateUser(tx.db, user.id, { totp_last_step: step, failed_logins: 0 });
    const token = await rotate(tx, session.id, { secondFactorAt: now });
    await audit.audit({
      action: 'auth.second-factor',
      ...(await aboutUser(tx, user.id)),
      details: { method: 'totp' },
    });
    return { ok: { token, next: session.organisationId ? 'done' : 'choose-organisation' } };
  });
  return unwrap(outcome);
}

/** Starts (or restarts, while unconfirmed) TOTP enrolment; returns the secret to put in an authenticator app. */
export async function startTotpEnrolment(
  ctx: Ctx,
  sessionId: string,
): Promise<{ secret: string; uri: string }> {
  return ctx.transaction(async (tx) => {
    const { user } = await liveSession(tx, sessionId);
    if (user.totp_confirmed_at)
      throw new DomainError('conflict', 'A second factor is already set up for this account');
    const secret = user.totp_secret_enc
      ? tx.keyring.decrypt(user.totp_secret_enc, totpContext(user.id))
      : newTotpSecret();
    if (!user.totp_secret_enc) {
      await store.updateUser(tx.db, user.id, {
        totp_secret_enc: tx.keyring.encrypt(secret, totpContext(user.id)),
      });
    }
    return { secret, uri: totpUri(secret, user.email) };
  });
}

export async function confirmTotpEnrolment(ctx: Ctx, sessionId: string, code: string): Promise<LoginResult> {
  const outcome = await ctx.transaction(async (tx): Promise<Outcome<LoginResult>> => {
    const { session, user } = await liveSession(tx, sessionId);
    if (user.totp_confirmed_at || !user.totp_secret_enc)
      throw new DomainError('conflict', 'There is no enrolment to confirm');
    const now = tx.now();
    const step = checkTotp(tx.keyring.decrypt(user.totp_secret_enc, totpContext(user.id)), code, now, null);
    const audit = tx.as(userActorStub(user));
    if (step === null) {
      await audit.audit({
        action: 'auth.totp-enrolment',
        outcome: 'failure',
        ...(await aboutUser(tx, user.id)),
      });
      return {
        error: new DomainError(
          'second-factor-invalid',
          'The code does not match; check the time on your phone and try the current code',
        ),
      };
    }
    await store.updateUser(tx.db, user.id, { totp_confirmed_at: now, totp_last_step: step });
    const token = await rotate(tx, session.id, { secondFactorAt: now });
    await audit.audit({ action: 'auth.totp-enrolment', ...(await aboutUser(tx, user.id)) });
    return { ok: { token, next: session.organisationId ? 'done' : 'choose-organisation' } };
  });
  return unwrap(outcome);
}

/** Acting for an organisation gives the session that organisation's roles: the token is rotated; the new one returns. */
export async function chooseOrganisation(
  ctx: Ctx,
  sessionId: string,
  organisationId: string,
): Promise<string> {
  return ctx.transaction(async (tx) => {
    const { session } = await liveSession(tx, sessionId);
    const memberships = await store.userRoles(tx.db, session.userId);
    if (!memberships.some((m) => m.organisationId === organisationId)) {
      throw invalid([
        { field: 'organisationId', rule: 'membership', message: 'You are not a member of this organisation' },
      ]);
    }
    const token = await rotate(tx, sessionId, { organisationId });
    await tx.audit({
      action: 'auth.choose-organisation',
      recordType: 'user',
      recordId: session.userId,
      recordOrganisationId: organisationId,
    });
    return token;
  });
}

export async function logout(ctx: Ctx, sessionId: string, everywhere: boolean): Promise<number> {
  return ctx.transaction(async (tx) => {
    const session = await store.findSession(tx.db, sessionId);
    if (!session) return 0;
    const count = everywhere
      ? await store.revokeUserSessions(tx.db, session.userId, tx.now())
      : (await store.updateSession(tx.db, sessionId, { revoked_at: tx.now() }), 1);
    await tx.audit({
      action: everywhere ? 'auth.logout-everywhere' : 'auth.logout',
      ...(await aboutUser(tx, session.userId)),
      details: { sessions: count },
    });
    return count;
  });
}

/** Sets a known TOTP secret as confirmed: for the demo seed and the command line, never for web requests. */
export async function setConfirmedTotp(ctx: Ctx, userId: string, secret: string): Promise<void> {
  await store.updateUser(ctx.db, userId, {
    totp_secret_enc: ctx.keyring.encrypt(secret, totpContext(userId)),
    totp_confirmed_at: ctx.now(),
  });
}
