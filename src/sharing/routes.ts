// The sharing rule table: read (beheerder, auditor, privacy officer), confirmed by a ministry's privacy officer, and a
// decision preview that says what the acting organisation may share with whom.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError, forbidden } from '../errors.js';
import { hasPermission, ORGANISATION_TYPES, type OrganisationType } from '../policy/index.js';
import { field } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import type { ShareRequest } from './decide.js';
import './i18n.js';
import { RulesPage } from './pages.js';
import { CATEGORIES, PURPOSES } from './rules.js';
import { confirmRule, decideWithTable, listRules } from './service.js';

const tags = ['Gegevensdeling'];
const List = (values: readonly string[]) => Type.Array(Type.String({ enum: [...values] }));
const Rule = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  matrixRow: Type.String(),
  sourceTypes: List(ORGANISATION_TYPES),
  recipientTypes: List(ORGANISATION_TYPES),
  purposes: List(PURPOSES),
  categories: List(CATEGORIES),
  legalBasisCode: Type.String(),
  legalBasis: Type.String(),
  consent: Type.String({ enum: ['none', 'required', 'prior-written'] }),
  safetyException: Type.Boolean(),
  confidence: Type.String({ enum: ['verified', 'secondary', 'inferred'] }),
  source: Type.String(),
  explanation: Type.Object({ nl: Type.String(), en: Type.String() }),
  status: Type.String({ enum: ['verified', 'confirmed', 'to-be-confirmed'] }),
  confirmation: Type.Union([
    Type.Object({ confirmedAt: Type.String({ format: 'date-time' }), note: Type.String() }),
    Type.Null(),
  ]),
});
const Question = Type.Object(
  {
    recipientType: Type.String({ enum: [...ORGANISATION_TYPES] }),
    purpose: Type.String({ enum: [...PURPOSES] }),
    categories: Type.Array(Type.String({ enum: [...CATEGORIES] }), { minItems: 1, uniqueItems: true }),
    consents: Type.Optional(
      Type.Array(
        Type.Object(
          {
            purpose: Type.String({ enum: [...PURPOSES] }),
            recipientType: Type.Union([Type.String({ enum: [...ORGANISATION_TYPES] }), Type.Null()]),
            given: Type.Boolean(),
            form: Type.String({ enum: ['written', 'verbal-with-witness'] }),
            withdrawn: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    safetyJustification: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export function sharingRoutes(app: FastifyInstance): void {
  registerNav({ href: '/deelregels', labelKey: 'nav.sharingRules', access: 'sharing.rules.read', order: 65 });

  app.get(
    '/api/v1/deelregels',
    {
      config: { access: 'sharing.rules.read' },
      schema: {
        tags,
        operationId: 'listSharingRules',
        summary: 'The current sharing rules with legal basis, source and confirmation status',
        response: { 200: Type.Array(Rule) },
      },
    },
    async (req) => listRules(req.ctx),
  );

  app.post(
    '/api/v1/deelregels/:id/bevestigingen',
    {
      config: { access: 'sharing.rules.confirm' },
      schema: {
        tags,
        operationId: 'confirmSharingRule',
        summary: 'Confirm a rule that is not verified in a primary source (privacy officer of a ministry)',
        params: Type.Object({ id: Type.String({ pattern: '^R[0-9]{2,3}$' }) }),
        body: Type.Object(
          { note: Type.String({ minLength: 10, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Rule },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await confirmRule(req.ctx, (req.params as { id: string }).id, (req.body as { note: string }).note),
        ),
  );

  app.post(
    '/api/v1/deelbesluiten',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'previewShareDecision',
        summary:
          'May the acting organisation share these data categories with this recipient type for this purpose? Shares nothing.',
        body: Question,
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (req) => {
      const actor = req.ctx.actor;
      if (actor.kind !== 'user' || !actor.organisationType) throw forbidden('Act for an organisation first');
      const body = req.body as Omit<ShareRequest, 'sourceType' | 'consents'> & {
        consents?: ShareRequest['consents'];
      };
      return decideWithTable(req.ctx, {
        ...body,
        consents: body.consents ?? [],
        sourceType: actor.organisationType as OrganisationType,
      });
    },
  );

  const showRules = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; errors?: Record<string, string> } = {},
    status = 200,
  ) =>
    reply.page(
      req.t('sharing.title'),
      h(RulesPage, {
        page: reply.pageContext(),
        rules: await listRules(req.ctx),
        canConfirm:
          hasPermission(req.ctx.actor, 'sharing.rules.confirm') &&
          req.ctx.actor.kind === 'user' &&
          req.ctx.actor.organisationType === 'ministerie',
        errors: extra.errors ?? {},
        ...(extra.notice ? { notice: extra.notice } : {}),
      }),
      status,
    );

  app.get('/deelregels', { config: { access: 'sharing.rules.read' } }, async (req, reply) =>
    showRules(req, reply),
  );

  app.post(
    '/deelregels/:id/bevestiging',
    { config: { access: 'sharing.rules.confirm' } },
    async (req, reply) => {
      const id = (req.params as { id: string }).id;
      try {
        await confirmRule(req.ctx, id, field(req, `note-${id}`));
        return showRules(req, reply, { notice: req.t('sharing.confirmed', { id }) });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'validation-failed')
          return showRules(req, reply, { errors: { [`note-${id}`]: req.t('sharing.error.note') } }, 400);
        throw error;
      }
    },
  );
}
