// Requests generated from the OpenAPI document: for every operation a valid-looking request, and the ways a
// request can be wrong (wrong types, missing and extra fields, huge strings, odd Unicode, deep nesting, broken
// JSON, wrong content types). Used by the API fuzz test and by `npm run bench -- fuzz`.
import fc from 'fast-check';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
};

export interface Operation {
  method: string;
  /** Fastify-style path under /api/v1, e.g. /api/v1/gebruikers/{id}. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  body: Schema | undefined;
}

export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops;
}

const KNOWN_PATTERNS: Record<string, string> = {
  '^GM[0-9]{4}$': 'GM0363',
  '^R[0-9]{2,3}$': 'R01',
  '^[0-9 ]{6,8}$': '123456',
};

/** A value the schema accepts, where the generator knows how to make one. */
export function exampleFor(schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return exampleFor(options.find((o) => o.type !== 'null') ?? options[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) out[name] = exampleFor(prop);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => exampleFor(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string': {
      if (schema.pattern && KNOWN_PATTERNS[schema.pattern]) return KNOWN_PATTERNS[schema.pattern];
      switch (schema.format) {
        case 'email':
          return 'fuzz@test.schakel.example';
        case 'uuid':
          return '00000000-0000-4000-8000-000000000000';
        case 'date':
          return '2026-01-15';
        case 'date-time':
          return '2026-01-15T10:00:00Z';
        case 'uri':
          return 'https://idp.test.schakel.example';
      }
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 12)).slice(0, schema.maxLength ?? 12);
    }
    default:
      return 'x';
  }
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  label: string;
}

const oddStrings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\u202e\u0041\u0042',
    '𝕊𝕔𝕙𝕒𝕜𝕖𝕝',
    '../../etc/passwd',
    '%00',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    'ﷺ'.repeat(300),
    ' ',
  ),
  fc.constant('x'.repeat(100_000)),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  oddStrings,
);

/** Written as text: JSON.stringify itself would run out of stack on it. */
const deepNesting = (depth: number) => `${'{"a":'.repeat(depth)}"deep"${'}'.repeat(depth)}`;

type BodyMutation = (
  body: Record<string, unknown>,
) => fc.Arbitrary<{ text: string; contentType: string; label: string }>;

const asJson = (value: unknown, label: string) => ({
  text: JSON.stringify(value),
  contentType: 'application/json',
  label,
});

const bodyMutations: BodyMutation[] = [
  (body) => fc.constant(asJson(body, 'valid')),
  (body) =>
    fc.constantFrom(...(Object.keys(body).length ? Object.keys(body) : ['_'])).map((key) => {
      const copy = { ...body };
      delete copy[key];
      return asJson(copy, `missing ${key}`);
    }),
  (body) =>
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), wrongType)
      .map(([key, value]) => asJson({ ...body, [`extra${key}`]: value }, 'extra field')),
  (body) =>
    fc
      .tuple(fc.constantFrom(...(Object.keys(body).length ? Object.keys(body) : ['_'])), wrongType)
      .map(([key, value]) => asJson({ ...body, [key]: value }, `wrong type for ${key}`)),
  () =>
    fc.constantFrom(100, 5000, 50_000).map((depth) => ({
      text: deepNesting(depth),
      contentType: 'application/json',
      label: `nesting ${depth} deep`,
    })),
  () =>
    fc
      .constantFrom('{', '{"a":', 'nul', '[1,2', '{"a":1}}', '\u0000')
      .map((text) => ({ text, contentType: 'application/json', label: 'invalid JSON' })),
  (body) =>
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')
      .map((contentType) => ({
        text: JSON.stringify(body),
        contentType,
        label: `content type ${contentType}`,
      })),
  () => fc.constant({ text: '', contentType: 'application/json', label: 'empty body' }),
  () => wrongType.map((value) => asJson(value, 'body of the wrong type')),
];

export function requestArbitrary(op: Operation, cookie: string): fc.Arbitrary<FuzzRequest> {
  const pathValue = (p: { schema: Schema }) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(String(exampleFor(p.schema))) },
      { weight: 1, arbitrary: oddStrings.map((s) => s.slice(0, 2000)) },
    );
  const paths = fc.tuple(...op.pathParams.map(pathValue));
  const query = fc.array(
    fc.oneof(
      ...(op.queryParams.length
        ? [
            fc
              .constantFrom(...op.queryParams)
              .chain((p) =>
                fc
                  .oneof(fc.constant(String(exampleFor(p.schema))), oddStrings)
                  .map((v) => [p.name, v] as const),
              ),
          ]
        : []),
      fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), oddStrings).map(([k, v]) => [k, v] as const),
    ),
    { maxLength: 3 },
  );
  const example = (exampleFor(op.body) ?? {}) as Record<string, unknown>;
  const body = op.body
    ? fc
        .constantFrom(...bodyMutations)
        .chain((m) => m(typeof example === 'object' && example && !Array.isArray(example) ? example : {}))
    : fc.constant(undefined);
  return fc.tuple(paths, query, body).map(([pathValues, queryPairs, b]) => {
    let url = op.path;
    // Percent-encode the UTF-8 bytes: encodeURIComponent refuses lone surrogates, which the fuzzer means to send.
    const encode = (value: string) =>
      [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encode(pathValues[i]!))));
    const search = new URLSearchParams();
    for (const [k, v] of queryPairs) search.append(k, v.slice(0, 5000));
    const qs = search.toString();
    return {
      method: op.method,
      url: qs ? `${url}?${qs}` : url,
      headers: { cookie, ...(b ? { 'content-type': b.contentType } : {}) },
      ...(b ? { payload: b.text } : {}),
      label: `${op.method} ${op.path}${b ? ` (${b.label})` : ''}`,
    };
  });
}
