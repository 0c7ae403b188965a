// Users of the own organisation (beheerder) and the organisation directory, as pages and API.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { ROLES } from '../policy/index.js';
import { field, fields } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import './i18n.js';
import { NewUserPage, UserCreatedPage, UserPage, UsersPage } from './pages.js';
import * as organisations from './service.js';

const tags = ['Organisaties en gebruikers'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Member = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String({ enum: [...ROLES] })),
  status: Type.String({ enum: ['active', 'awaiting-activation', 'locked', 'disabled'] }),
  secondFactor: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
const Roles = Type.Array(Type.String({ enum: [...ROLES] }), {
  minItems: 1,
  maxItems: ROLES.length,
  uniqueItems: true,
});
const NewUser = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Roles,
  },
  { additionalProperties: false },
);
const CONFLICT_KEYS: Record<string, string> = {
  'already-member': 'users.error.exists',
  'last-beheerder': 'users.error.lastAdmin',
  'shared-account': 'users.error.shared',
};

/** Field messages for a page, in the user's language. */
function pageErrors(req: FastifyRequest, error: unknown): Record<string, string> {
  if (!(error instanceof DomainError) || !['validation-failed', 'conflict'].includes(error.code)) throw error;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = CONFLICT_KEYS[issue.rule] ?? `users.error.${issue.field}`;
    errors[issue.field === 'user' ? 'roles' : issue.field] ??= req.t(key);
  }
  return errors;
}

const withUserDates = <T extends { createdAt: Date }>(m: T) => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
});

export function organisationRoutes(app: FastifyInstance): void {
  registerNav({ href: '/gebruikers', labelKey: 'nav.users', access: 'users.read', order: 50 });
  const rolesHere = (req: FastifyRequest) =>
    organisations.rolesFor(req.ctx.actor.kind === 'user' ? (req.ctx.actor.organisationType ?? '') : '');

  // API
  app.get(
    '/api/v1/gebruikers',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'Users of the own organisation with their roles',
        response: { 200: Type.Array(Member) },
      },
    },
    async (req) => (await organisations.listUsers(req.ctx)).map(withUserDates),
  );

  app.post(
    '/api/v1/gebruikers',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        operationId: 'createUser',
        summary: 'Add a user to the own organisation; a new account gets a one-time activation code',
        body: NewUser,
        response: {
          201: Type.Object({
            user: Member,
            activationCode: Type.Optional(Type.String()),
            existingAccount: Type.Boolean(),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await organisations.addUser(
        req.ctx,
        req.body as { email: string; displayName: string; roles: string[] },
      );
      return reply.code(201).send({ ...result, user: withUserDates(result.user) });
    },
  );

  app.get(
    '/api/v1/gebruikers/:id',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'One user of the own organisation',
        params: Id,
        response: { 200: Member },
      },
    },
    async (req) => withUserDates(await organisations.getUser(req.ctx, (req.params as { id: string }).id)),
  );

  app.put(
    '/api/v1/gebruikers/:id/rollen',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        operationId: 'setUserRoles',
        summary: "Replace a user's roles in the own organisation",
        params: Id,
        body: Roles,
        response: { 200: Member },
      },
    },
    async (req) =>
      withUserDates(
        await organisations.changeRoles(req.ctx, (req.params as { id: string }).id, req.body as string[]),
      ),
  );

  app.delete(
    '/api/v1/gebruikers/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        operationId: 'removeUser',
        summary: 'Remove a user from the own organisation',
        params: Id,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await organisations.removeUser(req.ctx, (req.params as { id: string }).id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/gebruikers/:id/activeringscodes',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        operationId: 'resetUserAccess',
        summary: 'Issue a new activation code (clears password and second factor)',
        params: Id,
        response: {
          201: Type.Object({
            activationCode: Type.String(),
            activationExpiresAt: Type.String({ format: 'date-time' }),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await organisations.resetAccess(req.ctx, (req.params as { id: string }).id);
      return reply.code(201).send({
        activationCode: result.activationCode,
        activationExpiresAt: result.activationExpiresAt.toISOString(),
      });
    },
  );

  // Pages
  app.get('/gebruikers', { config: { access: 'users.read' } }, async (req, reply) =>
    reply.page(
      req.t('nav.users'),
      h(UsersPage, { page: reply.pageContext(), users: await organisations.listUsers(req.ctx) }),
    ),
  );

  app.get('/gebruikers/nieuw', { config: { access: 'users.manage' } }, async (req, reply) =>
    reply.page(
      req.t('users.new.title'),
      h(NewUserPage, { page: reply.pageContext(), roles: rolesHere(req), values: {}, errors: {} }),
    ),
  );

  app.post('/gebruikers', { config: { access: 'users.manage' } }, async (req, reply) => {
    const values = {
      email: field(req, 'email'),
      displayName: field(req, 'displayName'),
      roles: fields(req, 'roles'),
    };
    try {
      const result = await organisations.addUser(req.ctx, values);
      return reply.code(201).page(
        req.t('users.created.title'),
        h(UserCreatedPage, {
          page: reply.pageContext(),
          user: result.user,
          activationCode: result.activationCode,
        }),
        201,
      );
    } catch (error) {
      return reply.page(
        req.t('users.new.title'),
        h(NewUserPage, {
          page: reply.pageContext(),
          roles: rolesHere(req),
          values,
          errors: pageErrors(req, error),
        }),
        400,
      );
    }
  });

  const showUser = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: Record<string, string>; notice?: string; activationCode?: string } = {},
    status = 200,
  ) => {
    const user = await organisations.getUser(req.ctx, (req.params as { id: string }).id);
    return reply.page(
      req.t('users.detail.title', { name: user.displayName }),
      h(UserPage, {
        page: reply.pageContext(),
        user,
        roles: rolesHere(req),
        errors: extra.errors ?? {},
        ...extra,
      }),
      status,
    );
  };
  const isUuid = (req: FastifyRequest) => /^[0-9a-f-]{36}$/i.test((req.params as { id: string }).id);

  app.get('/gebruikers/:id', { config: { access: 'users.read' } }, async (req, reply) =>
    isUuid(req) ? showUser(req, reply) : reply.callNotFound(),
  );

  app.post('/gebruikers/:id/rollen', { config: { access: 'users.manage' } }, async (req, reply) => {
    if (!isUuid(req)) return reply.callNotFound();
    try {
      await organisations.changeRoles(req.ctx, (req.params as { id: string }).id, fields(req, 'roles'));
      return showUser(req, reply, { notice: req.t('users.detail.rolesSaved') });
    } catch (error) {
      return showUser(req, reply, { errors: pageErrors(req, error) }, 400);
    }
  });

  app.post('/gebruikers/:id/activering', { config: { access: 'users.manage' } }, async (req, reply) => {
    if (!isUuid(req)) return reply.callNotFound();
    try {
      const result = await organisations.resetAccess(req.ctx, (req.params as { id: string }).id);
      return showUser(req, reply, { activationCode: result.activationCode });
    } catch (error) {
      return showUser(req, reply, { errors: pageErrors(req, error) }, 409);
    }
  });

  app.post('/gebruikers/:id/verwijderen', { config: { access: 'users.manage' } }, async (req, reply) => {
    if (!isUuid(req)) return reply.callNotFound();
    const user = await organisations.getUser(req.ctx, (req.params as { id: string }).id);
    try {
      await organisations.removeUser(req.ctx, user.userId);
      return reply.page(
        req.t('nav.users'),
        h(UsersPage, {
          page: reply.pageContext(),
          users: await organisations.listUsers(req.ctx),
          notice: req.t('users.removed', { name: user.displayName }),
        }),
      );
    } catch (error) {
      return showUser(req, reply, { errors: pageErrors(req, error) }, 409);
    }
  });
}
