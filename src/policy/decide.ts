import type { Actor } from '../context.js';
import { PERMISSIONS, type Permission } from './permissions.js';

export type Decision = { allowed: true } | { allowed: false; reason: string };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind !== 'user' || !actor.organisationId) return false;
  const rule = PERMISSIONS[permission];
  return actor.roles.some((role) => (rule.roles as readonly string[]).includes(role));
}

/**
 * May `actor` use `permission` on a record held by `target.organisationId`? Lists of an own-organisation permission
 * are limited to the actor's organisation by the same rule, so a list never shows what a single read would refuse.
 */
export function decide(
  actor: Actor,
  permission: Permission,
  target?: { organisationId: string | null },
): Decision {
  if (actor.kind !== 'user') return { allowed: false, reason: 'not-logged-in' };
  if (!actor.organisationId) return { allowed: false, reason: 'no-organisation-chosen' };
  if (!hasPermission(actor, permission)) return { allowed: false, reason: `role-lacks-${permission}` };
  if (
    PERMISSIONS[permission].scope === 'own-organisation' &&
    target &&
    target.organisationId !== actor.organisationId
  ) {
    return { allowed: false, reason: 'other-organisation' };
  }
  return { allowed: true };
}
