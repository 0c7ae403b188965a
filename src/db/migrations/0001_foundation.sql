-- Foundation: organisations, users and their roles, sessions, encryption keys, the audit log.
-- Owners: auth/ (users, sessions, identity_providers, external_identities, oidc_login_states),
-- organisations/ (organisations, memberships), crypto/ (encryption_keys), audit/ (audit_events).

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 200),
  type text not null check (type in ('gemeente', 'zorgcoordinatie', 'comensha', 'politie', 'kmar', 'arbeidsinspectie',
    'om', 'riec', 'liec', 'veilig-thuis', 'zorg-opvang', 'ngo', 'ministerie', 'nationaal-rapporteur')),
  -- The place: a municipality (CBS code), a region, or neither for a national organisation.
  municipality_code text,
  region_kind text,
  region_code text,
  contact_email text,
  created_at timestamptz not null default now(),
  check (municipality_code is null or region_code is null),
  check ((region_kind is null) = (region_code is null))
);
create unique index organisations_name_key on organisations (lower(name));

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null check (length(display_name) between 1 and 200),
  password_hash text,
  -- Encrypted with an envelope key (crypto/): a TOTP secret is a credential.
  totp_secret_enc text,
  totp_confirmed_at timestamptz,
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  -- One-time activation code (SHA-256) handed over by a beheerder; the user sets a password with it.
  activation_code_hash text,
  activation_expires_at timestamptz,
  language text not null default 'nl' check (language in ('nl', 'en')),
  created_at timestamptz not null default now(),
  check (email = lower(email))
);
create unique index users_email_key on users (email);

create table memberships (
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  role text not null check (role in ('melder', 'aandachtsfunctionaris', 'informatiepunt', 'zorgcoordinator',
    'comensha-registrator', 'opsporing', 'riec-adviseur', 'analist', 'beleidsmedewerker', 'beheerder', 'auditor',
    'privacyfunctionaris', 'landelijk-beheerder')),
  granted_at timestamptz not null default now(),
  granted_by uuid references users (id) on delete set null,
  primary key (user_id, organisation_id, role)
);
create index memberships_organisation_idx on memberships (organisation_id);

create table sessions (
  -- SHA-256 of the token in the cookie: a stolen database does not yield live sessions.
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  auth_method text not null check (auth_method in ('password', 'oidc')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  second_factor_at timestamptz,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table identity_providers (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null,
  issuer text not null,
  client_id text not null,
  client_secret_enc text not null,
  -- When true the provider's own second factor (amr claim) counts as Schakel's.
  trust_provider_mfa boolean not null default false,
  enabled boolean not null default true,
  created_at timestamptz not null default now()
);

create table external_identities (
  provider_id uuid not null references identity_providers (id) on delete cascade,
  subject text not null,
  user_id uuid not null references users (id) on delete cascade,
  linked_at timestamptz not null default now(),
  primary key (provider_id, subject)
);

create table oidc_login_states (
  state text primary key,
  provider_id uuid not null references identity_providers (id) on delete cascade,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null
);

create table encryption_keys (
  id text primary key,
  -- The data key, wrapped (AES-256-GCM) by the master key that lives outside the database.
  wrapped_key text not null,
  created_at timestamptz not null default now()
);

create table audit_events (
  seq bigint generated always as identity primary key,
  id uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text not null,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  record_type text,
  record_id text,
  record_organisation_id uuid,
  fields text[] not null default '{}',
  purpose text,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null unique
);
create index audit_events_actor_idx on audit_events (actor_user_id, seq);
create index audit_events_record_idx on audit_events (record_type, record_id);
create index audit_events_action_idx on audit_events (action, seq);
create index audit_events_org_idx on audit_events (actor_organisation_id, seq);

-- Append-only: the application never updates or deletes audit rows. In production the application's database role
-- also lacks UPDATE and DELETE on this table (docs/operations.md); the hash chain catches what slips past both.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end $$;
create trigger audit_events_no_change before update or delete on audit_events
  for each row execute function audit_events_append_only();
