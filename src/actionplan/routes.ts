// The action plan's JSON API: plans, the plan tree, actions with filters, progress updates and their review, the
// progress report (indicators: indicator-routes.ts).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DomainError, invalid } from '../errors.js';
import { problem } from '../web/problem.js';
import { registerNav } from '../web/nav.js';
import { registerStartCard } from '../web/start-cards.js';
import './i18n.js';
import { pageRoutes } from './page-routes.js';
import { indicatorRoutes } from './indicator-routes.js';
import { getPlanTree, listPlans } from './plan.js';
import { DOCX_TYPE } from '../web/docx.js';
import { assertMayProduceReport, produceProgressReport, type ReportFormat } from './report-service.js';
import { FORMS, PERIOD_PATTERN, STATUSES, type Status } from './rules.js';
import { getAction, listActions, reviewProgress, submitProgress, type ProgressInput } from './service.js';

const tags = ['Actieplan'];
const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()]);
const Nullable = Type.Union([Type.String(), Type.Null()]);
const StatusSchema = Type.String({ enum: [...STATUSES] });
const OrganisationRef = Type.Object({
  name: Type.String({ description: 'As the source text names it' }),
  organisationType: Nullable,
  organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The Schakel organisation, when one is registered under this name',
  }),
});
const Action = Type.Object({
  code: Type.String(),
  planCode: Type.String(),
  actionLineCode: Type.String(),
  operationalGoalCode: Nullable,
  title: Type.String(),
  description: Type.String(),
  section: Nullable,
  source: Type.String({ description: 'Source file and lines the action was transcribed from' }),
  start: Day,
  end: Day,
  holders: Type.Array(OrganisationRef),
  involved: Type.Array(OrganisationRef),
  forms: Type.Array(Type.String({ enum: [...FORMS] })),
  goals: Type.Array(Type.String()),
  status: StatusSchema,
  statusReason: Nullable,
  statusPeriod: Nullable,
  overduePeriod: Type.Union([Type.String({ pattern: PERIOD_PATTERN }), Type.Null()], {
    description: 'The half-year whose progress update is missing after its grace period',
  }),
});
const Review = Type.Object({
  id: Type.String({ format: 'uuid' }),
  decision: Type.String({ enum: ['geaccepteerd', 'aanpassen'] }),
  comment: Type.String(),
  organisation: Type.String(),
  reviewedAt: Type.String({ format: 'date-time' }),
});
const Progress = Type.Object({
  id: Type.String({ format: 'uuid' }),
  period: Type.String({ pattern: PERIOD_PATTERN }),
  status: StatusSchema,
  reason: Nullable,
  done: Type.String(),
  next: Type.String(),
  risks: Type.String(),
  organisation: Type.String(),
  submittedBy: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  reviews: Type.Array(Review),
});
const Num = Type.Union([Type.Number(), Type.Null()]);
const Indicator = Type.Object({
  code: Type.String(),
  definition: Type.String(),
  unit: Type.String(),
  baseline: Num,
  baselinePeriod: Nullable,
  target: Num,
  targetPeriod: Nullable,
  computation: Type.Union([Type.String(), Type.Null()], {
    description: 'How Schakel computes it from its own figures; null: measured by hand',
  }),
  source: Type.String(),
  measurements: Type.Array(
    Type.Object({
      period: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()], {
        description: 'null when a computed count from 1 to 9 is shown as "<10" (fewerThanTen)',
      }),
      fewerThanTen: Type.Boolean(),
      source: Type.String(),
      note: Nullable,
    }),
  ),
});
const ActionDetail = Type.Composite([
  Action,
  Type.Object({
    updates: Type.Array(Progress),
    indicators: Type.Array(Indicator),
    canReport: Type.Boolean(),
    canReview: Type.Boolean(),
  }),
]);
const Plan = Type.Object({
  code: Type.String(),
  title: Type.String(),
  kind: Type.String({ enum: ['programma', 'actieplan'] }),
  published: Day,
  reportingFrom: Day,
  source: Type.String(),
  strategicGoals: Type.Integer(),
  actionLines: Type.Integer(),
  actions: Type.Integer(),
});
const PlanTree = Type.Object({
  code: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  published: Day,
  reportingFrom: Day,
  source: Type.String(),
  strategicGoals: Type.Array(
    Type.Object({ code: Type.String(), number: Type.Integer(), title: Type.String(), source: Type.String() }),
  ),
  actionLines: Type.Array(
    Type.Object({
      code: Type.String(),
      number: Type.Integer(),
      title: Type.String(),
      description: Type.String(),
      source: Type.String(),
      operationalGoals: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
      actions: Type.Array(
        Type.Object({
          code: Type.String(),
          title: Type.String(),
          status: StatusSchema,
          overduePeriod: Nullable,
          holders: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
});
const CodeParam = Type.Object({ code: Type.String({ maxLength: 40 }) });

/**
 * The report's format from the Accept header: DOCX unless text/html is preferred (by its q-value); null when the
 * client accepts neither.
 */
export function reportFormatFor(accept: string | undefined): ReportFormat | null {
  if (!accept?.trim()) return 'docx';
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    return { type: type.trim(), q: Number.isFinite(weight) ? weight : 0 };
  });
  const quality = (type: string) => {
    const [major] = type.split('/');
    const exact = ranges.find((r) => r.type === type);
    const group = ranges.find((r) => r.type === `${major}/*`);
    const any = ranges.find((r) => r.type === '*/*');
    return (exact ?? group ?? any)?.q ?? 0;
  };
  const docx = quality(DOCX_TYPE);
  const html = quality('text/html');
  if (docx <= 0 && html <= 0) return null;
  return html > docx ? 'html' : 'docx';
}

export function actionPlanRoutes(app: FastifyInstance): void {
  registerNav({ href: '/actieplan', labelKey: 'nav.actionplan', access: 'authenticated', order: 40 });
  registerStartCard({
    key: 'actionplan-mine',
    permission: 'actionplan.progress',
    order: 40,
    build: async (ctx, t) => {
      const mine = await listActions(ctx, { mine: true });
      if (mine.length === 0) return null;
      const overdue = mine.filter((a) => a.overduePeriod !== null).length;
      return {
        title: t('ap.card.title'),
        text: t(overdue ? 'ap.card.overdue' : 'ap.card.text', { count: mine.length, overdue }),
        href: '/actieplan/mijn-acties',
      };
    },
  });

  app.get(
    '/api/v1/plannen',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listActionPlans',
        summary: 'The plans: the 2018 programme and the 2024 action plan',
        response: { 200: Type.Array(Plan) },
      },
    },
    async (req) => listPlans(req.ctx),
  );

  app.get(
    '/api/v1/plannen/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getActionPlan',
        summary: 'One plan as a tree: strategic goals, action lines with their operational goals and actions',
        params: CodeParam,
        response: { 200: PlanTree },
      },
    },
    async (req) => getPlanTree(req.ctx, (req.params as { code: string }).code),
  );

  app.get(
    '/api/v1/acties',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listActions',
        summary: 'Actions, filtered by plan, action line, action holder, form of exploitation and status',
        querystring: Type.Object(
          {
            plan: Type.Optional(Type.String({ maxLength: 20 })),
            actielijn: Type.Optional(
              Type.String({ maxLength: 40, description: 'Action line code, e.g. 2018-AL5' }),
            ),
            actiehouder: Type.Optional(Type.String({ maxLength: 200 })),
            uitbuitingsvorm: Type.Optional(Type.String({ enum: [...FORMS] })),
            status: Type.Optional(StatusSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Action) },
      },
    },
    async (req) => {
      const q = req.query as Record<string, string | undefined>;
      return listActions(req.ctx, {
        planCode: q.plan,
        actionLineCode: q.actielijn,
        holder: q.actiehouder,
        form: q.uitbuitingsvorm,
        status: q.status as Status | undefined,
      });
    },
  );

  app.get(
    '/api/v1/acties/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getAction',
        summary: 'One action with its indicators and the full history of its progress updates',
        params: CodeParam,
        response: { 200: ActionDetail },
      },
    },
    async (req) => getAction(req.ctx, (req.params as { code: string }).code),
  );

  app.post(
    '/api/v1/acties/:code/voortgang',
    {
      config: { access: 'actionplan.progress' },
      schema: {
        tags,
        operationId: 'submitActionProgress',
        summary: 'An action holder reports progress for a half-year (appended; earlier updates stay)',
        params: CodeParam,
        body: Type.Object(
          {
            period: Type.String({ pattern: PERIOD_PATTERN }),
            status: StatusSchema,
            reason: Type.Optional(Type.String({ maxLength: 4000 })),
            done: Type.String({ maxLength: 4000 }),
            next: Type.String({ maxLength: 4000 }),
            risks: Type.String({ maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Progress },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await submitProgress(req.ctx, (req.params as { code: string }).code, req.body as ProgressInput),
        ),
  );

  app.post(
    '/api/v1/acties/:code/voortgang/:id/beoordeling',
    {
      config: { access: 'actionplan.manage' },
      schema: {
        tags,
        operationId: 'reviewActionProgress',
        summary: 'The programme team accepts a progress update or asks for changes, with a comment',
        params: Type.Object({ code: Type.String({ maxLength: 40 }), id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          {
            decision: Type.String({ enum: ['geaccepteerd', 'aanpassen'] }),
            comment: Type.String({ maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Progress },
      },
    },
    async (req) => {
      const { code, id } = req.params as { code: string; id: string };
      return reviewProgress(req.ctx, code, id, req.body as { decision: string; comment: string });
    },
  );

  app.get(
    '/api/v1/plannen/:code/voortgangsrapportage',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getActionPlanProgressReport',
        summary:
          'The progress report to Parliament over a period: DOCX, or with Accept: text/html a printable page',
        description:
          'Per action line the status of its actions and their latest accepted progress update, the indicators with ' +
          'their measurements and trend, a summary of all actions and the sources; every number counted from the ' +
          'data. For the programme team (actionplan.manage) and action holders (actionplan.progress); every ' +
          'production is audited (actionplan.report).',
        params: CodeParam,
        querystring: Type.Object(
          {
            van: Type.String({ format: 'date', description: 'First day of the period (YYYY-MM-DD)' }),
            tot: Type.String({
              format: 'date',
              description: 'Last day of the period, included (YYYY-MM-DD)',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The report: an attachment in DOCX, or an HTML page when text/html is asked for',
            content: {
              [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) },
              'text/html': { schema: Type.String() },
            },
          },
          404: { description: 'No plan with this code' },
          406: { description: 'The Accept header asks for neither DOCX nor text/html' },
        },
      },
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      const { van, tot } = req.query as { van: string; tot: string };
      await assertMayProduceReport(req.ctx, code);
      const format = reportFormatFor(req.headers.accept);
      if (!format)
        return reply
          .code(406)
          .type('application/problem+json')
          .send(problem(406, 'not-acceptable', `Ask for ${DOCX_TYPE} or text/html`));
      try {
        const produced = await produceProgressReport(
          req.ctx,
          { plan: code, from: van, to: tot },
          { format, lang: req.lang, html: { stylesheet: 'both' } },
        );
        reply.header('cache-control', 'no-store').header('vary', 'Accept').type(produced.contentType);
        if (format === 'docx')
          reply.header('content-disposition', `attachment; filename="${produced.filename}"`);
        return reply.send(produced.body);
      } catch (error) {
        // The service names the period's fields from/to; the API's are the query parameters van/tot.
        if (error instanceof DomainError && error.code === 'validation-failed')
          throw invalid(
            error.issues.map((i) => ({
              ...i,
              field: i.field === 'from' ? 'querystring/van' : i.field === 'to' ? 'querystring/tot' : i.field,
            })),
            error.message,
          );
        throw error;
      }
    },
  );

  indicatorRoutes(app);
  pageRoutes(app);
}
