// Kysely types of the tables the action plan module owns; joined into db/schema.ts. Dates (`date`) and numbers
// (`numeric`) are read through casts in store.ts, so their driver-specific shapes never leak out.
import type { ColumnType, Generated } from 'kysely';

type DateColumn = ColumnType<Date | string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NumericColumn = ColumnType<string | number, number, number>;

export interface ActionPlanPlansTable {
  code: string;
  title: string;
  kind: 'programma' | 'actieplan';
  published_on: DateColumn | null;
  reporting_from: DateColumn | null;
  source: string;
}

export interface ActionPlanStrategicGoalsTable {
  code: string;
  plan_code: string;
  number: number;
  title: string;
  source: string;
}

export interface ActionPlanActionLinesTable {
  code: string;
  plan_code: string;
  number: number;
  title: string;
  description: string;
  source: string;
}

export interface ActionPlanOperationalGoalsTable {
  code: string;
  action_line_code: string;
  title: string;
  source: string | null;
}

export interface ActionPlanActionsTable {
  code: string;
  plan_code: string;
  action_line_code: string;
  operational_goal_code: string | null;
  position: number;
  title: string;
  description: string;
  section: string | null;
  start_on: DateColumn | null;
  end_on: DateColumn | null;
  source: string;
}

export interface ActionPlanActionOrganisationsTable {
  action_code: string;
  role: 'actiehouder' | 'betrokken';
  position: number;
  name: string;
  organisation_type: string | null;
  schakel_name: string | null;
}

export interface ActionPlanActionExploitationFormsTable {
  action_code: string;
  form: string;
}

export interface ActionPlanActionGoalsTable {
  action_code: string;
  strategic_goal_code: string;
}

export interface ActionPlanIndicatorsTable {
  code: string;
  plan_code: string;
  action_code: string | null;
  action_line_code: string | null;
  definition: string;
  unit: string;
  baseline: NumericColumn | null;
  baseline_period: string | null;
  target: NumericColumn | null;
  target_period: string | null;
  computation: string | null;
  source: string;
}

export interface ActionPlanMeasurementsTable {
  id: Generated<string>;
  indicator_code: string;
  period: string;
  value: NumericColumn;
  source: string;
  note: string | null;
  entered_by: string | null;
  entered_at: Timestamp;
  /** The measurement this one corrects (migration 0011); null: a first measurement. */
  supersedes: string | null;
  /** The computation that produced it (computations.ts); null: entered by hand. */
  computation: string | null;
}

export interface ActionPlanProgressUpdatesTable {
  id: Generated<string>;
  action_code: string;
  period: string;
  status: string;
  reason: string | null;
  done: string;
  next: string;
  risks: string;
  organisation_id: string;
  submitted_by: string;
  submitted_at: Timestamp;
}

export interface ActionPlanReviewsTable {
  id: Generated<string>;
  update_id: string;
  decision: 'geaccepteerd' | 'aanpassen';
  comment: string;
  organisation_id: string;
  reviewed_by: string;
  reviewed_at: Timestamp;
}

export interface MunicipalAssessmentsTable {
  id: Generated<string>;
  municipality_code: string;
  organisation_id: string;
  submitted_by: string;
  submitted_at: Timestamp;
}

export interface MunicipalAssessmentAnswersTable {
  assessment_id: string;
  element_code: string;
  status: 'ja' | 'deels' | 'nee' | 'onbekend';
  evidence: string;
  evidence_on: DateColumn | null;
}

export interface ActionPlanTables {
  actionplan_plans: ActionPlanPlansTable;
  actionplan_strategic_goals: ActionPlanStrategicGoalsTable;
  actionplan_action_lines: ActionPlanActionLinesTable;
  actionplan_operational_goals: ActionPlanOperationalGoalsTable;
  actionplan_actions: ActionPlanActionsTable;
  actionplan_action_organisations: ActionPlanActionOrganisationsTable;
  actionplan_action_exploitation_forms: ActionPlanActionExploitationFormsTable;
  actionplan_action_goals: ActionPlanActionGoalsTable;
  actionplan_indicators: ActionPlanIndicatorsTable;
  actionplan_measurements: ActionPlanMeasurementsTable;
  actionplan_progress_updates: ActionPlanProgressUpdatesTable;
  actionplan_reviews: ActionPlanReviewsTable;
  municipal_assessments: MunicipalAssessmentsTable;
  municipal_assessment_answers: MunicipalAssessmentAnswersTable;
}
