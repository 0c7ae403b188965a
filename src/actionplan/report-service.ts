// Producing the biennial progress report: who may (the programme team and action holders: `actionplan.manage` or
// `actionplan.progress`; a command on the server itself), the period checked, the data loaded, the report built and
// rendered as DOCX or HTML, and every production (and every refusal) audited as `actionplan.report`.
import type { Ctx } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Lang } from '../web/i18n.js';
import { shownAsFewerThanTen } from './computations.js';
import { buildReport, checkReportPeriod, reportDecision, type Report } from './report.js';
import { DOCX_TYPE } from '../web/docx.js';
import { renderReportDocx } from './report-docx.js';
import { renderReportHtml, type HtmlOptions } from './report-html.js';
import { reportFilename } from './report-text.js';
import { listActionHistories } from './service.js';
import * as store from './store.js';

export const REPORT_FORMATS = ['docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportQuery {
  plan: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

export interface ProducedReport {
  report: Report;
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/** Refuses (403, audited) whoever may not produce the report. */
export async function assertMayProduceReport(ctx: Ctx, plan: string | null): Promise<void> {
  const decision = reportDecision(ctx.actor);
  if (decision.allowed) return;
  await ctx.audit({
    action: 'actionplan.report',
    outcome: 'denied',
    recordType: 'actionplan-plan',
    ...(plan ? { recordId: plan.slice(0, 40) } : {}),
    purpose: decision.reason,
  });
  throw forbidden('Only the programme team and action holders produce the progress report');
}

/** Checks the query and builds the report from the data (no rendering, no audit). */
export async function buildProgressReport(ctx: Ctx, query: ReportQuery): Promise<Report> {
  const issues = checkReportPeriod(query.from, query.to);
  if (issues.length) throw invalid(issues, 'The period of the report is not valid');
  const plan = (await store.listPlans(ctx.db)).find((p) => p.code === query.plan);
  if (!plan) throw notFound(`Plan ${query.plan}`);
  const [goals, lines, actions, indicators] = await Promise.all([
    store.listStrategicGoals(ctx.db, plan.code),
    store.listActionLines(ctx.db, plan.code),
    listActionHistories(ctx, plan.code),
    store.listPlanIndicators(ctx.db, plan.code),
  ]);
  const measurements = await store.listMeasurements(
    ctx.db,
    indicators.map((i) => i.code),
  );
  return buildReport({
    plan,
    strategicGoals: goals.map((g) => ({ code: g.code, number: g.number, title: g.title, source: g.source })),
    actionLines: lines.map((l) => ({
      code: l.code,
      number: l.number,
      title: l.title,
      description: l.description,
      source: l.source,
    })),
    actions,
    indicators: indicators.map((i) => ({
      code: i.code,
      actionCode: i.action_code,
      actionLineCode: i.action_line_code,
      definition: i.definition,
      unit: i.unit,
      baseline: i.baseline,
      baselinePeriod: i.baseline_period,
      target: i.target,
      targetPeriod: i.target_period,
      computation: i.computation,
      source: i.source,
    })),
    measurements: measurements.map((m) => ({
      indicatorCode: m.indicator_code,
      period: m.period,
      value: m.value ?? 0,
      source: m.source,
      note: m.note,
      fewerThanTen: shownAsFewerThanTen(m.computation, m.value ?? 0),
    })),
    from: query.from,
    to: query.to,
    generatedAt: ctx.now(),
  });
}

/** Who may, the period, the report, rendered; then the audit event (after the rendering succeeded). */
export async function produceProgressReport(
  ctx: Ctx,
  query: ReportQuery,
  output: { format: ReportFormat; lang: Lang; html?: Omit<HtmlOptions, 'lang'> },
): Promise<ProducedReport> {
  await assertMayProduceReport(ctx, query.plan);
  const report = await buildProgressReport(ctx, query);
  const produced: ProducedReport =
    output.format === 'docx'
      ? {
          report,
          filename: reportFilename(report, 'docx'),
          contentType: DOCX_TYPE,
          body: await renderReportDocx(report, output.lang),
        }
      : {
          report,
          filename: reportFilename(report, 'html'),
          contentType: 'text/html; charset=utf-8',
          body: renderReportHtml(report, { stylesheet: 'linked', ...output.html, lang: output.lang }),
        };
  await ctx.audit({
    action: 'actionplan.report',
    recordType: 'actionplan-plan',
    recordId: report.plan.code,
    details: {
      from: report.from,
      to: report.to,
      format: output.format,
      actions: report.total,
      indicators: report.lines.reduce((n, l) => n + l.indicators.length, report.planIndicators.length),
    },
  });
  return produced;
}
