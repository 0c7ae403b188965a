-- Signals (owner: signals/): the reporting point (meldpunt) of a municipality, the national queue, triage,
-- forwarding with outcomes, feedback to reporters, anonymous reports with receipt codes, and the Informatiepunt's
-- report meetings. Free text and descriptions of people are encrypted at rest (`*_enc`, crypto/ envelope keys);
-- identifiers are stored encrypted for display and as a keyed HMAC pseudonym for linking, never as a plain hash.

-- The indicator catalogue: one list per form of exploitation, versioned (src/signals/data/README.md).
create table signal_indicators (
  code text not null check (code ~ '^[A-Z]{2}-[0-9]{2}$'),
  version integer not null check (version > 0),
  form text not null check (form in ('seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting',
    'overige-uitbuiting', 'orgaanverwijdering')),
  label_nl text not null,
  label_en text not null,
  source text not null,
  primary key (code, version)
);

create temporary table signal_indicators_import (
  code text, version text, form text, label_nl text, label_en text, source text
) on commit drop;

-- @csv ../../signals/data/indicators-v1.csv signal_indicators_import

insert into signal_indicators (code, version, form, label_nl, label_en, source)
select code, version::integer, form, label_nl, label_en, source from signal_indicators_import;

create sequence signal_reference_seq;

create table signals (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  channel text not null check (channel in ('professional', 'partner', 'anonymous')),
  -- The organisation whose reporting point holds the signal; null: the national queue.
  holder_organisation_id uuid references organisations (id),
  municipality_code text check (municipality_code ~ '^GM[0-9]{4}$'),
  observed_on date,
  forms text[] not null,
  indicators text[] not null default '{}',
  serious_disadvantage boolean not null default false,
  sector text,
  narrative_enc text not null,
  acute boolean not null default false,
  minors boolean not null default false,
  status text not null default 'nieuw'
    check (status in ('nieuw', 'in-behandeling', 'doorgezet', 'monitoren', 'afgesloten', 'samengevoegd')),
  decision_reason_enc text,
  review_on date,
  assigned_to uuid references users (id) on delete set null,
  reporter_user_id uuid references users (id) on delete set null,
  reporter_organisation_id uuid references organisations (id) on delete set null,
  received_at timestamptz not null,
  deadline_at timestamptz not null,
  decided_at timestamptz,
  merged_into uuid references signals (id),
  -- Anonymous reports: the first 8 characters of the receipt code find the row; the rest is checked against a slow
  -- hash (argon2id). The language the reporter used; an optional way to reach them (encrypted).
  receipt_lookup text unique,
  receipt_hash text,
  reporter_language text,
  contact_enc text,
  updated_at timestamptz not null,
  check ((channel = 'anonymous') = (receipt_hash is not null)),
  check (status <> 'samengevoegd' or merged_into is not null),
  check (cardinality(forms) > 0 or channel = 'anonymous')
);
create index signals_queue on signals (holder_organisation_id, status, deadline_at);
create index signals_reporter on signals (reporter_user_id, received_at desc);

create table signal_persons (
  signal_id uuid not null references signals (id) on delete cascade,
  position integer not null check (position between 1 and 10),
  role text not null check (role in ('mogelijk-slachtoffer', 'mogelijke-dader', 'overig')),
  description_enc text,
  approximate_age integer check (approximate_age between 0 and 120),
  gender text check (gender in ('man', 'vrouw', 'anders', 'onbekend')),
  nationality text check (nationality ~ '^[A-Z]{2}$'),
  primary key (signal_id, position)
);

create table signal_identifiers (
  signal_id uuid not null references signals (id) on delete cascade,
  position integer not null check (position between 1 and 30),
  type text not null check (type in ('phone', 'address', 'kvk', 'licence-plate', 'iban', 'email', 'url')),
  value_enc text not null,
  -- HMAC-SHA256 of type and normalised value under a key the keyring derives; equal identifiers, equal pseudonyms.
  pseudonym text not null,
  holder_organisation_id uuid references organisations (id),
  primary key (signal_id, position)
);
create index signal_identifiers_match on signal_identifiers (holder_organisation_id, pseudonym);

-- The timeline: every change, append-only. Free text (reasons, notes) is encrypted in `text_enc`.
create table signal_events (
  id bigint generated always as identity primary key,
  signal_id uuid not null references signals (id) on delete cascade,
  at timestamptz not null,
  actor_user_id uuid references users (id) on delete set null,
  actor_organisation_id uuid references organisations (id) on delete set null,
  kind text not null,
  details jsonb not null default '{}',
  text_enc text
);
create index signal_events_signal on signal_events (signal_id, id);

create function signal_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'signal_events is append-only';
end $$;
create trigger signal_events_no_update before update on signal_events
  for each row execute function signal_events_append_only();

create table signal_links (
  signal_id uuid not null references signals (id) on delete cascade,
  related_signal_id uuid not null references signals (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  primary key (signal_id, related_signal_id),
  check (signal_id < related_signal_id)
);

create table signal_forwards (
  id uuid primary key default gen_random_uuid(),
  signal_id uuid not null references signals (id) on delete cascade,
  from_organisation_id uuid not null references organisations (id),
  to_organisation_id uuid not null references organisations (id),
  purpose text not null,
  rule_id text not null,
  rule_version integer not null,
  legal_basis text not null,
  categories text[] not null,
  withheld text[] not null default '{}',
  status text not null default 'verzonden' check (status in ('verzonden', 'geaccepteerd', 'afgerond')),
  forwarded_by uuid references users (id) on delete set null,
  forwarded_at timestamptz not null,
  accepted_by uuid references users (id) on delete set null,
  accepted_at timestamptz,
  outcome text check (outcome in ('onderzoek-gestart', 'bestuurlijke-maatregel', 'zorgtraject-gestart', 'geen-actie')),
  outcome_reason_enc text,
  reporter_summary_enc text,
  outcome_by uuid references users (id) on delete set null,
  outcome_at timestamptz,
  unique (signal_id, to_organisation_id),
  foreign key (rule_id, rule_version) references sharing_rules (id, version),
  check ((outcome is null) = (status <> 'afgerond'))
);
create index signal_forwards_inbox on signal_forwards (to_organisation_id, status, forwarded_at);

-- Messages between the handling officer and the reporter (anonymous: behind the receipt code).
create table signal_messages (
  id bigint generated always as identity primary key,
  signal_id uuid not null references signals (id) on delete cascade,
  author text not null check (author in ('reporter', 'officer')),
  author_user_id uuid references users (id) on delete set null,
  body_enc text not null,
  created_at timestamptz not null
);
create index signal_messages_signal on signal_messages (signal_id, id);

-- Retries of the same submission (double click, network retry with the same Idempotency-Key) find the signal.
create table signal_idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  signal_id uuid not null references signals (id) on delete cascade,
  created_at timestamptz not null,
  primary key (scope, key)
);

-- The Informatiepunt's formal report meeting (meldingenoverleg) and its decisions per signal.
create table informatiepunt_meetings (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  held_on date not null,
  chair text not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  closed_at timestamptz
);

create table informatiepunt_decisions (
  meeting_id uuid not null references informatiepunt_meetings (id) on delete cascade,
  signal_id uuid not null references signals (id) on delete cascade,
  decision text not null check (decision in ('strafrechtelijk-onderzoek', 'bestuurlijke-inspectie',
    'ernstige-benadeling-project', 'quick-response-team', 'geen-actie')),
  reason_enc text not null,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz not null,
  primary key (meeting_id, signal_id)
);

-- A municipality may pass a signal to another municipality (where the exploitation takes place, or where the
-- victim lives). Version 1 of rule R16, not verified in a primary source (src/sharing/data/README.md).
create temporary table sharing_rules_import_v2 (
  id text, version text, matrix_row text, source_types text, recipient_types text, purposes text, categories text,
  legal_basis_code text, legal_basis text, consent text, safety_exception text, confidence text, source text,
  explanation_nl text, explanation_en text
) on commit drop;

-- @csv ../../sharing/data/sharing-rules-v2.csv sharing_rules_import_v2

insert into sharing_rules (id, version, matrix_row, source_types, recipient_types, purposes, categories,
  legal_basis_code, legal_basis, consent, safety_exception, confidence, source, explanation_nl, explanation_en)
select id, version::integer, matrix_row, string_to_array(source_types, '|'), string_to_array(recipient_types, '|'),
  string_to_array(purposes, '|'), string_to_array(categories, '|'), legal_basis_code, legal_basis, consent,
  safety_exception::boolean, confidence, source, explanation_nl, explanation_en
from sharing_rules_import_v2;
