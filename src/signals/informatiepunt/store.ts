// SQL of the Informatiepunt's report meeting: its meetings and decisions, and the board read from the signals the
// inspectorate holds or was forwarded. Rows come back as stored: encrypted columns stay encrypted.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';

const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** Signals about labour exploitation or serious disadvantage at work. */
const LABOUR = sql<SqlBool>`('arbeidsuitbuiting' = any(s.forms) or s.serious_disadvantage)`;

/** A decision in a closed meeting of this organisation: the signal was discussed and leaves the list to discuss. */
const decidedInClosedMeeting = (organisationId: string) => sql<SqlBool>`exists (
  select 1 from informatiepunt_decisions d
  join informatiepunt_meetings m on m.id = d.meeting_id
  where d.signal_id = s.id and m.organisation_id = ${organisationId} and m.closed_at is not null)`;

export type BoardStatus = 'te-bespreken' | 'besproken' | 'alle';

export interface BoardRow {
  id: string;
  reference: string;
  holder_organisation_id: string | null;
  municipality_code: string | null;
  forms: string[];
  serious_disadvantage: boolean;
  sector: string | null;
  narrative_enc: string;
  acute: boolean;
  minors: boolean;
  received_at: Date;
  forward_id: string | null;
  forward_from: string | null;
  forward_purpose: string | null;
  forward_categories: string[] | null;
  forward_outcome: string | null;
  forwarded_at: Date | null;
  discussed: boolean;
}

function boardQuery(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('signals as s')
    .leftJoin('signal_forwards as f', (join) =>
      join.onRef('f.signal_id', '=', 's.id').on('f.to_organisation_id', '=', organisationId),
    )
    .where((eb) => eb.or([eb('s.holder_organisation_id', '=', organisationId), eb('f.id', 'is not', null)]))
    .where(LABOUR);
}

/** The board: acute signals first (for the quick response team), then minors, then the longest waiting. */
export async function listBoard(
  db: Kysely<DB>,
  organisationId: string,
  filter: {
    status: BoardStatus;
    reference?: string | undefined;
    signalId?: string | undefined;
    limit: number;
  },
): Promise<BoardRow[]> {
  let q = boardQuery(db, organisationId).select([
    's.id',
    's.reference',
    's.holder_organisation_id',
    's.municipality_code',
    's.forms',
    's.serious_disadvantage',
    's.sector',
    's.narrative_enc',
    's.acute',
    's.minors',
    's.received_at',
    'f.id as forward_id',
    'f.from_organisation_id as forward_from',
    'f.purpose as forward_purpose',
    'f.categories as forward_categories',
    'f.outcome as forward_outcome',
    'f.forwarded_at',
    sql<boolean>`${decidedInClosedMeeting(organisationId)}`.as('discussed'),
  ]);
  if (filter.status === 'te-bespreken')
    q = q.where(sql<SqlBool>`not ${decidedInClosedMeeting(organisationId)}`);
  if (filter.status === 'besproken') q = q.where(decidedInClosedMeeting(organisationId));
  if (filter.reference) q = q.where(sql<SqlBool>`upper(s.reference) = upper(${filter.reference})`);
  if (filter.signalId) q = q.where('s.id', '=', filter.signalId);
  return q
    .orderBy('s.acute', 'desc')
    .orderBy('s.minors', 'desc')
    .orderBy(sql`coalesce(f.forwarded_at, s.received_at)`)
    .orderBy('s.reference')
    .limit(filter.limit)
    .execute();
}

/** How many signals wait for the next meeting, and how many of them are acute. */
export async function countToDiscuss(
  db: Kysely<DB>,
  organisationId: string,
): Promise<{ total: number; acute: number }> {
  const row = await boardQuery(db, organisationId)
    .where(sql<SqlBool>`not ${decidedInClosedMeeting(organisationId)}`)
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where s.acute)::int`.as('acute'),
    ])
    .executeTakeFirstOrThrow();
  return { total: row.total, acute: row.acute };
}

export interface MeetingRow {
  id: string;
  organisation_id: string;
  held_on: string;
  chair: string;
  created_by: string | null;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  decisions: number;
}

function selectMeetings(db: Kysely<DB>) {
  return db
    .selectFrom('informatiepunt_meetings as m')
    .select([
      'm.id',
      'm.organisation_id',
      day('m.held_on').as('held_on'),
      'm.chair',
      'm.created_by',
      'm.created_at',
      'm.closed_at',
      'm.closed_by',
      sql<number>`(select count(*)::int from informatiepunt_decisions d where d.meeting_id = m.id)`.as(
        'decisions',
      ),
    ]);
}

export async function insertMeeting(
  db: Kysely<DB>,
  m: {
    id: string;
    organisationId: string;
    heldOn: string;
    chair: string;
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('informatiepunt_meetings')
    .values({
      id: m.id,
      organisation_id: m.organisationId,
      held_on: m.heldOn,
      chair: m.chair,
      created_by: m.createdBy,
      created_at: m.at,
      closed_at: null,
      closed_by: null,
    })
    .execute();
}

/** The organisation's meetings: open ones first, then the most recent. */
export async function listMeetings(
  db: Kysely<DB>,
  organisationId: string,
  limit: number,
): Promise<MeetingRow[]> {
  return selectMeetings(db)
    .where('m.organisation_id', '=', organisationId)
    .orderBy(sql`m.closed_at is null`, 'desc')
    .orderBy('m.held_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findMeeting(
  db: Kysely<DB>,
  id: string,
  { lock = false } = {},
): Promise<MeetingRow | undefined> {
  if (lock)
    await db.selectFrom('informatiepunt_meetings').select('id').where('id', '=', id).forUpdate().execute();
  return selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
}

export async function closeMeeting(db: Kysely<DB>, id: string, at: Date, by: string | null): Promise<void> {
  await db
    .updateTable('informatiepunt_meetings')
    .set({ closed_at: at, closed_by: by })
    .where('id', '=', id)
    .execute();
}

export interface DecisionRow {
  meeting_id: string;
  signal_id: string;
  reference: string;
  forms: string[];
  acute: boolean;
  decision: string;
  reason_enc: string;
  decided_by: string | null;
  decided_at: Date;
}

export async function insertDecision(
  db: Kysely<DB>,
  d: {
    meetingId: string;
    signalId: string;
    decision: string;
    reasonEnc: string;
    decidedBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('informatiepunt_decisions')
    .values({
      meeting_id: d.meetingId,
      signal_id: d.signalId,
      decision: d.decision,
      reason_enc: d.reasonEnc,
      decided_by: d.decidedBy,
      decided_at: d.at,
    })
    .execute();
}

/** A meeting's decisions in the order they were taken. */
export async function listDecisions(db: Kysely<DB>, meetingId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('informatiepunt_decisions as d')
    .innerJoin('signals as s', 's.id', 'd.signal_id')
    .select([
      'd.meeting_id',
      'd.signal_id',
      's.reference',
      's.forms',
      's.acute',
      'd.decision',
      'd.reason_enc',
      'd.decided_by',
      'd.decided_at',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.decided_at')
    .orderBy('s.reference')
    .execute();
}

/** The decisions the organisation's meetings took on these signals, newest meeting first. */
export async function decisionsOnSignals(
  db: Kysely<DB>,
  organisationId: string,
  signalIds: string[],
): Promise<
  { signal_id: string; meeting_id: string; held_on: string; decision: string; closed_at: Date | null }[]
> {
  if (signalIds.length === 0) return [];
  return db
    .selectFrom('informatiepunt_decisions as d')
    .innerJoin('informatiepunt_meetings as m', 'm.id', 'd.meeting_id')
    .select(['d.signal_id', 'd.meeting_id', day('m.held_on').as('held_on'), 'd.decision', 'm.closed_at'])
    .where('m.organisation_id', '=', organisationId)
    .where('d.signal_id', 'in', signalIds)
    .orderBy('m.held_on', 'desc')
    .orderBy('d.decided_at', 'desc')
    .execute();
}
