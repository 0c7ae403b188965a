-- Measurements entered through Schakel (owner: actionplan/). Still append-only: a correction is a new row that names
-- the row it `supersedes`; the superseded row stays, so the history is visible and nothing is overwritten. A row is
-- superseded at most once. `computation` names the computation (src/actionplan/computations.ts) that produced a
-- row; null: entered by hand with its source.
alter table actionplan_measurements add column supersedes uuid references actionplan_measurements (id);
alter table actionplan_measurements add column computation text;
create unique index actionplan_measurements_supersedes_idx on actionplan_measurements (supersedes)
  where supersedes is not null;

-- Indicators of the 2018 programme's action lines that Schakel computes from its own signals (data file and its
-- sources: actionplan/data/README.md).
-- @csv ../../actionplan/data/indicators_computed.csv actionplan_indicators
