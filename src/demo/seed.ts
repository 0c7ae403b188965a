// Demo organisations and users for trying Schakel out. Generated, fictional people; never seeded in production.
import { createAccount, demoTotpSecret, DEMO_DOMAIN, setConfirmedTotp, setPassword } from '../auth/index.js';
import type { Ctx } from '../context.js';
import { insertOrganisation, setRoles } from '../organisations/index.js';
import type { OrganisationType, Role } from '../policy/index.js';

export const DEMO_PASSWORD = 'schakel-demo-wachtwoord';

interface DemoOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  municipalityCode?: string;
  region?: { kind: string; code: string };
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'utrecht', name: 'Gemeente Utrecht', type: 'gemeente', municipalityCode: 'GM0344' },
  { key: 'amsterdam', name: 'Gemeente Amsterdam', type: 'gemeente', municipalityCode: 'GM0363' },
  {
    key: 'zorg',
    name: 'Zorgcoördinatie Utrecht',
    type: 'zorgcoordinatie',
    region: { kind: 'zorgcoordinatie', code: 'zc-vr09' },
  },
  { key: 'comensha', name: 'CoMensha', type: 'comensha' },
  {
    key: 'politie',
    name: 'Politie Midden-Nederland',
    type: 'politie',
    region: { kind: 'politie-eenheid', code: 'midden-nederland' },
  },
  { key: 'nla', name: 'Nederlandse Arbeidsinspectie', type: 'arbeidsinspectie' },
  {
    key: 'riec',
    name: 'RIEC Midden-Nederland',
    type: 'riec',
    region: { kind: 'riec', code: 'riec-midden-nederland' },
  },
  { key: 'jenv', name: 'Ministerie van Justitie en Veiligheid', type: 'ministerie' },
  { key: 'nr', name: 'Nationaal Rapporteur', type: 'nationaal-rapporteur' },
];

const USERS: { local: string; name: string; memberships: [string, Role[]][] }[] = [
  { local: 'beheerder.utrecht', name: 'Bas Beheer', memberships: [['utrecht', ['beheerder']]] },
  {
    local: 'aandacht.utrecht',
    name: 'Anouk Aandacht',
    memberships: [['utrecht', ['aandachtsfunctionaris']]],
  },
  { local: 'melder.utrecht', name: 'Milan Melder', memberships: [['utrecht', ['melder']]] },
  { local: 'auditor.utrecht', name: 'Aida Toezicht', memberships: [['utrecht', ['auditor']]] },
  { local: 'beheerder.amsterdam', name: 'Bo Beheer', memberships: [['amsterdam', ['beheerder']]] },
  {
    local: 'aandacht.amsterdam',
    name: 'Amir Aandacht',
    memberships: [['amsterdam', ['aandachtsfunctionaris']]],
  },
  {
    local: 'zorg.utrecht',
    name: 'Zoë Zorg',
    memberships: [
      ['zorg', ['zorgcoordinator', 'beheerder']],
      ['utrecht', ['zorgcoordinator']],
    ],
  },
  {
    local: 'registratie.comensha',
    name: 'Cor Register',
    memberships: [['comensha', ['comensha-registrator', 'beheerder']]],
  },
  {
    local: 'recherche.politie',
    name: 'Rik Recherche',
    memberships: [['politie', ['opsporing', 'beheerder']]],
  },
  { local: 'informatiepunt.nla', name: 'Inge Punt', memberships: [['nla', ['informatiepunt', 'beheerder']]] },
  { local: 'adviseur.riec', name: 'Ria Casus', memberships: [['riec', ['riec-adviseur', 'beheerder']]] },
  { local: 'beleid.jenv', name: 'Bram Beleid', memberships: [['jenv', ['beleidsmedewerker']]] },
  {
    local: 'beheer.jenv',
    name: 'Lotte Landelijk',
    memberships: [['jenv', ['landelijk-beheerder', 'beheerder', 'privacyfunctionaris']]],
  },
  { local: 'analist.nr', name: 'Noor Analyse', memberships: [['nr', ['analist', 'beheerder']]] },
];

export interface DemoLogin {
  email: string;
  name: string;
  organisations: string;
}

/** Seeds the demo set when the database has no organisations yet; returns the logins it made (none if skipped). */
export async function seedDemo(ctx: Ctx): Promise<DemoLogin[]> {
  const existing = await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
  if (existing.length > 0) return [];
  return ctx.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const org of ORGANISATIONS) {
      const created = await insertOrganisation(tx.db, {
        name: org.name,
        type: org.type,
        municipalityCode: org.municipalityCode ?? null,
        regionKind: org.region?.kind ?? null,
        regionCode: org.region?.code ?? null,
      });
      ids.set(org.key, created.id);
    }
    const logins: DemoLogin[] = [];
    for (const user of USERS) {
      const email = `${user.local}@${DEMO_DOMAIN}`;
      const { userId } = await createAccount(tx, { email, displayName: user.name });
      await setPassword(tx, userId, DEMO_PASSWORD);
      await setConfirmedTotp(tx, userId, demoTotpSecret(email));
      for (const [key, roles] of user.memberships) await setRoles(tx.db, userId, ids.get(key)!, roles, null);
      logins.push({
        email,
        name: user.name,
        organisations: user.memberships
          .map(([key, roles]) => `${ORGANISATIONS.find((o) => o.key === key)!.name} (${roles.join(', ')})`)
          .join('; '),
      });
    }
    await tx.audit({
      action: 'system.seed-demo',
      details: { organisations: ORGANISATIONS.length, users: USERS.length },
    });
    return logins;
  });
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return [
    `Demo users (password for all: ${DEMO_PASSWORD}; second factor: npx schakel demo totp EMAIL):`,
    ...logins.map((l) => `  ${l.email.padEnd(width)}  ${l.name} — ${l.organisations}`),
  ].join('\n');
}
