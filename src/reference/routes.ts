// Reference data: public API, a page for every logged-in user, care regions maintained by a national beheerder.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { hasPermission } from '../policy/index.js';
import { field, fields } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import './i18n.js';
import { CareRegionPage, MoveMunicipalityPage, ReferencePage } from './pages.js';
import * as reference from './service.js';
import { REGION_KINDS, type RegionKind } from './store.js';

const tags = ['Referentiegegevens'];
const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
const Municipality = Type.Object({
  year: Type.Integer(),
  code: Type.String({ pattern: '^GM[0-9]{4}$' }),
  name: Type.String(),
  safetyRegion: RegionRef,
  policeUnit: RegionRef,
  riec: RegionRef,
  careRegion: Type.Object({ code: Type.String(), name: Type.String(), toBeConfirmed: Type.Boolean() }),
});
const Region = Type.Object({
  kind: Type.String({ enum: [...REGION_KINDS] }),
  code: Type.String(),
  name: Type.String(),
  toBeConfirmed: Type.Boolean({ description: 'Not yet checked against the authoritative source' }),
  source: Type.String(),
  municipalities: Type.Integer(),
});
const KindParam = Type.Optional(Type.String({ enum: [...REGION_KINDS] }));
const YearParam = Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 }));

export function referenceRoutes(app: FastifyInstance): void {
  registerNav({ href: '/referentie', labelKey: 'nav.reference', access: 'authenticated', order: 80 });

  app.get(
    '/api/v1/gemeenten',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listMunicipalities',
        summary: 'All municipalities of a year with their regions',
        querystring: Type.Object(
          { jaar: YearParam, regioSoort: KindParam, regio: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Municipality) },
      },
    },
    async (req) => {
      const q = req.query as { jaar?: number; regioSoort?: RegionKind; regio?: string };
      return reference.listMunicipalities(req.ctx, {
        year: q.jaar,
        regionKind: q.regioSoort,
        regionCode: q.regio,
      });
    },
  );

  app.get(
    '/api/v1/gemeenten/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getMunicipality',
        summary: 'One municipality by CBS code (e.g. GM0363)',
        params: Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) }),
        querystring: Type.Object({ jaar: YearParam }, { additionalProperties: false }),
        response: { 200: Municipality },
      },
    },
    async (req) =>
      reference.getMunicipality(
        req.ctx,
        (req.params as { code: string }).code,
        (req.query as { jaar?: number }).jaar,
      ),
  );

  app.patch(
    '/api/v1/gemeenten/:code',
    {
      config: { access: 'reference.manage' },
      schema: {
        tags,
        operationId: 'updateMunicipalityCareRegion',
        summary: 'Move a municipality to another care-coordination region',
        params: Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) }),
        body: Type.Object(
          { careRegionCode: Type.String({ minLength: 1, maxLength: 60 }) },
          { additionalProperties: false },
        ),
        response: { 200: Municipality },
      },
    },
    async (req) =>
      reference.moveToCareRegion(
        req.ctx,
        (req.params as { code: string }).code,
        (req.body as { careRegionCode: string }).careRegionCode,
      ),
  );

  app.get(
    '/api/v1/regios',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listRegions',
        summary: 'Regions: police units, RIEC regions, safety regions and care-coordination regions',
        querystring: Type.Object({ soort: KindParam, jaar: YearParam }, { additionalProperties: false }),
        response: { 200: Type.Array(Region) },
      },
    },
    async (req) => {
      const q = req.query as { soort?: RegionKind; jaar?: number };
      return reference.listRegions(req.ctx, q.soort, q.jaar);
    },
  );

  const CareRegionBody = Type.Object(
    {
      code: Type.String({ maxLength: 43 }),
      name: Type.String({ maxLength: 120 }),
      confirmed: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  );
  app.post(
    '/api/v1/zorgregios',
    {
      config: { access: 'reference.manage' },
      schema: {
        tags,
        operationId: 'createCareRegion',
        summary: 'Add a care-coordination region',
        body: CareRegionBody,
        response: { 201: Region },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await reference.saveCareRegion(
            req.ctx,
            req.body as { code: string; name: string; confirmed?: boolean },
            true,
          ),
        ),
  );

  app.put(
    '/api/v1/zorgregios/:code',
    {
      config: { access: 'reference.manage' },
      schema: {
        tags,
        operationId: 'updateCareRegion',
        summary: 'Rename or confirm a care-coordination region',
        params: Type.Object({ code: Type.String({ maxLength: 43 }) }),
        body: Type.Object(
          { name: Type.String({ maxLength: 120 }), confirmed: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Region },
      },
    },
    async (req) =>
      reference.saveCareRegion(
        req.ctx,
        {
          code: (req.params as { code: string }).code,
          ...(req.body as { name: string; confirmed?: boolean }),
        },
        false,
      ),
  );

  // Pages
  app.get('/referentie', { config: { access: 'authenticated' } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const kind = (REGION_KINDS as readonly string[]).includes(String(query.soort))
      ? (query.soort as RegionKind)
      : 'politie-eenheid';
    const search = typeof query.zoek === 'string' ? query.zoek.trim().slice(0, 60) : '';
    const [regions, all, year] = await Promise.all([
      reference.listRegions(req.ctx, kind),
      reference.listMunicipalities(req.ctx),
      reference.currentYear(req.ctx),
    ]);
    const region = regions.find((r) => r.code === query.regio);
    const needle = search.toLowerCase();
    const municipalities = region
      ? await reference.listMunicipalities(req.ctx, { regionKind: kind, regionCode: region.code })
      : search
        ? all.filter((m) => m.name.toLowerCase().includes(needle) || m.code.toLowerCase() === needle)
        : null;
    const view = {
      year,
      total: all.length,
      kind,
      region,
      search,
      regions,
      municipalities,
      canManage: hasPermission(req.ctx.actor, 'reference.manage'),
    };
    return reply.page(req.t('reference.title'), h(ReferencePage, { page: reply.pageContext(), view }));
  });

  const showMove = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { saved?: boolean; error?: string },
    status = 200,
  ) => {
    const code = (req.params as { code: string }).code;
    const [municipality, regions] = await Promise.all([
      reference.getMunicipality(req.ctx, code),
      reference.listRegions(req.ctx, 'zorgcoordinatie'),
    ]);
    return reply.page(
      req.t('reference.move.title', { name: municipality.name }),
      h(MoveMunicipalityPage, { page: reply.pageContext(), municipality, regions, ...extra }),
      status,
    );
  };
  app.get('/referentie/gemeenten/:code', { config: { access: 'reference.manage' } }, async (req, reply) =>
    showMove(req, reply, {}),
  );
  app.post('/referentie/gemeenten/:code', { config: { access: 'reference.manage' } }, async (req, reply) => {
    try {
      await reference.moveToCareRegion(
        req.ctx,
        (req.params as { code: string }).code,
        field(req, 'careRegionCode'),
      );
      return showMove(req, reply, { saved: true });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation-failed')
        return showMove(req, reply, { error: error.issues[0]?.message ?? error.message }, 400);
      throw error;
    }
  });

  app.get('/referentie/zorgregios/nieuw', { config: { access: 'reference.manage' } }, async (req, reply) =>
    reply.page(
      req.t('reference.region.new'),
      h(CareRegionPage, {
        page: reply.pageContext(),
        region: { code: 'zc-', name: '', toBeConfirmed: false },
        errors: {},
        isNew: true,
      }),
    ),
  );
  app.get('/referentie/zorgregios/:code', { config: { access: 'reference.manage' } }, async (req, reply) => {
    const code = (req.params as { code: string }).code;
    const region = (await reference.listRegions(req.ctx, 'zorgcoordinatie')).find((r) => r.code === code);
    if (!region) return reply.callNotFound();
    return reply.page(
      req.t('reference.region.title', { name: region.name }),
      h(CareRegionPage, { page: reply.pageContext(), region, errors: {}, isNew: false }),
    );
  });
  const saveRegion = (isNew: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const input = {
      code: isNew ? field(req, 'code') : (req.params as { code: string }).code,
      name: field(req, 'name'),
      confirmed: fields(req, 'confirmed').includes('yes'),
    };
    try {
      const region = await reference.saveCareRegion(req.ctx, input, isNew);
      if (isNew) return reply.redirect(`/referentie/zorgregios/${region.code}`, 303);
      return reply.page(
        req.t('reference.region.title', { name: region.name }),
        h(CareRegionPage, { page: reply.pageContext(), region, errors: {}, saved: true, isNew }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation-failed', 'conflict'].includes(error.code))
        throw error;
      const errors =
        error.code === 'conflict'
          ? { code: error.message }
          : Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
      return reply.page(
        req.t('reference.region.new'),
        h(CareRegionPage, {
          page: reply.pageContext(),
          region: { code: input.code, name: input.name, toBeConfirmed: !input.confirmed },
          errors,
          isNew,
        }),
        400,
      );
    }
  };
  app.post('/referentie/zorgregios', { config: { access: 'reference.manage' } }, saveRegion(true));
  app.post('/referentie/zorgregios/:code', { config: { access: 'reference.manage' } }, saveRegion(false));
}
