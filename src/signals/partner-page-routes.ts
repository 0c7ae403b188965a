// The pages of the signals' other readers: a recipient's inbox, the forwarded signal as its legal basis allows with
// the outcome form, and the reporter's own signals with their feedback and messages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { field } from '../web/forms.js';
import { acceptForward, getForward, listInbox, recordOutcome } from './inbox.js';
import { errorsOf, idOf, isValidation, savedOf, values } from './page-support.js';
import { InboxPage, ReceivedPage } from './pages/forwarding.js';
import { MinePage, OwnSignalPage } from './pages/reporter.js';
import type { Errors, Values } from './pages/shared.js';
import { getMine, listMine, replyAsReporter } from './reporter.js';
import { FORWARD_STATUSES, isOneOf, type ForwardStatus } from './vocabulary.js';

export function partnerPageRoutes(app: FastifyInstance): void {
  app.get('/doorzettingen', { config: { access: 'signals.inbox' } }, async (req, reply) => {
    const status = (req.query as Record<string, unknown>).status;
    const chosen = isOneOf(FORWARD_STATUSES, status) ? status : undefined;
    const items = await listInbox(req.ctx, chosen as ForwardStatus | undefined);
    return reply.page(
      req.t('sig.inbox.title'),
      h(InboxPage, { page: reply.pageContext(), items, status: chosen ?? '' }),
    );
  });

  const showReceived = async (
    req: FastifyRequest,
    reply: FastifyReply,
    v: Values,
    errors: Errors,
    status = 200,
  ) => {
    const view = await getForward(req.ctx, idOf(req));
    return reply.page(
      req.t('sig.received.title', { reference: view.reference }),
      h(ReceivedPage, { page: reply.pageContext(), view, values: v, errors, saved: savedOf(req) }),
      status,
    );
  };
  app.get('/doorzettingen/:id', { config: { access: 'signals.inbox' } }, (req, reply) =>
    showReceived(req, reply, {}, {}),
  );
  app.post('/doorzettingen/:id/acceptatie', { config: { access: 'signals.inbox' } }, async (req, reply) => {
    await acceptForward(req.ctx, idOf(req));
    return reply.redirect(`/doorzettingen/${idOf(req)}?opgeslagen=accepted`, 303);
  });
  app.post('/doorzettingen/:id/uitkomst', { config: { access: 'signals.inbox' } }, async (req, reply) => {
    try {
      await recordOutcome(req.ctx, idOf(req), {
        outcome: field(req, 'outcome'),
        reason: field(req, 'reason'),
        reporterSummary: field(req, 'reporterSummary'),
      });
      return reply.redirect(`/doorzettingen/${idOf(req)}?opgeslagen=outcome`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return showReceived(req, reply, values(req), errorsOf(req.t, error.issues), 400);
    }
  });

  app.get('/mijn-signalen', { config: { access: 'signals.report' } }, async (req, reply) =>
    reply.page(
      req.t('sig.mine.title'),
      h(MinePage, { page: reply.pageContext(), items: await listMine(req.ctx) }),
    ),
  );
  const showOwn = async (
    req: FastifyRequest,
    reply: FastifyReply,
    v: Values,
    errors: Errors,
    status = 200,
  ) => {
    const signal = await getMine(req.ctx, idOf(req));
    return reply.page(
      req.t('sig.own.title', { reference: signal.reference }),
      h(OwnSignalPage, { page: reply.pageContext(), signal, saved: savedOf(req), values: v, errors }),
      status,
    );
  };
  app.get('/mijn-signalen/:id', { config: { access: 'signals.report' } }, (req, reply) =>
    showOwn(req, reply, {}, {}),
  );
  app.post('/mijn-signalen/:id/berichten', { config: { access: 'signals.report' } }, async (req, reply) => {
    try {
      await replyAsReporter(req.ctx, idOf(req), field(req, 'body'));
      return reply.redirect(`/mijn-signalen/${idOf(req)}?opgeslagen=message`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return showOwn(req, reply, values(req), errorsOf(req.t, error.issues), 400);
    }
  });
}
