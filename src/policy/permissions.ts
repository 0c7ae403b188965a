// Who may do what, as one table. A route names one permission (or a pseudo-permission for public pages and for the
// steps of logging in); services ask `decide` for object-level checks with the record's organisation.
import type { Role } from './roles.js';

/** Scope of a permission: `own-organisation` limits it to records of the acting organisation. */
export type Scope = 'own-organisation' | 'national';

export interface PermissionRule {
  roles: readonly Role[];
  scope: Scope;
  description: string;
}

export const PERMISSIONS = {
  'users.read': {
    roles: ['beheerder'],
    scope: 'own-organisation',
    description: 'See the users of the own organisation and their roles',
  },
  'users.manage': {
    roles: ['beheerder'],
    scope: 'own-organisation',
    description:
      'Add users to the own organisation, change their roles, disable them, reset their second factor',
  },
  'audit.read': {
    roles: ['auditor'],
    scope: 'own-organisation',
    description: "Search the audit log for the own organisation's users and records",
  },
  'reference.manage': {
    roles: ['landelijk-beheerder'],
    scope: 'national',
    description: 'Maintain the care-coordination regions and their municipalities',
  },
  'estimation.run': {
    roles: ['analist', 'beleidsmedewerker'],
    scope: 'national',
    description:
      'Estimate the dark number (multiple systems estimation) from counts; save estimates with their inputs',
  },
  'actionplan.progress': {
    roles: ['beleidsmedewerker'],
    scope: 'own-organisation',
    description: "Write progress updates for the own organisation's actions as action holder",
  },
  'actionplan.manage': {
    roles: ['beleidsmedewerker'],
    scope: 'national',
    description: 'Programme team (a ministry): maintain the plan, review progress updates',
  },
  'sharing.rules.read': {
    roles: ['beheerder', 'privacyfunctionaris', 'auditor', 'landelijk-beheerder'],
    scope: 'national',
    description: 'See the sharing rule table with its legal bases, sources and confirmation status',
  },
  'sharing.rules.confirm': {
    roles: ['privacyfunctionaris'],
    scope: 'national',
    description:
      'Confirm a sharing rule that is not verified in a primary source (a ministry privacy officer)',
  },
  'signals.report': {
    roles: [
      'melder',
      'aandachtsfunctionaris',
      'informatiepunt',
      'zorgcoordinator',
      'comensha-registrator',
      'opsporing',
      'riec-adviseur',
    ],
    scope: 'own-organisation',
    description:
      'Report a signal as a professional, follow its status and read the feedback meant for the reporter',
  },
  'signals.triage': {
    roles: ['aandachtsfunctionaris'],
    scope: 'own-organisation',
    description:
      "Run the own organisation's reporting point: triage, enrich, link, merge, forward and close signals, answer reporters",
  },
  'signals.national-queue': {
    roles: ['comensha-registrator'],
    scope: 'national',
    description:
      'Handle the national queue: anonymous reports that name no municipality, routed on to a reporting point',
  },
  'signals.inbox': {
    roles: ['opsporing', 'zorgcoordinator', 'riec-adviseur', 'informatiepunt', 'aandachtsfunctionaris'],
    scope: 'own-organisation',
    description:
      'Receive signals forwarded to the own organisation, see what the legal basis allows, record the outcome',
  },
  'signals.informatiepunt': {
    roles: ['informatiepunt'],
    scope: 'own-organisation',
    description:
      "The Informatiepunt's report meeting: every labour exploitation signal on one board, decisions and minutes",
  },
  'organisations.manage': {
    roles: ['landelijk-beheerder'],
    scope: 'national',
    description: 'Register organisations and their first beheerder',
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What a route demands. `public`: anyone. `pending-second-factor`: a password (or provider) login whose second
 * factor is still due. `signed-in`: both factors done, organisation perhaps not yet chosen. `authenticated`: a
 * fully logged-in user acting for an organisation, any role.
 */
export type RouteAccess = Permission | 'public' | 'pending-second-factor' | 'signed-in' | 'authenticated';

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
