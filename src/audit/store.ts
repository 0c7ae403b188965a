import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditEvent, AuditOutcome } from './types.js';

// Serialises appenders so that each new row links to the true last one; held until the transaction ends.
const CHAIN_LOCK = 734_152_002;

export async function lockChain(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(db);
}

export async function lastHash(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash;
}

export type AuditRow = Awaited<ReturnType<typeof rowsAfter>>[number];

export function rowsAfter(db: Kysely<DB>, seq: number, limit: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface AuditQuery {
  actorUserId?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
  /** Only events by this organisation's users or about its records. */
  organisationId?: string;
  beforeSeq?: number;
  limit: number;
}

export async function searchEvents(db: Kysely<DB>, q: AuditQuery): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (q.organisationId) {
    const org = q.organisationId;
    query = query.where((eb) =>
      eb.or([eb('actor_organisation_id', '=', org), eb('record_organisation_id', '=', org)]),
    );
  }
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.recordType) query = query.where('record_type', '=', q.recordType);
  if (q.recordId) query = query.where('record_id', '=', q.recordId);
  if (q.from) query = query.where('occurred_at', '>=', q.from);
  if (q.to) query = query.where('occurred_at', '<', q.to);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actorUserId: r.actor_user_id,
    actorOrganisationId: r.actor_organisation_id,
    action: r.action,
    outcome: r.outcome as AuditOutcome,
    recordType: r.record_type,
    recordId: r.record_id,
    recordOrganisationId: r.record_organisation_id,
    fields: r.fields,
    purpose: r.purpose,
    details: r.details,
  }));
}
