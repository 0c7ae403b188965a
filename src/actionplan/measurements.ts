// Measurements of indicators: entered by hand by the programme team with their source, or computed by Schakel from
// its own figures (computations.ts). Append-only: a correction is a new measurement that supersedes the earlier one,
// which stays in the history. Every recording and every refusal is audited as `actionplan.measurement-record`.
import type { Ctx } from '../context.js';
import { conflictOn, forbidden, invalid, notFound, type FieldIssue } from '../errors.js';
import { signalFigures } from '../signals/index.js';
import { amsterdamDayEnd, amsterdamDayStart } from '../time.js';
import {
  baseText,
  COMPUTATIONS,
  findComputation,
  shownAsFewerThanTen,
  type Computation,
} from './computations.js';
import { conventionOf, normalisePeriod, PERIOD_EXAMPLES, periodKind, type PeriodKind } from './periods.js';
import { periodBounds } from './report.js';
import { longDate } from './report-text.js';
import { reviewDecision } from './service.js';
import * as store from './store.js';

export const SOURCE_MAX = 500;
export const NOTE_MAX = 2000;
export const VALUE_MAX = 1e12;

export interface Measurement {
  id: string;
  period: string;
  /** null when a computed count from 1 to 9 is shown as "<10" (`fewerThanTen`); the database keeps the count. */
  value: number | null;
  fewerThanTen: boolean;
  source: string;
  note: string | null;
  computation: string | null;
  enteredBy: string | null;
  enteredAt: string;
  /** The measurement this one corrects. */
  supersedes: string | null;
  /** The measurement that corrected this one; null: this one is current. */
  supersededBy: string | null;
}

export interface ComputationInfo {
  code: string;
  nl: string;
  en: string;
  computable: boolean;
  /** What it waits for, when not computable yet. */
  needsNl: string | null;
  needsEn: string | null;
}

export interface IndicatorDetail {
  code: string;
  planCode: string;
  actionCode: string | null;
  actionLineCode: string | null;
  definition: string;
  unit: string;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number | null;
  targetPeriod: string | null;
  /** The code of its computation; null: measured by hand. */
  computation: string | null;
  computationInfo: ComputationInfo | null;
  source: string;
  /** The kinds of period it is measured over. */
  periodKinds: PeriodKind[];
  /** Every measurement, corrected ones too, newest first. */
  measurements: Measurement[];
  /** May the acting user enter and compute measurements (the programme team)? */
  canManage: boolean;
  /** Ended periods it may be computed for now, newest first (empty when it is not computable). */
  computePeriods: string[];
}

export interface IndicatorSummary {
  code: string;
  planCode: string;
  actionCode: string | null;
  actionLineCode: string | null;
  definition: string;
  unit: string;
  computation: string | null;
  computable: boolean;
  latest: Pick<Measurement, 'period' | 'value' | 'fewerThanTen'> | null;
}

export function computationInfo(computation: Computation): ComputationInfo {
  return {
    code: computation.code,
    nl: computation.statement.nl,
    en: computation.statement.en,
    computable: computation.compute !== null,
    needsNl: computation.needs?.nl ?? null,
    needsEn: computation.needs?.en ?? null,
  };
}

/** Every computation Schakel knows, computable or not. */
export function listComputations(): ComputationInfo[] {
  return COMPUTATIONS.map(computationInfo);
}

function shown(computation: string | null, value: number | null) {
  const few = value !== null && shownAsFewerThanTen(computation, value);
  return { value: few ? null : value, fewerThanTen: few };
}

function today(ctx: Pick<Ctx, 'now'>): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(ctx.now());
}

/** Periods of a kind that have ended before `day`, newest first. */
export function endedPeriods(kind: PeriodKind, day: string, count: number): string[] {
  const year = Number(day.slice(0, 4));
  const candidates: string[] = [];
  for (let y = year; y >= year - 3; y--) {
    if (kind === 'year') candidates.push(String(y));
    if (kind === 'half-year') candidates.push(`${y}-H2`, `${y}-H1`);
    if (kind === 'quarter') candidates.push(`${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
    if (kind === 'month') for (let m = 12; m >= 1; m--) candidates.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return candidates.filter((p) => periodBounds(p)!.end < day).slice(0, count);
}

function kindsOf(row: NonNullable<Awaited<ReturnType<typeof store.findIndicator>>>): PeriodKind[] {
  const computation = findComputation(row.computation);
  if (computation?.compute) return [...computation.periods];
  return [...conventionOf({ targetPeriod: row.target_period, baselinePeriod: row.baseline_period })];
}

async function loadIndicator(ctx: Ctx, planCode: string | null, code: string) {
  const row = await store.findIndicator(ctx.db, code);
  if (!row || (planCode !== null && row.plan_code !== planCode)) throw notFound(`Indicator ${code}`);
  return row;
}

export async function getIndicator(
  ctx: Ctx,
  planCode: string | null,
  code: string,
): Promise<IndicatorDetail> {
  const row = await loadIndicator(ctx, planCode, code);
  const history = await store.listMeasurementHistory(ctx.db, code);
  const computation = findComputation(row.computation);
  const kinds = kindsOf(row);
  const canManage = reviewDecision(ctx).allowed;
  return {
    code: row.code,
    planCode: row.plan_code,
    actionCode: row.action_code,
    actionLineCode: row.action_line_code,
    definition: row.definition,
    unit: row.unit,
    baseline: row.baseline,
    baselinePeriod: row.baseline_period,
    target: row.target,
    targetPeriod: row.target_period,
    computation: row.computation,
    computationInfo: computation ? computationInfo(computation) : null,
    source: row.source,
    periodKinds: kinds,
    measurements: history.map((m) => ({
      id: m.id,
      period: m.period,
      ...shown(m.computation, m.value),
      source: m.source,
      note: m.note,
      computation: m.computation,
      enteredBy: m.entered_by_name,
      enteredAt: new Date(m.entered_at).toISOString(),
      supersedes: m.supersedes,
      supersededBy: m.superseded_by,
    })),
    canManage,
    computePeriods: computation?.compute ? endedPeriods(kinds[0]!, today(ctx), 8) : [],
  };
}

/** The indicators of a plan with their latest current measurement. */
export async function listIndicators(ctx: Ctx, planCode: string): Promise<IndicatorSummary[]> {
  const rows = await store.listPlanIndicators(ctx.db, planCode);
  const measurements = await store.listMeasurements(
    ctx.db,
    rows.map((r) => r.code),
  );
  return rows.map((r) => {
    const own = measurements
      .filter((m) => m.indicator_code === r.code)
      .sort((a, b) => (periodBounds(a.period)?.end ?? '').localeCompare(periodBounds(b.period)?.end ?? ''));
    const last = own.at(-1);
    return {
      code: r.code,
      planCode,
      actionCode: r.action_code,
      actionLineCode: r.action_line_code,
      definition: r.definition,
      unit: r.unit,
      computation: r.computation,
      computable: findComputation(r.computation)?.compute != null,
      latest: last ? { period: last.period, ...shown(last.computation, last.value) } : null,
    };
  });
}

async function refuse(ctx: Ctx, code: string, reason: string): Promise<never> {
  await ctx.audit({
    action: 'actionplan.measurement-record',
    outcome: 'denied',
    recordType: 'actionplan-indicator',
    recordId: code.slice(0, 40),
    purpose: reason,
  });
  throw forbidden('Only the programme team (a ministry) records measurements');
}

function checkPeriod(period: string, kinds: readonly PeriodKind[], day: string, mustHaveEnded: boolean) {
  const issues: FieldIssue[] = [];
  const kind = periodKind(period);
  if (!kind || !kinds.includes(kind)) {
    issues.push({
      field: 'period',
      rule: 'format',
      message: `A period as ${kinds.map((k) => PERIOD_EXAMPLES[k]).join(' or ')}`,
    });
    return issues;
  }
  const bounds = periodBounds(period)!;
  if (mustHaveEnded && bounds.end >= day)
    issues.push({ field: 'period', rule: 'ended', message: 'Compute only for a period that has ended' });
  if (!mustHaveEnded && bounds.start > day)
    issues.push({ field: 'period', rule: 'notFuture', message: 'The period has not begun yet' });
  return issues;
}

interface NewMeasurement {
  period: string;
  value: number;
  source: string;
  note: string | null;
  supersedes?: string | undefined;
  computation: string | null;
  details?: Record<string, unknown>;
}

/** Appends under the indicator's lock: a named correction, or the current measurement of the same period. */
async function append(ctx: Ctx, code: string, input: NewMeasurement): Promise<string> {
  if (ctx.actor.kind !== 'user') throw forbidden('Only a user records measurements');
  const actor = ctx.actor;
  return ctx.transaction(async (tx) => {
    await store.lockIndicator(tx.db, code);
    const current = await store.listMeasurements(tx.db, [code]);
    const samePeriod = current.find((m) => m.period === input.period);
    let supersedes: string | null = samePeriod?.id ?? null;
    if (input.supersedes) {
      const named = current.find((m) => m.id === input.supersedes);
      if (!named)
        throw invalid([
          {
            field: 'supersedes',
            rule: 'current',
            message: 'Name a current measurement of this indicator (one not corrected already)',
          },
        ]);
      if (samePeriod && samePeriod.id !== named.id)
        throw invalid([
          {
            field: 'period',
            rule: 'taken',
            message: `Period ${input.period} has a measurement already: correct that one`,
          },
        ]);
      supersedes = named.id;
    }
    const id = await store.insertMeasurement(tx.db, {
      indicatorCode: code,
      period: input.period,
      value: input.value,
      source: input.source,
      note: input.note,
      enteredBy: actor.userId,
      enteredAt: tx.now(),
      supersedes,
      computation: input.computation,
    });
    await tx.audit({
      action: 'actionplan.measurement-record',
      recordType: 'actionplan-indicator',
      recordId: code,
      details: {
        measurementId: id,
        period: input.period,
        supersedes,
        computation: input.computation,
        ...input.details,
      },
    });
    return id;
  });
}

async function recorded(ctx: Ctx, code: string, id: string): Promise<Measurement> {
  return (await getIndicator(ctx, null, code)).measurements.find((m) => m.id === id)!;
}

export interface MeasurementInput {
  period: string;
  /** NaN when the form's text was no number. */
  value: number;
  source: string;
  note?: string | undefined;
  supersedes?: string | undefined;
}

/** The programme team enters a measurement by hand with its source. */
export async function recordMeasurement(
  ctx: Ctx,
  planCode: string | null,
  code: string,
  input: MeasurementInput,
): Promise<Measurement> {
  const row = await loadIndicator(ctx, planCode, code);
  const decision = reviewDecision(ctx);
  if (!decision.allowed) return refuse(ctx, code, decision.reason);
  const period = normalisePeriod(input.period);
  const issues = checkPeriod(period, kindsOf(row), today(ctx), false);
  if (!Number.isFinite(input.value))
    issues.push({ field: 'value', rule: 'number', message: 'A number, e.g. 12 or 12.5' });
  else if (Math.abs(input.value) > VALUE_MAX)
    issues.push({ field: 'value', rule: 'maximum', message: `At most ${VALUE_MAX}` });
  const source = input.source.trim();
  if (!source) issues.push({ field: 'source', rule: 'required', message: 'Name the source of the figure' });
  if (source.length > SOURCE_MAX)
    issues.push({ field: 'source', rule: 'maxLength', message: `At most ${SOURCE_MAX} characters` });
  const note = input.note?.trim() ?? '';
  if (note.length > NOTE_MAX)
    issues.push({ field: 'note', rule: 'maxLength', message: `At most ${NOTE_MAX} characters` });
  if (issues.length) throw invalid(issues);
  const id = await append(ctx, code, {
    period,
    value: input.value,
    source,
    note: note || null,
    supersedes: input.supersedes,
    computation: null,
  });
  return recorded(ctx, code, id);
}

/** The programme team has Schakel compute the indicator for an ended period and record the result. */
export async function computeMeasurement(
  ctx: Ctx,
  planCode: string | null,
  code: string,
  input: { period: string },
): Promise<Measurement> {
  const row = await loadIndicator(ctx, planCode, code);
  const decision = reviewDecision(ctx);
  if (!decision.allowed) return refuse(ctx, code, decision.reason);
  const computation = findComputation(row.computation);
  if (!computation?.compute)
    throw conflictOn(
      'computation',
      computation ? 'not-yet-computable' : 'none',
      computation
        ? `${computation.code} cannot be computed yet: it ${computation.needs?.en ?? 'needs more data'}`
        : 'This indicator is measured by hand',
    );
  const day = today(ctx);
  const period = normalisePeriod(input.period);
  const issues = checkPeriod(period, computation.periods, day, true);
  if (issues.length) throw invalid(issues);
  const bounds = periodBounds(period)!;
  const figures = await signalFigures(ctx.db, {
    from: amsterdamDayStart(bounds.start)!,
    to: amsterdamDayEnd(bounds.end)!,
  });
  const result = computation.compute(figures);
  if (!result)
    throw conflictOn('period', 'no-data', `No signals in ${period} to compute ${computation.code} from`);
  const note = result.base ? `Op basis van ${baseText(result.base.count, 'nl')} ${result.base.nl}.` : null;
  const id = await append(ctx, code, {
    period,
    value: result.value,
    source: `Berekend door Schakel: ${computation.statement.nl} (op ${longDate('nl', day)})`,
    note,
    computation: computation.code,
  });
  return recorded(ctx, code, id);
}
