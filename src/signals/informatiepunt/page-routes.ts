// The Informatiepunt's pages: the board with the form to open a meeting, and a meeting with a decision form per
// signal, the decisions taken and closing. GET shows, POST redirects (303) or shows the errors beside the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../../errors.js';
import { field } from '../../web/forms.js';
import { isUuid } from '../common.js';
import { longDate } from './minutes.js';
import {
  BoardPage,
  decisionField,
  MeetingPage,
  reasonField,
  type MeetingPageView,
  type NewMeetingForm,
} from './pages.js';
import { BOARD_STATUSES, listBoard, toDiscussIn, type BoardStatus } from './board.js';
import { closeMeeting, createMeeting, getMeeting, listMeetings, recordDecision } from './service.js';

const access = 'signals.informatiepunt' as const;

const pickStatus = (value: unknown): BoardStatus =>
  (BOARD_STATUSES as readonly unknown[]).includes(value) ? (value as BoardStatus) : 'te-bespreken';

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

export function informatiepuntPageRoutes(app: FastifyInstance): void {
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
    if (!isUuid(id)) return reply.callNotFound();
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
    if (!isUuid(id)) return reply.callNotFound();
    const signalId = field(req, 'signalId');
    const values = {
      decision: isUuid(signalId) ? field(req, decisionField(signalId)) : '',
      reason: isUuid(signalId) ? field(req, reasonField(signalId)) : '',
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
    if (!isUuid(id)) return reply.callNotFound();
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
