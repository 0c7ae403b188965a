// Kysely types of the tables the estimation module owns (saved estimates); joined into db/schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EstimationTables {}
