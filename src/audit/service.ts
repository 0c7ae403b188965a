// The audit log: append inside the caller's transaction, verify the chain, search for auditors.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor, Ctx } from '../context.js';
import { actorIds } from '../context.js';
import { forbidden } from '../errors.js';
import { hasPermission } from '../policy/index.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import { lastHash, lockChain, rowsAfter, searchEvents, type AuditQuery } from './store.js';
import type { AuditEvent, AuditEventInput } from './types.js';

/** Must run inside a transaction (the chain lock is held until it ends). */
export async function appendAuditEvent(
  db: Kysely<DB>,
  actor: Actor,
  occurredAt: Date,
  event: AuditEventInput,
): Promise<void> {
  if (!db.isTransaction) throw new Error('appendAuditEvent needs a transaction');
  await lockChain(db);
  const prevHash = (await lastHash(db)) ?? GENESIS_HASH;
  const { userId, organisationId } = actorIds(actor);
  const details = { ...(event.details ?? {}), ...(actor.kind === 'system' ? { system: actor.label } : {}) };
  const content = {
    occurredAt,
    actorUserId: userId,
    actorOrganisationId: organisationId,
    action: event.action,
    outcome: event.outcome ?? 'success',
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    recordOrganisationId: event.recordOrganisationId ?? null,
    fields: event.fields ?? [],
    purpose: event.purpose ?? null,
    details,
  };
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: occurredAt,
      actor_user_id: content.actorUserId,
      actor_organisation_id: content.actorOrganisationId,
      action: content.action,
      outcome: content.outcome,
      record_type: content.recordType,
      record_id: content.recordId,
      record_organisation_id: content.recordOrganisationId,
      fields: content.fields,
      purpose: content.purpose,
      details: JSON.stringify(details),
      prev_hash: prevHash,
      hash: chainHash(prevHash, content),
    })
    .execute();
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: string } };

/** Walks the whole chain in order and names the first row whose link does not hold. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await rowsAfter(db, afterSeq, batchSize);
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
      const expected = chainHash(prevHash, {
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
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: { seq: row.seq, id: row.id, reason: 'content-hash-mismatch: the row was changed' },
        };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked };
  }
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
