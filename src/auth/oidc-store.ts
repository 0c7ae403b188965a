// SQL for identity providers, their login states and linked identities (tables owned by auth/).
import type { Kysely, Selectable } from 'kysely';
import type { DB, IdentityProvidersTable } from '../db/schema.js';
import type { IdentityProviderRecord } from './oidc.js';

export type ProviderRow = Selectable<IdentityProvidersTable>;

export function toRecord(row: ProviderRow): IdentityProviderRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    trustProviderMfa: row.trust_provider_mfa,
    enabled: row.enabled,
    createdAt: row.created_at,
  };
}

export function findProvider(db: Kysely<DB>, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function providersOf(db: Kysely<DB>, organisationId: string): Promise<ProviderRow[]> {
  return db
    .selectFrom('identity_providers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('created_at')
    .execute();
}

export async function organisationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

/** Takes a login state out: it can be used once, so it is deleted by the same statement that reads it. */
export function takeLoginState(db: Kysely<DB>, state: string) {
  return db.deleteFrom('oidc_login_states').where('state', '=', state).returningAll().executeTakeFirst();
}

export function findLinkedUserId(
  db: Kysely<DB>,
  providerId: string,
  subject: string,
): Promise<string | undefined> {
  return db
    .selectFrom('external_identities')
    .select('user_id')
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .executeTakeFirst()
    .then((row) => row?.user_id);
}

export async function hasOtherLink(
  db: Kysely<DB>,
  providerId: string,
  userId: string,
  subject: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('external_identities')
    .select('subject')
    .where('provider_id', '=', providerId)
    .where('user_id', '=', userId)
    .where('subject', '<>', subject)
    .executeTakeFirst();
  return !!row;
}
