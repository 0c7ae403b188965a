// The audit log: append inside the caller's transaction, link pending events into the hash chain, verify the
// chain, search for auditors. Appending takes no lock: events are linked afterwards by a chainer (decision 0005).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor, Ctx } from '../context.js';
import { actorIds } from '../context.js';
import { forbidden } from '../errors.js';
import { hasPermission } from '../policy/index.js';
import { chainHash, GENESIS_HASH, type ChainedContent } from './chain.js';
import {
  chainAfter,
  chainEnd,
  firstPending,
  linkOf,
  lockChain,
  pendingRows,
  searchEvents,
  writeLinks,
  type AuditQuery,
  type AuditRow,
  type Link,
} from './store.js';
import type { AuditEvent, AuditEventInput } from './types.js';

/**
 * Must run inside the transaction of the change it records, so that the event exists if and only if the change
 * committed. The row is pending until a chainer links it (`linkPendingAuditEvents`).
 */
export async function appendAuditEvent(
  db: Kysely<DB>,
  actor: Actor,
  occurredAt: Date,
  event: AuditEventInput,
): Promise<void> {
  if (!db.isTransaction) throw new Error('appendAuditEvent needs a transaction');
  const { userId, organisationId } = actorIds(actor);
  const details = { ...(event.details ?? {}), ...(actor.kind === 'system' ? { system: actor.label } : {}) };
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: occurredAt,
      actor_user_id: userId,
      actor_organisation_id: organisationId,
      action: event.action,
      outcome: event.outcome ?? 'success',
      record_type: event.recordType ?? null,
      record_id: event.recordId ?? null,
      record_organisation_id: event.recordOrganisationId ?? null,
      fields: event.fields ?? [],
      purpose: event.purpose ?? null,
      details: JSON.stringify(details),
    })
    .execute();
}

/** What the hash covers: the row as stored, read back the same way by the chainer and the verifier. */
function contentOf(row: AuditRow): ChainedContent {
  return {
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    outcome: row.outcome,
    recordType: row.record_type,
    recordId: row.record_id,
    recordOrganisationId: row.record_organisation_id,
    fields: row.fields,
    purpose: row.purpose,
    details: row.details,
  };
}

export interface LinkOptions {
  /** Wait for a chainer that holds the lock (verify) instead of leaving the work to it (the server's loop). */
  wait?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
}

/**
 * Links the pending events this transaction can see, in the order they occurred (`seq`), at the end of the chain.
 * Each batch is one short transaction holding the chain lock; when another chainer holds it, this one returns at
 * once (unless `wait`), since that one links the same rows. Returns how many events it linked.
 */
export async function linkPendingAuditEvents(db: Kysely<DB>, options: LinkOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  let total = 0;
  for (;;) {
    const linked = await db.transaction().execute(async (trx) => {
      if (!(await lockChain(trx, options.wait ?? false))) return 0;
      const rows = await pendingRows(trx, batchSize);
      if (rows.length === 0) return 0;
      const end = await chainEnd(trx);
      let prevHash = end?.hash ?? GENESIS_HASH;
      let chainSeq = end?.chainSeq ?? 0;
      const links: Link[] = rows.map((row) => {
        const hash = chainHash(prevHash, contentOf(row));
        const link = { seq: row.seq, chainSeq: ++chainSeq, prevHash, hash };
        prevHash = hash;
        return link;
      });
      const written = await writeLinks(trx, links);
      // A row skipped would leave a hole that the next row's prev_hash points across: write all or nothing.
      if (written !== links.length) {
        throw new Error(`audit chain: linked ${written} of ${links.length} pending events; nothing linked`);
      }
      return written;
    });
    total += linked;
    if (linked < batchSize) return total;
  }
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: string } };

/**
 * Links what is pending, then walks the whole chain in chain order and names the first row whose link does not
 * hold. An event that is still pending after linking (there should be none) is a failure too.
 */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 2000): Promise<ChainVerdict> {
  let linkError: string | undefined;
  const link = async () => {
    linkError = undefined;
    try {
      await linkPendingAuditEvents(db, { wait: true, batchSize });
    } catch (error) {
      // Still verify what is linked; the pending rows are reported below with the reason.
      linkError = error instanceof Error ? error.message : String(error);
    }
  };
  let prevHash = GENESIS_HASH;
  let afterChainSeq = 0;
  let checked = 0;
  /** Walks on from where the last walk stopped; returns the first broken row, if any. */
  const walk = async (): Promise<ChainVerdict | undefined> => {
    for (;;) {
      const rows = await chainAfter(db, afterChainSeq, batchSize);
      for (const row of rows) {
        if (row.prev_hash !== prevHash) {
          return {
            ok: false,
            checked,
            brokenAt: {
              seq: row.seq,
              id: row.id,
              reason: 'previous-hash-mismatch: a row before it was removed or changed',
            },
          };
        }
        if (chainHash(prevHash, contentOf(row)) !== row.hash) {
          return {
            ok: false,
            checked,
            brokenAt: { seq: row.seq, id: row.id, reason: 'content-hash-mismatch: the row was changed' },
          };
        }
        prevHash = row.hash;
        afterChainSeq = row.chain_seq!;
        checked++;
      }
      if (rows.length < batchSize) return undefined;
    }
  };

  await link();
  const broken = await walk();
  if (broken) return broken;
  const pending = await firstPending(db);
  if (!pending) return { ok: true, checked };
  // It may have committed after the linking above (a running server writes on): one more pass must link it.
  await link();
  const now = await linkOf(db, pending.seq);
  if (!now?.hash) {
    const reason = now
      ? `not-linked: the event is still pending after linking${linkError ? ` (${linkError})` : ''}`
      : 'removed: the event was deleted before it was linked';
    return { ok: false, checked, brokenAt: { seq: pending.seq, id: pending.id, reason } };
  }
  return (await walk()) ?? { ok: true, checked };
}

export type AuditSearch = Omit<AuditQuery, 'organisationId' | 'limit'> & { limit?: number };

/** Auditors see the events of their own organisation: by its users, or about its records. */
export async function searchAudit(ctx: Ctx, query: AuditSearch): Promise<AuditEvent[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.organisationId || !hasPermission(actor, 'audit.read')) {
    throw forbidden('Only an auditor may search the audit log');
  }
  const organisationId = actor.organisationId;
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const events = await searchEvents(ctx.db, { ...query, organisationId, limit });
  await ctx.audit({
    action: 'audit.search',
    recordType: 'audit_events',
    recordOrganisationId: organisationId,
    purpose: 'toezicht',
    details: {
      filters: Object.keys(query).filter((k) => (query as Record<string, unknown>)[k] !== undefined),
      results: events.length,
    },
  });
  return events;
}
