// Kysely types of the tables the estimation module owns (saved estimates); joined into db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface EstimatesTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  title: string;
  lists: Json<string[]>;
  histories: Json<{ flags: number[]; count: number }[]>;
  options: Json<Record<string, unknown>>;
  result: Json<Record<string, unknown>>;
}

export interface EstimationTables {
  estimates: EstimatesTable;
}
