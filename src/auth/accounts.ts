// Accounts and their credentials: created without credentials by a beheerder, activated by their owner with a
// one-time code and a password of their own; a reset starts over with a new code.
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { aboutUser, unwrap, userActorStub, type Outcome } from './service.js';
import * as store from './store.js';
import { newActivationCode, normaliseActivationCode, sha256 } from './tokens.js';

const ACTIVATION_DAYS = 7;

/** Creates an account without credentials; the returned activation code lets its owner set a password. */
export async function createAccount(
  ctx: Ctx,
  input: { email: string; displayName: string; language?: string },
): Promise<{ userId: string; activationCode: string; activationExpiresAt: Date }> {
  const user = await store.insertUser(ctx.db, input);
  const { activationCode, activationExpiresAt } = await issueActivation(ctx, user.id);
  return { userId: user.id, activationCode, activationExpiresAt };
}

/** A fresh activation code; clears password and second factor and ends every session of the account. */
export async function issueActivation(
  ctx: Ctx,
  userId: string,
): Promise<{ activationCode: string; activationExpiresAt: Date }> {
  const activationCode = newActivationCode();
  const activationExpiresAt = new Date(ctx.now().getTime() + ACTIVATION_DAYS * 86_400_000);
  await store.updateUser(ctx.db, userId, {
    password_hash: null,
    totp_secret_enc: null,
    totp_confirmed_at: null,
    totp_last_step: null,
    failed_logins: 0,
    locked_until: null,
    activation_code_hash: sha256(normaliseActivationCode(activationCode)),
    activation_expires_at: activationExpiresAt,
  });
  await store.revokeUserSessions(ctx.db, userId, ctx.now());
  return { activationCode, activationExpiresAt };
}

export async function activateAccount(
  ctx: Ctx,
  input: { email: string; code: string; password: string },
): Promise<void> {
  const outcome = await ctx.transaction(async (tx): Promise<Outcome<null>> => {
    const user = await store.findUserByEmail(tx.db, input.email);
    const codeHash = sha256(normaliseActivationCode(input.code));
    const valid =
      user &&
      !user.disabled_at &&
      user.activation_code_hash === codeHash &&
      user.activation_expires_at &&
      user.activation_expires_at > tx.now();
    if (!valid) {
      await tx.audit({
        action: 'auth.activate',
        outcome: 'failure',
        ...(user ? { ...(await aboutUser(tx, user.id)) } : {}),
      });
      return {
        error: invalid([
          {
            field: 'code',
            rule: 'activation-code',
            message: 'This e-mail address and activation code do not match, or the code has expired',
          },
        ]),
      };
    }
    const problem = passwordProblem(input.password, user.email);
    if (problem)
      return { error: invalid([{ field: 'password', rule: problem, message: passwordMessage(problem) }]) };
    await store.updateUser(tx.db, user.id, {
      password_hash: await hashPassword(input.password),
      activation_code_hash: null,
      activation_expires_at: null,
    });
    await tx.as(userActorStub(user)).audit({ action: 'auth.activate', ...(await aboutUser(tx, user.id)) });
    return { ok: null };
  });
  unwrap(outcome);
}

export function passwordMessage(problem: NonNullable<ReturnType<typeof passwordProblem>>): string {
  return {
    'too-short': 'The password must be at least 12 characters long',
    'too-long': 'The password may be at most 200 characters long',
    'contains-email': 'The password may not contain your e-mail name',
  }[problem];
}

export async function setPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  const user = await store.findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  const problem = passwordProblem(password, user.email);
  if (problem) throw invalid([{ field: 'password', rule: problem, message: passwordMessage(problem) }]);
  await store.updateUser(ctx.db, userId, {
    password_hash: await hashPassword(password),
    activation_code_hash: null,
    activation_expires_at: null,
  });
}
