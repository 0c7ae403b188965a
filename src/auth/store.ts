// SQL for users (identity and credentials) and sessions.
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/schema.js';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<DB>,
  user: { email: string; displayName: string; language?: string },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: user.email.trim().toLowerCase(),
      display_name: user.displayName,
      language: user.language ?? 'nl',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<UserRow, 'id' | 'created_at' | 'email'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Adds one failure; locks the account when `max` is reached. Returns the new lock end, if any. */
export async function recordLoginFailure(
  db: Kysely<DB>,
  id: string,
  max: number,
  lockUntil: Date,
): Promise<Date | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins < max) return null;
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: lockUntil })
    .where('id', '=', id)
    .execute();
  return lockUntil;
}

export async function userRoles(
  db: Kysely<DB>,
  userId: string,
): Promise<{ organisationId: string; role: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, role: r.role }));
}

export interface SessionWithUser {
  id: string;
  userId: string;
  organisationId: string | null;
  authMethod: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  secondFactorAt: Date | null;
  revokedAt: Date | null;
  email: string;
  displayName: string;
  language: string;
  disabledAt: Date | null;
}

export async function findSession(db: Kysely<DB>, id: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.organisation_id',
      'sessions.auth_method',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.second_factor_at',
      'sessions.revoked_at',
      'users.email',
      'users.display_name',
      'users.language',
      'users.disabled_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    authMethod: row.auth_method,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    secondFactorAt: row.second_factor_at,
    revokedAt: row.revoked_at,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    disabledAt: row.disabled_at,
  };
}

export async function insertSession(
  db: Kysely<DB>,
  session: {
    id: string;
    userId: string;
    organisationId: string | null;
    authMethod: string;
    now: Date;
    expiresAt: Date;
    secondFactorAt: Date | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      organisation_id: session.organisationId,
      auth_method: session.authMethod,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      second_factor_at: session.secondFactorAt,
    })
    .execute();
}

export async function updateSession(
  db: Kysely<DB>,
  id: string,
  changes: { last_seen_at?: Date; organisation_id?: string | null; revoked_at?: Date },
): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

export async function revokeUserSessions(db: Kysely<DB>, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Removes sessions that ended more than a day ago; the audit log keeps the logins. */
export async function deleteStaleSessions(db: Kysely<DB>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listLoginProviders(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('identity_providers')
    .select(['id', 'name'])
    .where('enabled', '=', true)
    .orderBy('name')
    .execute();
}

export async function displayNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
