// The action plan's pages: GET forms with query parameters (work without JavaScript), POST forms with CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { field } from '../web/forms.js';
import { ActionPage, type ActionView } from './action-page.js';
import { DashboardPage } from './dashboard.js';
import { MinePage, PlanPage, TablePage } from './pages.js';
import { filterOptions, getPlanTree, listPlans, planHealth } from './plan.js';
import { FORMS, reportablePeriods, STATUSES, type Status } from './rules.js';
import { getAction, listActions, reviewProgress, submitProgress } from './service.js';

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

export function pageRoutes(app: FastifyInstance): void {
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
