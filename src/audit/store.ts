import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditEvent, AuditOutcome } from './types.js';

// Held by whoever links pending events into the chain, for that short transaction only (never by a request).
const CHAIN_LOCK = 734_152_002;

/** Takes the chain lock for the current transaction; `wait: false` gives up at once when another chainer has it. */
export async function lockChain(trx: Kysely<DB>, wait: boolean): Promise<boolean> {
  if (wait) {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    return true;
  }
  const tried = sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as locked`;
  return (await tried.execute(trx)).rows[0]?.locked === true;
}

/** The end of the chain: the linked row with the highest chain position. */
export async function chainEnd(db: Kysely<DB>): Promise<{ chainSeq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select(['chain_seq', 'hash'])
    .where('chain_seq', 'is not', null)
    .orderBy('chain_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.chain_seq != null && row.hash != null ? { chainSeq: row.chain_seq, hash: row.hash } : undefined;
}

export type AuditRow = Awaited<ReturnType<typeof pendingRows>>[number];

/** Pending rows in the order they occurred, locked until the linking transaction ends. */
export function pendingRows(trx: Kysely<DB>, limit: number) {
  return trx
    .selectFrom('audit_events')
    .selectAll()
    .where('hash', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .forUpdate()
    .execute();
}

export interface Link {
  seq: number;
  chainSeq: number;
  prevHash: string;
  hash: string;
}

/** Links a batch in one statement; returns how many rows it linked (rows linked already are left alone). */
export async function writeLinks(trx: Kysely<DB>, links: Link[]): Promise<number> {
  if (links.length === 0) return 0;
  const values = sql.join(
    links.map((l) => sql`(${l.seq}::bigint, ${l.chainSeq}::bigint, ${l.prevHash}::text, ${l.hash}::text)`),
  );
  const result = await sql`
    update audit_events as a
    set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash
    from (values ${values}) as v (seq, chain_seq, prev_hash, hash)
    where a.seq = v.seq and a.hash is null`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Linked rows after the given chain position, in chain order. */
export function chainAfter(db: Kysely<DB>, chainSeq: number, limit: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_seq', '>', chainSeq)
    .orderBy('chain_seq')
    .limit(limit)
    .execute();
}

/** The oldest pending row, if any. */
export function firstPending(db: Kysely<DB>) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'id', 'hash'])
    .where('hash', 'is', null)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

export function linkOf(db: Kysely<DB>, seq: number) {
  return db
    .selectFrom('audit_events')
    .select(['chain_seq', 'hash'])
    .where('seq', '=', seq)
    .executeTakeFirst();
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
