// The OpenAPI 3.1 document, generated from the route schemas and completed with the NL API Design Rules'
// conventions in one place: the API-Version header on every success, problem+json on every error, 400 on every
// operation that takes input. Published at /api/v1/openapi.json and linted in CI (scripts/lint-api.ts).
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, e.g. validation-failed, forbidden, not-found' },
    instance: { type: 'string' },
    invalidParams: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const ERROR_TEXT: Record<string, string> = {
  '400': 'Invalid input: the problem names each field and the rule it breaks',
  '401': 'Not logged in, or the login is not finished',
  '403': 'Not allowed for the roles of this organisation',
  '404': 'Not found, or not visible to you',
  '409': 'Conflicts with the current state',
  '413': 'Body too large',
  '415': 'Body must be application/json',
  '429': 'Too many requests',
  '500': 'Unexpected error (logged)',
};

type Operation = {
  responses?: Record<string, Record<string, unknown>>;
  parameters?: unknown[];
  security?: unknown;
};

function completeOperation(method: string, op: Operation, isPublic: boolean): void {
  const responses = (op.responses ??= {});
  const takesInput = ['post', 'put', 'patch'].includes(method) || (op.parameters?.length ?? 0) > 0;
  const wanted = ['500', ...(takesInput ? ['400'] : []), ...(isPublic ? [] : ['401', '403'])];
  if (['post', 'put', 'patch'].includes(method)) wanted.push('413', '415');
  for (const status of wanted) responses[status] ??= {};
  for (const [status, response] of Object.entries(responses)) {
    if (/^[23]\d\d$/.test(status)) {
      response.description ??= 'Success';
      response.headers = {
        'API-Version': { $ref: '#/components/headers/API-Version' },
        ...((response.headers as object) ?? {}),
      };
    } else if (/^[45]\d\d$/.test(status)) {
      response.description = (response.description as string | undefined) ?? ERROR_TEXT[status] ?? 'Error';
      response.content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    }
  }
  if (!isPublic) op.security = [{ sessionCookie: [] }];
}

export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  const publicOperations = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.config?.access === 'public') {
      for (const m of [route.method].flat()) publicOperations.add(`${m.toLowerCase()} ${route.url}`);
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Schakel API',
        version: API_VERSION,
        description:
          'The API of Schakel, the chain information system for the Dutch approach against human trafficking. ' +
          'Errors are application/problem+json (RFC 9457). Log in with POST /sessies; the session cookie authorises later calls.',
        contact: { name: 'Schakel', email: 'schakel@example.org', url: 'https://schakel.example.org' },
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: `${config.publicUrl}${API_PREFIX}` }],
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'schakel_sessie' } },
      },
    },
    hideUntagged: false,
    transform: ({ schema, url, route }) => {
      const hide = !url.startsWith(`${API_PREFIX}/`) || url === `${API_PREFIX}/openapi.json`;
      return { schema: hide ? { ...(schema ?? {}), hide: true } : schema, url, route } as never;
    },
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: Record<string, unknown> }).openapiObject as {
        paths: Record<string, Record<string, Operation>>;
        components: Record<string, Record<string, unknown>>;
      };
      // The swagger plugin writes paths relative to the server URL, which ends in /api/v1.
      for (const [path, operations] of Object.entries(doc.paths ?? {})) {
        const fastifyPath = `${API_PREFIX}${path.replace(/\{(\w+)\}/g, ':$1')}`;
        for (const [method, op] of Object.entries(operations)) {
          completeOperation(method, op, publicOperations.has(`${method} ${fastifyPath}`));
        }
      }
      doc.components.schemas = { ...(doc.components.schemas ?? {}), Problem: PROBLEM_SCHEMA };
      doc.components.headers = {
        'API-Version': {
          description: 'The full version of the API',
          schema: { type: 'string', example: API_VERSION },
        },
      };
      return doc as never;
    },
  });
  app.get(
    `${API_PREFIX}/openapi.json`,
    { config: { access: 'public' }, schema: { hide: true } as never },
    async () => app.swagger(),
  );
}
