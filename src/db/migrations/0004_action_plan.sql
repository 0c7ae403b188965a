-- The action plan monitor (owner: actionplan/). Plans, their goals, action lines and actions are seeded from the
-- source texts (actionplan/data/README.md); progress updates, reviews and measurements are append-only: history is
-- never overwritten, the current state is derived from the latest rows.

create table actionplan_plans (
  code text primary key,
  title text not null,
  kind text not null check (kind in ('programma', 'actieplan')),
  published_on date,
  -- From this date on, action holders report every half-year; null: no progress reports are due (overdue flags).
  reporting_from date,
  source text not null
);

create table actionplan_strategic_goals (
  code text primary key,
  plan_code text not null references actionplan_plans (code),
  number integer not null,
  title text not null,
  source text not null,
  unique (plan_code, number)
);

create table actionplan_action_lines (
  code text primary key,
  plan_code text not null references actionplan_plans (code),
  number integer not null,
  title text not null,
  description text not null,
  source text not null,
  unique (plan_code, number)
);

-- Opgave Gericht Werken: an action line has operational goals, actions may serve one. None are seeded (the source
-- texts name none); the programme team adds them later.
create table actionplan_operational_goals (
  code text primary key,
  action_line_code text not null references actionplan_action_lines (code),
  title text not null,
  source text
);

create table actionplan_actions (
  code text primary key,
  plan_code text not null references actionplan_plans (code),
  action_line_code text not null references actionplan_action_lines (code),
  operational_goal_code text references actionplan_operational_goals (code),
  position integer not null,
  title text not null,
  description text not null,
  section text,
  start_on date,
  end_on date,
  source text not null,
  check (end_on is null or start_on is null or end_on >= start_on)
);
create index actionplan_actions_line_idx on actionplan_actions (action_line_code);

-- Action holders and involved organisations as the text names them. `schakel_name` is the current name of the
-- organisation in Schakel (e.g. Inspectie SZW is now the Nederlandse Arbeidsinspectie): the link to an organisation
-- is made by that name when one is registered, so organisations registered later are linked too.
create table actionplan_action_organisations (
  action_code text not null references actionplan_actions (code),
  role text not null check (role in ('actiehouder', 'betrokken')),
  position integer not null,
  name text not null,
  organisation_type text,
  schakel_name text,
  primary key (action_code, role, name)
);
create index actionplan_action_organisations_schakel_idx on actionplan_action_organisations (schakel_name);

create table actionplan_action_exploitation_forms (
  action_code text not null references actionplan_actions (code),
  form text not null check (form in
    ('seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting', 'overige-uitbuiting', 'orgaanverwijdering')),
  primary key (action_code, form)
);

create table actionplan_action_goals (
  action_code text not null references actionplan_actions (code),
  strategic_goal_code text not null references actionplan_strategic_goals (code),
  primary key (action_code, strategic_goal_code)
);

-- An indicator belongs to an action or to an action line. `computation` says how Schakel will compute it from its
-- own figures (the monitoring API); null: measured by hand.
create table actionplan_indicators (
  code text primary key,
  plan_code text not null references actionplan_plans (code),
  action_code text references actionplan_actions (code),
  action_line_code text references actionplan_action_lines (code),
  definition text not null,
  unit text not null,
  baseline numeric,
  baseline_period text,
  target numeric,
  target_period text,
  computation text,
  source text not null
);

create table actionplan_measurements (
  id uuid primary key default gen_random_uuid(),
  indicator_code text not null references actionplan_indicators (code),
  period text not null,
  value numeric not null,
  source text not null,
  note text,
  entered_by uuid references users (id),
  entered_at timestamptz not null
);
create index actionplan_measurements_indicator_idx on actionplan_measurements (indicator_code, period);

create table actionplan_progress_updates (
  id uuid primary key default gen_random_uuid(),
  action_code text not null references actionplan_actions (code),
  period text not null check (period ~ '^[0-9]{4}-H[12]$'),
  status text not null check (status in ('niet-gestart', 'loopt', 'vertraagd', 'afgerond', 'gestopt')),
  reason text,
  done text not null,
  next text not null,
  risks text not null,
  organisation_id uuid not null references organisations (id),
  submitted_by uuid not null references users (id),
  submitted_at timestamptz not null,
  check (status not in ('vertraagd', 'gestopt') or coalesce(btrim(reason), '') <> '')
);
create index actionplan_progress_action_idx on actionplan_progress_updates (action_code, submitted_at);

create table actionplan_reviews (
  id uuid primary key default gen_random_uuid(),
  update_id uuid not null references actionplan_progress_updates (id),
  decision text not null check (decision in ('geaccepteerd', 'aanpassen')),
  comment text not null,
  organisation_id uuid not null references organisations (id),
  reviewed_by uuid not null references users (id),
  reviewed_at timestamptz not null
);
create index actionplan_reviews_update_idx on actionplan_reviews (update_id, reviewed_at);

-- @csv ../../actionplan/data/plans.csv actionplan_plans
-- @csv ../../actionplan/data/strategic_goals.csv actionplan_strategic_goals
-- @csv ../../actionplan/data/action_lines.csv actionplan_action_lines
-- @csv ../../actionplan/data/actions.csv actionplan_actions
-- @csv ../../actionplan/data/action_organisations.csv actionplan_action_organisations
-- @csv ../../actionplan/data/action_exploitation_forms.csv actionplan_action_exploitation_forms
-- @csv ../../actionplan/data/indicators.csv actionplan_indicators
