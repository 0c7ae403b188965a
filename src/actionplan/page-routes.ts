// The action plan's pages: GET forms with query parameters (work without JavaScript), POST forms with CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { field } from '../web/forms.js';
import { ActionPage, type ActionView } from './action-page.js';
import { DashboardPage } from './dashboard.js';
import { MinePage, PlanPage, TablePage } from './pages.js';
import { filterOptions, getPlanTree, listPlans, planHealth, type PlanSummary } from './plan.js';
import { checkReportPeriod } from './report.js';
import { REPORT_CSS } from './report-html.js';
import { ReportFormPage, type ReportFormView } from './report-page.js';
import { assertMayProduceReport, produceProgressReport } from './report-service.js';
import { FORMS, reportablePeriods, STATUSES, type Status } from './rules.js';
import { getAction, listActions, reviewProgress, submitProgress } from './service.js';
import { IndicatorPage, IndicatorsPage, type IndicatorView } from './indicator-pages.js';
import { computeMeasurement, getIndicator, listIndicators, recordMeasurement } from './measurements.js';
import { PERIOD_EXAMPLES } from './periods.js';

const MEASUREMENT_ERROR_KEYS: Record<string, string> = {
  'period:format': 'ap.ind.error.period',
  'period:notFuture': 'ap.ind.error.future',
  'period:taken': 'ap.ind.error.taken',
  'period:ended': 'ap.ind.error.ended',
  'period:no-data': 'ap.ind.error.noData',
  'source:required': 'ap.ind.error.source',
};

function measurementErrors(
  req: FastifyRequest,
  error: DomainError,
  examples: string,
  rename: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    error.issues.map((i) => {
      const key =
        MEASUREMENT_ERROR_KEYS[`${i.field}:${i.rule}`] ??
        (i.field === 'value'
          ? 'ap.ind.error.value'
          : i.field === 'supersedes'
            ? 'ap.ind.error.supersedes'
            : i.rule === 'maxLength'
              ? 'ap.ind.error.long'
              : 'ap.error.required');
      return [rename[i.field] ?? i.field, req.t(key, { examples })];
    }),
  );
}

/** A number as people type it: `12`, `12,5`, `12.5`, `1.234,5`; anything else is NaN. */
export function parseDecimal(text: string): number {
  const compact = text.replace(/\s/g, '');
  const normal = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)
    ? compact.replace(/\./g, '').replace(',', '.')
    : compact.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

async function showIndicator(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  extra: Partial<IndicatorView> = {},
  status = 200,
) {
  const indicator = await getIndicator(req.ctx, null, code);
  return reply.page(
    `${req.t('ap.ind.one', { code: indicator.code })}`,
    h(IndicatorPage, { page: reply.pageContext(), view: { indicator, ...extra } }),
    status,
  );
}

const ERROR_KEYS: Record<string, string> = {
  required: 'ap.error.required',
  enum: 'ap.error.period',
  maxLength: 'ap.error.maxLength',
};

function fieldErrors(req: FastifyRequest, error: DomainError): Record<string, string> {
  return Object.fromEntries(
    error.issues.map((i) => {
      const key =
        i.field === 'reason'
          ? 'ap.error.reason'
          : i.field === 'status'
            ? 'ap.error.status'
            : i.field === 'comment' && i.rule === 'required'
              ? 'ap.error.comment'
              : (ERROR_KEYS[i.rule] ?? 'ap.error.required');
      return [i.field, req.t(key)];
    }),
  );
}

const pick = (value: unknown, allowed: readonly string[]) =>
  typeof value === 'string' && allowed.includes(value) ? value : undefined;

async function showAction(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  extra: Partial<ActionView> = {},
  status = 200,
) {
  const action = await getAction(req.ctx, code);
  const options = await filterOptions(req.ctx);
  const line = options.actionLines.find((l) => l.code === action.actionLineCode);
  const view: ActionView = {
    action,
    lineTitle: line ? `${line.planCode} · ${line.number}. ${line.title}` : action.actionLineCode,
    periods: reportablePeriods(req.ctx.now()),
    organisation: req.ctx.actor.kind === 'user' ? req.ctx.actor.organisationName : null,
    ...extra,
  };
  return reply.page(
    `${action.code} ${action.title}`,
    h(ActionPage, { page: reply.pageContext(), view }),
    status,
  );
}

/** The form's first suggestion: the plan that asks for progress reports, over the two years from its first day. */
function defaultReportValues(plans: PlanSummary[], now: Date): ReportFormView['values'] {
  const plan = plans.find((p) => p.reportingFrom) ?? plans[0]!;
  const van = plan.reportingFrom ?? `${now.getUTCFullYear() - 2}-01-01`;
  const [y, m, d] = van.split('-').map(Number) as [number, number, number];
  const tot = new Date(Date.UTC(y + 2, m - 1, d - 1)).toISOString().slice(0, 10);
  return { plan: plan.code, van, tot };
}

function showReportForm(req: FastifyRequest, reply: FastifyReply, view: ReportFormView, status = 200) {
  return reply.page(
    req.t('ap.report.form.title'),
    h(ReportFormPage, { page: reply.pageContext(), view }),
    status,
  );
}

export function pageRoutes(app: FastifyInstance): void {
  // The report's stylesheet (inline styles are refused by the Content-Security-Policy).
  app.get('/actieplan/rapportage/rapport.css', { config: { access: 'authenticated' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'private, max-age=3600').send(REPORT_CSS),
  );

  // Without a plan and dates: the form. With them: the report as a printable page, or as DOCX (`formaat=docx`).
  app.get('/actieplan/rapportage', { config: { access: 'authenticated' } }, async (req, reply) => {
    await assertMayProduceReport(req.ctx, null);
    const raw = req.query as Record<string, unknown>;
    const plans = await listPlans(req.ctx);
    if (raw.plan === undefined && raw.van === undefined && raw.tot === undefined)
      return showReportForm(req, reply, { plans, values: defaultReportValues(plans, req.ctx.now()) });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 40) : '');
    const values = { plan: text(raw.plan), van: text(raw.van), tot: text(raw.tot) };
    const errors: Record<string, string> = {};
    if (!plans.some((p) => p.code === values.plan)) errors.plan = req.t('ap.report.error.plan');
    for (const issue of checkReportPeriod(values.van, values.tot))
      errors[issue.field === 'from' ? 'van' : 'tot'] = req.t(
        issue.rule === 'afterFrom' ? 'ap.report.error.order' : 'ap.report.error.date',
      );
    if (Object.keys(errors).length) return showReportForm(req, reply, { plans, values, errors }, 400);
    const format = raw.formaat === 'docx' ? 'docx' : 'html';
    const same = new URLSearchParams(values).toString();
    const produced = await produceProgressReport(
      req.ctx,
      { plan: values.plan, from: values.van, to: values.tot },
      {
        format,
        lang: req.lang,
        html: {
          stylesheet: 'linked',
          links: { back: '/actieplan/rapportage', docx: `/actieplan/rapportage?${same}&formaat=docx` },
        },
      },
    );
    reply.header('cache-control', 'no-store').type(produced.contentType);
    if (format === 'docx') reply.header('content-disposition', `attachment; filename="${produced.filename}"`);
    return reply.send(produced.body);
  });

  app.get('/actieplan', { config: { access: 'authenticated' } }, async (req, reply) => {
    const plans = await listPlans(req.ctx);
    const chosen =
      pick(
        (req.query as Record<string, unknown>).plan,
        plans.map((p) => p.code),
      ) ?? plans[0]!.code;
    const tree = await getPlanTree(req.ctx, chosen);
    return reply.page(req.t('ap.title'), h(PlanPage, { page: reply.pageContext(), plans, tree }));
  });

  app.get('/actieplan/acties', { config: { access: 'authenticated' } }, async (req, reply) => {
    const raw = req.query as Record<string, unknown>;
    const options = await filterOptions(req.ctx);
    const query = {
      plan: pick(
        raw.plan,
        options.plans.map((p) => p.code),
      ),
      actielijn: pick(
        raw.actielijn,
        options.actionLines.map((l) => l.code),
      ),
      actiehouder: pick(raw.actiehouder, options.holders),
      uitbuitingsvorm: pick(raw.uitbuitingsvorm, FORMS),
      status: pick(raw.status, STATUSES),
    };
    const actions = await listActions(req.ctx, {
      planCode: query.plan,
      actionLineCode: query.actielijn,
      holder: query.actiehouder,
      form: query.uitbuitingsvorm,
      status: query.status as Status | undefined,
    });
    const view = {
      ...options,
      actions,
      query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
    };
    return reply.page(req.t('ap.tab.table'), h(TablePage, { page: reply.pageContext(), view }));
  });

  app.get('/actieplan/mijn-acties', { config: { access: 'authenticated' } }, async (req, reply) => {
    const actions = await listActions(req.ctx, { mine: true });
    const organisation = req.ctx.actor.kind === 'user' ? (req.ctx.actor.organisationName ?? '') : '';
    return reply.page(
      req.t('ap.mine.title'),
      h(MinePage, { page: reply.pageContext(), actions, organisation }),
    );
  });

  app.get('/actieplan/voortgang', { config: { access: 'authenticated' } }, async (req, reply) => {
    const plans = await listPlans(req.ctx);
    // Without a choice: the newest plan that has actions (the 2024 plan has none until the programme team adds them).
    const chosen =
      pick(
        (req.query as Record<string, unknown>).plan,
        plans.map((p) => p.code),
      ) ?? (plans.find((p) => p.actions > 0) ?? plans[0]!).code;
    const { lines } = await planHealth(req.ctx, chosen);
    const plan = plans.find((p) => p.code === chosen)!;
    return reply.page(
      req.t('ap.dash.title'),
      h(DashboardPage, { page: reply.pageContext(), plans, plan, lines }),
    );
  });

  app.get('/actieplan/indicatoren', { config: { access: 'authenticated' } }, async (req, reply) => {
    const plans = await listPlans(req.ctx);
    const chosen =
      pick(
        (req.query as Record<string, unknown>).plan,
        plans.map((p) => p.code),
      ) ?? (plans.find((p) => p.actions > 0) ?? plans[0]!).code;
    const indicators = await listIndicators(req.ctx, chosen);
    return reply.page(
      req.t('ap.ind.title'),
      h(IndicatorsPage, { page: reply.pageContext(), plans, plan: chosen, indicators }),
    );
  });

  app.get('/actieplan/indicatoren/:code', { config: { access: 'authenticated' } }, async (req, reply) => {
    const saved = pick((req.query as Record<string, unknown>).opgeslagen, ['meting', 'berekend']) as
      'meting' | 'berekend' | undefined;
    return showIndicator(req, reply, (req.params as { code: string }).code, { saved });
  });

  app.post(
    '/actieplan/indicatoren/:code/metingen',
    { config: { access: 'actionplan.manage' } },
    async (req, reply) => {
      const code = (req.params as { code: string }).code;
      const values = Object.fromEntries(
        ['period', 'value', 'source', 'note', 'supersedes'].map((name) => [name, field(req, name)]),
      );
      try {
        await recordMeasurement(req.ctx, null, code, {
          period: values.period!,
          value: parseDecimal(values.value!),
          source: values.source!,
          note: values.note,
          supersedes: values.supersedes || undefined,
        });
        return reply.redirect(`/actieplan/indicatoren/${encodeURIComponent(code)}?opgeslagen=meting`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        const indicator = await getIndicator(req.ctx, null, code);
        const examples = indicator.periodKinds.map((k) => PERIOD_EXAMPLES[k]).join(', ');
        const errors = measurementErrors(req, error, examples);
        return showIndicator(req, reply, code, { values, errors }, 400);
      }
    },
  );

  app.post(
    '/actieplan/indicatoren/:code/berekeningen',
    { config: { access: 'actionplan.manage' } },
    async (req, reply) => {
      const code = (req.params as { code: string }).code;
      const period = field(req, 'computePeriod');
      try {
        await computeMeasurement(req.ctx, null, code, { period });
        return reply.redirect(`/actieplan/indicatoren/${encodeURIComponent(code)}?opgeslagen=berekend`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        const computeErrors = measurementErrors(req, error, period, { period: 'computePeriod' });
        return showIndicator(req, reply, code, { values: { computePeriod: period }, computeErrors }, 400);
      }
    },
  );

  app.get('/actieplan/acties/:code', { config: { access: 'authenticated' } }, async (req, reply) => {
    const saved = pick((req.query as Record<string, unknown>).opgeslagen, ['progress', 'review']) as
      'progress' | 'review' | undefined;
    return showAction(req, reply, (req.params as { code: string }).code, { saved });
  });

  app.post(
    '/actieplan/acties/:code/voortgang',
    { config: { access: 'actionplan.progress' } },
    async (req, reply) => {
      const code = (req.params as { code: string }).code;
      const values = Object.fromEntries(
        ['period', 'status', 'reason', 'done', 'next', 'risks'].map((name) => [name, field(req, name)]),
      );
      try {
        await submitProgress(req.ctx, code, {
          period: values.period!,
          status: values.status!,
          reason: values.reason,
          done: values.done!,
          next: values.next!,
          risks: values.risks!,
        });
        return reply.redirect(`/actieplan/acties/${encodeURIComponent(code)}?opgeslagen=progress`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
        return showAction(req, reply, code, { values, errors: fieldErrors(req, error) }, 400);
      }
    },
  );

  app.post(
    '/actieplan/acties/:code/voortgang/:id/beoordeling',
    { config: { access: 'actionplan.manage' } },
    async (req, reply) => {
      const { code, id } = req.params as { code: string; id: string };
      try {
        await reviewProgress(req.ctx, code, id, {
          decision: field(req, `decision_${id}`),
          comment: field(req, `comment_${id}`),
        });
        return reply.redirect(`/actieplan/acties/${encodeURIComponent(code)}?opgeslagen=review`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
        const errors = fieldErrors(req, error);
        return showAction(req, reply, code, { reviewErrors: { updateId: id, errors } }, 400);
      }
    },
  );
}
