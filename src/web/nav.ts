// The main menu: each module adds its entries with the access they need, so the menu shows each role its work.
import type { Actor } from '../context.js';
import { hasPermission, type RouteAccess } from '../policy/index.js';

export interface NavItem {
  href: string;
  labelKey: string;
  access: RouteAccess;
  order: number;
}

const items: NavItem[] = [];

export function registerNav(item: NavItem): void {
  if (!items.some((i) => i.href === item.href)) items.push(item);
  items.sort((a, b) => a.order - b.order);
}

export function navFor(actor: Actor, complete: boolean): NavItem[] {
  return items.filter((item) => {
    if (item.access === 'public') return true;
    if (!complete) return false;
    if (item.access === 'authenticated' || item.access === 'signed-in') return true;
    if (item.access === 'pending-second-factor') return false;
    return hasPermission(actor, item.access);
  });
}
