// What the signal services share: the acting user, encryption contexts, pseudonyms, timeline entries, the catalogue.
import { createHash, createHmac } from 'node:crypto';
import type { Ctx, UserActor } from '../context.js';
import { forbidden, invalid, type FieldIssue } from '../errors.js';
import { decide, type Permission } from '../policy/index.js';
import { findOrganisation, type OrganisationRecord } from '../organisations/index.js';
import { listMunicipalities } from '../reference/index.js';
import * as store from './store.js';

/** An id can only name a row when it has a uuid's shape; anything else is a miss without a query. */
export const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Required free text: trimmed, not empty, at most `max` characters; otherwise an issue for `field` in `issues`. */
export function requiredText(
  value: string,
  field: string,
  max: number,
  missing: string,
  issues: FieldIssue[],
): string {
  const text = value.trim();
  if (!text) issues.push({ field, rule: 'required', message: missing });
  else if (text.length > max) issues.push({ field, rule: 'maxLength', message: `At most ${max} characters` });
  return text;
}

/** `requiredText` on its own: a 400 naming the field when it does not hold. */
export function requireText(value: string, field: string, max: number, missing: string): string {
  const issues: FieldIssue[] = [];
  const text = requiredText(value, field, max, missing, issues);
  if (issues.length) throw invalid(issues);
  return text;
}

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

/** Values read from a database at most once per `ttlMs` in this process, per database (tests open many). */
function cached<K, V>(ttlMs: number, load: (db: Ctx['db'], key: K) => Promise<V>) {
  const perDatabase = new WeakMap<object, Map<K, { at: number; value: Promise<V> }>>();
  return (db: Ctx['db'], key: K): Promise<V> => {
    let entries = perDatabase.get(db);
    if (!entries) perDatabase.set(db, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(db, key);
    const entry = { at: Date.now(), value };
    entries.set(key, entry);
    value.catch(() => entries.get(key) === entry && entries.delete(key));
    return value;
  };
}

// Municipalities change only with a new reference year (a migration); an organisation's place almost never. Reading
// them once a minute instead of on every intake saves two round trips per signal.
const municipalityCodes = cached(
  60_000,
  async (db, _key: 'current') => new Set((await listMunicipalities({ db })).map((m) => m.code)),
);
const organisations = cached(60_000, (db, id: string) => findOrganisation(db, id));

export function currentMunicipalities(ctx: Pick<Ctx, 'db'>): Promise<Set<string>> {
  return municipalityCodes(ctx.db, 'current');
}

export function organisationOf(ctx: Pick<Ctx, 'db'>, id: string): Promise<OrganisationRecord | undefined> {
  return organisations(ctx.db, id);
}
