// Organisations and their people. A beheerder manages the users of their own organisation only: every function
// checks the actor against the organisation, and a user outside it is "not found", whatever id is tried.
import { createAccount, findUserByEmail, issueActivation, revokeUserSessions } from '../auth/index.js';
import type { Ctx } from '../context.js';
import { conflictOn, forbidden, invalid, notFound, type FieldIssue } from '../errors.js';
import {
  decide,
  isOrganisationType,
  isRole,
  roleAllowedFor,
  ROLES,
  type Permission,
  type Role,
} from '../policy/index.js';
import { municipalityExists, regionExists } from '../reference/index.js';
import * as store from './store.js';

export type { MemberRecord, OrganisationRecord } from './store.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function actingOrganisation(ctx: Ctx, permission: Permission): string {
  const actor = ctx.actor;
  const decision = decide(actor, permission);
  if (!decision.allowed || actor.kind !== 'user' || !actor.organisationId) {
    throw forbidden(`Not allowed: ${decision.allowed ? 'no organisation' : decision.reason}`);
  }
  return actor.organisationId;
}

export function listOrganisations(ctx: Ctx) {
  return store.listOrganisations(ctx.db);
}

export async function getOrganisation(ctx: Ctx, id: string) {
  const org = await store.findOrganisation(ctx.db, id);
  if (!org) throw notFound('Organisation');
  return org;
}

export interface NewOrganisation {
  name: string;
  type: string;
  municipalityCode?: string | null;
  regionKind?: string | null;
  regionCode?: string | null;
}

async function checkOrganisation(ctx: Ctx, input: NewOrganisation): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200)
    issues.push({ field: 'name', rule: 'length', message: 'The name has 2 to 200 characters' });
  if (!isOrganisationType(input.type))
    issues.push({ field: 'type', rule: 'enum', message: 'Unknown organisation type' });
  if (input.municipalityCode && input.regionCode)
    issues.push({
      field: 'regionCode',
      rule: 'one-place',
      message: 'Give a municipality or a region, not both',
    });
  if (input.municipalityCode && !(await municipalityExists(ctx, input.municipalityCode))) {
    issues.push({
      field: 'municipalityCode',
      rule: 'exists',
      message: `No municipality ${input.municipalityCode}`,
    });
  }
  if (
    input.regionCode &&
    !(input.regionKind && (await regionExists(ctx, input.regionKind, input.regionCode)))
  ) {
    issues.push({
      field: 'regionCode',
      rule: 'exists',
      message: `No region ${input.regionKind ?? '?'}/${input.regionCode}`,
    });
  }
  if (input.type === 'gemeente' && !input.municipalityCode)
    issues.push({
      field: 'municipalityCode',
      rule: 'required',
      message: 'A municipality organisation needs its municipality code',
    });
  if (!issues.length && (await store.findOrganisationByName(ctx.db, name)))
    issues.push({ field: 'name', rule: 'unique', message: 'An organisation with this name exists already' });
  return issues;
}

/** Registers an organisation (national beheerder), optionally with its first beheerder. */
export async function createOrganisation(
  ctx: Ctx,
  input: NewOrganisation & { firstAdministrator?: { email: string; displayName: string } },
) {
  actingOrganisation(ctx, 'organisations.manage');
  const issues = await checkOrganisation(ctx, input);
  if (issues.length) throw invalid(issues);
  return ctx.transaction(async (tx) => {
    const organisation = await store.insertOrganisation(tx.db, {
      name: input.name.trim(),
      type: input.type,
      municipalityCode: input.municipalityCode || null,
      regionKind: input.regionCode ? (input.regionKind ?? null) : null,
      // An empty code (a JSON null coerced by the schema) is no region at all.
      regionCode: input.regionCode || null,
    });
    await tx.audit({
      action: 'organisation.create',
      recordType: 'organisation',
      recordId: organisation.id,
      recordOrganisationId: organisation.id,
      details: { name: organisation.name, type: organisation.type },
    });
    let activationCode: string | undefined;
    if (input.firstAdministrator) {
      const added = await addMember(tx, organisation, { ...input.firstAdministrator, roles: ['beheerder'] });
      activationCode = added.activationCode;
    }
    return { organisation, activationCode };
  });
}

export async function listUsers(ctx: Ctx) {
  const organisationId = actingOrganisation(ctx, 'users.read');
  const members = await store.listMembers(ctx.db, organisationId, ctx.now());
  await ctx.audit({
    action: 'user.list',
    recordType: 'user',
    recordOrganisationId: organisationId,
    fields: ['email', 'displayName', 'roles'],
    purpose: 'gebruikersbeheer',
    details: { count: members.length },
  });
  return members;
}

export async function getUser(ctx: Ctx, userId: string) {
  const organisationId = actingOrganisation(ctx, 'users.read');
  const [member] = await store.listMembers(ctx.db, organisationId, ctx.now(), userId);
  if (!member) throw notFound('User');
  await ctx.audit({
    action: 'user.read',
    recordType: 'user',
    recordId: userId,
    recordOrganisationId: organisationId,
    fields: ['email', 'displayName', 'roles'],
    purpose: 'gebruikersbeheer',
  });
  return member;
}

function checkRoles(organisation: { type: string }, roles: string[]): FieldIssue[] {
  if (roles.length === 0) return [{ field: 'roles', rule: 'minItems', message: 'Choose at least one role' }];
  return roles.flatMap((role) => {
    if (!isRole(role)) return [{ field: 'roles', rule: 'enum', message: `Unknown role ${role}` }];
    if (!roleAllowedFor(role, organisation.type))
      return [
        {
          field: 'roles',
          rule: 'organisation-type',
          message: `The role ${role} does not exist in an organisation of type ${organisation.type}`,
        },
      ];
    return [];
  });
}

async function addMember(
  ctx: Ctx,
  organisation: store.OrganisationRecord,
  input: { email: string; displayName: string; roles: string[] },
) {
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const issues: FieldIssue[] = [];
  if (!EMAIL.test(email) || email.length > 254)
    issues.push({ field: 'email', rule: 'format', message: 'Give a valid e-mail address' });
  if (!displayName || displayName.length > 200)
    issues.push({ field: 'displayName', rule: 'length', message: 'Give a name of 1 to 200 characters' });
  issues.push(...checkRoles(organisation, input.roles));
  if (issues.length) throw invalid(issues);
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) {
    const [already] = await store.listMembers(ctx.db, organisation.id, ctx.now(), existing.id);
    if (already)
      throw conflictOn(
        'email',
        'already-member',
        'This person is already a user of this organisation; change their roles instead',
      );
    await store.setRoles(ctx.db, existing.id, organisation.id, input.roles, actorId);
    await ctx.audit({
      action: 'membership.create',
      recordType: 'user',
      recordId: existing.id,
      recordOrganisationId: organisation.id,
      fields: ['roles'],
      purpose: 'gebruikersbeheer',
      details: { roles: input.roles, existingAccount: true },
    });
    return { userId: existing.id, activationCode: undefined, existingAccount: true };
  }
  const account = await createAccount(ctx, { email, displayName });
  await store.setRoles(ctx.db, account.userId, organisation.id, input.roles, actorId);
  await ctx.audit({
    action: 'user.create',
    recordType: 'user',
    recordId: account.userId,
    recordOrganisationId: organisation.id,
    fields: ['email', 'displayName', 'roles'],
    purpose: 'gebruikersbeheer',
    details: { roles: input.roles },
  });
  return {
    userId: account.userId,
    activationCode: account.activationCode,
    activationExpiresAt: account.activationExpiresAt,
    existingAccount: false,
  };
}

/** Adds a person to the beheerder's own organisation: a new account with an activation code, or an existing one. */
export async function addUser(ctx: Ctx, input: { email: string; displayName: string; roles: string[] }) {
  const organisationId = actingOrganisation(ctx, 'users.manage');
  return ctx.transaction(async (tx) => {
    const organisation = (await store.findOrganisation(tx.db, organisationId))!;
    const added = await addMember(tx, organisation, input);
    const [member] = await store.listMembers(tx.db, organisationId, tx.now(), added.userId);
    return { user: member!, activationCode: added.activationCode, existingAccount: added.existingAccount };
  });
}

async function memberOfOwn(ctx: Ctx, organisationId: string, userId: string) {
  const [member] = await store.listMembers(ctx.db, organisationId, ctx.now(), userId);
  if (!member) throw notFound('User');
  return member;
}

export async function changeRoles(ctx: Ctx, userId: string, roles: string[]) {
  const organisationId = actingOrganisation(ctx, 'users.manage');
  return ctx.transaction(async (tx) => {
    const organisation = (await store.findOrganisation(tx.db, organisationId))!;
    const before = await memberOfOwn(tx, organisationId, userId);
    const issues = checkRoles(organisation, roles);
    if (issues.length) throw invalid(issues);
    if (
      before.roles.includes('beheerder') &&
      !roles.includes('beheerder') &&
      (await store.countWithRole(tx.db, organisationId, 'beheerder')) <= 1
    ) {
      throw conflictOn(
        'roles',
        'last-beheerder',
        'The organisation would have no beheerder left; give another user that role first',
      );
    }
    await store.setRoles(
      tx.db,
      userId,
      organisationId,
      roles,
      ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    );
    await tx.audit({
      action: 'membership.update',
      recordType: 'user',
      recordId: userId,
      recordOrganisationId: organisationId,
      fields: ['roles'],
      purpose: 'gebruikersbeheer',
      details: { from: before.roles, to: roles },
    });
    return memberOfOwn(tx, organisationId, userId);
  });
}

export async function removeUser(ctx: Ctx, userId: string) {
  const organisationId = actingOrganisation(ctx, 'users.manage');
  await ctx.transaction(async (tx) => {
    const before = await memberOfOwn(tx, organisationId, userId);
    if (
      before.roles.includes('beheerder') &&
      (await store.countWithRole(tx.db, organisationId, 'beheerder')) <= 1
    ) {
      throw conflictOn(
        'roles',
        'last-beheerder',
        'The organisation would have no beheerder left; give another user that role first',
      );
    }
    await store.setRoles(tx.db, userId, organisationId, [], null);
    // Sessions acting for this organisation lose their roles at the next request; end them all to be sure.
    await revokeUserSessions(tx.db, userId, tx.now());
    await tx.audit({
      action: 'membership.delete',
      recordType: 'user',
      recordId: userId,
      recordOrganisationId: organisationId,
      fields: ['roles'],
      purpose: 'gebruikersbeheer',
      details: { roles: before.roles },
    });
  });
}

/** A new activation code: the password and second factor are cleared. Refused for accounts shared with others. */
export async function resetAccess(ctx: Ctx, userId: string) {
  const organisationId = actingOrganisation(ctx, 'users.manage');
  return ctx.transaction(async (tx) => {
    await memberOfOwn(tx, organisationId, userId);
    if ((await store.countOtherOrganisations(tx.db, userId, organisationId)) > 0) {
      throw conflictOn(
        'user',
        'shared-account',
        'This account also belongs to another organisation; ask a national beheerder to reset it',
      );
    }
    const result = await issueActivation(tx, userId);
    await tx.audit({
      action: 'user.reset-access',
      recordType: 'user',
      recordId: userId,
      recordOrganisationId: organisationId,
      fields: ['password', 'secondFactor'],
      purpose: 'gebruikersbeheer',
    });
    return result;
  });
}

export const rolesFor = (organisationType: string): Role[] =>
  ROLES.filter((role) => roleAllowedFor(role, organisationType));

/** For the operator's command line: adds a user to any organisation. Refused for web requests. */
export async function addUserToOrganisation(
  ctx: Ctx,
  organisationId: string,
  input: { email: string; displayName: string; roles: string[] },
) {
  if (ctx.actor.kind !== 'system') throw forbidden('Only the command line adds users to any organisation');
  return ctx.transaction(async (tx) => {
    const organisation = await store.findOrganisation(tx.db, organisationId);
    if (!organisation) throw notFound('Organisation');
    return addMember(tx, organisation, input);
  });
}
