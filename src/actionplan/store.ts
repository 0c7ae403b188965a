// SQL for the action plan: the plan as seeded data, and the append-only progress updates, reviews and measurements.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const num = (column: string) => sql<number | null>`${sql.ref(column)}::float8`;

export interface PlanRow {
  code: string;
  title: string;
  kind: 'programma' | 'actieplan';
  published: string | null;
  reportingFrom: string | null;
  source: string;
}

export async function listPlans(db: Kysely<DB>): Promise<PlanRow[]> {
  return db
    .selectFrom('actionplan_plans')
    .select([
      'code',
      'title',
      'kind',
      'source',
      day('published_on').as('published'),
      day('reporting_from').as('reportingFrom'),
    ])
    .orderBy('code', 'desc')
    .execute();
}

export async function listStrategicGoals(db: Kysely<DB>, planCode?: string) {
  let q = db
    .selectFrom('actionplan_strategic_goals')
    .select(['code', 'plan_code', 'number', 'title', 'source']);
  if (planCode) q = q.where('plan_code', '=', planCode);
  return q.orderBy('plan_code', 'desc').orderBy('number').execute();
}

export async function listActionLines(db: Kysely<DB>, planCode?: string) {
  let q = db
    .selectFrom('actionplan_action_lines')
    .select(['code', 'plan_code', 'number', 'title', 'description', 'source']);
  if (planCode) q = q.where('plan_code', '=', planCode);
  return q.orderBy('plan_code', 'desc').orderBy('number').execute();
}

export async function listOperationalGoals(db: Kysely<DB>) {
  return db
    .selectFrom('actionplan_operational_goals')
    .select(['code', 'action_line_code', 'title'])
    .orderBy('code')
    .execute();
}

export interface ActionFilter {
  planCode?: string | undefined;
  actionLineCode?: string | undefined;
  /** Name of an action holder as the text gives it, or its name in Schakel. */
  holder?: string | undefined;
  form?: string | undefined;
  code?: string | undefined;
}

export async function listActions(db: Kysely<DB>, filter: ActionFilter = {}) {
  let q = db
    .selectFrom('actionplan_actions as a')
    .select([
      'a.code',
      'a.plan_code',
      'a.action_line_code',
      'a.operational_goal_code',
      'a.title',
      'a.description',
      'a.section',
      'a.source',
      day('a.start_on').as('start'),
      day('a.end_on').as('end'),
    ]);
  if (filter.code) q = q.where('a.code', '=', filter.code);
  if (filter.planCode) q = q.where('a.plan_code', '=', filter.planCode);
  if (filter.actionLineCode) q = q.where('a.action_line_code', '=', filter.actionLineCode);
  if (filter.holder) {
    const holder = filter.holder;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('actionplan_action_organisations as o')
          .select('o.action_code')
          .whereRef('o.action_code', '=', 'a.code')
          .where('o.role', '=', 'actiehouder')
          .where((eb) => eb.or([eb('o.name', '=', holder), eb('o.schakel_name', '=', holder)])),
      ),
    );
  }
  if (filter.form) {
    const form = filter.form;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('actionplan_action_exploitation_forms as f')
          .select('f.action_code')
          .whereRef('f.action_code', '=', 'a.code')
          .where('f.form', '=', form),
      ),
    );
  }
  return q.orderBy('a.plan_code', 'desc').orderBy('a.position').orderBy('a.code').execute();
}

/** Organisations of the actions, linked to a Schakel organisation where one is registered under `schakel_name`. */
export async function listActionOrganisations(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('actionplan_action_organisations as o')
    .leftJoin('organisations as org', 'org.name', 'o.schakel_name')
    .select([
      'o.action_code',
      'o.role',
      'o.name',
      'o.organisation_type',
      'o.schakel_name',
      'org.id as organisation_id',
    ])
    .where('o.action_code', 'in', codes)
    .orderBy('o.action_code')
    .orderBy('o.role')
    .orderBy('o.position')
    .execute();
}

export async function listHolderNames(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('actionplan_action_organisations')
    .select('name')
    .distinct()
    .where('role', '=', 'actiehouder')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

export async function listForms(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('actionplan_action_exploitation_forms')
    .select(['action_code', 'form'])
    .where('action_code', 'in', codes)
    .execute();
}

export async function listActionGoals(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('actionplan_action_goals')
    .select(['action_code', 'strategic_goal_code'])
    .where('action_code', 'in', codes)
    .execute();
}

export async function listUpdates(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('actionplan_progress_updates as u')
    .innerJoin('organisations as org', 'org.id', 'u.organisation_id')
    .innerJoin('users as usr', 'usr.id', 'u.submitted_by')
    .select([
      'u.id',
      'u.action_code',
      'u.period',
      'u.status',
      'u.reason',
      'u.done',
      'u.next',
      'u.risks',
      'u.organisation_id',
      'org.name as organisation_name',
      'usr.display_name as submitted_by_name',
      'u.submitted_at',
    ])
    .where('u.action_code', 'in', codes)
    .orderBy('u.submitted_at', 'desc')
    .execute();
}

export async function listReviews(db: Kysely<DB>, updateIds: string[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom('actionplan_reviews as r')
    .innerJoin('organisations as org', 'org.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.update_id',
      'r.decision',
      'r.comment',
      'org.name as organisation_name',
      'r.reviewed_at',
    ])
    .where('r.update_id', 'in', updateIds)
    .orderBy('r.reviewed_at', 'desc')
    .execute();
}

export async function listIndicators(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('actionplan_indicators')
    .select([
      'code',
      'action_code',
      'definition',
      'unit',
      num('baseline').as('baseline'),
      'baseline_period',
      num('target').as('target'),
      'target_period',
      'computation',
      'source',
    ])
    .where('action_code', 'in', codes)
    .orderBy('code')
    .execute();
}

/** The current measurements of the indicators: those no later measurement supersedes (migration 0011). */
export async function listMeasurements(db: Kysely<DB>, indicatorCodes: string[]) {
  if (indicatorCodes.length === 0) return [];
  return db
    .selectFrom('actionplan_measurements as m')
    .select([
      'm.id',
      'm.indicator_code',
      'm.period',
      num('m.value').as('value'),
      'm.source',
      'm.note',
      'm.computation',
      'm.entered_at',
    ])
    .where('m.indicator_code', 'in', indicatorCodes)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('actionplan_measurements as later')
            .select('later.id')
            .whereRef('later.supersedes', '=', 'm.id'),
        ),
      ),
    )
    .orderBy('m.period')
    .orderBy('m.entered_at')
    .execute();
}

/** Every measurement of one indicator, superseded ones too, newest first, with who entered it. */
export async function listMeasurementHistory(db: Kysely<DB>, indicatorCode: string) {
  return db
    .selectFrom('actionplan_measurements as m')
    .leftJoin('users as usr', 'usr.id', 'm.entered_by')
    .leftJoin('actionplan_measurements as later', 'later.supersedes', 'm.id')
    .select([
      'm.id',
      'm.period',
      num('m.value').as('value'),
      'm.source',
      'm.note',
      'm.computation',
      'm.supersedes',
      'later.id as superseded_by',
      'usr.display_name as entered_by_name',
      'm.entered_at',
    ])
    .where('m.indicator_code', '=', indicatorCode)
    .orderBy('m.entered_at', 'desc')
    .orderBy('m.id')
    .execute();
}

/** One indicator, or undefined. */
export async function findIndicator(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('actionplan_indicators')
    .select([
      'code',
      'plan_code',
      'action_code',
      'action_line_code',
      'definition',
      'unit',
      num('baseline').as('baseline'),
      'baseline_period',
      num('target').as('target'),
      'target_period',
      'computation',
      'source',
    ])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Serialises the measurements of one indicator within a transaction (who supersedes what is decided under it). */
export async function lockIndicator(db: Kysely<DB>, code: string): Promise<void> {
  await db.selectFrom('actionplan_indicators').select('code').where('code', '=', code).forUpdate().execute();
}

export async function updateExists(db: Kysely<DB>, actionCode: string, id: string) {
  const row = await db
    .selectFrom('actionplan_progress_updates')
    .select('id')
    .where('id', '=', id)
    .where('action_code', '=', actionCode)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUpdate(
  db: Kysely<DB>,
  row: {
    action_code: string;
    period: string;
    status: string;
    reason: string | null;
    done: string;
    next: string;
    risks: string;
    organisation_id: string;
    submitted_by: string;
    submitted_at: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('actionplan_progress_updates')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertReview(
  db: Kysely<DB>,
  row: {
    update_id: string;
    decision: 'geaccepteerd' | 'aanpassen';
    comment: string;
    organisation_id: string;
    reviewed_by: string;
    reviewed_at: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('actionplan_reviews')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** For the programme team's later editing and for tests: an action with its holders. */
export async function insertAction(
  db: Kysely<DB>,
  action: {
    code: string;
    planCode: string;
    actionLineCode: string;
    title: string;
    description: string;
    source: string;
    start?: string;
    holders: { name: string; schakelName?: string; type?: string }[];
    forms?: string[];
  },
): Promise<void> {
  await db
    .insertInto('actionplan_actions')
    .values({
      code: action.code,
      plan_code: action.planCode,
      action_line_code: action.actionLineCode,
      operational_goal_code: null,
      position: 1000,
      title: action.title,
      description: action.description,
      section: null,
      start_on: action.start ?? null,
      end_on: null,
      source: action.source,
    })
    .execute();
  for (const [i, holder] of action.holders.entries()) {
    await db
      .insertInto('actionplan_action_organisations')
      .values({
        action_code: action.code,
        role: 'actiehouder',
        position: i + 1,
        name: holder.name,
        organisation_type: holder.type ?? null,
        schakel_name: holder.schakelName ?? holder.name,
      })
      .execute();
  }
  for (const form of action.forms ?? []) {
    await db
      .insertInto('actionplan_action_exploitation_forms')
      .values({ action_code: action.code, form })
      .execute();
  }
}

/** Every indicator of a plan: those of its actions, of its action lines and of the plan itself. */
export async function listPlanIndicators(db: Kysely<DB>, planCode: string) {
  return db
    .selectFrom('actionplan_indicators')
    .select([
      'code',
      'action_code',
      'action_line_code',
      'definition',
      'unit',
      num('baseline').as('baseline'),
      'baseline_period',
      num('target').as('target'),
      'target_period',
      'computation',
      'source',
    ])
    .where('plan_code', '=', planCode)
    .orderBy('code')
    .execute();
}

/** For the programme team's later editing and for tests: an indicator. */
export async function insertIndicator(
  db: Kysely<DB>,
  indicator: {
    code: string;
    planCode: string;
    actionCode?: string;
    actionLineCode?: string;
    definition: string;
    unit: string;
    baseline?: number;
    baselinePeriod?: string;
    target?: number;
    targetPeriod?: string;
    computation?: string;
    source: string;
  },
): Promise<void> {
  await db
    .insertInto('actionplan_indicators')
    .values({
      code: indicator.code,
      plan_code: indicator.planCode,
      action_code: indicator.actionCode ?? null,
      action_line_code: indicator.actionLineCode ?? null,
      definition: indicator.definition,
      unit: indicator.unit,
      baseline: indicator.baseline ?? null,
      baseline_period: indicator.baselinePeriod ?? null,
      target: indicator.target ?? null,
      target_period: indicator.targetPeriod ?? null,
      computation: indicator.computation ?? null,
      source: indicator.source,
    })
    .execute();
}

/** Appends a measurement (measurements are never changed: a correction is a later row that supersedes one). */
export async function insertMeasurement(
  db: Kysely<DB>,
  row: {
    indicatorCode: string;
    period: string;
    value: number;
    source: string;
    note?: string | null;
    enteredBy?: string;
    enteredAt: Date;
    supersedes?: string | null;
    computation?: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('actionplan_measurements')
    .values({
      indicator_code: row.indicatorCode,
      period: row.period,
      value: row.value,
      source: row.source,
      note: row.note ?? null,
      entered_by: row.enteredBy ?? null,
      entered_at: row.enteredAt,
      supersedes: row.supersedes ?? null,
      computation: row.computation ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
