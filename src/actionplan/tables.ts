// Kysely types of the tables the action plan module owns; joined into db/schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionPlanTables {}
