// The login steps as JSON: the same service calls as the pages. The session cookie set here authorises later calls.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { activateAccount } from './accounts.js';
import { loginRateLimit, sessionId } from './http.js';
import * as auth from './service.js';

const tags = ['Sessies'];

const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const CodeBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9 ]{6,8}$' }) },
  { additionalProperties: false },
);
const OrganisationBody = Type.Object(
  { organisationId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const ActivationBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    code: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 400 }),
  },
  { additionalProperties: false },
);
const SessionInfo = Type.Object({
  next: Type.Union([
    Type.Literal('second-factor'),
    Type.Literal('enrol-second-factor'),
    Type.Literal('choose-organisation'),
    Type.Literal('done'),
  ]),
});
const CurrentSession = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  email: Type.String(),
  stage: Type.String(),
  organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  roles: Type.Array(Type.String()),
  organisations: Type.Array(
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), type: Type.String() }),
  ),
});

export function sessionApiRoutes(app: FastifyInstance): void {
  // The API: the same steps as JSON. The session cookie set here authorises later calls.
  app.post(
    '/api/v1/sessies',
    {
      config: { access: 'public', rateLimit: loginRateLimit(app) },
      schema: {
        tags,
        operationId: 'createSession',
        summary: 'Log in with e-mail address and password',
        body: LoginBody,
        response: { 201: SessionInfo },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body as { email: string; password: string };
      const result = await auth.passwordLogin(req.ctx, email, password);
      reply.setSession(result.token);
      return reply.code(201).send({ next: result.next });
    },
  );

  app.get(
    '/api/v1/sessies/huidige',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        operationId: 'getCurrentSession',
        summary: 'Who is logged in, for which organisation, with which roles',
        response: { 200: CurrentSession },
      },
    },
    async (req) => {
      const s = req.session!;
      return {
        userId: s.actor.userId,
        displayName: s.actor.displayName,
        email: s.actor.email,
        stage: s.stage,
        organisationId: s.actor.organisationId,
        roles: s.actor.roles,
        organisations: s.organisations,
      };
    },
  );

  app.post(
    '/api/v1/sessies/huidige/tweede-factor',
    {
      config: { access: 'pending-second-factor', rateLimit: loginRateLimit(app) },
      schema: {
        tags,
        operationId: 'verifySecondFactor',
        summary: 'Pass the second factor (TOTP code)',
        body: CodeBody,
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      const result = await auth.verifySecondFactor(
        req.ctx,
        sessionId(req),
        (req.body as { code: string }).code,
      );
      reply.setSession(result.token);
      return { next: result.next };
    },
  );

  app.post(
    '/api/v1/sessies/huidige/organisatie',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        operationId: 'chooseOrganisation',
        summary: 'Choose the organisation this session acts for',
        body: OrganisationBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const token = await auth.chooseOrganisation(
        req.ctx,
        sessionId(req),
        (req.body as { organisationId: string }).organisationId,
      );
      return reply.setSession(token).code(204).send();
    },
  );

  app.delete(
    '/api/v1/sessies/huidige',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        operationId: 'deleteCurrentSession',
        summary: 'Log out',
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await auth.logout(req.ctx, sessionId(req), false);
      reply.clearSession();
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/v1/sessies',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        operationId: 'deleteAllSessions',
        summary: 'Log out everywhere: end every session of the current user',
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await auth.logout(req.ctx, sessionId(req), true);
      reply.clearSession();
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/activeringen',
    {
      config: { access: 'public', rateLimit: loginRateLimit(app) },
      schema: {
        tags,
        operationId: 'activateAccount',
        summary: 'Activate an account with its activation code and choose a password',
        body: ActivationBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await activateAccount(req.ctx, req.body as { email: string; code: string; password: string });
      return reply.code(204).send();
    },
  );
}
