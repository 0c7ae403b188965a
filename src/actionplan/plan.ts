// The plan as a whole: the list of plans, one plan as a tree, the filter options and the health per action line.
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { onTrack } from './rules.js';
import { listActions, type Action } from './service.js';
import * as store from './store.js';

export interface PlanSummary {
  code: string;
  title: string;
  kind: 'programma' | 'actieplan';
  published: string | null;
  reportingFrom: string | null;
  source: string;
  strategicGoals: number;
  actionLines: number;
  actions: number;
}

export interface ActionLineHealth {
  code: string;
  number: number;
  title: string;
  total: number;
  onTrack: number;
  /** Delayed or stopped. */
  offTrack: number;
  notStarted: number;
  overdue: number;
  /** Share of the line's actions on track, 0..1; null for a line without actions. */
  share: number | null;
}

export async function listPlans(ctx: Ctx): Promise<PlanSummary[]> {
  const [plans, goals, lines, actions] = await Promise.all([
    store.listPlans(ctx.db),
    store.listStrategicGoals(ctx.db),
    store.listActionLines(ctx.db),
    store.listActions(ctx.db),
  ]);
  return plans.map((p) => ({
    ...p,
    strategicGoals: goals.filter((g) => g.plan_code === p.code).length,
    actionLines: lines.filter((l) => l.plan_code === p.code).length,
    actions: actions.filter((a) => a.plan_code === p.code).length,
  }));
}

export async function getPlanTree(ctx: Ctx, code: string) {
  const plan = (await store.listPlans(ctx.db)).find((p) => p.code === code);
  if (!plan) throw notFound(`Plan ${code}`);
  const [goals, lines, operational, actions] = await Promise.all([
    store.listStrategicGoals(ctx.db, code),
    store.listActionLines(ctx.db, code),
    store.listOperationalGoals(ctx.db),
    listActions(ctx, { planCode: code }),
  ]);
  return {
    ...plan,
    strategicGoals: goals.map((g) => ({ code: g.code, number: g.number, title: g.title, source: g.source })),
    actionLines: lines.map((l) => ({
      code: l.code,
      number: l.number,
      title: l.title,
      description: l.description,
      source: l.source,
      operationalGoals: operational
        .filter((o) => o.action_line_code === l.code)
        .map((o) => ({ code: o.code, title: o.title })),
      actions: actions
        .filter((a) => a.actionLineCode === l.code)
        .map((a) => ({
          code: a.code,
          title: a.title,
          status: a.status,
          overduePeriod: a.overduePeriod,
          holders: a.holders.map((h) => h.name),
        })),
    })),
  };
}

export type PlanTree = Awaited<ReturnType<typeof getPlanTree>>;

export async function filterOptions(ctx: Ctx) {
  const [plans, lines, holders] = await Promise.all([
    store.listPlans(ctx.db),
    store.listActionLines(ctx.db),
    store.listHolderNames(ctx.db),
  ]);
  return {
    plans: plans.map((p) => ({ code: p.code, title: p.title })),
    actionLines: lines.map((l) => ({
      code: l.code,
      planCode: l.plan_code,
      number: l.number,
      title: l.title,
    })),
    holders,
  };
}

export function health(lines: { code: string; number: number; title: string }[], actions: Action[]) {
  return lines.map((l): ActionLineHealth => {
    const own = actions.filter((a) => a.actionLineCode === l.code);
    const on = own.filter((a) => onTrack(a.status)).length;
    return {
      code: l.code,
      number: l.number,
      title: l.title,
      total: own.length,
      onTrack: on,
      offTrack: own.filter((a) => a.status === 'vertraagd' || a.status === 'gestopt').length,
      notStarted: own.filter((a) => a.status === 'niet-gestart').length,
      overdue: own.filter((a) => a.overduePeriod !== null).length,
      share: own.length ? on / own.length : null,
    };
  });
}

export async function planHealth(ctx: Ctx, code: string) {
  const plan = (await store.listPlans(ctx.db)).find((p) => p.code === code);
  if (!plan) throw notFound(`Plan ${code}`);
  const [lines, actions] = await Promise.all([
    store.listActionLines(ctx.db, code),
    listActions(ctx, { planCode: code }),
  ]);
  return { plan, lines: health(lines, actions) };
}
