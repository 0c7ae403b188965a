// The biennial progress report to Parliament as a data structure, built from the plan's data by pure functions (no
// I/O): per action line the status counts and every action with its latest accepted progress update in the period,
// the indicators with their measurements in the period and their trend, a summary of all actions and the sources.
// report-docx.ts and report-html.tsx only render this structure: every number in the report is counted here.
import type { Indicator } from './service.js';
import type { Actor } from '../context.js';
import type { FieldIssue } from '../errors.js';
import { decide, type Decision } from '../policy/index.js';
import { STATUSES, type Status } from './rules.js';
import type { Action, ProgressUpdate } from './service.js';

export interface ReportPlan {
  code: string;
  title: string;
  kind: 'programma' | 'actieplan';
  published: string | null;
  reportingFrom: string | null;
  source: string;
}

/** An indicator as the report gets it: the plan's indicator without its measurements, with what it belongs to. */
export type IndicatorInput = Omit<Indicator, 'measurements'> & {
  actionCode: string | null;
  actionLineCode: string | null;
};

export interface MeasurementInput {
  indicatorCode: string;
  period: string;
  value: number;
  source: string;
  note: string | null;
  /** A computed count from 1 to 9: shown as "<10", left out of charts and changes (computations.ts). */
  fewerThanTen?: boolean;
}

export interface ReportInput {
  plan: ReportPlan;
  strategicGoals: { code: string; number: number; title: string; source: string }[];
  actionLines: { code: string; number: number; title: string; description: string; source: string }[];
  /** Every action of the plan with its full history of progress updates (reviews newest first). */
  actions: { action: Action; history: ProgressUpdate[] }[];
  indicators: IndicatorInput[];
  measurements: MeasurementInput[];
  /** The report's first and last day (YYYY-MM-DD), both inclusive. */
  from: string;
  to: string;
  generatedAt: Date;
}

export type StatusCounts = Record<Status, number>;

export interface ReportUpdate {
  period: string;
  status: Status;
  reason: string | null;
  done: string;
  next: string;
  risks: string;
  organisation: string;
  submittedAt: string;
  acceptedAt: string;
}

export interface ReportAction {
  code: string;
  title: string;
  holders: string[];
  /** The status of the latest accepted update over a half-year ending on or before the report's last day. */
  status: Status;
  statusReason: string | null;
  /** The half-year that status was reported for; null when no accepted update exists (then: niet-gestart). */
  statusPeriod: string | null;
  /** The latest accepted update over a half-year that ends within the report's period. */
  update: ReportUpdate | null;
  /** Updates over half-years in the period that the programme team has not reviewed yet (not in the report). */
  awaitingReview: number;
}

export interface TrendPoint {
  period: string;
  value: number;
  /** Shown as "<10", never as its value. */
  fewerThanTen?: boolean;
}

export interface Trend {
  /** Last measurement in the period against the first one in it (or, with only one, against the baseline). */
  direction: 'up' | 'down' | 'level' | 'unknown';
  first: TrendPoint | null;
  last: TrendPoint | null;
  /** Did the last value come closer to the target than the first? null: no target, no comparison or no change. */
  towardsTarget: boolean | null;
}

export interface ReportIndicator extends IndicatorInput {
  /**
   * Measurements whose period ends within the report's period, in the order of their periods; `change` is the
   * difference with the measurement before it in the period (null for the first).
   */
  measurements: (TrendPoint & { source: string; note: string | null; change: number | null })[];
  /** Measurements whose period Schakel cannot read as a date range: left out, and said so. */
  unreadable: number;
  trend: Trend;
}

export interface ReportLine {
  code: string;
  number: number;
  title: string;
  description: string;
  source: string;
  total: number;
  counts: StatusCounts;
  actions: ReportAction[];
  indicators: ReportIndicator[];
}

export interface ReportSource {
  kind: 'plan' | 'strategic-goal' | 'action-line' | 'action' | 'indicator';
  code: string;
  title: string;
  source: string;
}

export interface Report {
  plan: ReportPlan;
  from: string;
  to: string;
  generatedAt: string;
  strategicGoals: { code: string; number: number; title: string }[];
  total: number;
  counts: StatusCounts;
  /** Actions with an accepted update over a half-year in the period. */
  actionsWithUpdate: number;
  awaitingReview: number;
  lines: ReportLine[];
  /** Indicators of the plan itself (tied to no action line or action). */
  planIndicators: ReportIndicator[];
  summary: {
    code: string;
    title: string;
    line: number;
    holders: string[];
    status: Status;
    updatePeriod: string | null;
  }[];
  sources: ReportSource[];
  /** The source documents cited, each once (the part of a source before its first comma). */
  documents: string[];
}

/**
 * Who produces the report: the programme team (`actionplan.manage`) and action holders (`actionplan.progress`), and
 * a command run on the server itself (a system actor).
 */
export function reportDecision(actor: Actor): Decision {
  if (actor.kind === 'system') return { allowed: true };
  const manage = decide(actor, 'actionplan.manage');
  if (manage.allowed) return manage;
  const progress = decide(actor, 'actionplan.progress');
  return progress.allowed ? progress : { allowed: false, reason: 'role-lacks-actionplan.report' };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `value` a real calendar day written YYYY-MM-DD? */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The report's period: two real days, the first not after the last. Fields are named `from` and `to`. */
export function checkReportPeriod(from: string, to: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isDay(from)) issues.push({ field: 'from', rule: 'format', message: 'A date as YYYY-MM-DD' });
  if (!isDay(to)) issues.push({ field: 'to', rule: 'format', message: 'A date as YYYY-MM-DD' });
  if (issues.length === 0 && from > to)
    issues.push({ field: 'to', rule: 'afterFrom', message: 'The last day comes on or after the first day' });
  return issues;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * The first and last day of a period as the data writes it: a year (`2025`), a half-year (`2025-H2`), a quarter
 * (`2025-Q3`, also `2025-K3`), a month (`2025-09`) or a day (`2025-09-30`). null when it is none of these.
 */
export function periodBounds(period: string): { start: string; end: string } | null {
  const text = period.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    return m[2] === '1'
      ? { start: `${year}-01-01`, end: `${year}-06-30` }
      : { start: `${year}-07-01`, end: `${year}-12-31` };
  }
  m = /^(\d{4})-[QK]([1-4])$/.exec(text);
  if (m) {
    const [year, quarter] = [Number(m[1]), Number(m[2])];
    return { start: `${year}-${pad(quarter * 3 - 2)}-01`, end: lastDay(year, quarter * 3) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { start: `${m[1]}-${m[2]}-01`, end: lastDay(Number(m[1]), Number(m[2])) };
  if (isDay(text)) return { start: text, end: text };
  return null;
}

/**
 * A period (half-year of an update, period of a measurement) belongs to the report when it ends within the report's
 * dates. So consecutive reports never count the same half-year or year twice.
 */
export function endsWithin(period: string, from: string, to: string): boolean {
  const bounds = periodBounds(period);
  return bounds !== null && bounds.end >= from && bounds.end <= to;
}

function endsBy(period: string, to: string): boolean {
  const bounds = periodBounds(period);
  return bounds !== null && bounds.end <= to;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

const accepted = (u: ProgressUpdate) => u.reviews[0]?.decision === 'geaccepteerd';

/** Latest first: by the half-year reported on, then by the moment of submission. */
function latestFirst(a: ProgressUpdate, b: ProgressUpdate): number {
  if (a.period !== b.period) return a.period < b.period ? 1 : -1;
  return a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0;
}

export function reportAction(
  action: Action,
  history: ProgressUpdate[],
  from: string,
  to: string,
): ReportAction {
  const acceptedUpdates = history.filter(accepted).sort(latestFirst);
  const statusUpdate = acceptedUpdates.find((u) => endsBy(u.period, to));
  const inPeriod = acceptedUpdates.find((u) => endsWithin(u.period, from, to));
  return {
    code: action.code,
    title: action.title,
    holders: action.holders.map((h) => h.name),
    status: statusUpdate?.status ?? 'niet-gestart',
    statusReason: statusUpdate?.reason ?? null,
    statusPeriod: statusUpdate?.period ?? null,
    update: inPeriod
      ? {
          period: inPeriod.period,
          status: inPeriod.status,
          reason: inPeriod.reason,
          done: inPeriod.done,
          next: inPeriod.next,
          risks: inPeriod.risks,
          organisation: inPeriod.organisation,
          submittedAt: inPeriod.submittedAt,
          acceptedAt: inPeriod.reviews[0]!.reviewedAt,
        }
      : null,
    awaitingReview: history.filter((u) => u.reviews.length === 0 && endsWithin(u.period, from, to)).length,
  };
}

export function trendOf(
  indicator: Pick<IndicatorInput, 'baseline' | 'baselinePeriod' | 'target'>,
  measurements: TrendPoint[],
): Trend {
  const last = measurements.at(-1) ?? null;
  const first =
    measurements.length >= 2
      ? measurements[0]!
      : indicator.baseline !== null && last
        ? { period: indicator.baselinePeriod ?? '', value: indicator.baseline }
        : null;
  if (!last || !first) return { direction: 'unknown', first, last, towardsTarget: null };
  const direction = last.value > first.value ? 'up' : last.value < first.value ? 'down' : 'level';
  let towardsTarget: boolean | null = null;
  if (indicator.target !== null && direction !== 'level') {
    const before = Math.abs(indicator.target - first.value);
    const after = Math.abs(indicator.target - last.value);
    towardsTarget = after === before ? null : after < before;
  }
  return { direction, first, last, towardsTarget };
}

export function reportIndicator(
  indicator: IndicatorInput,
  measurements: MeasurementInput[],
  from: string,
  to: string,
): ReportIndicator {
  const own = measurements.filter((m) => m.indicatorCode === indicator.code);
  const placed = own
    .map((m) => ({ m, bounds: periodBounds(m.period) }))
    .filter((p): p is { m: MeasurementInput; bounds: { start: string; end: string } } => p.bounds !== null);
  const inPeriod = placed
    .filter((p) => p.bounds.end >= from && p.bounds.end <= to)
    // Stable: two measurements of one period keep the order they were entered in.
    .sort((a, b) =>
      a.bounds.end !== b.bounds.end
        ? a.bounds.end < b.bounds.end
          ? -1
          : 1
        : a.bounds.start < b.bounds.start
          ? -1
          : a.bounds.start > b.bounds.start
            ? 1
            : 0,
    )
    .map(({ m }, i, list) => {
      const before = i === 0 ? null : list[i - 1]!.m;
      return {
        period: m.period,
        value: m.value,
        fewerThanTen: m.fewerThanTen ?? false,
        source: m.source,
        note: m.note,
        // A change from or to a count shown as "<10" would give the count away.
        change: before === null || m.fewerThanTen || before.fewerThanTen ? null : m.value - before.value,
      };
    });
  return {
    ...indicator,
    measurements: inPeriod,
    unreadable: own.length - placed.length,
    trend: trendOf(indicator, inPeriod),
  };
}

/** The points a chart may draw: a count shown as "<10" is left out (its table row says "<10"). */
export function chartPoints(indicator: ReportIndicator): ReportIndicator['measurements'] {
  return indicator.measurements.filter((m) => !m.fewerThanTen);
}

function count(actions: ReportAction[]): StatusCounts {
  const counts = emptyCounts();
  for (const a of actions) counts[a.status] += 1;
  return counts;
}

/** The document a source names: `programma-2018-….txt, r. 304-311` → `programma-2018-….txt`. */
export function sourceDocument(source: string): string {
  return source.split(',')[0]!.trim();
}

export function buildReport(input: ReportInput): Report {
  const { from, to } = input;
  const actions = input.actions.map(({ action, history }) => ({
    action,
    report: reportAction(action, history, from, to),
  }));
  const indicators = input.indicators.map((i) => reportIndicator(i, input.measurements, from, to));
  const lines = input.actionLines.map((line): ReportLine => {
    const own = actions.filter((a) => a.action.actionLineCode === line.code).map((a) => a.report);
    const ownCodes = new Set(own.map((a) => a.code));
    return {
      ...line,
      total: own.length,
      counts: count(own),
      actions: own,
      indicators: indicators.filter(
        (i) => i.actionLineCode === line.code || (i.actionCode !== null && ownCodes.has(i.actionCode)),
      ),
    };
  });
  const all = actions.map((a) => a.report);
  const lineOf = new Map(input.actionLines.map((l) => [l.code, l.number]));
  const sources: ReportSource[] = [
    { kind: 'plan', code: input.plan.code, title: input.plan.title, source: input.plan.source },
    ...input.strategicGoals.map((g) => ({
      kind: 'strategic-goal' as const,
      code: g.code,
      title: g.title,
      source: g.source,
    })),
    ...input.actionLines.map((l) => ({
      kind: 'action-line' as const,
      code: l.code,
      title: l.title,
      source: l.source,
    })),
    ...input.actions.map(({ action }) => ({
      kind: 'action' as const,
      code: action.code,
      title: action.title,
      source: action.source,
    })),
    ...input.indicators.map((i) => ({
      kind: 'indicator' as const,
      code: i.code,
      title: i.definition,
      source: i.source,
    })),
  ];
  return {
    plan: input.plan,
    from,
    to,
    generatedAt: input.generatedAt.toISOString(),
    strategicGoals: input.strategicGoals.map((g) => ({ code: g.code, number: g.number, title: g.title })),
    total: all.length,
    counts: count(all),
    actionsWithUpdate: all.filter((a) => a.update !== null).length,
    awaitingReview: all.reduce((sum, a) => sum + a.awaitingReview, 0),
    lines,
    planIndicators: indicators.filter((i) => i.actionCode === null && i.actionLineCode === null),
    summary: actions.map(({ action, report }) => ({
      code: report.code,
      title: report.title,
      line: lineOf.get(action.actionLineCode) ?? 0,
      holders: report.holders,
      status: report.status,
      updatePeriod: report.update?.period ?? null,
    })),
    sources,
    documents: [...new Set(sources.map((s) => sourceDocument(s.source)).filter(Boolean))],
  };
}
