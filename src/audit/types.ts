export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What a service says happened. Actor, organisation and time come from the context. */
export interface AuditEventInput {
  /** Dotted verb, e.g. `auth.login`, `user.create`, `user.read`, `access.denied`. */
  action: string;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** The organisation that holds the record: lets an auditor of that organisation see who touched it. */
  recordOrganisationId?: string | null;
  /** Which personal data fields were created, read, changed or removed. */
  fields?: string[];
  /** Why: the purpose of processing for personal data, or the reason for a denial. */
  purpose?: string;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  outcome: AuditOutcome;
  recordType: string | null;
  recordId: string | null;
  recordOrganisationId: string | null;
  fields: string[];
  purpose: string | null;
  details: Record<string, unknown>;
}
