// The context every service takes as its first argument: database (or the current transaction), the actor, the
// clock, the audit writer, the logger and the keyring. Tests build one with a fixed clock and actor.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from './db/schema.js';
import type { Keyring } from './crypto/index.js';
import type { Role } from './policy/roles.js';
import type { AuditEventInput } from './audit/types.js';
import type { Config } from './config.js';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      email: string;
      /** The organisation this session acts for; null until the user has chosen one. */
      organisationId: string | null;
      organisationName: string | null;
      organisationType: string | null;
      roles: Role[];
      sessionId: string | null;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export interface CtxBase {
  config: Config;
  db: Kysely<DB>;
  actor: Actor;
  now: () => Date;
  log: FastifyBaseLogger;
  keyring: Keyring;
}

export interface Ctx extends CtxBase {
  /** Appends to the hash-chained audit log in the current transaction (one is opened when there is none). */
  audit: (event: AuditEventInput) => Promise<void>;
  /** Runs `fn` in a transaction; the ctx it gets writes and audits inside it. Nested calls reuse the outer one. */
  transaction: <T>(fn: (tx: Ctx) => Promise<T>) => Promise<T>;
  /** The same context acting as someone else (after login, the user who just proved who they are). */
  as: (actor: Actor) => Ctx;
}

export function actorIds(actor: Actor): { userId: string | null; organisationId: string | null } {
  return actor.kind === 'user'
    ? { userId: actor.userId, organisationId: actor.organisationId }
    : { userId: null, organisationId: null };
}
