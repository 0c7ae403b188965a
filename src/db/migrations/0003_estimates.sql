-- Saved multiple systems estimates, so that a figure in a report can be traced to its inputs and options.
-- Owner: estimation/ (estimates).
-- Inputs are counts only: the list names and the number of people per capture history, never person-level data.

create table estimates (
  id uuid primary key default gen_random_uuid(),
  -- No cascade: an estimate cited in a report must not disappear with a reorganisation.
  organisation_id uuid not null references organisations (id),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  title text not null check (length(title) between 1 and 200),
  -- ["LA", "NG", …]
  lists jsonb not null,
  -- [{"flags": [1, 0, …], "count": 54}, …]: one entry per observed capture history.
  histories jsonb not null,
  -- {"method": "stepwise", "interval": "lognormal", "level": 0.95, …}
  options jsonb not null,
  -- The answer as the API gives it (estimate, interval, model, overlaps, models, warnings).
  result jsonb not null
);
create index estimates_organisation_idx on estimates (organisation_id, created_at desc);
