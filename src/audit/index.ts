export {
  appendAuditEvent,
  linkPendingAuditEvents,
  verifyAuditChain,
  searchAudit,
  type ChainVerdict,
  type AuditSearch,
  type LinkOptions,
} from './service.js';
export { startAuditChainer, type AuditChainer, type ChainerOptions } from './chainer.js';
export type { AuditEvent, AuditEventInput, AuditOutcome } from './types.js';
