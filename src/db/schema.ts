// Kysely's view of the tables. Each table has one owning module (see the migrations' headers); other modules go
// through that module's index.ts, never its tables.
import type { ColumnType, Generated } from 'kysely';
import type { ActionPlanTables } from '../actionplan/tables.js';
import type { EstimationTables } from '../estimation/tables.js';
import type { SharingTables } from '../sharing/tables.js';
import type { SignalTables } from '../signals/tables.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  type: string;
  municipality_code: string | null;
  region_kind: string | null;
  region_code: string | null;
  contact_email: string | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_confirmed_at: Timestamp | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  activation_code_hash: string | null;
  activation_expires_at: Timestamp | null;
  language: Generated<string>;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: string;
  granted_at: Generated<Date>;
  granted_by: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  organisation_id: string | null;
  auth_method: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  second_factor_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface IdentityProvidersTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string;
  trust_provider_mfa: Generated<boolean>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ExternalIdentitiesTable {
  provider_id: string;
  subject: string;
  user_id: string;
  linked_at: Generated<Date>;
}

export interface OidcLoginStatesTable {
  state: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
}

export interface EncryptionKeysTable {
  id: string;
  wrapped_key: string;
  created_at: Generated<Date>;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  outcome: string;
  record_type: string | null;
  record_id: string | null;
  record_organisation_id: string | null;
  fields: string[];
  purpose: string | null;
  details: Json;
  /** Position in the hash chain; null while the event is pending (not linked yet, decision 0005). */
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface RegionsTable {
  kind: string;
  code: string;
  name: string;
  to_be_confirmed: Generated<boolean>;
  source: string;
}

export interface MunicipalitiesTable {
  year: number;
  code: string;
  name: string;
  safety_region_code: string;
  police_unit_code: string;
  riec_code: string;
  care_region_code: string;
}

// Tables of the later modules are declared beside them and joined in here.
export interface DB extends EstimationTables, ActionPlanTables, SharingTables, SignalTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  identity_providers: IdentityProvidersTable;
  external_identities: ExternalIdentitiesTable;
  oidc_login_states: OidcLoginStatesTable;
  encryption_keys: EncryptionKeysTable;
  audit_events: AuditEventsTable;
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
}
