export {
  appendAuditEvent,
  verifyAuditChain,
  searchAudit,
  type ChainVerdict,
  type AuditSearch,
} from './service.js';
export type { AuditEvent, AuditEventInput, AuditOutcome } from './types.js';
