// What the signal services share: the acting user, encryption contexts, pseudonyms, timeline entries, the catalogue.
import { createHash, createHmac } from 'node:crypto';
import type { Ctx, UserActor } from '../context.js';
import { forbidden } from '../errors.js';
import { decide, type Permission } from '../policy/index.js';
import * as store from './store.js';

export type UserCtx = Ctx & { actor: UserActor & { organisationId: string } };

/** The acting user with the permission, or a 403 naming why not. */
export function requireUser(ctx: Ctx, permission: Permission): UserCtx {
  const decision = decide(ctx.actor, permission);
  if (!decision.allowed) throw forbidden(`Not allowed (${decision.reason})`);
  return ctx as UserCtx;
}

/** Encryption is bound to the row and the column, so a ciphertext cannot be moved elsewhere. */
export const encContext = (what: string, id: string) => `signals.${what}:${id}`;

export function encrypt(ctx: Ctx, what: string, id: string, text: string): string {
  return ctx.keyring.encrypt(text, encContext(what, id));
}

export function decrypt(ctx: Ctx, what: string, id: string, value: string | null): string | null {
  return value === null ? null : ctx.keyring.decrypt(value, encContext(what, id));
}

/** A keyed pseudonym of an identifier (HMAC-SHA256): equal identifiers give equal pseudonyms, never a plain hash. */
export function pseudonym(ctx: Ctx, type: string, value: string): string {
  return createHmac('sha256', ctx.keyring.derivedSecret('signals.identifier-pseudonym'))
    .update(`${type}\u0000${value}`)
    .digest('base64url');
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** A timeline entry by the acting user (or the anonymous reporter / system when there is none). */
export async function timeline(
  ctx: Ctx,
  signalId: string,
  kind: string,
  details: Record<string, unknown> = {},
  text?: string,
): Promise<void> {
  const user = ctx.actor.kind === 'user' ? ctx.actor : null;
  await store.appendEvent(ctx.db, {
    signalId,
    at: ctx.now(),
    actorUserId: user?.userId ?? null,
    actorOrganisationId: user?.organisationId ?? null,
    kind,
    details,
    textEnc: text === undefined ? null : encrypt(ctx, 'event', signalId, text),
  });
}

// The catalogue only changes by migration, so one read per process is enough.
let catalogue: Promise<store.IndicatorRow[]> | undefined;

export function indicatorCatalogue(ctx: Pick<Ctx, 'db'>): Promise<store.IndicatorRow[]> {
  catalogue ??= store.listIndicators(ctx.db).catch((error: unknown) => {
    catalogue = undefined;
    throw error;
  });
  return catalogue;
}
