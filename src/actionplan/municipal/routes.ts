// The municipal monitor's API and pages: the national overview, one municipality's answers and history, and the
// municipality's own self-assessment (JSON and a form that works without JavaScript).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../../errors.js';
import { field } from '../../web/forms.js';
import { registerNav } from '../../web/nav.js';
import { ANSWER_STATUSES, ELEMENT_CODES, ELEMENTS } from './elements.js';
import './i18n.js';
import { MunicipalityPage, OverviewPage, type FormState } from './pages.js';
import {
  EVIDENCE_MAX,
  getMunicipalityView,
  getOverview,
  submitAssessment,
  type AnswerInput,
} from './service.js';

const tags = ['Gemeentelijke aanpak'];
const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()]);
const Status = Type.String({ enum: [...ANSWER_STATUSES] });
const Answer = Type.Object({
  element: Type.String({ enum: ELEMENT_CODES }),
  status: Status,
  evidence: Type.String(),
  evidenceOn: Day,
});
const MunicipalityDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  policeUnit: Type.String(),
  score: Type.Integer({ description: 'Number of elements currently answered "ja"' }),
  answered: Type.Boolean(),
  current: Type.Array(
    Type.Composite([Answer, Type.Object({ submittedAt: Type.String({ format: 'date-time' }) })]),
  ),
  history: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      submittedAt: Type.String({ format: 'date-time' }),
      organisation: Type.String(),
      submittedBy: Type.String(),
      answers: Type.Array(Answer),
    }),
  ),
  canSubmit: Type.Boolean(),
});
const Ref = Type.Object({ code: Type.String(), name: Type.String() });
const Overview = Type.Object({
  municipalities: Type.Integer(),
  answered: Type.Integer(),
  elements: Type.Array(
    Type.Object({
      code: Type.String(),
      nl: Type.String(),
      en: Type.String(),
      explanationNl: Type.String(),
      explanationEn: Type.String(),
      source: Type.String({ description: 'Source file and lines' }),
      yes: Type.Integer(),
      partly: Type.Integer(),
      no: Type.Integer(),
      unknown: Type.Integer(),
      share: Type.Number({ description: 'Share of all municipalities answering "ja"' }),
    }),
  ),
  regions: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      municipalities: Type.Integer(),
      answered: Type.Integer(),
      averageScore: Type.Union([Type.Number(), Type.Null()]),
      notAnswered: Type.Array(Ref),
    }),
  ),
  tiles: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      score: Type.Union([Type.Integer(), Type.Null()], { description: 'null: not answered' }),
    }),
  ),
});
const CodeParam = Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) });

function formErrors(req: FastifyRequest, error: DomainError, input: AnswerInput[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const [, index, property] = issue.field.split('/');
    const element = input[Number(index)]?.element;
    if (element && property) errors[`${property}_${element}`] = req.t(`mm.error.${property}`);
  }
  return errors;
}

async function showMunicipality(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  form: FormState = {},
  status = 200,
) {
  const view = await getMunicipalityView(req.ctx, code);
  return reply.page(view.name, h(MunicipalityPage, { page: reply.pageContext(), view, form }), status);
}

export function municipalMonitorRoutes(app: FastifyInstance): void {
  registerNav({
    href: '/gemeentelijke-aanpak',
    labelKey: 'nav.municipalMonitor',
    access: 'authenticated',
    order: 45,
  });

  app.get(
    '/api/v1/gemeentelijke-aanpak',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getMunicipalMonitorOverview',
        summary:
          'National overview of the municipal approach: coverage per element, per police unit and per municipality',
        response: { 200: Overview },
      },
    },
    async (req) => getOverview(req.ctx),
  );

  app.get(
    '/api/v1/gemeentelijke-aanpak/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getMunicipalAssessment',
        summary: "One municipality's current self-assessment and its full history",
        params: CodeParam,
        response: { 200: MunicipalityDetail },
      },
    },
    async (req) => getMunicipalityView(req.ctx, (req.params as { code: string }).code),
  );

  app.post(
    '/api/v1/gemeentelijke-aanpak/:code/zelfevaluaties',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'submitMunicipalAssessment',
        summary: 'The municipality submits a self-assessment (appended; earlier assessments stay)',
        params: CodeParam,
        body: Type.Object(
          {
            answers: Type.Array(
              Type.Object(
                {
                  element: Type.String({ enum: ELEMENT_CODES }),
                  status: Status,
                  evidence: Type.Optional(Type.String({ maxLength: EVIDENCE_MAX })),
                  evidenceOn: Type.Optional(Type.String({ format: 'date' })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: ELEMENTS.length },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: MunicipalityDetail },
      },
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      const { answers } = req.body as { answers: AnswerInput[] };
      return reply.code(201).send(await submitAssessment(req.ctx, code, answers));
    },
  );

  app.get('/gemeentelijke-aanpak', { config: { access: 'authenticated' } }, async (req, reply) => {
    const overview = await getOverview(req.ctx);
    return reply.page(req.t('mm.title'), h(OverviewPage, { page: reply.pageContext(), overview }));
  });

  app.get('/gemeentelijke-aanpak/:code', { config: { access: 'authenticated' } }, async (req, reply) => {
    const saved = (req.query as Record<string, unknown>).opgeslagen === '1';
    return showMunicipality(req, reply, (req.params as { code: string }).code, { saved });
  });

  app.post('/gemeentelijke-aanpak/:code', { config: { access: 'authenticated' } }, async (req, reply) => {
    const code = (req.params as { code: string }).code;
    const values: Record<string, string> = {};
    const input: AnswerInput[] = [];
    for (const e of ELEMENTS) {
      for (const name of ['status', 'evidence', 'evidenceOn'])
        values[`${name}_${e.code}`] = field(req, `${name}_${e.code}`);
      const status = values[`status_${e.code}`]!;
      if (status)
        input.push({
          element: e.code,
          status,
          evidence: values[`evidence_${e.code}`],
          evidenceOn: values[`evidenceOn_${e.code}`] || undefined,
        });
    }
    if (input.length === 0)
      return showMunicipality(
        req,
        reply,
        code,
        { values, errors: { status_beleid: req.t('mm.error.none') } },
        400,
      );
    try {
      await submitAssessment(req.ctx, code, input);
      return reply.redirect(`/gemeentelijke-aanpak/${encodeURIComponent(code)}?opgeslagen=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
      return showMunicipality(req, reply, code, { values, errors: formErrors(req, error, input) }, 400);
    }
  });
}
