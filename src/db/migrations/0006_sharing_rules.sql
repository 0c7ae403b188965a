-- The sharing rule table (owner: sharing/): who may share which data categories with whom, for which purpose, on
-- which legal basis and under which conditions. Versioned: a changed rule is a new version in a new migration,
-- never an edit. Source and explanation: src/sharing/data/README.md, docs/privacy.md.

create table sharing_rules (
  id text not null check (id ~ '^R[0-9]{2,3}$'),
  version integer not null check (version > 0),
  matrix_row text not null,
  source_types text[] not null,
  recipient_types text[] not null,
  purposes text[] not null,
  categories text[] not null,
  legal_basis_code text not null,
  legal_basis text not null,
  consent text not null check (consent in ('none', 'required', 'prior-written')),
  safety_exception boolean not null,
  confidence text not null check (confidence in ('verified', 'secondary', 'inferred')),
  source text not null,
  explanation_nl text not null,
  explanation_en text not null,
  loaded_at timestamptz not null default now(),
  primary key (id, version)
);

-- A privacy officer's confirmation of a rule version that is not verified in a primary source. Append-only.
create table sharing_rule_confirmations (
  rule_id text not null,
  rule_version integer not null,
  confirmed_by uuid not null references users (id),
  organisation_id uuid not null references organisations (id),
  confirmed_at timestamptz not null,
  note text not null check (length(note) between 10 and 2000),
  primary key (rule_id, rule_version),
  foreign key (rule_id, rule_version) references sharing_rules (id, version)
);

create temporary table sharing_rules_import (
  id text, version text, matrix_row text, source_types text, recipient_types text, purposes text, categories text,
  legal_basis_code text, legal_basis text, consent text, safety_exception text, confidence text, source text,
  explanation_nl text, explanation_en text
) on commit drop;

-- @csv ../../sharing/data/sharing-rules-v1.csv sharing_rules_import

insert into sharing_rules (id, version, matrix_row, source_types, recipient_types, purposes, categories,
  legal_basis_code, legal_basis, consent, safety_exception, confidence, source, explanation_nl, explanation_en)
select id, version::integer, matrix_row, string_to_array(source_types, '|'), string_to_array(recipient_types, '|'),
  string_to_array(purposes, '|'), string_to_array(categories, '|'), legal_basis_code, legal_basis, consent,
  safety_exception::boolean, confidence, source, explanation_nl, explanation_en
from sharing_rules_import;
