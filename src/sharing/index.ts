export {
  decideShare,
  currentRules,
  type ShareDecision,
  type ShareRequest,
  type ConsentRecord,
  type RuleRef,
} from './decide.js';
export { decideWithTable, listRules } from './service.js';
export { PURPOSES, CATEGORIES, type Purpose, type Category, type SharingRule } from './rules.js';
export { sharingRoutes } from './routes.js';
