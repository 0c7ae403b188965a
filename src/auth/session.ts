// Turning a session cookie into an actor: checks revocation, the absolute and the idle timeout, and loads the
// roles the user holds in the organisation the session acts for.
import type { Kysely } from 'kysely';
import type { Actor } from '../context.js';
import type { DB } from '../db/schema.js';
import { isRole, needsSecondFactor, type Role } from '../policy/index.js';
import * as store from './store.js';
import { sha256 } from './tokens.js';

export type SessionStage = 'pending-second-factor' | 'choose-organisation' | 'complete';

export interface ResolvedSession {
  sessionId: string;
  stage: SessionStage;
  actor: Extract<Actor, { kind: 'user' }>;
  language: string;
  /** Every organisation the user belongs to, for the organisation switcher. */
  organisations: { id: string; name: string; type: string }[];
}

// Writing last_seen_at on every request would turn each read into a write; a minute's precision is enough.
const TOUCH_AFTER_MS = 60_000;

export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const session = await store.findSession(db, id);
  if (!session || session.revokedAt || session.disabledAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await store.updateSession(db, id, { revoked_at: now });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await store.updateSession(db, id, { last_seen_at: now });
  }
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.role', 'organisations.id', 'organisations.name', 'organisations.type'])
    .where('memberships.user_id', '=', session.userId)
    .orderBy('organisations.name')
    .execute();
  const organisations = [
    ...new Map(memberships.map((m) => [m.id, { id: m.id, name: m.name, type: m.type }])).values(),
  ];
  const current = organisations.find((o) => o.id === session.organisationId) ?? null;
  const roles = memberships
    .filter((m) => current && m.id === current.id)
    .map((m) => m.role)
    .filter((role): role is Role => isRole(role));
  const pendingSecondFactor = !session.secondFactorAt && needsSecondFactor(memberships.map((m) => m.role));
  const stage: SessionStage = pendingSecondFactor
    ? 'pending-second-factor'
    : current
      ? 'complete'
      : 'choose-organisation';
  return {
    sessionId: id,
    stage,
    language: session.language,
    organisations,
    actor: {
      kind: 'user',
      userId: session.userId,
      displayName: session.displayName,
      email: session.email,
      // Until every step is done the session acts for no organisation, so no permission can apply.
      organisationId: stage === 'complete' ? current!.id : null,
      organisationName: stage === 'complete' ? current!.name : null,
      organisationType: stage === 'complete' ? current!.type : null,
      roles: stage === 'complete' ? roles : [],
      sessionId: id,
    },
  };
}
