// The signals API (/api/v1/signalen, /api/v1/doorzettingen, /api/v1/mijn-signalen, /api/v1/signaalindicatoren):
// thin routes over the services. Pages are in page-routes.ts, the anonymous reporting pages in public-routes.ts.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Ctx } from '../context.js';
import type { FastifyInstance } from 'fastify';
import type { ForwardStatus } from './vocabulary.js';
import { indicatorCatalogue } from './common.js';
import { forwardSignal } from './forwarding.js';
import { acceptForward, getForward, listInbox, recordOutcome } from './inbox.js';
import { reportSignal } from './intake.js';
import { getMine, listMine, replyAsReporter } from './reporter.js';
import * as S from './schema.js';
import {
  addNote,
  assign,
  decideSignal,
  getSignal,
  linkSignals,
  listQueue,
  mergeSignal,
  messageReporter,
  reopen,
  routeToMunicipality,
  type QueueQuery,
} from './triage.js';

const tags = ['Signalen'];
const NoContent = { 204: Type.Null() };
type Id = Static<typeof S.IdParam>;

export function signalApiRoutes(app: FastifyInstance): void {
  app.get(
    '/api/v1/signaalindicatoren',
    {
      config: { access: 'signals.report' },
      schema: {
        tags,
        operationId: 'listSignalIndicators',
        summary: 'The indicator catalogue: one list per form of exploitation, with its source',
        response: { 200: Type.Array(S.Indicator) },
      },
    },
    async (req) =>
      (await indicatorCatalogue(req.ctx)).map((i) => ({
        code: i.code,
        version: i.version,
        form: i.form,
        labelNl: i.label_nl,
        labelEn: i.label_en,
        source: i.source,
      })),
  );

  app.post(
    '/api/v1/signalen',
    {
      config: { access: 'signals.report' },
      schema: {
        tags,
        operationId: 'reportSignal',
        summary:
          'Report a signal; answered 201 only after it is stored. Retries with the same Idempotency-Key make one signal.',
        headers: S.IdempotencyHeaders,
        body: S.NewSignal,
        response: { 201: S.Created },
      },
    },
    async (req, reply) => {
      const key = (req.headers as Static<typeof S.IdempotencyHeaders>)['idempotency-key'];
      const result = await reportSignal(req.ctx, req.body as Static<typeof S.NewSignal>, key);
      return reply
        .code(201)
        .header('location', `/api/v1/signalen/${result.id}`)
        .send({ id: result.id, reference: result.reference });
    },
  );

  app.get(
    '/api/v1/signalen',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listSignalQueue',
        summary:
          "The reporting point's queue (aandachtsfunctionaris), or the national queue (CoMensha): most urgent first",
        querystring: S.QueueQuery,
        response: { 200: Type.Array(S.SignalSummary) },
      },
    },
    async (req) => listQueue(req.ctx, req.query as QueueQuery),
  );

  app.get(
    '/api/v1/signalen/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getSignal',
        summary:
          'A signal with its people, identifiers, timeline, forwards and related signals (the read is logged)',
        params: S.IdParam,
        response: { 200: S.Signal },
      },
    },
    async (req) => getSignal(req.ctx, (req.params as Id).id),
  );

  const action = <B>(
    path: string,
    operationId: string,
    summary: string,
    body: TSchema,
    run: (req: { ctx: Ctx; id: string; body: B }) => Promise<unknown>,
    access: 'authenticated' | 'signals.triage' | 'signals.national-queue' = 'signals.triage',
  ) =>
    app.post(
      path,
      {
        config: { access },
        schema: { tags, operationId, summary, params: S.IdParam, body, response: NoContent },
      },
      async (req, reply) => {
        await run({ ctx: req.ctx, id: (req.params as Id).id, body: req.body as B });
        return reply.code(204).send();
      },
    );

  action<Static<typeof S.Assignment>>(
    '/api/v1/signalen/:id/toewijzing',
    'assignSignal',
    'Assign the signal to a colleague (or to nobody with null)',
    S.Assignment,
    ({ ctx, id, body }) => assign(ctx, id, body.userId),
    'authenticated',
  );
  action<Static<typeof S.Note>>(
    '/api/v1/signalen/:id/notities',
    'addSignalNote',
    'Add an enrichment note to the timeline',
    S.Note,
    ({ ctx, id, body }) => addNote(ctx, id, body.text),
    'authenticated',
  );
  action<Static<typeof S.DecisionBody>>(
    '/api/v1/signalen/:id/besluit',
    'decideSignal',
    'Decide with a reason: keep watching (with a review date) or close without indication',
    S.DecisionBody,
    ({ ctx, id, body }) => decideSignal(ctx, id, body as Parameters<typeof decideSignal>[2]),
    'authenticated',
  );
  action<Static<typeof S.Reopen>>(
    '/api/v1/signalen/:id/heropening',
    'reopenSignal',
    'Reopen a signal that was decided, with a reason',
    S.Reopen,
    ({ ctx, id, body }) => reopen(ctx, id, body.reason),
    'authenticated',
  );
  action<Static<typeof S.LinkBody>>(
    '/api/v1/signalen/:id/koppelingen',
    'linkSignals',
    'Link a related signal of the same reporting point',
    S.LinkBody,
    ({ ctx, id, body }) => linkSignals(ctx, id, body.relatedId),
    'authenticated',
  );
  action<Static<typeof S.MergeBody>>(
    '/api/v1/signalen/:id/samenvoegingen',
    'mergeSignal',
    'Merge a duplicate into this signal; both histories are kept',
    S.MergeBody,
    ({ ctx, id, body }) => mergeSignal(ctx, id, body.duplicateId, body.reason),
    'authenticated',
  );
  action<Static<typeof S.MessageBody>>(
    '/api/v1/signalen/:id/berichten',
    'messageReporter',
    'Send the reporter a message (anonymous reporters read it with their receipt code)',
    S.MessageBody,
    ({ ctx, id, body }) => messageReporter(ctx, id, body.body),
    'authenticated',
  );
  action<Static<typeof S.RouteBody>>(
    '/api/v1/signalen/:id/routering',
    'routeSignal',
    "Pass a report from the national queue to a municipality's reporting point (CoMensha)",
    S.RouteBody,
    ({ ctx, id, body }) => routeToMunicipality(ctx, id, body.municipalityCode),
    'signals.national-queue',
  );

  app.post(
    '/api/v1/signalen/:id/doorzettingen',
    {
      config: { access: 'signals.triage' },
      schema: {
        tags,
        operationId: 'forwardSignal',
        summary:
          'Forward to one or more partners with a purpose; each share is decided against the sharing rules first (403 with the reasons when there is no legal basis)',
        params: S.IdParam,
        body: S.ForwardBody,
        response: { 201: Type.Array(S.Forward) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await forwardSignal(req.ctx, (req.params as Id).id, req.body as Static<typeof S.ForwardBody>)),
  );

  app.get(
    '/api/v1/doorzettingen',
    {
      config: { access: 'signals.inbox' },
      schema: {
        tags,
        operationId: 'listForwardedSignals',
        summary: 'Signals forwarded to the own organisation',
        querystring: S.InboxQuery,
        response: { 200: Type.Array(S.InboxItem) },
      },
    },
    async (req) => listInbox(req.ctx, (req.query as { status?: ForwardStatus }).status),
  );

  app.get(
    '/api/v1/doorzettingen/:id',
    {
      config: { access: 'signals.inbox' },
      schema: {
        tags,
        operationId: 'getForwardedSignal',
        summary: 'A forwarded signal: only the data categories its legal basis allows (the read is logged)',
        params: S.IdParam,
        response: { 200: S.ForwardedSignal },
      },
    },
    async (req) => getForward(req.ctx, (req.params as Id).id),
  );

  app.post(
    '/api/v1/doorzettingen/:id/acceptatie',
    {
      config: { access: 'signals.inbox' },
      schema: {
        tags,
        operationId: 'acceptForwardedSignal',
        summary: 'Accept a forwarded signal',
        params: S.IdParam,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await acceptForward(req.ctx, (req.params as Id).id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/doorzettingen/:id/uitkomst',
    {
      config: { access: 'signals.inbox' },
      schema: {
        tags,
        operationId: 'recordForwardOutcome',
        summary:
          'Record the outcome, with a reason for the sender and optionally a summary the reporter may read',
        params: S.IdParam,
        body: S.OutcomeBody,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await recordOutcome(req.ctx, (req.params as Id).id, req.body as Static<typeof S.OutcomeBody>);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/mijn-signalen',
    {
      config: { access: 'signals.report' },
      schema: {
        tags,
        operationId: 'listOwnSignals',
        summary: 'The signals the user reported, with the status a reporter sees',
        response: { 200: Type.Array(S.OwnSignalItem) },
      },
    },
    async (req) => listMine(req.ctx),
  );

  app.get(
    '/api/v1/mijn-signalen/:id',
    {
      config: { access: 'signals.report' },
      schema: {
        tags,
        operationId: 'getOwnSignal',
        summary: 'A signal the user reported, with feedback and messages',
        params: S.IdParam,
        response: { 200: S.OwnSignal },
      },
    },
    async (req) => getMine(req.ctx, (req.params as Id).id),
  );

  app.post(
    '/api/v1/mijn-signalen/:id/berichten',
    {
      config: { access: 'signals.report' },
      schema: {
        tags,
        operationId: 'replyToOfficer',
        summary: 'Answer the handling officer',
        params: S.IdParam,
        body: S.MessageBody,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await replyAsReporter(req.ctx, (req.params as Id).id, (req.body as Static<typeof S.MessageBody>).body);
      return reply.code(204).send();
    },
  );
}
