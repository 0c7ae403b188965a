// Multiple systems estimation as a page (/schattingen) and an API (/api/v1/schattingen), for analysts and policy
// staff. Only the page's upload route parses multipart bodies: the JSON API stays JSON-only (see app.ts).
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { field } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import { registerStartCard } from '../web/start-cards.js';
import './i18n.js';
import { CRITERIA, INTERVALS, METHODS } from './index.js';
import { EMPTY_FORM, EstimationPage, SavedEstimatePage, type FormState } from './pages.js';
import * as estimation from './service.js';

// API schemas. Numbers the data do not bound (an interval end) are null, never NaN.
const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);
const IntOrNull = Type.Union([Type.Integer(), Type.Null()]);
const Names = Type.Array(Type.String(), { maxItems: 1024 });
const Interval = Type.Object({
  level: Num,
  lower: NumOrNull,
  upper: NumOrNull,
  method: Type.String({ enum: [...INTERVALS] }),
  replicates: Type.Optional(Type.Integer()),
  seed: Type.Optional(Type.Integer()),
  biasCorrection: Type.Optional(Num),
  acceleration: Type.Optional(Num),
});
const Options = {
  method: Type.Optional(Type.String({ enum: [...METHODS], description: 'Model choice (default stepwise)' })),
  criterion: Type.Optional(
    Type.String({ enum: [...CRITERIA], description: 'Ranking for exhaustive search' }),
  ),
  interval: Type.Optional(Type.String({ enum: [...INTERVALS], description: 'Interval (default lognormal)' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Bootstrap seed' })),
  level: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.999, description: 'Confidence level (0.95)' })),
};
const S = {
  NewEstimate: Type.Object(
    {
      csv: Type.String({
        minLength: 1,
        maxLength: estimation.MAX_CSV_CHARS,
        description: 'Capture histories',
      }),
      ...Options,
      save: Type.Optional(Type.Boolean({ description: 'Store the estimate with its inputs (201)' })),
      title: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  Result: Type.Object({
    lists: Names,
    observed: Type.Integer(),
    unobserved: Num,
    total: Num,
    interval: Interval,
    model: Type.Object({
      interactions: Names,
      structuralZeros: Names,
      aic: Num,
      bic: Num,
      deviance: Num,
      df: Type.Integer(),
      parameters: Type.Integer(),
      converged: Type.Boolean(),
    }),
    method: Type.String({ enum: [...METHODS] }),
    criterion: Type.Optional(Type.String({ enum: [...CRITERIA] })),
    warnings: Type.Array(
      Type.Object({
        code: Type.String(),
        message: Type.String(),
        details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
      }),
    ),
    overlaps: Type.Object({
      histories: Type.Array(Type.Object({ lists: Names, count: Type.Integer() })),
      listSizes: Type.Array(Type.Object({ list: Type.String(), count: Type.Integer() })),
    }),
    models: Type.Object({
      searched: IntOrNull,
      fitted: IntOrNull,
      rows: Type.Array(
        Type.Object({
          interactions: Names,
          added: Type.Union([Type.String(), Type.Null()]),
          pValue: NumOrNull,
          aic: Num,
          bic: Num,
          total: Num,
          chosen: Type.Boolean(),
        }),
      ),
    }),
  }),
};
const Saved = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  organisationId: Type.String({ format: 'uuid' }),
  lists: Names,
  histories: Type.Array(Type.Object({ flags: Type.Array(Type.Integer()), count: Type.Integer() })),
  options: Type.Object({ ...Options, replicates: Type.Optional(Type.Integer()) }),
  result: S.Result,
});
const Summary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  lists: Names,
  method: Type.String({ enum: [...METHODS] }),
  observed: Type.Integer(),
  total: Num,
  interval: Interval,
});

const access = 'estimation.run' as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Uploads whose file was cut off at the size limit; read by the handler of the same request. */
const truncatedUploads = new WeakSet<FastifyRequest>();

const toApi = (s: estimation.SavedEstimate) => ({
  id: s.id,
  title: s.title,
  createdAt: s.createdAt.toISOString(),
  createdBy: s.createdBy,
  organisationId: s.organisationId,
  lists: s.lists,
  histories: s.histories,
  options: s.options,
  result: s.result,
});

/** The form's fields as estimation options; a value outside the offered choices is reported beside its field. */
function readForm(req: FastifyRequest): {
  form: FormState;
  input: estimation.EstimationRequest;
  errors: Record<string, string>;
} {
  const form: FormState = { ...EMPTY_FORM };
  for (const name of Object.keys(form) as (keyof FormState)[]) {
    const value = field(req, name, { trim: name !== 'csv' });
    if (value !== '') form[name] = value;
  }
  const file = field(req, 'file', { trim: false });
  if (file.trim() !== '') form.csv = file;
  const errors: Record<string, string> = {};
  const { t } = req;
  const oneOf = <V extends string>(name: 'method' | 'criterion' | 'interval', allowed: readonly V[]): V => {
    if ((allowed as readonly string[]).includes(form[name])) return form[name] as V;
    errors[name] = t('estimation.error.choice');
    return allowed[0]!;
  };
  const method = oneOf('method', METHODS);
  const criterion = oneOf('criterion', CRITERIA);
  const interval = oneOf('interval', INTERVALS);
  const level = Number(form.level);
  if (!/^0?\.\d{1,3}$/.test(form.level) || level < 0.5 || level > 0.999)
    errors.level = t('estimation.error.level');
  if (form.seed !== '' && !(/^\d{1,10}$/.test(form.seed) && Number(form.seed) <= 2_147_483_647))
    errors.seed = t('estimation.error.seed');
  if (truncatedUploads.has(req)) errors.file = t('estimation.error.fileTooLarge');
  else if (form.csv.trim() === '') errors.csv = t('estimation.error.empty');
  const input: estimation.EstimationRequest = {
    csv: form.csv,
    method,
    ...(method === 'exhaustive' ? { criterion } : {}),
    interval,
    level,
    ...(form.seed !== '' ? { seed: Number(form.seed) } : {}),
  };
  return { form, input, errors };
}

/** The library's error as a message beside its field, in the user's language, with the line and column. */
function pageErrors(req: FastifyRequest, error: unknown): Record<string, string> {
  if (!(error instanceof estimation.EstimationInputError)) throw error;
  const { t } = req;
  const where =
    error.line !== undefined && error.column !== undefined
      ? t('estimation.where.lineColumn', { line: error.line, column: error.column })
      : error.line !== undefined
        ? t('estimation.where.line', { line: error.line })
        : error.column !== undefined
          ? t('estimation.where.column', { column: error.column })
          : '';
  const key = `estimation.error.${error.rule}`;
  const text = t(key, { where });
  return { [error.field === 'options' ? 'method' : error.field]: text === key ? error.message : text };
}

async function showForm(
  req: FastifyRequest,
  reply: FastifyReply,
  form: FormState,
  errors: Record<string, string>,
  outcome?: estimation.Outcome,
) {
  const saved = await estimation.listEstimates(req.ctx);
  const status = Object.keys(errors).length > 0 ? 400 : 200;
  return reply.page(
    req.t('estimation.title'),
    h(EstimationPage, { page: reply.pageContext(), form, errors, outcome, saved }),
    status,
  );
}

export function estimationRoutes(app: FastifyInstance): void {
  registerNav({ href: '/schattingen', labelKey: 'nav.estimation', access, order: 70 });
  registerStartCard({
    key: 'estimation',
    permission: 'estimation.run',
    order: 50,
    build: (_ctx, t) => ({
      title: t('estimation.card.title'),
      text: t('estimation.card.text'),
      href: '/schattingen',
    }),
  });
  const tags = ['Schattingen'];

  app.post(
    '/api/v1/schattingen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'createEstimate',
        summary:
          'Estimate the number of people seen by no list (multiple systems estimation); optionally save it',
        description:
          'The CSV has a header with the list names, one 0/1 column per list and the count last. Bad data is a 400 ' +
          'naming the field csv, with the library error code as the rule and the line and column in the message. ' +
          'On the web the bootstrap runs with 1,000 resamples, at most 6 lists and not with exhaustive search.',
        body: S.NewEstimate,
        response: { 200: S.Result, 201: Saved },
      },
    },
    async (req, reply) => {
      const { save, title, ...input } = req.body as estimation.EstimationRequest & {
        save?: boolean;
        title?: string;
      };
      if (!save) return estimation.runEstimate(req.ctx, input);
      const saved = await estimation.saveEstimate(req.ctx, {
        ...input,
        ...(title !== undefined ? { title } : {}),
      });
      return reply.code(201).header('location', `/api/v1/schattingen/${saved.id}`).send(toApi(saved));
    },
  );

  app.get(
    '/api/v1/schattingen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listEstimates',
        summary: 'The saved estimates of the own organisation, newest first',
        response: { 200: Type.Array(Summary) },
      },
    },
    async (req) =>
      (await estimation.listEstimates(req.ctx)).map((s) => {
        const r = s.result as unknown as estimation.Outcome;
        return {
          id: s.id,
          title: s.title,
          createdAt: s.createdAt.toISOString(),
          createdBy: s.createdBy,
          lists: s.lists,
          method: r.method,
          observed: r.observed,
          total: r.total,
          interval: r.interval,
        };
      }),
  );

  app.get(
    '/api/v1/schattingen/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getEstimate',
        summary:
          'One saved estimate of the own organisation, with its inputs (counts only), options and result',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Saved },
      },
    },
    async (req) => toApi(await estimation.getEstimate(req.ctx, (req.params as { id: string }).id)),
  );

  // Pages
  app.get('/schattingen', { config: { access } }, async (req, reply) =>
    showForm(req, reply, { ...EMPTY_FORM }, {}),
  );

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: estimation.MAX_CSV_CHARS, files: 1, fields: 20 },
      // Fields (the CSRF token among them) land in req.body as strings before the CSRF check runs.
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      async onFile(part) {
        const buffer = await part.toBuffer();
        if (part.file.truncated) truncatedUploads.add(this);
        (part as unknown as { value: string }).value = part.file.truncated ? '' : buffer.toString('utf8');
      },
    });
    scope.post('/schattingen', { config: { access } }, async (req, reply) => {
      const { form, input, errors } = readForm(req);
      if (Object.keys(errors).length > 0) return showForm(req, reply, form, errors);
      try {
        const outcome = await estimation.runEstimate(req.ctx, input);
        return await showForm(req, reply, { ...form, csv: input.csv }, {}, outcome);
      } catch (error) {
        return showForm(req, reply, form, pageErrors(req, error));
      }
    });
  });

  app.post('/schattingen/opslaan', { config: { access } }, async (req, reply) => {
    const { form, input, errors } = readForm(req);
    if (Object.keys(errors).length > 0) return showForm(req, reply, form, errors);
    try {
      const saved = await estimation.saveEstimate(req.ctx, { ...input, title: form.title });
      return await reply.redirect(`/schattingen/${saved.id}?opgeslagen=ja`, 303);
    } catch (error) {
      const fieldErrors = pageErrors(req, error);
      const outcome = fieldErrors.title ? await estimation.runEstimate(req.ctx, input) : undefined;
      return showForm(req, reply, form, fieldErrors, outcome);
    }
  });

  app.get('/schattingen/:id', { config: { access } }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    const saved = await estimation.getEstimate(req.ctx, id);
    const created = (req.query as Record<string, unknown>).opgeslagen === 'ja';
    return reply.page(saved.title, h(SavedEstimatePage, { page: reply.pageContext(), saved, created }));
  });
}
