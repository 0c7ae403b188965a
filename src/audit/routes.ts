// Auditors search the log of their own organisation, as a page and through the API.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { displayNames } from '../auth/index.js';
import { invalid } from '../errors.js';
import { amsterdamDayEnd, amsterdamDayStart } from '../time.js';
import { registerNav } from '../web/nav.js';
import './i18n.js';
import { AuditPage, type AuditFilters } from './pages.js';
import { searchAudit, type AuditSearch } from './service.js';

const tags = ['Audit'];
const Event = Type.Object({
  seq: Type.Integer(),
  id: Type.String({ format: 'uuid' }),
  occurredAt: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorOrganisationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  outcome: Type.String({ enum: ['success', 'failure', 'denied'] }),
  recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  recordOrganisationId: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(Type.String()),
  purpose: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
const Query = Type.Object(
  {
    actie: Type.Optional(Type.String({ maxLength: 80 })),
    gebruiker: Type.Optional(Type.String({ format: 'uuid' })),
    recordType: Type.Optional(Type.String({ maxLength: 60 })),
    recordId: Type.Optional(Type.String({ maxLength: 120 })),
    van: Type.Optional(Type.String({ format: 'date' })),
    tot: Type.Optional(Type.String({ format: 'date' })),
    voorVolgnummer: Type.Optional(Type.Integer({ minimum: 1 })),
    limiet: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

type QueryValues = {
  actie?: string;
  gebruiker?: string;
  recordType?: string;
  recordId?: string;
  van?: string;
  tot?: string;
  voorVolgnummer?: number;
  limiet?: number;
};

function day(value: string, field: string, end = false): Date {
  const date = end ? amsterdamDayEnd(value) : amsterdamDayStart(value);
  if (!date) throw invalid([{ field, rule: 'format', message: 'Give a date as YYYY-MM-DD' }]);
  return date;
}

function toSearch(q: QueryValues): AuditSearch {
  return {
    ...(q.actie ? { action: q.actie } : {}),
    ...(q.gebruiker ? { actorUserId: q.gebruiker } : {}),
    ...(q.recordType ? { recordType: q.recordType } : {}),
    ...(q.recordId ? { recordId: q.recordId } : {}),
    ...(q.van ? { from: day(q.van, 'van') } : {}),
    // Up to and including the given day (Amsterdam time).
    ...(q.tot ? { to: day(q.tot, 'tot', true) } : {}),
    ...(q.voorVolgnummer ? { beforeSeq: q.voorVolgnummer } : {}),
    ...(q.limiet ? { limit: q.limiet } : {}),
  };
}

export function auditRoutes(app: FastifyInstance): void {
  registerNav({ href: '/audit', labelKey: 'nav.audit', access: 'audit.read', order: 60 });

  app.get(
    '/api/v1/audit-gebeurtenissen',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        operationId: 'searchAuditEvents',
        summary: 'Search the audit log of the own organisation, newest first',
        querystring: Query,
        response: { 200: Type.Array(Event) },
      },
    },
    async (req) => searchAudit(req.ctx, toSearch(req.query as QueryValues)),
  );

  app.get('/audit', { config: { access: 'audit.read' } }, async (req, reply) => {
    const raw = req.query as Record<string, string | undefined>;
    const filters: AuditFilters = {
      ...(raw.actie ? { actie: raw.actie.slice(0, 80) } : {}),
      ...(raw.gebruiker && /^[0-9a-f-]{36}$/i.test(raw.gebruiker) ? { gebruiker: raw.gebruiker } : {}),
      ...(raw.van && /^\d{4}-\d{2}-\d{2}$/.test(raw.van) ? { van: raw.van } : {}),
      ...(raw.tot && /^\d{4}-\d{2}-\d{2}$/.test(raw.tot) ? { tot: raw.tot } : {}),
    };
    const before = Number(raw.voorVolgnummer);
    const limit = 50;
    const events = await searchAudit(req.ctx, {
      ...toSearch(filters),
      ...(before > 0 ? { beforeSeq: before } : {}),
      limit,
    });
    const ids = [
      ...new Set(
        events
          .flatMap((e) => [e.actorUserId, e.recordType === 'user' ? e.recordId : null])
          .filter((id): id is string => !!id),
      ),
    ];
    const names = await displayNames(req.ctx.db, ids);
    const last = events[events.length - 1];
    const olderHref =
      events.length === limit && last
        ? `/audit?${new URLSearchParams({ ...filters, voorVolgnummer: String(last.seq) } as Record<string, string>).toString()}`
        : undefined;
    return reply.page(
      req.t('audit.title'),
      h(AuditPage, {
        page: reply.pageContext(),
        events,
        names,
        filters,
        ...(olderHref ? { olderHref } : {}),
      }),
    );
  });
}
