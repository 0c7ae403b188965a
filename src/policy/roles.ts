// The roles of domain.md, and which organisation types may hold them. `personalData` marks the roles whose work
// shows personal data: every user holding one must pass a second factor (TOTP or the provider's own).
export const ORGANISATION_TYPES = [
  'gemeente',
  'zorgcoordinatie',
  'comensha',
  'politie',
  'kmar',
  'arbeidsinspectie',
  'om',
  'riec',
  'liec',
  'veilig-thuis',
  'zorg-opvang',
  'ngo',
  'ministerie',
  'nationaal-rapporteur',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  'melder',
  'aandachtsfunctionaris',
  'informatiepunt',
  'zorgcoordinator',
  'comensha-registrator',
  'opsporing',
  'riec-adviseur',
  'analist',
  'beleidsmedewerker',
  'beheerder',
  'auditor',
  'privacyfunctionaris',
  'landelijk-beheerder',
] as const;
export type Role = (typeof ROLES)[number];

interface RoleRule {
  personalData: boolean;
  /** Organisation types that may hold the role; undefined: any. */
  organisationTypes?: readonly OrganisationType[];
}

const INVESTIGATION: readonly OrganisationType[] = ['politie', 'kmar', 'arbeidsinspectie', 'om'];

export const ROLE_RULES: Record<Role, RoleRule> = {
  melder: { personalData: true },
  aandachtsfunctionaris: { personalData: true, organisationTypes: ['gemeente', 'veilig-thuis'] },
  informatiepunt: { personalData: true, organisationTypes: ['arbeidsinspectie'] },
  zorgcoordinator: { personalData: true, organisationTypes: ['zorgcoordinatie', 'gemeente'] },
  'comensha-registrator': { personalData: true, organisationTypes: ['comensha'] },
  opsporing: { personalData: true, organisationTypes: INVESTIGATION },
  'riec-adviseur': { personalData: true, organisationTypes: ['riec', 'liec'] },
  // Aggregates only, never rows (domain.md): no personal data, so no second factor is demanded.
  analist: { personalData: false },
  beleidsmedewerker: { personalData: false },
  beheerder: { personalData: true },
  auditor: { personalData: true },
  privacyfunctionaris: { personalData: true },
  'landelijk-beheerder': { personalData: true, organisationTypes: ['ministerie'] },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isOrganisationType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value);
}

export function roleAllowedFor(role: Role, organisationType: string): boolean {
  const allowed = ROLE_RULES[role].organisationTypes;
  return !allowed || allowed.includes(organisationType as OrganisationType);
}

export function needsSecondFactor(roles: readonly string[]): boolean {
  return roles.some((role) => isRole(role) && ROLE_RULES[role].personalData);
}
