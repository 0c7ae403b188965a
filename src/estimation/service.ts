// The estimation page and API: run the library on uploaded counts with limits fit for a web request, describe the
// overlaps and the models considered, add plain-language warnings, and save estimates with their inputs so that a
// figure in a report can be traced. Counts only: nothing here ever sees a person.
import { displayNames } from '../auth/index.js';
import type { Ctx } from '../context.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { decide } from '../policy/index.js';
import {
  estimate,
  EXHAUSTIVE_MAX_LISTS,
  fitModel,
  isEstimationError,
  parseCaptureHistories,
  type CaptureData,
  type Criterion,
  type EstimateResult,
  type IntervalMethod,
  type Method,
} from './index.js';
import * as store from './store.js';

/** Longest CSV text accepted (a file with 10 lists and every history is about 25 kB). */
export const MAX_CSV_CHARS = 200_000;
/** Web requests run the bootstrap with at most this many lists, never with exhaustive search, 1,000 resamples. */
export const WEB_BOOTSTRAP_MAX_LISTS = EXHAUSTIVE_MAX_LISTS;
export const WEB_BOOTSTRAP_REPLICATES = 1000;
const TIME_LIMIT_MS = 30_000;

export interface EstimationOptions {
  method?: Method;
  criterion?: Criterion;
  interval?: IntervalMethod;
  level?: number;
  seed?: number;
}

export interface EstimationRequest extends EstimationOptions {
  csv: string;
}

export interface OutcomeWarning {
  code: string;
  message: string;
  /** Numbers and names for the page's translated text. */
  details?: Record<string, string | number>;
}

export interface ModelRow {
  interactions: string[];
  /** Stepwise: the interaction this step added and its p-value. */
  added: string | null;
  pValue: number | null;
  aic: number;
  bic: number;
  total: number;
  chosen: boolean;
}

export interface Outcome {
  lists: string[];
  observed: number;
  unobserved: number;
  total: number;
  interval: EstimateResult['interval'];
  model: Omit<EstimateResult['model'], 'coefficients'>;
  method: Method;
  criterion?: Criterion;
  warnings: OutcomeWarning[];
  overlaps: {
    histories: { lists: string[]; count: number }[];
    listSizes: { list: string; count: number }[];
  };
  /** Exhaustive: the number of models searched and fitted; the rows are the best 10. Stepwise: each step. */
  models: { searched: number | null; fitted: number | null; rows: ModelRow[] };
}

/** Bad input, with the field it concerns and the library's error code as the rule. */
export class EstimationInputError extends DomainError {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super('validation-failed', message, [{ field, rule, message }]);
  }
}

function actingOrganisation(ctx: Ctx): string {
  const actor = ctx.actor;
  const decision = decide(actor, 'estimation.run');
  if (!decision.allowed || actor.kind !== 'user' || !actor.organisationId) {
    throw forbidden(`Not allowed: ${decision.allowed ? 'no organisation' : decision.reason}`);
  }
  return actor.organisationId;
}

const FIELD_OF: Record<string, string> = {
  'estimation-exhaustive-too-large': 'method',
  'estimation-invalid-option': 'options',
  'estimation-cancelled': 'interval',
};

async function compute(input: EstimationRequest): Promise<{ data: CaptureData; outcome: Outcome }> {
  if (input.csv.length > MAX_CSV_CHARS) {
    throw new EstimationInputError(
      'csv',
      'maxLength',
      `The CSV text is longer than ${MAX_CSV_CHARS} characters.`,
    );
  }
  // Uploaded files bypass the app's NUL check (it runs before the multipart body is read); text columns refuse NUL.
  if (input.csv.includes('\u0000')) {
    throw new EstimationInputError('csv', 'no-nul-character', 'The CSV text contains a NUL character.');
  }
  try {
    const { data, warnings } = parseCaptureHistories(input.csv);
    const k = data.lists.length;
    if (input.interval === 'bootstrap' && (input.method === 'exhaustive' || k > WEB_BOOTSTRAP_MAX_LISTS)) {
      throw new EstimationInputError(
        'interval',
        'bootstrap-limit',
        `On the web the bootstrap runs with stepwise or main-effects models and at most ${WEB_BOOTSTRAP_MAX_LISTS} ` +
          `lists (these data have ${k}); use the command line (schakel estimate --interval bootstrap) for more.`,
      );
    }
    const result = await estimate(data, {
      ...input,
      replicates: WEB_BOOTSTRAP_REPLICATES,
      signal: AbortSignal.timeout(TIME_LIMIT_MS),
    });
    result.warnings.unshift(...warnings);
    return { data, outcome: describe(data, result) };
  } catch (error) {
    if (!isEstimationError(error)) throw error;
    const message =
      error.code === 'estimation-cancelled'
        ? `The estimate took longer than ${TIME_LIMIT_MS / 1000} s and was stopped; choose a faster interval.`
        : error.message;
    throw new EstimationInputError(
      FIELD_OF[error.code] ?? 'csv',
      error.code,
      message,
      error.line,
      error.column,
    );
  }
}

/** Runs an estimate without saving it. */
export async function runEstimate(ctx: Ctx, input: EstimationRequest): Promise<Outcome> {
  actingOrganisation(ctx);
  return (await compute(input)).outcome;
}

function describe(data: CaptureData, result: EstimateResult): Outcome {
  const { coefficients: _unused, ...model } = result.model;
  const models = modelRows(data, result);
  return {
    lists: result.lists,
    observed: result.observed,
    unobserved: result.unobserved,
    total: result.total,
    interval: result.interval,
    model,
    method: result.method,
    ...(result.criterion ? { criterion: result.criterion } : {}),
    warnings: [...result.warnings, ...dataWarnings(data), ...stabilityWarnings(data, result, models.rows)],
    overlaps: overlaps(data),
    models,
  };
}

function overlaps(data: CaptureData): Outcome['overlaps'] {
  const k = data.lists.length;
  const histories: { lists: string[]; count: number }[] = [];
  for (let cell = 1; cell < 1 << k; cell++) {
    const count = data.counts[cell]!;
    if (count > 0) histories.push({ lists: data.lists.filter((_, i) => cell & (1 << i)), count });
  }
  histories.sort((a, b) => b.count - a.count || a.lists.length - b.lists.length);
  const listSizes = data.lists.map((list, i) => {
    let count = 0;
    for (let cell = 1; cell < 1 << k; cell++) if (cell & (1 << i)) count += data.counts[cell]!;
    return { list, count };
  });
  return { histories, listSizes };
}

function tryFit(
  data: CaptureData,
  interactions: string[],
): { aic: number; bic: number; total: number } | null {
  try {
    const fit = fitModel(data, interactions);
    const total = data.observed + fit.unobserved;
    if (!fit.converged || !Number.isFinite(total) || !Number.isFinite(fit.aic)) return null;
    return { aic: fit.aic, bic: fit.bic, total };
  } catch {
    return null;
  }
}

function modelRows(data: CaptureData, result: EstimateResult): Outcome['models'] {
  const chosen: ModelRow = {
    interactions: result.model.interactions,
    added: null,
    pValue: null,
    aic: result.model.aic,
    bic: result.model.bic,
    total: result.total,
    chosen: true,
  };
  const rows: ModelRow[] = [];
  if (result.search) {
    result.search.best.forEach((best, i) => {
      const fit = i === 0 ? chosen : tryFit(data, best.interactions);
      if (fit)
        rows.push({ ...fit, interactions: best.interactions, added: null, pValue: null, chosen: i === 0 });
    });
    return { searched: result.search.models, fitted: result.search.fitted, rows };
  }
  const steps = result.steps ?? [];
  steps.forEach((step, i) => {
    const interactions = steps.slice(0, i).map((s) => s.interaction);
    const fit = tryFit(data, interactions);
    if (fit) {
      const previous =
        i === 0
          ? { added: null, pValue: null }
          : { added: steps[i - 1]!.interaction, pValue: steps[i - 1]!.pValue };
      rows.push({ ...fit, interactions, ...previous, chosen: false });
    }
  });
  const last = steps[steps.length - 1];
  rows.push(last ? { ...chosen, added: last.interaction, pValue: last.pValue } : chosen);
  return { searched: null, fitted: null, rows };
}

function dataWarnings(data: CaptureData): OutcomeWarning[] {
  const k = data.lists.length;
  const warnings: OutcomeWarning[] = [];
  const possible = (1 << k) - 1;
  let empty = 0;
  for (let cell = 1; cell <= possible; cell++) if (data.counts[cell] === 0) empty++;
  if (k >= 3 && empty > possible / 2) {
    warnings.push({
      code: 'estimation-sparse',
      message:
        `${empty} of the ${possible} possible combinations of lists have nobody in them. With such sparse ` +
        'overlaps the estimate depends strongly on the model chosen.',
      details: { empty, possible },
    });
  }
  const apart: string[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let together = 0;
      for (let cell = 1; cell <= possible; cell++)
        if (cell & (1 << i) && cell & (1 << j)) together += data.counts[cell]!;
      if (together === 0) apart.push(`${data.lists[i]} & ${data.lists[j]}`);
    }
  }
  if (apart.length > 0) {
    warnings.push({
      code: 'estimation-no-overlap',
      message:
        `These lists have nobody in common: ${apart.join(', ')}. Check the linkage, and whether these lists can ` +
        'hold the same people at all; a model that lets them interact treats their overlap as impossible.',
      details: { pairs: apart.join(', ') },
    });
  }
  return warnings;
}

/** Models close to the chosen one (within 2 AIC of the best of them) should not disagree by more than 20 %. */
function stabilityWarnings(data: CaptureData, result: EstimateResult, rows: ModelRow[]): OutcomeWarning[] {
  const candidates = rows.map((r) => ({ aic: r.aic, total: r.total }));
  if (result.method === 'stepwise') {
    const final = result.model.interactions;
    if (final.length > 1) {
      for (const drop of final) {
        const fit = tryFit(
          data,
          final.filter((x) => x !== drop),
        );
        if (fit) candidates.push(fit);
      }
    }
  }
  const best = Math.min(...candidates.map((c) => c.aic));
  const close = candidates.filter((c) => c.aic <= best + 2);
  if (close.length < 2) return [];
  const low = Math.min(...close.map((c) => c.total));
  const high = Math.max(...close.map((c) => c.total));
  if ((high - low) / result.total <= 0.2) return [];
  const [lowText, highText] = [low, high].map((x) => String(Math.round(x)));
  return [
    {
      code: 'estimation-unstable',
      message:
        `${close.length} models within 2 AIC of the best give totals from ${lowText} to ${highText}, more than 20 % ` +
        'apart: the estimate is unstable. Report the range, not one number.',
      details: { models: close.length, low: lowText!, high: highText! },
    },
  ];
}

export interface SavedEstimate extends store.EstimateRecord {
  createdByName: string | null;
}

const TITLE_MAX = 200;

/** Runs and stores an estimate with its inputs (counts per capture history) and options, and audits it. */
export async function saveEstimate(
  ctx: Ctx,
  input: EstimationRequest & { title?: string },
): Promise<SavedEstimate> {
  const organisationId = actingOrganisation(ctx);
  const title = (input.title ?? '').trim();
  if (title.length > TITLE_MAX) {
    throw new EstimationInputError('title', 'maxLength', `The title has at most ${TITLE_MAX} characters.`);
  }
  const { data, outcome } = await compute(input);
  const histories: store.HistoryCount[] = [];
  for (let cell = 1; cell < data.counts.length; cell++) {
    const count = data.counts[cell]!;
    if (count > 0) histories.push({ flags: data.lists.map((_, i) => (cell & (1 << i) ? 1 : 0)), count });
  }
  const options: Record<string, unknown> = {
    method: outcome.method,
    ...(outcome.criterion ? { criterion: outcome.criterion } : {}),
    interval: outcome.interval.method,
    level: outcome.interval.level,
    ...(outcome.interval.method === 'bootstrap'
      ? { seed: outcome.interval.seed, replicates: outcome.interval.replicates }
      : {}),
  };
  const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return ctx.transaction(async (tx) => {
    const record = await store.insertEstimate(tx.db, {
      organisationId,
      createdBy,
      createdAt: tx.now(),
      title: title || `${data.lists.join(', ')} (${outcome.method})`,
      lists: [...data.lists],
      histories,
      options,
      result: outcome as unknown as Record<string, unknown>,
    });
    await tx.audit({
      action: 'estimate.create',
      recordType: 'estimate',
      recordId: record.id,
      recordOrganisationId: organisationId,
      details: { lists: data.lists.length, observed: outcome.observed, total: Math.round(outcome.total) },
    });
    return { ...record, createdByName: ctx.actor.kind === 'user' ? ctx.actor.displayName : null };
  });
}

async function withNames(ctx: Ctx, records: store.EstimateRecord[]): Promise<SavedEstimate[]> {
  const ids = [...new Set(records.map((r) => r.createdBy).filter((id): id is string => id !== null))];
  const names = await displayNames(ctx.db, ids);
  return records.map((r) => ({ ...r, createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null }));
}

/** The acting organisation's saved estimates, newest first. */
export async function listEstimates(ctx: Ctx): Promise<SavedEstimate[]> {
  return withNames(ctx, await store.listEstimates(ctx.db, actingOrganisation(ctx)));
}

/** One saved estimate of the acting organisation; another organisation's is "not found", like a missing one. */
export async function getEstimate(ctx: Ctx, id: string): Promise<SavedEstimate> {
  const record = await store.findEstimate(ctx.db, actingOrganisation(ctx), id);
  if (!record) throw notFound('Estimate');
  return (await withNames(ctx, [record]))[0]!;
}
