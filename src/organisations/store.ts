// SQL for organisations and memberships (this module's tables) and the user list of an organisation.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface OrganisationRecord {
  id: string;
  name: string;
  type: string;
  municipalityCode: string | null;
  regionKind: string | null;
  regionCode: string | null;
}

const organisationColumns = [
  'id',
  'name',
  'type',
  'municipality_code',
  'region_kind',
  'region_code',
] as const;

function toOrganisation(row: {
  id: string;
  name: string;
  type: string;
  municipality_code: string | null;
  region_kind: string | null;
  region_code: string | null;
}): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    municipalityCode: row.municipality_code,
    regionKind: row.region_kind,
    regionCode: row.region_code,
  };
}

export async function listOrganisations(db: Kysely<DB>): Promise<OrganisationRecord[]> {
  return (await db.selectFrom('organisations').select(organisationColumns).orderBy('name').execute()).map(
    toOrganisation,
  );
}

export async function findOrganisation(db: Kysely<DB>, id: string): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(organisationColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findOrganisationByName(
  db: Kysely<DB>,
  name: string,
): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(organisationColumns)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function insertOrganisation(
  db: Kysely<DB>,
  org: Omit<OrganisationRecord, 'id'>,
): Promise<OrganisationRecord> {
  const row = await db
    .insertInto('organisations')
    .values({
      name: org.name,
      type: org.type,
      municipality_code: org.municipalityCode,
      region_kind: org.regionKind,
      region_code: org.regionCode,
    })
    .returning(organisationColumns)
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export interface MemberRecord {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  status: 'active' | 'awaiting-activation' | 'locked' | 'disabled';
  secondFactor: boolean;
  createdAt: Date;
}

export async function listMembers(
  db: Kysely<DB>,
  organisationId: string,
  now: Date,
  userId?: string,
): Promise<MemberRecord[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.password_hash',
      'users.totp_confirmed_at',
      'users.locked_until',
      'users.disabled_at',
      'users.created_at',
      'memberships.role',
    ])
    .where('memberships.organisation_id', '=', organisationId);
  if (userId) query = query.where('users.id', '=', userId);
  const rows = await query.orderBy('users.display_name').orderBy('memberships.role').execute();
  const members = new Map<string, MemberRecord>();
  for (const row of rows) {
    const existing = members.get(row.id);
    if (existing) {
      existing.roles.push(row.role);
      continue;
    }
    members.set(row.id, {
      userId: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: [row.role],
      status: row.disabled_at
        ? 'disabled'
        : !row.password_hash
          ? 'awaiting-activation'
          : row.locked_until && row.locked_until > now
            ? 'locked'
            : 'active',
      secondFactor: row.totp_confirmed_at !== null,
      createdAt: row.created_at,
    });
  }
  return [...members.values()];
}

export async function setRoles(
  db: Kysely<DB>,
  userId: string,
  organisationId: string,
  roles: string[],
  grantedBy: string | null,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .execute();
  if (roles.length === 0) return;
  await db
    .insertInto('memberships')
    .values(
      roles.map((role) => ({
        user_id: userId,
        organisation_id: organisationId,
        role,
        granted_by: grantedBy,
      })),
    )
    .execute();
}

export async function countOtherOrganisations(
  db: Kysely<DB>,
  userId: string,
  organisationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.count<number>('organisation_id').distinct().as('n'))
    .where('user_id', '=', userId)
    .where('organisation_id', '!=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countWithRole(db: Kysely<DB>, organisationId: string, role: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The municipality's own organisation (its reporting point), when it uses Schakel. */
export async function findMunicipalityOrganisation(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(organisationColumns)
    .where('type', '=', 'gemeente')
    .where('municipality_code', '=', municipalityCode)
    .orderBy('created_at')
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/** The active members of an organisation holding `role`, by name (e.g. colleagues a signal can be assigned to). */
export async function membersWithRole(
  db: Kysely<DB>,
  organisationId: string,
  role: string,
): Promise<{ userId: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', role)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name }));
}
