// What other modules may use of the action plan (the biennial report and the municipal monitor build on these).
export { listActions, getAction, type Action, type ActionDetail, type ProgressUpdate } from './service.js';
export {
  listPlans,
  getPlanTree,
  planHealth,
  type PlanSummary,
  type PlanTree,
  type ActionLineHealth,
} from './plan.js';
export { STATUSES, FORMS, periodOf, duePeriod, type Status, type Form } from './rules.js';
