// The action plan's indicators in the API: the computations Schakel can do, a plan's indicators with their
// measurement history, and the programme team's measurements by hand or computed from Schakel's own figures.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.js';
import {
  computeMeasurement,
  getIndicator,
  listComputations,
  listIndicators,
  NOTE_MAX,
  recordMeasurement,
  SOURCE_MAX,
  type MeasurementInput,
} from './measurements.js';
import { PERIOD_KINDS } from './periods.js';
import { listPlans } from './plan.js';

const tags = ['Actieplan'];
const Nullable = Type.Union([Type.String(), Type.Null()]);
const Num = Type.Union([Type.Number(), Type.Null()]);
const CodeParam = Type.Object({ code: Type.String({ maxLength: 40 }) });

const IndicatorParams = Type.Object({
  code: Type.String({ maxLength: 40, description: 'The plan, e.g. 2018' }),
  indicator: Type.String({ maxLength: 40, description: 'The indicator, e.g. 2018-AL5-I1' }),
});
const Measurement = Type.Object({
  id: Type.String({ format: 'uuid' }),
  period: Type.String({
    description: 'A year (2025), half-year (2025-H2), quarter (2025-Q3) or month (2025-09)',
  }),
  value: Type.Union([Type.Number(), Type.Null()], {
    description: 'null when a computed count from 1 to 9 is shown as "<10" (fewerThanTen); the count is kept',
  }),
  fewerThanTen: Type.Boolean(),
  source: Type.String(),
  note: Nullable,
  computation: Type.Union([Type.String(), Type.Null()], {
    description: 'The computation that produced it; null: entered by hand',
  }),
  enteredBy: Nullable,
  enteredAt: Type.String({ format: 'date-time' }),
  supersedes: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The measurement this one corrects',
  }),
  supersededBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The measurement that corrected this one; null: current',
  }),
});
const ComputationInfo = Type.Object({
  code: Type.String(),
  nl: Type.String({ description: 'What it computes, in Dutch' }),
  en: Type.String({ description: 'What it computes, in English' }),
  computable: Type.Boolean(),
  needsNl: Nullable,
  needsEn: Nullable,
});
const IndicatorSummary = Type.Object({
  code: Type.String(),
  planCode: Type.String(),
  actionCode: Nullable,
  actionLineCode: Nullable,
  definition: Type.String(),
  unit: Type.String(),
  computation: Nullable,
  computable: Type.Boolean(),
  latest: Type.Union([
    Type.Object({
      period: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()]),
      fewerThanTen: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});
const IndicatorDetail = Type.Object({
  code: Type.String(),
  planCode: Type.String(),
  actionCode: Nullable,
  actionLineCode: Nullable,
  definition: Type.String(),
  unit: Type.String(),
  baseline: Num,
  baselinePeriod: Nullable,
  target: Num,
  targetPeriod: Nullable,
  computation: Nullable,
  computationInfo: Type.Union([ComputationInfo, Type.Null()]),
  source: Type.String(),
  periodKinds: Type.Array(Type.String({ enum: [...PERIOD_KINDS] })),
  measurements: Type.Array(Measurement),
  canManage: Type.Boolean(),
  computePeriods: Type.Array(Type.String()),
});

export function indicatorRoutes(app: FastifyInstance): void {
  app.get(
    '/api/v1/indicator-berekeningen',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listIndicatorComputations',
        summary: 'The computations Schakel can do from its own figures, each stated in Dutch and English',
        response: { 200: Type.Array(ComputationInfo) },
      },
    },
    async () => listComputations(),
  );

  app.get(
    '/api/v1/plannen/:code/indicatoren',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listActionPlanIndicators',
        summary: "The plan's indicators with their latest current measurement",
        params: CodeParam,
        response: { 200: Type.Array(IndicatorSummary) },
      },
    },
    async (req) => {
      const { code } = req.params as { code: string };
      if (!(await listPlans(req.ctx)).some((p) => p.code === code)) throw notFound(`Plan ${code}`);
      return listIndicators(req.ctx, code);
    },
  );

  app.get(
    '/api/v1/plannen/:code/indicatoren/:indicator',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getActionPlanIndicator',
        summary: 'One indicator with its computation and every measurement, corrected ones included',
        params: IndicatorParams,
        response: { 200: IndicatorDetail },
      },
    },
    async (req) => {
      const { code, indicator } = req.params as { code: string; indicator: string };
      return getIndicator(req.ctx, code, indicator);
    },
  );

  app.post(
    '/api/v1/plannen/:code/indicatoren/:indicator/metingen',
    {
      config: { access: 'actionplan.manage' },
      schema: {
        tags,
        operationId: 'recordIndicatorMeasurement',
        summary:
          'The programme team enters a measurement with its source (appended; a correction supersedes)',
        description:
          'A measurement for the same period supersedes the current one of that period; `supersedes` names a ' +
          'current measurement to correct (e.g. one entered under a wrong period). Nothing is overwritten. Only ' +
          'the programme team (a ministry); audited as actionplan.measurement-record.',
        params: IndicatorParams,
        body: Type.Object(
          {
            period: Type.String({
              maxLength: 20,
              description: 'As the indicator counts: 2025, 2025-H2, 2025-Q3 or 2025-09',
            }),
            value: Type.Number(),
            source: Type.String({
              maxLength: SOURCE_MAX,
              description: 'Required, e.g. "CoMensha jaarrapport 2025, p. 12"',
            }),
            note: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
            supersedes: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Measurement },
      },
    },
    async (req, reply) => {
      const { code, indicator } = req.params as { code: string; indicator: string };
      return reply
        .code(201)
        .send(await recordMeasurement(req.ctx, code, indicator, req.body as MeasurementInput));
    },
  );

  app.post(
    '/api/v1/plannen/:code/indicatoren/:indicator/berekeningen',
    {
      config: { access: 'actionplan.manage' },
      schema: {
        tags,
        operationId: 'computeIndicatorMeasurement',
        summary:
          'The programme team has Schakel compute the indicator for an ended period; recorded as a measurement',
        description:
          "From Schakel's national aggregates of the signals; the source states the computation and the day. " +
          'Indicators measured by hand or not yet computable: 409.',
        params: IndicatorParams,
        body: Type.Object(
          { period: Type.String({ maxLength: 20, description: 'An ended period, e.g. 2025-Q3' }) },
          { additionalProperties: false },
        ),
        response: { 201: Measurement },
      },
    },
    async (req, reply) => {
      const { code, indicator } = req.params as { code: string; indicator: string };
      return reply
        .code(201)
        .send(await computeMeasurement(req.ctx, code, indicator, req.body as { period: string }));
    },
  );
}
