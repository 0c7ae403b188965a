-- The municipal approach monitor (owner: actionplan/municipal/): a municipality's self-assessment on the elements of
-- the factsheet on the municipal approach and the national basic level. Append-only: a new assessment is a new row
-- with its answers; the current picture is the latest answer per element. Nothing is updated or deleted.

create table municipal_assessments (
  id uuid primary key default gen_random_uuid(),
  municipality_code text not null,
  organisation_id uuid not null references organisations (id),
  submitted_by uuid not null references users (id),
  submitted_at timestamptz not null
);

create index municipal_assessments_municipality on municipal_assessments (municipality_code, submitted_at);

create table municipal_assessment_answers (
  assessment_id uuid not null references municipal_assessments (id),
  element_code text not null,
  status text not null check (status in ('ja', 'deels', 'nee', 'onbekend')),
  evidence text not null check (length(evidence) <= 1000),
  evidence_on date,
  primary key (assessment_id, element_code)
);
