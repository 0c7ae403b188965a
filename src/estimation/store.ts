// SQL for saved estimates (this module's table). Rows are always read within one organisation: a caller cannot
// reach another organisation's estimate by its id.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface HistoryCount {
  flags: number[];
  count: number;
}

export interface EstimateRecord {
  id: string;
  organisationId: string;
  createdBy: string | null;
  createdAt: Date;
  title: string;
  lists: string[];
  histories: HistoryCount[];
  options: Record<string, unknown>;
  result: Record<string, unknown>;
}

export interface NewEstimateRecord {
  organisationId: string;
  createdBy: string | null;
  createdAt: Date;
  title: string;
  lists: string[];
  histories: HistoryCount[];
  options: Record<string, unknown>;
  result: Record<string, unknown>;
}

const columns = [
  'id',
  'organisation_id',
  'created_by',
  'created_at',
  'title',
  'lists',
  'histories',
  'options',
  'result',
] as const;

type Row = {
  id: string;
  organisation_id: string;
  created_by: string | null;
  created_at: Date;
  title: string;
  lists: string[];
  histories: HistoryCount[];
  options: Record<string, unknown>;
  result: Record<string, unknown>;
};

function toRecord(row: Row): EstimateRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    title: row.title,
    lists: row.lists,
    histories: row.histories,
    options: row.options,
    result: row.result,
  };
}

export async function insertEstimate(db: Kysely<DB>, record: NewEstimateRecord): Promise<EstimateRecord> {
  const row = await db
    .insertInto('estimates')
    .values({
      organisation_id: record.organisationId,
      created_by: record.createdBy,
      created_at: record.createdAt,
      title: record.title,
      lists: JSON.stringify(record.lists),
      histories: JSON.stringify(record.histories),
      options: JSON.stringify(record.options),
      result: JSON.stringify(record.result),
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function listEstimates(db: Kysely<DB>, organisationId: string): Promise<EstimateRecord[]> {
  const rows = await db
    .selectFrom('estimates')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(toRecord);
}

export async function findEstimate(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
): Promise<EstimateRecord | undefined> {
  const row = await db
    .selectFrom('estimates')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRecord(row);
}
