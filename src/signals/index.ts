// The signals module: the reporting point's API and pages, the anonymous reporting pages, the Informatiepunt.
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../web/nav.js';
import { registerStartCard } from '../web/start-cards.js';
import './i18n.js';
import { informatiepuntRoutes } from './informatiepunt/routes.js';
import { signalPageRoutes } from './page-routes.js';
import { partnerPageRoutes } from './partner-page-routes.js';
import { publicReportRoutes } from './public/routes.js';
import { signalApiRoutes } from './routes.js';
import * as store from './store.js';

export { signalFigures, type SignalFigures } from './figures.js';

function registerMenuAndCards(): void {
  registerNav({
    href: '/signalen/nieuw',
    labelKey: 'nav.signals.report',
    access: 'signals.report',
    order: 20,
  });
  registerNav({ href: '/signalen', labelKey: 'nav.signals.queue', access: 'signals.triage', order: 21 });
  registerNav({
    href: '/landelijke-wachtrij',
    labelKey: 'nav.signals.national',
    access: 'signals.national-queue',
    order: 22,
  });
  registerNav({ href: '/doorzettingen', labelKey: 'nav.signals.inbox', access: 'signals.inbox', order: 23 });
  registerNav({ href: '/mijn-signalen', labelKey: 'nav.signals.mine', access: 'signals.report', order: 24 });
  registerStartCard({
    key: 'signals-queue',
    permission: 'signals.triage',
    order: 10,
    build: async (ctx, t) => {
      const organisationId = ctx.actor.kind === 'user' ? ctx.actor.organisationId : null;
      if (!organisationId) return null;
      const counts = await store.countOpen(ctx.db, organisationId, ctx.now());
      return { title: t('sig.card.queue.title'), text: t('sig.card.queue.text', counts), href: '/signalen' };
    },
  });
  registerStartCard({
    key: 'signals-national',
    permission: 'signals.national-queue',
    order: 11,
    build: async (ctx, t) => {
      const counts = await store.countOpen(ctx.db, null, ctx.now());
      return {
        title: t('sig.card.national.title'),
        text: t('sig.card.national.text', counts),
        href: '/landelijke-wachtrij',
      };
    },
  });
  registerStartCard({
    key: 'signals-inbox',
    permission: 'signals.inbox',
    order: 12,
    build: async (ctx, t) => {
      const organisationId = ctx.actor.kind === 'user' ? ctx.actor.organisationId : null;
      if (!organisationId) return null;
      const count = await store.countInboxOpen(ctx.db, organisationId);
      return {
        title: t('sig.card.inbox.title'),
        text: t('sig.card.inbox.text', { count }),
        href: '/doorzettingen',
      };
    },
  });
  registerStartCard({
    key: 'signals-report',
    permission: 'signals.report',
    order: 13,
    build: (_ctx, t) => ({
      title: t('sig.card.report.title'),
      text: t('sig.card.report.text'),
      href: '/signalen/nieuw',
    }),
  });
}

export function signalRoutes(app: FastifyInstance): void {
  registerMenuAndCards();
  signalApiRoutes(app);
  signalPageRoutes(app);
  partnerPageRoutes(app);
  publicReportRoutes(app);
  informatiepuntRoutes(app);
}
