// The organisation directory: every logged-in user sees which organisations take part; a national beheerder
// registers new ones with their first beheerder. Pages and API.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { hasPermission, ORGANISATION_TYPES } from '../policy/index.js';
import { listMunicipalities, listRegions } from '../reference/index.js';
import { field } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import './i18n.js';
import {
  NewOrganisationPage,
  OrganisationCreatedPage,
  OrganisationsPage,
  type OrganisationForm,
} from './organisation-pages.js';
import * as organisations from './service.js';

const tags = ['Organisaties en gebruikers'];
const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  type: Type.String({ enum: [...ORGANISATION_TYPES] }),
  municipalityCode: Type.Union([Type.String(), Type.Null()]),
  regionKind: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
});
const NewOrganisation = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    type: Type.String({ enum: [...ORGANISATION_TYPES] }),
    municipalityCode: Type.Optional(Type.String({ pattern: '^GM[0-9]{4}$' })),
    regionKind: Type.Optional(
      Type.String({ enum: ['politie-eenheid', 'riec', 'veiligheidsregio', 'zorgcoordinatie'] }),
    ),
    regionCode: Type.Optional(Type.String({ maxLength: 60 })),
    firstAdministrator: Type.Optional(
      Type.Object(
        {
          email: Type.String({ format: 'email', maxLength: 254 }),
          displayName: Type.String({ minLength: 1, maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

async function placeOptions(req: FastifyRequest) {
  const [municipalities, regions] = await Promise.all([listMunicipalities(req.ctx), listRegions(req.ctx)]);
  return {
    municipalities: municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
    regions: regions.map((r) => ({
      value: `${r.kind}:${r.code}`,
      label: `${req.t(`reference.kind.${r.kind}`)}: ${r.name}`,
    })),
  };
}

export function organisationDirectoryRoutes(app: FastifyInstance): void {
  registerNav({ href: '/organisaties', labelKey: 'nav.organisations', access: 'authenticated', order: 75 });

  app.get(
    '/api/v1/organisaties',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listOrganisations',
        summary: 'The organisations in the chain (no personal data)',
        response: { 200: Type.Array(Organisation) },
      },
    },
    async (req) => organisations.listOrganisations(req.ctx),
  );

  app.post(
    '/api/v1/organisaties',
    {
      config: { access: 'organisations.manage' },
      schema: {
        tags,
        operationId: 'createOrganisation',
        summary: 'Register an organisation, optionally with its first beheerder',
        body: NewOrganisation,
        response: {
          201: Type.Object({ organisation: Organisation, activationCode: Type.Optional(Type.String()) }),
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await organisations.createOrganisation(req.ctx, req.body as organisations.NewOrganisation)),
  );

  app.get('/organisaties', { config: { access: 'authenticated' } }, async (req, reply) =>
    reply.page(
      req.t('organisations.title'),
      h(OrganisationsPage, {
        page: reply.pageContext(),
        organisations: await organisations.listOrganisations(req.ctx),
        canManage: hasPermission(req.ctx.actor, 'organisations.manage'),
      }),
    ),
  );

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: OrganisationForm,
    errors: Record<string, string>,
    status = 200,
  ) =>
    reply.page(
      req.t('organisations.new.title'),
      h(NewOrganisationPage, { page: reply.pageContext(), values, errors, options: await placeOptions(req) }),
      status,
    );

  app.get('/organisaties/nieuw', { config: { access: 'organisations.manage' } }, async (req, reply) =>
    showForm(req, reply, { name: '', type: 'gemeente', place: '', adminName: '', adminEmail: '' }, {}),
  );

  app.post('/organisaties', { config: { access: 'organisations.manage' } }, async (req, reply) => {
    const values: OrganisationForm = {
      name: field(req, 'name'),
      type: field(req, 'type'),
      place: field(req, 'place'),
      adminName: field(req, 'adminName'),
      adminEmail: field(req, 'adminEmail'),
    };
    const [kind, code] = values.place.includes(':') ? values.place.split(':') : [undefined, undefined];
    const municipalityCode = /^GM\d{4}$/.test(values.place) ? values.place : undefined;
    try {
      const result = await organisations.createOrganisation(req.ctx, {
        name: values.name,
        type: values.type,
        ...(municipalityCode ? { municipalityCode } : {}),
        ...(kind && code ? { regionKind: kind, regionCode: code } : {}),
        ...(values.adminEmail || values.adminName
          ? { firstAdministrator: { email: values.adminEmail, displayName: values.adminName } }
          : {}),
      });
      return reply.page(
        req.t('organisations.created.title'),
        h(OrganisationCreatedPage, { page: reply.pageContext(), ...result }),
        201,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation-failed', 'conflict'].includes(error.code))
        throw error;
      const errors: Record<string, string> = {};
      for (const issue of error.issues) {
        const key =
          { municipalityCode: 'place', regionCode: 'place', email: 'adminEmail', displayName: 'adminName' }[
            issue.field
          ] ?? issue.field;
        errors[key] ??= req.t(`organisations.error.${key}`);
      }
      return showForm(req, reply, values, errors, 400);
    }
  });
}
