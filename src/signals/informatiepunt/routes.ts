// The Informatiepunt's report meeting: the API (/api/v1/informatiepunt/…) and the pages (/informatiepunt/…).
// Thin: parse, call the service, answer or render. Every route needs `signals.informatiepunt`.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../../errors.js';
import { field } from '../../web/forms.js';
import { registerNav } from '../../web/nav.js';
import { registerStartCard } from '../../web/start-cards.js';
import { FORMS, LIMITS, OUTCOMES, SECTORS } from '../vocabulary.js';
import './i18n.js';
import { DOCX_TYPE } from '../../web/docx.js';
import { longDate } from './minutes.js';
import {
  BoardPage,
  decisionField,
  MeetingPage,
  reasonField,
  type MeetingPageView,
  type NewMeetingForm,
} from './pages.js';
import {
  BOARD_STATUSES,
  CHAIR_MAX,
  closeMeeting,
  createMeeting,
  exportMinutes,
  getMeeting,
  listBoard,
  listMeetings,
  MEETING_DECISIONS,
  recordDecision,
  toDiscussIn,
  waitingCount,
  type BoardStatus,
} from './service.js';

const access = 'signals.informatiepunt' as const;
const tags = ['Informatiepunt'];

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Decision = Type.String({ enum: [...MEETING_DECISIONS] });

const BoardItem = Type.Object({
  signalId: Uuid,
  reference: Type.String(),
  receivedAt: DateTime,
  forms: Type.Array(Type.String({ enum: [...FORMS] })),
  seriousDisadvantage: Type.Boolean(),
  sector: Nullable(Type.String({ enum: [...SECTORS] })),
  municipalityCode: Nullable(Type.String()),
  municipalityName: Nullable(Type.String()),
  acute: Type.Boolean(),
  minors: Type.Boolean(),
  quickResponse: Type.Boolean({ description: 'Acute: for the quick response team' }),
  narrative: Nullable(
    Type.String({
      description: 'Only when the inspectorate holds the signal or the forward shared the narrative',
    }),
  ),
  forward: Nullable(
    Type.Object({
      id: Uuid,
      from: Type.Object({ id: Uuid, name: Type.String() }),
      purpose: Type.String(),
      categories: Type.Array(Type.String()),
      forwardedAt: DateTime,
      outcome: Nullable(Type.String({ enum: [...OUTCOMES] })),
    }),
  ),
  toDiscuss: Type.Boolean({ description: 'False once a closed meeting decided on the signal' }),
  decisions: Type.Array(
    Type.Object({ meetingId: Uuid, heldOn: Day, decision: Decision, meetingClosed: Type.Boolean() }),
  ),
});

const MeetingFields = {
  id: Uuid,
  heldOn: Day,
  chair: Type.String(),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
  decisionCount: Type.Integer(),
};
const MeetingSummary = Type.Object(MeetingFields);

const DecisionFields = {
  signalId: Uuid,
  reference: Type.String(),
  forms: Type.Array(Type.String({ enum: [...FORMS] })),
  acute: Type.Boolean(),
  decision: Decision,
  reason: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: DateTime,
};

const Meeting = Type.Object({
  ...MeetingFields,
  organisation: Type.String(),
  createdBy: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  decisions: Type.Array(Type.Object(DecisionFields)),
});

const RecordedDecision = Type.Object({
  ...DecisionFields,
  forwardOutcome: Nullable(
    Type.String({
      enum: [...OUTCOMES],
      description: 'The outcome recorded on the forward now; null when there is none or it had one already',
    }),
  ),
});

const BoardQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ enum: [...BOARD_STATUSES], description: 'te-bespreken (default), besproken or alle' }),
    ),
    reference: Type.Optional(Type.String({ maxLength: 40, description: 'Find one signal by its reference' })),
  },
  { additionalProperties: false },
);
const NewMeeting = Type.Object(
  { heldOn: Day, chair: Type.String({ maxLength: CHAIR_MAX }) },
  { additionalProperties: false },
);
const DecisionBody = Type.Object(
  { signalId: Uuid, decision: Decision, reason: Type.String({ maxLength: LIMITS.reason }) },
  { additionalProperties: false },
);
const IdParam = Type.Object({ id: Uuid });
type Id = Static<typeof IdParam>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pickStatus = (value: unknown): BoardStatus =>
  (BOARD_STATUSES as readonly unknown[]).includes(value) ? (value as BoardStatus) : 'te-bespreken';

// ---- pages ----

async function showBoard(req: FastifyRequest, reply: FastifyReply, form?: NewMeetingForm) {
  const query = req.query as Record<string, unknown>;
  const status = pickStatus(query.status);
  const reference = typeof query.referentie === 'string' ? query.referentie.trim().slice(0, 40) : '';
  const [items, meetings] = await Promise.all([
    listBoard(req.ctx, { status, reference }),
    listMeetings(req.ctx),
  ]);
  return reply.page(
    req.t('ip.title'),
    h(BoardPage, {
      page: reply.pageContext(),
      view: {
        status,
        reference,
        items,
        meetings,
        form: form ?? { values: { heldOn: '', chair: '' }, errors: {} },
      },
    }),
    form ? 400 : 200,
  );
}

async function showMeeting(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: Omit<MeetingPageView, 'meeting' | 'toDiscuss'> = {},
  status = 200,
) {
  const meeting = await getMeeting(req.ctx, id);
  const toDiscuss = await toDiscussIn(req.ctx, meeting);
  return reply.page(
    req.t('ip.meeting.title', { date: longDate(req.lang, meeting.heldOn) }),
    h(MeetingPage, { page: reply.pageContext(), view: { meeting, toDiscuss, ...extra } }),
    status,
  );
}

const ERROR_KEYS: Record<string, string> = {
  '/decision': 'ip.error.decision',
  '/reason': 'ip.error.reason',
  '/heldOn': 'ip.error.heldOn',
  '/chair': 'ip.error.chair',
};

const message = (req: FastifyRequest, issue: { field: string; rule: string }) =>
  req.t(
    issue.rule === 'maxLength' ? 'ip.error.maxLength' : (ERROR_KEYS[issue.field] ?? `ip.error.${issue.rule}`),
  );

function refusal(error: unknown): DomainError {
  if (error instanceof DomainError && ['validation-failed', 'conflict'].includes(error.code)) return error;
  throw error;
}

export function informatiepuntRoutes(app: FastifyInstance): void {
  registerNav({ href: '/informatiepunt', labelKey: 'nav.informatiepunt', access, order: 32 });
  registerStartCard({
    key: 'informatiepunt',
    permission: access,
    order: 32,
    build: async (ctx, t) => {
      const { total, acute } = await waitingCount(ctx);
      return {
        title: t('ip.card.title'),
        text:
          total === 0
            ? t('ip.card.none')
            : t(acute ? 'ip.card.textAcute' : 'ip.card.text', { count: total, acute }),
        href: '/informatiepunt',
      };
    },
  });

  app.get(
    '/api/v1/informatiepunt/signalen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listInformatiepuntBoard',
        summary:
          'The board: labour exploitation and serious disadvantage signals the inspectorate holds or was forwarded; acute first',
        description:
          'Without status: the signals still to discuss. A signal decided in a closed meeting leaves that list and is ' +
          'found under besproken (or by its reference). The narrative is given only when the forward shared it; ' +
          'every narrative shown is logged.',
        querystring: BoardQuery,
        response: { 200: Type.Array(BoardItem) },
      },
    },
    async (req) => listBoard(req.ctx, req.query as { status?: BoardStatus; reference?: string }),
  );

  app.get(
    '/api/v1/informatiepunt/overleggen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listInformatiepuntMeetings',
        summary: 'The report meetings of the own organisation: open ones first, then the most recent',
        response: { 200: Type.Array(MeetingSummary) },
      },
    },
    async (req) => listMeetings(req.ctx),
  );

  app.post(
    '/api/v1/informatiepunt/overleggen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'createInformatiepuntMeeting',
        summary: 'Open a report meeting (meldingenoverleg) with its date and chair',
        body: NewMeeting,
        response: { 201: MeetingSummary },
      },
    },
    async (req, reply) => {
      const meeting = await createMeeting(req.ctx, req.body as Static<typeof NewMeeting>);
      return reply
        .code(201)
        .header('location', `/api/v1/informatiepunt/overleggen/${meeting.id}`)
        .send(meeting);
    },
  );

  app.get(
    '/api/v1/informatiepunt/overleggen/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getInformatiepuntMeeting',
        summary: 'A report meeting with its decisions and their reasons (the read is logged)',
        params: IdParam,
        response: { 200: Meeting },
      },
    },
    async (req) => getMeeting(req.ctx, (req.params as Id).id),
  );

  app.post(
    '/api/v1/informatiepunt/overleggen/:id/besluiten',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'recordInformatiepuntDecision',
        summary:
          "Record the meeting's decision on a signal, with a reason; it shows on the signal's timeline and becomes the forward's outcome when it has none",
        description:
          'Outcome of the forward: strafrechtelijk-onderzoek → onderzoek-gestart; bestuurlijke-inspectie, ' +
          'ernstige-benadeling-project and quick-response-team → bestuurlijke-maatregel; geen-actie → geen-actie. ' +
          'A closed meeting refuses (409), as does a second decision on the same signal in one meeting.',
        params: IdParam,
        body: DecisionBody,
        response: { 201: RecordedDecision },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await recordDecision(req.ctx, (req.params as Id).id, req.body as Static<typeof DecisionBody>)),
  );

  app.post(
    '/api/v1/informatiepunt/overleggen/:id/afsluiting',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'closeInformatiepuntMeeting',
        summary: 'Close the meeting: its minutes are final and it cannot change any more',
        params: IdParam,
        response: { 200: MeetingSummary },
      },
    },
    async (req) => closeMeeting(req.ctx, (req.params as Id).id),
  );

  app.get(
    '/api/v1/informatiepunt/overleggen/:id/notulen',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getInformatiepuntMinutes',
        summary:
          'The minutes as a Word document (DOCX): date, chair, per decision the reference, forms, decision and reason; no narrative',
        params: IdParam,
        response: {
          200: {
            description: 'The minutes, as an attachment; marked as a draft while the meeting is open',
            content: { [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (req, reply) => {
      const { filename, body } = await exportMinutes(req.ctx, (req.params as Id).id, req.lang);
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  // ---- pages ----

  app.get('/informatiepunt', { config: { access } }, async (req, reply) => showBoard(req, reply));

  app.post('/informatiepunt/overleggen', { config: { access } }, async (req, reply) => {
    const values = { heldOn: field(req, 'heldOn'), chair: field(req, 'chair') };
    try {
      const meeting = await createMeeting(req.ctx, values);
      return await reply.redirect(`/informatiepunt/overleggen/${meeting.id}?nieuw=ja`, 303);
    } catch (error) {
      const refused = refusal(error);
      const errors = Object.fromEntries(
        refused.issues.map((i) => [i.field.replace(/^\//, ''), message(req, i)]),
      );
      return showBoard(req, reply, { values, errors });
    }
  });

  app.get('/informatiepunt/overleggen/:id', { config: { access } }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    const query = req.query as Record<string, unknown>;
    const notice =
      query.nieuw === 'ja'
        ? 'created'
        : query.besluit === 'ja'
          ? 'decided'
          : query.afgesloten === 'ja'
            ? 'closed'
            : undefined;
    return showMeeting(req, reply, id, { notice });
  });

  app.post('/informatiepunt/overleggen/:id/besluiten', { config: { access } }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    const signalId = field(req, 'signalId');
    const values = {
      decision: UUID.test(signalId) ? field(req, decisionField(signalId)) : '',
      reason: UUID.test(signalId) ? field(req, reasonField(signalId)) : '',
    };
    try {
      await recordDecision(req.ctx, id, { signalId, ...values });
      return await reply.redirect(`/informatiepunt/overleggen/${id}?besluit=ja`, 303);
    } catch (error) {
      const refused = refusal(error);
      const fieldName = (f: string) =>
        f === '/decision' ? decisionField(signalId) : f === '/reason' ? reasonField(signalId) : undefined;
      const errors: Record<string, string> = {};
      const general: string[] = [];
      for (const issue of refused.issues) {
        const name = fieldName(issue.field);
        if (name) errors[name] = message(req, issue);
        else general.push(message(req, issue));
      }
      return showMeeting(
        req,
        reply,
        id,
        {
          failed: Object.keys(errors).length ? { signalId, values, errors } : undefined,
          problem: general.length ? general.join(' ') : undefined,
        },
        refused.status,
      );
    }
  });

  app.post('/informatiepunt/overleggen/:id/afsluiting', { config: { access } }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    try {
      await closeMeeting(req.ctx, id);
      return await reply.redirect(`/informatiepunt/overleggen/${id}?afgesloten=ja`, 303);
    } catch (error) {
      const refused = refusal(error);
      return showMeeting(
        req,
        reply,
        id,
        { problem: refused.issues.map((i) => message(req, i)).join(' ') || refused.message },
        refused.status,
      );
    }
  });
}
