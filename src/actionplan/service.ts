// The action plan: reading the plan (any logged-in user), progress updates by action holders for their own actions,
// reviews by the programme team (a ministry's beleidsmedewerker). Every write is audited.
import type { Ctx } from '../context.js';
import { forbidden, invalid, notFound, type FieldIssue } from '../errors.js';
import { decide } from '../policy/index.js';
import { shownAsFewerThanTen } from './computations.js';
import { currentStatus, NEEDS_REASON, overdue, reportablePeriods, STATUSES, type Status } from './rules.js';
import * as store from './store.js';

export interface OrganisationRef {
  name: string;
  organisationType: string | null;
  /** The Schakel organisation, when one is registered under the name. */
  organisationId: string | null;
}

export interface Review {
  id: string;
  decision: 'geaccepteerd' | 'aanpassen';
  comment: string;
  organisation: string;
  reviewedAt: string;
}

export interface ProgressUpdate {
  id: string;
  period: string;
  status: Status;
  reason: string | null;
  done: string;
  next: string;
  risks: string;
  organisation: string;
  submittedBy: string;
  submittedAt: string;
  /** The latest review first; empty while the programme team has not reviewed it. */
  reviews: Review[];
}

export interface Action {
  code: string;
  planCode: string;
  actionLineCode: string;
  operationalGoalCode: string | null;
  title: string;
  description: string;
  section: string | null;
  source: string;
  start: string | null;
  end: string | null;
  holders: OrganisationRef[];
  involved: OrganisationRef[];
  forms: string[];
  goals: string[];
  status: Status;
  statusReason: string | null;
  statusPeriod: string | null;
  /** The half-year whose update is missing, or null. */
  overduePeriod: string | null;
}

export interface Indicator {
  code: string;
  definition: string;
  unit: string;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number | null;
  targetPeriod: string | null;
  computation: string | null;
  source: string;
  /** The current measurements (not corrected by a later one); a computed count from 1 to 9 has value null. */
  measurements: {
    period: string;
    value: number | null;
    fewerThanTen: boolean;
    source: string;
    note: string | null;
  }[];
}

export interface ActionDetail extends Action {
  updates: ProgressUpdate[];
  indicators: Indicator[];
  canReport: boolean;
  canReview: boolean;
}

export interface ActionQuery extends store.ActionFilter {
  status?: Status | undefined;
  /** Only actions the acting organisation holds. */
  mine?: boolean;
}

async function load(ctx: Pick<Ctx, 'db' | 'now'>, filter: store.ActionFilter) {
  const rows = await store.listActions(ctx.db, filter);
  const codes = rows.map((r) => r.code);
  const [orgs, forms, goals, updates, plans] = await Promise.all([
    store.listActionOrganisations(ctx.db, codes),
    store.listForms(ctx.db, codes),
    store.listActionGoals(ctx.db, codes),
    store.listUpdates(ctx.db, codes),
    store.listPlans(ctx.db),
  ]);
  const reviews = await store.listReviews(
    ctx.db,
    updates.map((u) => u.id),
  );
  const now = ctx.now();
  const progress = updates.map((u): ProgressUpdate & { actionCode: string; at: Date } => ({
    id: u.id,
    actionCode: u.action_code,
    at: new Date(u.submitted_at),
    period: u.period,
    status: u.status as Status,
    reason: u.reason,
    done: u.done,
    next: u.next,
    risks: u.risks,
    organisation: u.organisation_name,
    submittedBy: u.submitted_by_name,
    submittedAt: new Date(u.submitted_at).toISOString(),
    reviews: reviews
      .filter((r) => r.update_id === u.id)
      .map((r) => ({
        id: r.id,
        decision: r.decision,
        comment: r.comment,
        organisation: r.organisation_name,
        reviewedAt: new Date(r.reviewed_at).toISOString(),
      })),
  }));
  const ref = (o: (typeof orgs)[number]): OrganisationRef => ({
    name: o.name,
    organisationType: o.organisation_type,
    organisationId: o.organisation_id,
  });
  const actions = rows.map((row) => {
    const own = progress.filter((u) => u.actionCode === row.code);
    const current = currentStatus(
      own.map((u) => ({ ...u, submittedAt: u.at, decision: u.reviews[0]?.decision ?? null })),
    );
    const plan = plans.find((p) => p.code === row.plan_code);
    const late = overdue({
      now,
      reportingFrom: plan?.reportingFrom ?? null,
      start: row.start,
      end: row.end,
      status: current.status,
      periodsReported: own.map((u) => u.period),
    });
    const action: Action = {
      code: row.code,
      planCode: row.plan_code,
      actionLineCode: row.action_line_code,
      operationalGoalCode: row.operational_goal_code,
      title: row.title,
      description: row.description,
      section: row.section,
      source: row.source,
      start: row.start,
      end: row.end,
      holders: orgs.filter((o) => o.action_code === row.code && o.role === 'actiehouder').map(ref),
      involved: orgs.filter((o) => o.action_code === row.code && o.role === 'betrokken').map(ref),
      forms: forms.filter((f) => f.action_code === row.code).map((f) => f.form),
      goals: goals.filter((g) => g.action_code === row.code).map((g) => g.strategic_goal_code),
      status: current.status,
      statusReason: current.reason,
      statusPeriod: current.period,
      overduePeriod: late.period,
    };
    const history = own.map(({ actionCode: _a, at: _t, ...u }) => u);
    return { action, history };
  });
  return actions;
}

export async function listActions(ctx: Ctx, query: ActionQuery = {}): Promise<Action[]> {
  const all = (await load(ctx, query)).map((a) => a.action);
  const organisationId = ctx.actor.kind === 'user' ? ctx.actor.organisationId : null;
  return all.filter(
    (a) =>
      (!query.status || a.status === query.status) &&
      (!query.mine ||
        a.holders.some((h) => h.organisationId !== null && h.organisationId === organisationId)),
  );
}

/** Every action of a plan with its full history of progress updates (for the biennial report). */
export async function listActionHistories(
  ctx: Ctx,
  planCode: string,
): Promise<{ action: Action; history: ProgressUpdate[] }[]> {
  return load(ctx, { planCode });
}

export async function getAction(ctx: Ctx, code: string): Promise<ActionDetail> {
  const [found] = await load(ctx, { code });
  if (!found) throw notFound(`Action ${code}`);
  const indicators = await store.listIndicators(ctx.db, [code]);
  const measurements = await store.listMeasurements(
    ctx.db,
    indicators.map((i) => i.code),
  );
  return {
    ...found.action,
    updates: found.history,
    indicators: indicators.map((i) => ({
      code: i.code,
      definition: i.definition,
      unit: i.unit,
      baseline: i.baseline,
      baselinePeriod: i.baseline_period,
      target: i.target,
      targetPeriod: i.target_period,
      computation: i.computation,
      source: i.source,
      measurements: measurements
        .filter((m) => m.indicator_code === i.code)
        .map((m) => {
          const few = shownAsFewerThanTen(m.computation, m.value ?? 0);
          return {
            period: m.period,
            value: few ? null : (m.value ?? 0),
            fewerThanTen: few,
            source: m.source,
            note: m.note,
          };
        }),
    })),
    canReport: reportDecision(ctx, found.action).allowed,
    canReview: reviewDecision(ctx).allowed,
  };
}

/** An action holder reports on its own actions only: the acting organisation must be one of the holders. */
function reportDecision(ctx: Ctx, action: Action) {
  const organisationId = ctx.actor.kind === 'user' ? ctx.actor.organisationId : null;
  const holderIds = action.holders.map((h) => h.organisationId).filter((id): id is string => id !== null);
  const target = holderIds.includes(organisationId ?? '') ? organisationId : (holderIds[0] ?? null);
  return decide(ctx.actor, 'actionplan.progress', { organisationId: target });
}

/** The programme team: a beleidsmedewerker acting for a ministry (reviews progress, records measurements). */
export function reviewDecision(ctx: Ctx) {
  const decision = decide(ctx.actor, 'actionplan.manage');
  if (!decision.allowed) return decision;
  if (ctx.actor.kind !== 'user' || ctx.actor.organisationType !== 'ministerie')
    return { allowed: false as const, reason: 'not-a-ministry' };
  return decision;
}

export interface ProgressInput {
  period: string;
  status: string;
  reason?: string | undefined;
  done: string;
  next: string;
  risks: string;
}

function checkProgress(input: ProgressInput, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!reportablePeriods(now).includes(input.period))
    issues.push({
      field: 'period',
      rule: 'enum',
      message: `Report on one of ${reportablePeriods(now).join(', ')}`,
    });
  if (!(STATUSES as readonly string[]).includes(input.status))
    issues.push({ field: 'status', rule: 'enum', message: 'Choose a status' });
  if (NEEDS_REASON.includes(input.status as Status) && !input.reason?.trim())
    issues.push({ field: 'reason', rule: 'required', message: 'Give the reason for a delay or a stop' });
  for (const name of ['done', 'next'] as const)
    if (!input[name].trim()) issues.push({ field: name, rule: 'required', message: `Fill in ${name}` });
  for (const name of ['done', 'next', 'risks', 'reason'] as const)
    if ((input[name] ?? '').length > 4000)
      issues.push({ field: name, rule: 'maxLength', message: 'At most 4000 characters' });
  return issues;
}

export async function submitProgress(ctx: Ctx, code: string, input: ProgressInput): Promise<ProgressUpdate> {
  const action = await getAction(ctx, code);
  const decision = reportDecision(ctx, action);
  if (!decision.allowed || ctx.actor.kind !== 'user') {
    await ctx.audit({
      action: 'actionplan.progress-submit',
      outcome: 'denied',
      recordType: 'actionplan-action',
      recordId: code,
      purpose: decision.allowed ? 'not-a-user' : decision.reason,
    });
    throw forbidden('Only an action holder of this action writes its progress');
  }
  const issues = checkProgress(input, ctx.now());
  if (issues.length) throw invalid(issues);
  const actor = ctx.actor;
  const id = await ctx.transaction(async (tx) => {
    const updateId = await store.insertUpdate(tx.db, {
      action_code: code,
      period: input.period,
      status: input.status,
      reason: input.reason?.trim() || null,
      done: input.done.trim(),
      next: input.next.trim(),
      risks: input.risks.trim(),
      organisation_id: actor.organisationId!,
      submitted_by: actor.userId,
      submitted_at: ctx.now(),
    });
    await tx.audit({
      action: 'actionplan.progress-submit',
      recordType: 'actionplan-action',
      recordId: code,
      recordOrganisationId: actor.organisationId,
      details: { updateId, period: input.period, status: input.status },
    });
    return updateId;
  });
  return (await getAction(ctx, code)).updates.find((u) => u.id === id)!;
}

export async function reviewProgress(
  ctx: Ctx,
  code: string,
  updateId: string,
  input: { decision: string; comment: string },
): Promise<ProgressUpdate> {
  const decision = reviewDecision(ctx);
  if (!decision.allowed || ctx.actor.kind !== 'user') {
    await ctx.audit({
      action: 'actionplan.progress-review',
      outcome: 'denied',
      recordType: 'actionplan-progress',
      recordId: updateId,
      purpose: decision.allowed ? 'not-a-user' : decision.reason,
    });
    throw forbidden('Only the programme team (a ministry) reviews progress updates');
  }
  if (!(await store.updateExists(ctx.db, code, updateId))) throw notFound(`Progress update ${updateId}`);
  const issues: FieldIssue[] = [];
  if (input.decision !== 'geaccepteerd' && input.decision !== 'aanpassen')
    issues.push({ field: 'decision', rule: 'enum', message: 'Accept or ask for changes' });
  if (input.decision === 'aanpassen' && !input.comment.trim())
    issues.push({ field: 'comment', rule: 'required', message: 'Say what should change' });
  if (input.comment.length > 4000)
    issues.push({ field: 'comment', rule: 'maxLength', message: 'At most 4000 characters' });
  if (issues.length) throw invalid(issues);
  const actor = ctx.actor;
  await ctx.transaction(async (tx) => {
    const reviewId = await store.insertReview(tx.db, {
      update_id: updateId,
      decision: input.decision as 'geaccepteerd' | 'aanpassen',
      comment: input.comment.trim(),
      organisation_id: actor.organisationId!,
      reviewed_by: actor.userId,
      reviewed_at: ctx.now(),
    });
    await tx.audit({
      action: 'actionplan.progress-review',
      recordType: 'actionplan-progress',
      recordId: updateId,
      details: { reviewId, actionCode: code, decision: input.decision },
    });
  });
  return (await getAction(ctx, code)).updates.find((u) => u.id === updateId)!;
}
