// The Informatiepunt's report meeting: the API (/api/v1/informatiepunt/…), the menu entry and the start card; the
// pages (/informatiepunt/…) are in page-routes.ts.
// Thin: parse, call the service, answer or render. Every route needs `signals.informatiepunt`.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../web/nav.js';
import { registerStartCard } from '../../web/start-cards.js';
import { FORMS, LIMITS, OUTCOMES, SECTORS } from '../vocabulary.js';
import './i18n.js';
import { DOCX_TYPE } from '../../web/docx.js';
import { informatiepuntPageRoutes } from './page-routes.js';
import { BOARD_STATUSES, listBoard, waitingCount, type BoardStatus } from './board.js';
import {
  CHAIR_MAX,
  closeMeeting,
  createMeeting,
  exportMinutes,
  getMeeting,
  listMeetings,
  MEETING_DECISIONS,
  recordDecision,
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

  informatiepuntPageRoutes(app);
}
