// Kysely types of the tables the signals module owns; joined into db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Day = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface SignalTables {
  signal_indicators: {
    code: string;
    version: number;
    form: string;
    label_nl: string;
    label_en: string;
    source: string;
  };
  signals: {
    id: Generated<string>;
    reference: string;
    channel: 'professional' | 'partner' | 'anonymous';
    holder_organisation_id: string | null;
    municipality_code: string | null;
    observed_on: Day | null;
    forms: string[];
    indicators: string[];
    serious_disadvantage: boolean;
    sector: string | null;
    narrative_enc: string;
    acute: boolean;
    minors: boolean;
    status: string;
    decision_reason_enc: string | null;
    review_on: Day | null;
    assigned_to: string | null;
    reporter_user_id: string | null;
    reporter_organisation_id: string | null;
    received_at: Timestamp;
    deadline_at: Timestamp;
    decided_at: Timestamp | null;
    merged_into: string | null;
    receipt_lookup: string | null;
    receipt_hash: string | null;
    reporter_language: string | null;
    contact_enc: string | null;
    updated_at: Timestamp;
  };
  signal_persons: {
    signal_id: string;
    position: number;
    role: string;
    description_enc: string | null;
    approximate_age: number | null;
    gender: string | null;
    nationality: string | null;
  };
  signal_identifiers: {
    signal_id: string;
    position: number;
    type: string;
    value_enc: string;
    pseudonym: string;
    holder_organisation_id: string | null;
  };
  signal_events: {
    id: Generated<string>;
    signal_id: string;
    at: Timestamp;
    actor_user_id: string | null;
    actor_organisation_id: string | null;
    kind: string;
    details: Json;
    text_enc: string | null;
  };
  signal_links: {
    signal_id: string;
    related_signal_id: string;
    created_by: string | null;
    created_at: Timestamp;
  };
  signal_forwards: {
    id: Generated<string>;
    signal_id: string;
    from_organisation_id: string;
    to_organisation_id: string;
    purpose: string;
    rule_id: string;
    rule_version: number;
    legal_basis: string;
    categories: string[];
    withheld: string[];
    status: Generated<string>;
    forwarded_by: string | null;
    forwarded_at: Timestamp;
    accepted_by: string | null;
    accepted_at: Timestamp | null;
    outcome: string | null;
    outcome_reason_enc: string | null;
    reporter_summary_enc: string | null;
    outcome_by: string | null;
    outcome_at: Timestamp | null;
  };
  signal_messages: {
    id: Generated<string>;
    signal_id: string;
    author: 'reporter' | 'officer';
    author_user_id: string | null;
    body_enc: string;
    created_at: Timestamp;
  };
  signal_idempotency_keys: {
    scope: string;
    key: string;
    request_hash: string;
    signal_id: string;
    created_at: Timestamp;
  };
  informatiepunt_meetings: {
    id: Generated<string>;
    organisation_id: string;
    held_on: Day;
    chair: string;
    created_by: string | null;
    created_at: Timestamp;
    closed_at: Timestamp | null;
    closed_by: string | null;
  };
  informatiepunt_decisions: {
    meeting_id: string;
    signal_id: string;
    decision: string;
    reason_enc: string;
    decided_by: string | null;
    decided_at: Timestamp;
  };
}
