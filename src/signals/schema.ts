// TypeBox schemas of the signals API: validation, responses and the OpenAPI document from one source.
import { Type, type TSchema } from '@sinclair/typebox';
import { IDENTIFIER_TYPES } from './identifiers.js';
import {
  DECISIONS,
  FORMS,
  FORWARD_STATUSES,
  GENDERS,
  LIMITS,
  OUTCOMES,
  PERSON_ROLES,
  SECTORS,
  SIGNAL_CATEGORIES,
  STATUSES,
} from './vocabulary.js';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Forms = Type.Array(Type.String({ enum: [...FORMS] }), { maxItems: FORMS.length });

export const Person = Type.Object(
  {
    role: Type.String({ enum: [...PERSON_ROLES] }),
    description: Type.Optional(Type.String({ maxLength: LIMITS.description })),
    approximateAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    gender: Type.Optional(Type.String({ enum: [...GENDERS] })),
    nationality: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' })),
  },
  { additionalProperties: false },
);

export const Identifier = Type.Object(
  {
    type: Type.String({ enum: [...IDENTIFIER_TYPES] }),
    value: Type.String({ minLength: 1, maxLength: 2048 }),
  },
  { additionalProperties: false },
);

export const NewSignal = Type.Object(
  {
    municipalityCode: Type.Optional(
      Type.String({
        pattern: '^GM[0-9]{4}$',
        description: "CBS code; default: the organisation's municipality",
      }),
    ),
    observedOn: Type.String({ format: 'date', description: 'When it was observed (Amsterdam calendar day)' }),
    forms: Type.Array(Type.String({ enum: [...FORMS] }), {
      minItems: 1,
      maxItems: FORMS.length,
      uniqueItems: true,
    }),
    indicators: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z]{2}-[0-9]{2}$' }), { maxItems: LIMITS.indicators }),
    ),
    narrative: Type.String({ minLength: 1, maxLength: LIMITS.narrative }),
    acuteDanger: Type.Optional(Type.Boolean()),
    minorsInvolved: Type.Optional(Type.Boolean()),
    seriousDisadvantage: Type.Optional(
      Type.Boolean({ description: 'Serious disadvantage at work that may not be provably forced' }),
    ),
    sector: Type.Optional(Type.String({ enum: [...SECTORS] })),
    persons: Type.Optional(Type.Array(Person, { maxItems: LIMITS.persons })),
    identifiers: Type.Optional(Type.Array(Identifier, { maxItems: LIMITS.identifiers })),
  },
  { additionalProperties: false },
);

export const Created = Type.Object({ id: Uuid, reference: Type.String() });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Retries with the same key and body return the same signal',
    }),
  ),
});

const Summary = {
  id: Uuid,
  reference: Type.String(),
  channel: Type.String({ enum: ['professional', 'partner', 'anonymous'] }),
  status: Type.String({ enum: [...STATUSES] }),
  forms: Forms,
  seriousDisadvantage: Type.Boolean(),
  acute: Type.Boolean(),
  minors: Type.Boolean(),
  municipalityCode: Nullable(Type.String()),
  receivedAt: DateTime,
  deadlineAt: DateTime,
  overdue: Type.Boolean(),
  reviewOn: Nullable(Day),
  reviewDue: Type.Boolean(),
  assignedTo: Nullable(Type.Object({ userId: Uuid, displayName: Type.String() })),
};
export const SignalSummary = Type.Object(Summary);

const PersonView = Type.Object({
  role: Type.String(),
  description: Nullable(Type.String()),
  approximateAge: Nullable(Type.Integer()),
  gender: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
});
const IdentifierView = Type.Object({ type: Type.String(), display: Type.String() });
const Message = Type.Object({
  at: DateTime,
  author: Type.String({ enum: ['reporter', 'officer'] }),
  authorName: Nullable(Type.String()),
  body: Type.String(),
});
const Org = Type.Object({ id: Uuid, name: Type.String() });
const ForwardFields = {
  id: Uuid,
  signalId: Uuid,
  from: Org,
  to: Org,
  purpose: Type.String(),
  rule: Type.Object({ id: Type.String(), version: Type.Integer(), legalBasis: Type.String() }),
  categories: Type.Array(Type.String()),
  withheld: Type.Array(Type.String()),
  status: Type.String({ enum: [...FORWARD_STATUSES] }),
  forwardedAt: DateTime,
  acceptedAt: Nullable(DateTime),
  outcome: Nullable(Type.String({ enum: [...OUTCOMES] })),
  outcomeReason: Nullable(Type.String()),
  reporterSummary: Nullable(Type.String()),
  outcomeAt: Nullable(DateTime),
};
export const Forward = Type.Object(ForwardFields);

export const Signal = Type.Object({
  ...Summary,
  holder: Nullable(Org),
  municipalityName: Nullable(Type.String()),
  observedOn: Nullable(Day),
  indicators: Type.Array(Type.String()),
  sector: Nullable(Type.String()),
  narrative: Type.String(),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  persons: Type.Array(PersonView),
  identifiers: Type.Array(IdentifierView),
  reporter: Type.Object({
    kind: Type.String({ enum: ['professional', 'anonymous'] }),
    name: Type.Optional(Nullable(Type.String())),
    organisation: Type.Optional(Nullable(Type.String())),
    language: Type.Optional(Nullable(Type.String())),
    contact: Type.Optional(Nullable(Type.String())),
  }),
  timeline: Type.Array(
    Type.Object({
      at: DateTime,
      kind: Type.String(),
      reference: Type.String(),
      actor: Nullable(Type.String()),
      organisation: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
      text: Nullable(Type.String()),
    }),
  ),
  forwards: Type.Array(Forward),
  messages: Type.Array(Message),
  related: Type.Array(
    Type.Object({
      id: Uuid,
      reference: Type.String(),
      status: Type.String(),
      sharedTypes: Type.Array(Type.String()),
      linked: Type.Boolean(),
    }),
  ),
  mergedInto: Nullable(Type.Object({ id: Uuid, reference: Type.String() })),
  merged: Type.Array(Type.Object({ id: Uuid, reference: Type.String() })),
});

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ enum: [...STATUSES, 'alle'] })),
    form: Type.Optional(Type.String({ enum: [...FORMS] })),
    urgency: Type.Optional(Type.String({ enum: ['acuut', 'minderjarigen'] })),
    assignedToMe: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const IdParam = Type.Object({ id: Uuid });

export const Assignment = Type.Object({ userId: Nullable(Uuid) }, { additionalProperties: false });
export const Note = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: LIMITS.note }) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  {
    decision: Type.String({ enum: [...DECISIONS] }),
    reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }),
    reviewOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export const Reopen = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }) },
  { additionalProperties: false },
);
export const LinkBody = Type.Object({ relatedId: Uuid }, { additionalProperties: false });
export const MergeBody = Type.Object(
  { duplicateId: Uuid, reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }) },
  { additionalProperties: false },
);
export const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: LIMITS.message }) },
  { additionalProperties: false },
);
export const RouteBody = Type.Object(
  { municipalityCode: Type.String({ pattern: '^GM[0-9]{4}$' }) },
  { additionalProperties: false },
);
export const ForwardBody = Type.Object(
  {
    recipients: Type.Array(
      Type.Object(
        { organisationId: Uuid, purpose: Type.String({ maxLength: 60 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
    categories: Type.Array(Type.String({ enum: [...SIGNAL_CATEGORIES] }), {
      minItems: 1,
      maxItems: SIGNAL_CATEGORIES.length,
      uniqueItems: true,
    }),
    reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }),
  },
  { additionalProperties: false },
);
export const OutcomeBody = Type.Object(
  {
    outcome: Type.String({ enum: [...OUTCOMES] }),
    reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }),
    reporterSummary: Type.Optional(Type.String({ maxLength: LIMITS.reason })),
  },
  { additionalProperties: false },
);

export const InboxItem = Type.Object({
  id: Uuid,
  reference: Type.String(),
  forms: Forms,
  acute: Type.Boolean(),
  minors: Type.Boolean(),
  from: Type.String(),
  purpose: Type.String(),
  status: Type.String({ enum: [...FORWARD_STATUSES] }),
  forwardedAt: DateTime,
  outcome: Nullable(Type.String({ enum: [...OUTCOMES] })),
});
export const InboxQuery = Type.Object(
  { status: Type.Optional(Type.String({ enum: [...FORWARD_STATUSES] })) },
  { additionalProperties: false },
);

export const ForwardedSignal = Type.Object({
  ...ForwardFields,
  reference: Type.String(),
  forms: Forms,
  seriousDisadvantage: Type.Boolean(),
  sector: Nullable(Type.String()),
  municipalityCode: Nullable(Type.String()),
  observedOn: Nullable(Day),
  acute: Type.Boolean(),
  minors: Type.Boolean(),
  receivedAt: DateTime,
  narrative: Nullable(Type.String()),
  indicators: Nullable(Type.Array(Type.String())),
  persons: Nullable(Type.Array(PersonView)),
  identifiers: Nullable(Type.Array(IdentifierView)),
  reporter: Nullable(Type.Object({ name: Nullable(Type.String()), organisation: Nullable(Type.String()) })),
});

const ReporterStatus = Type.String({ enum: ['ontvangen', 'in-behandeling', 'afgehandeld'] });
export const OwnSignalItem = Type.Object({
  id: Uuid,
  reference: Type.String(),
  status: ReporterStatus,
  forms: Forms,
  receivedAt: DateTime,
});
export const OwnSignal = Type.Object({
  id: Uuid,
  reference: Type.String(),
  status: ReporterStatus,
  receivedAt: DateTime,
  feedback: Type.Array(Type.Object({ at: DateTime, summary: Type.String() })),
  messages: Type.Array(Message),
  forms: Forms,
  municipalityCode: Nullable(Type.String()),
  observedOn: Nullable(Day),
  narrative: Type.String(),
});

export const Indicator = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  form: Type.String({ enum: [...FORMS] }),
  labelNl: Type.String(),
  labelEn: Type.String(),
  source: Type.String(),
});
