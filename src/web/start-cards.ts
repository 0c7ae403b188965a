// The start page shows each user the work of their roles. Modules register a card with the permission it needs;
// a role whose work has no card yet gets one saying so.
import type { Ctx } from '../context.js';
import { hasPermission, PERMISSIONS, type Permission, type Role } from '../policy/index.js';
import type { T } from './i18n.js';

export interface StartCard {
  title: string;
  text: string;
  href?: string;
}

export interface StartCardSource {
  /** Registering the same key again (a second app in one process) changes nothing. */
  key: string;
  permission: Permission;
  order: number;
  build(ctx: Ctx, t: T): Promise<StartCard | null> | StartCard | null;
}

const sources: StartCardSource[] = [];

export function registerStartCard(source: StartCardSource): void {
  if (sources.some((s) => s.key === source.key)) return;
  sources.push(source);
  sources.sort((a, b) => a.order - b.order);
}

export async function startCardsFor(ctx: Ctx, t: T): Promise<StartCard[]> {
  const cards = await Promise.all(
    sources.filter((s) => hasPermission(ctx.actor, s.permission)).map((s) => s.build(ctx, t)),
  );
  return cards.filter((card): card is StartCard => card !== null);
}

/** Roles that some registered card serves: they need no "not yet available" card. */
export function rolesWithWork(): Set<Role> {
  return new Set(sources.flatMap((s) => [...PERMISSIONS[s.permission].roles]));
}
