// SQL for signals, their people, identifiers, timeline, links, forwards, messages and retried submissions.
// Rows come back as stored: encrypted columns stay encrypted; the service decrypts what a reader may see.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SignalTables } from './tables.js';

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export type SignalRow = Omit<Selectable<SignalTables['signals']>, 'observed_on' | 'review_on'> & {
  observed_on: string | null;
  review_on: string | null;
};
export type PersonRow = Selectable<SignalTables['signal_persons']>;
export type IdentifierRow = Selectable<SignalTables['signal_identifiers']>;
export type EventRow = Selectable<SignalTables['signal_events']>;
export type ForwardRow = Selectable<SignalTables['signal_forwards']>;
export type MessageRow = Selectable<SignalTables['signal_messages']>;

const signalColumns = [
  'signals.id',
  'signals.reference',
  'signals.channel',
  'signals.holder_organisation_id',
  'signals.municipality_code',
  'signals.forms',
  'signals.indicators',
  'signals.serious_disadvantage',
  'signals.sector',
  'signals.narrative_enc',
  'signals.acute',
  'signals.minors',
  'signals.status',
  'signals.decision_reason_enc',
  'signals.assigned_to',
  'signals.reporter_user_id',
  'signals.reporter_organisation_id',
  'signals.received_at',
  'signals.deadline_at',
  'signals.decided_at',
  'signals.merged_into',
  'signals.receipt_lookup',
  'signals.receipt_hash',
  'signals.reporter_language',
  'signals.contact_enc',
  'signals.updated_at',
] as const;

function selectSignals(db: Kysely<DB>) {
  return db
    .selectFrom('signals')
    .select(signalColumns)
    .select([day('signals.observed_on').as('observed_on'), day('signals.review_on').as('review_on')]);
}

export interface NewSignal {
  id: string;
  channel: 'professional' | 'partner' | 'anonymous';
  holderOrganisationId: string | null;
  municipalityCode: string | null;
  observedOn: string | null;
  forms: string[];
  indicators: string[];
  seriousDisadvantage: boolean;
  sector: string | null;
  narrativeEnc: string;
  acute: boolean;
  minors: boolean;
  reporterUserId: string | null;
  reporterOrganisationId: string | null;
  receivedAt: Date;
  deadlineAt: Date;
  receiptLookup: string | null;
  receiptHash: string | null;
  reporterLanguage: string | null;
  contactEnc: string | null;
}

export interface WholeSignal {
  signal: NewSignal;
  persons: Omit<Insertable<SignalTables['signal_persons']>, 'signal_id'>[];
  identifiers: Omit<Insertable<SignalTables['signal_identifiers']>, 'signal_id'>[];
  event: {
    kind: string;
    details: Record<string, unknown>;
    actorUserId: string | null;
    actorOrganisationId: string | null;
  };
  idempotency: { scope: string; key: string; requestHash: string } | null;
}

/**
 * A new signal with its people, identifiers, first timeline entry and retry key in one statement (one round trip):
 * the child rows come from JSON arrays, and the reference is drawn from its sequence in the same statement.
 * Returns the reference.
 */
export async function insertWholeSignal(db: Kysely<DB>, w: WholeSignal, year: number): Promise<string> {
  const s = w.signal;
  const { rows } = await sql<{ reference: string }>`
    with new_signal as (
      insert into signals (id, reference, channel, holder_organisation_id, municipality_code, observed_on, forms,
        indicators, serious_disadvantage, sector, narrative_enc, acute, minors, status, reporter_user_id,
        reporter_organisation_id, received_at, deadline_at, receipt_lookup, receipt_hash, reporter_language,
        contact_enc, updated_at)
      values (${s.id}, ${`S-${year}-`} || lpad(nextval('signal_reference_seq')::text, 6, '0'), ${s.channel},
        ${s.holderOrganisationId}, ${s.municipalityCode}, ${s.observedOn}::date, ${s.forms}::text[],
        ${s.indicators}::text[], ${s.seriousDisadvantage}, ${s.sector}, ${s.narrativeEnc}, ${s.acute}, ${s.minors},
        'nieuw', ${s.reporterUserId}, ${s.reporterOrganisationId}, ${s.receivedAt}, ${s.deadlineAt},
        ${s.receiptLookup}, ${s.receiptHash}, ${s.reporterLanguage}, ${s.contactEnc}, ${s.receivedAt})
      returning reference
    ), new_persons as (
      insert into signal_persons (signal_id, position, role, description_enc, approximate_age, gender, nationality)
      select ${s.id}, p.position, p.role, p.description_enc, p.approximate_age, p.gender, p.nationality
      from jsonb_to_recordset(${JSON.stringify(w.persons)}::jsonb) as p(position int, role text,
        description_enc text, approximate_age int, gender text, nationality text)
    ), new_identifiers as (
      insert into signal_identifiers (signal_id, position, type, value_enc, pseudonym, holder_organisation_id)
      select ${s.id}, i.position, i.type, i.value_enc, i.pseudonym, i.holder_organisation_id
      from jsonb_to_recordset(${JSON.stringify(w.identifiers)}::jsonb) as i(position int, type text,
        value_enc text, pseudonym text, holder_organisation_id uuid)
    ), new_event as (
      insert into signal_events (signal_id, at, actor_user_id, actor_organisation_id, kind, details)
      values (${s.id}, ${s.receivedAt}, ${w.event.actorUserId}, ${w.event.actorOrganisationId}, ${w.event.kind},
        ${JSON.stringify(w.event.details)}::jsonb)
    ), new_key as (
      insert into signal_idempotency_keys (scope, key, request_hash, signal_id, created_at)
      select ${w.idempotency?.scope ?? null}, ${w.idempotency?.key ?? null}, ${w.idempotency?.requestHash ?? null},
        ${s.id}, ${s.receivedAt}
      where ${w.idempotency !== null}
    )
    select reference from new_signal`.execute(db);
  return rows[0]!.reference;
}

export async function findSignal(
  db: Kysely<DB>,
  id: string,
  { lock = false } = {},
): Promise<SignalRow | undefined> {
  let q = selectSignals(db).where('signals.id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findByReceiptLookup(db: Kysely<DB>, lookup: string): Promise<SignalRow | undefined> {
  return selectSignals(db).where('signals.receipt_lookup', '=', lookup).executeTakeFirst();
}

export interface QueueFilter {
  holderOrganisationId: string | null;
  statuses?: readonly string[] | undefined;
  form?: string | undefined;
  acute?: boolean | undefined;
  minors?: boolean | undefined;
  assignedTo?: string | undefined;
  limit: number;
}

/** The queue: most urgent first (acute, then minors), then the nearest deadline. */
export async function listQueue(db: Kysely<DB>, f: QueueFilter): Promise<SignalRow[]> {
  let q = selectSignals(db);
  q =
    f.holderOrganisationId === null
      ? q.where('signals.holder_organisation_id', 'is', null)
      : q.where('signals.holder_organisation_id', '=', f.holderOrganisationId);
  if (f.statuses?.length) q = q.where('signals.status', 'in', [...f.statuses]);
  if (f.form) q = q.where(sql<boolean>`${f.form} = any(signals.forms)`);
  if (f.acute !== undefined) q = q.where('signals.acute', '=', f.acute);
  if (f.minors !== undefined) q = q.where('signals.minors', '=', f.minors);
  if (f.assignedTo) q = q.where('signals.assigned_to', '=', f.assignedTo);
  return q
    .orderBy(sql`signals.status in ('nieuw', 'in-behandeling')`, 'desc')
    .orderBy('signals.acute', 'desc')
    .orderBy('signals.minors', 'desc')
    .orderBy('signals.deadline_at')
    .limit(f.limit)
    .execute();
}

export async function listByReporter(db: Kysely<DB>, userId: string, limit: number): Promise<SignalRow[]> {
  return selectSignals(db)
    .where('signals.reporter_user_id', '=', userId)
    .orderBy('signals.received_at', 'desc')
    .limit(limit)
    .execute();
}

export async function listPersons(db: Kysely<DB>, signalId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('signal_persons')
    .selectAll()
    .where('signal_id', '=', signalId)
    .orderBy('position')
    .execute();
}

export async function listIdentifiers(db: Kysely<DB>, signalId: string): Promise<IdentifierRow[]> {
  return db
    .selectFrom('signal_identifiers')
    .selectAll()
    .where('signal_id', '=', signalId)
    .orderBy('position')
    .execute();
}

/** Other signals of the same holder that share a pseudonym with this one, and which types they share. */
export async function relatedByIdentifier(
  db: Kysely<DB>,
  signalId: string,
  holderOrganisationId: string | null,
): Promise<{ signal_id: string; type: string }[]> {
  let q = db
    .selectFrom('signal_identifiers as mine')
    .innerJoin('signal_identifiers as other', 'other.pseudonym', 'mine.pseudonym')
    .select(['other.signal_id', 'other.type'])
    .where('mine.signal_id', '=', signalId)
    .where('other.signal_id', '<>', signalId)
    .distinct();
  q =
    holderOrganisationId === null
      ? q.where('other.holder_organisation_id', 'is', null)
      : q.where('other.holder_organisation_id', '=', holderOrganisationId);
  return q.execute();
}

export async function findSignals(db: Kysely<DB>, ids: string[]): Promise<SignalRow[]> {
  if (ids.length === 0) return [];
  return selectSignals(db).where('signals.id', 'in', ids).execute();
}

export async function updateSignal(
  db: Kysely<DB>,
  id: string,
  values: Partial<{
    status: string;
    decision_reason_enc: string | null;
    review_on: string | null;
    assigned_to: string | null;
    decided_at: Date | null;
    merged_into: string | null;
    holder_organisation_id: string | null;
    municipality_code: string | null;
  }>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('signals')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function moveIdentifiers(
  db: Kysely<DB>,
  signalId: string,
  holder: string | null,
): Promise<void> {
  await db
    .updateTable('signal_identifiers')
    .set({ holder_organisation_id: holder })
    .where('signal_id', '=', signalId)
    .execute();
}

export async function appendEvent(
  db: Kysely<DB>,
  event: {
    signalId: string;
    at: Date;
    actorUserId: string | null;
    actorOrganisationId: string | null;
    kind: string;
    details?: Record<string, unknown>;
    textEnc?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('signal_events')
    .values({
      signal_id: event.signalId,
      at: event.at,
      actor_user_id: event.actorUserId,
      actor_organisation_id: event.actorOrganisationId,
      kind: event.kind,
      details: JSON.stringify(event.details ?? {}),
      text_enc: event.textEnc ?? null,
    })
    .execute();
}

export async function listEvents(db: Kysely<DB>, signalIds: string[]): Promise<EventRow[]> {
  if (signalIds.length === 0) return [];
  return db
    .selectFrom('signal_events')
    .selectAll()
    .where('signal_id', 'in', signalIds)
    .orderBy('id')
    .execute();
}

export async function insertLink(
  db: Kysely<DB>,
  a: string,
  b: string,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const result = await db
    .insertInto('signal_links')
    .values({ signal_id: first, related_signal_id: second, created_by: by, created_at: at })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listLinks(db: Kysely<DB>, signalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('signal_links')
    .select(['signal_id', 'related_signal_id'])
    .where((eb) => eb.or([eb('signal_id', '=', signalId), eb('related_signal_id', '=', signalId)]))
    .execute();
  return rows.map((r) => (r.signal_id === signalId ? r.related_signal_id : r.signal_id));
}

export async function listMergedInto(db: Kysely<DB>, signalId: string): Promise<string[]> {
  const rows = await db.selectFrom('signals').select('id').where('merged_into', '=', signalId).execute();
  return rows.map((r) => r.id);
}

export async function insertForward(
  db: Kysely<DB>,
  f: Insertable<SignalTables['signal_forwards']> & { id: string },
): Promise<void> {
  await db.insertInto('signal_forwards').values(f).execute();
}

export async function listForwardsOf(db: Kysely<DB>, signalId: string): Promise<ForwardRow[]> {
  return db
    .selectFrom('signal_forwards')
    .selectAll()
    .where('signal_id', '=', signalId)
    .orderBy('forwarded_at')
    .execute();
}

export async function listForwardsOfMany(db: Kysely<DB>, signalIds: string[]): Promise<ForwardRow[]> {
  if (signalIds.length === 0) return [];
  return db
    .selectFrom('signal_forwards')
    .selectAll()
    .where('signal_id', 'in', signalIds)
    .orderBy('forwarded_at')
    .execute();
}

export async function findForward(
  db: Kysely<DB>,
  id: string,
  { lock = false } = {},
): Promise<ForwardRow | undefined> {
  let q = db.selectFrom('signal_forwards').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listInbox(
  db: Kysely<DB>,
  organisationId: string,
  statuses: readonly string[] | undefined,
  limit: number,
): Promise<(ForwardRow & { reference: string; forms: string[]; acute: boolean; minors: boolean })[]> {
  let q = db
    .selectFrom('signal_forwards')
    .innerJoin('signals', 'signals.id', 'signal_forwards.signal_id')
    .selectAll('signal_forwards')
    .select(['signals.reference', 'signals.forms', 'signals.acute', 'signals.minors'])
    .where('signal_forwards.to_organisation_id', '=', organisationId);
  if (statuses?.length) q = q.where('signal_forwards.status', 'in', [...statuses]);
  return q
    .orderBy(sql`signal_forwards.status = 'afgerond'`)
    .orderBy('signals.acute', 'desc')
    .orderBy('signal_forwards.forwarded_at', 'desc')
    .limit(limit)
    .execute();
}

export async function updateForward(
  db: Kysely<DB>,
  id: string,
  values: Partial<{
    status: string;
    accepted_by: string | null;
    accepted_at: Date | null;
    outcome: string;
    outcome_reason_enc: string;
    reporter_summary_enc: string | null;
    outcome_by: string | null;
    outcome_at: Date;
  }>,
): Promise<void> {
  await db.updateTable('signal_forwards').set(values).where('id', '=', id).execute();
}

export async function insertMessage(
  db: Kysely<DB>,
  m: {
    signalId: string;
    author: 'reporter' | 'officer';
    authorUserId: string | null;
    bodyEnc: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('signal_messages')
    .values({
      signal_id: m.signalId,
      author: m.author,
      author_user_id: m.authorUserId,
      body_enc: m.bodyEnc,
      created_at: m.at,
    })
    .execute();
}

export async function listMessages(db: Kysely<DB>, signalId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('signal_messages')
    .selectAll()
    .where('signal_id', '=', signalId)
    .orderBy('id')
    .execute();
}

export async function findIdempotencyKey(
  db: Kysely<DB>,
  scope: string,
  key: string,
): Promise<{ request_hash: string; signal_id: string } | undefined> {
  return db
    .selectFrom('signal_idempotency_keys')
    .select(['request_hash', 'signal_id'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

export interface IndicatorRow {
  code: string;
  version: number;
  form: string;
  label_nl: string;
  label_en: string;
  source: string;
}

/** The latest version of every indicator. */
export async function listIndicators(db: Kysely<DB>): Promise<IndicatorRow[]> {
  return db
    .selectFrom('signal_indicators as i')
    .selectAll('i')
    .where(({ eb, selectFrom }) =>
      eb(
        'i.version',
        '=',
        selectFrom('signal_indicators as j')
          .select((e) => e.fn.max('j.version').as('v'))
          .whereRef('j.code', '=', 'i.code'),
      ),
    )
    .orderBy('i.code')
    .execute();
}

/** Signals awaiting a decision at a holder (null: the national queue), and how many are past their deadline. */
export async function countOpen(
  db: Kysely<DB>,
  holderOrganisationId: string | null,
  now: Date,
): Promise<{ open: number; overdue: number }> {
  let q = db
    .selectFrom('signals')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where deadline_at < ${now})::int`.as('overdue'),
    ])
    .where('status', 'in', ['nieuw', 'in-behandeling']);
  q =
    holderOrganisationId === null
      ? q.where('holder_organisation_id', 'is', null)
      : q.where('holder_organisation_id', '=', holderOrganisationId);
  return q.executeTakeFirstOrThrow();
}

export async function countInboxOpen(db: Kysely<DB>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('signal_forwards')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('to_organisation_id', '=', organisationId)
    .where('status', '<>', 'afgerond')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** National counts for a period `[from, to)`: see figures.ts for what each means. */
export async function periodFigures(
  db: Kysely<DB>,
  period: { from: Date; to: Date },
): Promise<{ received: number; decided: number; due: number; inTime: number; median: number | null }> {
  const { from, to } = period;
  return db
    .with('first_decision', (qb) =>
      qb
        .selectFrom('signal_events')
        .select(['signal_id', (eb) => eb.fn.min('at').as('at')])
        .where('kind', '=', 'decided')
        .groupBy('signal_id'),
    )
    .selectFrom('signals as s')
    .leftJoin('first_decision as d', 'd.signal_id', 's.id')
    .where('s.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('s.received_at', '>=', from), eb('s.received_at', '<', to)]),
        eb.and([eb('s.deadline_at', '>=', from), eb('s.deadline_at', '<', to)]),
        eb.and([eb('d.at', '>=', from), eb('d.at', '<', to)]),
      ]),
    )
    .select([
      sql<number>`count(*) filter (where s.received_at >= ${from} and s.received_at < ${to})::int`.as(
        'received',
      ),
      sql<number>`count(*) filter (where d.at >= ${from} and d.at < ${to})::int`.as('decided'),
      sql<number>`count(*) filter (where s.deadline_at >= ${from} and s.deadline_at < ${to})::int`.as('due'),
      sql<number>`count(*) filter (
        where s.deadline_at >= ${from} and s.deadline_at < ${to} and d.at <= s.deadline_at)::int`.as(
        'inTime',
      ),
      sql<number | null>`(percentile_cont(0.5) within group (
        order by extract(epoch from (d.at - s.received_at)) / 86400)
        filter (where d.at >= ${from} and d.at < ${to}))::float8`.as('median'),
    ])
    .executeTakeFirstOrThrow();
}
