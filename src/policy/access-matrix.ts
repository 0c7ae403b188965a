// Who may use which route, written by hand as data: the expected outcome that `access-matrix.api.test.ts` holds every
// route of the route table against, for every role, anonymous visitors and the two unfinished login stages. It is
// written from what the product should do (domain.md, the permission descriptions), not derived from PERMISSIONS:
// where the code does otherwise, the difference is listed in DIFFERENCES below with the finding, and the test fails
// as soon as the code and the matrix agree again (so the list cannot go stale).
import type { OrganisationType, Role } from './roles.js';

/** A role, or a role only when it acts for one organisation type (`beleidsmedewerker@ministerie`). */
export type Who = Role | `${Role}@${OrganisationType}`;

/**
 * `public`: anyone, logged in or not. `any-logged-in`: a finished login acting for an organisation, whatever the role.
 * `signed-in`: both factors done, the organisation perhaps not yet chosen (choosing it, logging out).
 * `second-factor-step`: only a login whose second factor is still due (everyone else is sent away).
 * A list: only users holding one of these roles in the organisation they act for.
 */
export type Access = 'public' | 'any-logged-in' | 'signed-in' | 'second-factor-step' | readonly Who[];

/**
 * How the record a route's parameter names is scoped.
 * - `own-organisation`: only the acting organisation's records (users, saved estimates, report meetings);
 * - `holder`: only the signal's holder (the municipality's reporting point, or CoMensha for the national queue);
 * - `recipient`: only the organisation a signal was forwarded to;
 * - `reporter`: only the professional who reported it (not even colleagues);
 * - `action-holder`: every user reads the action, only its holders write progress;
 * - `own-municipality`: every user reads, only the municipality itself writes its self-assessment;
 * - `national`: not scoped to an organisation (reference data, the plan, the rules, the organisations).
 * Records of the first four answer another organisation exactly like a record that does not exist.
 */
export type ObjectScope =
  | 'own-organisation'
  | 'holder'
  | 'recipient'
  | 'reporter'
  | 'action-holder'
  | 'own-municipality'
  | 'national';

export interface MatrixEntry {
  access: Access;
  /** Required exactly when the path has a parameter. */
  scope?: ObjectScope;
}

/** The users the matrix is tested with: every role, in the organisation types that change what it may do. */
export const PRINCIPALS: readonly { role: Role; organisationType: OrganisationType }[] = [
  { role: 'melder', organisationType: 'gemeente' },
  { role: 'melder', organisationType: 'ngo' },
  { role: 'aandachtsfunctionaris', organisationType: 'gemeente' },
  { role: 'aandachtsfunctionaris', organisationType: 'veilig-thuis' },
  { role: 'informatiepunt', organisationType: 'arbeidsinspectie' },
  { role: 'zorgcoordinator', organisationType: 'zorgcoordinatie' },
  { role: 'zorgcoordinator', organisationType: 'gemeente' },
  { role: 'comensha-registrator', organisationType: 'comensha' },
  { role: 'opsporing', organisationType: 'politie' },
  { role: 'riec-adviseur', organisationType: 'riec' },
  { role: 'analist', organisationType: 'nationaal-rapporteur' },
  { role: 'beleidsmedewerker', organisationType: 'ministerie' },
  { role: 'beleidsmedewerker', organisationType: 'gemeente' },
  { role: 'beheerder', organisationType: 'gemeente' },
  { role: 'beheerder', organisationType: 'ministerie' },
  { role: 'auditor', organisationType: 'gemeente' },
  { role: 'privacyfunctionaris', organisationType: 'ministerie' },
  { role: 'privacyfunctionaris', organisationType: 'gemeente' },
  { role: 'landelijk-beheerder', organisationType: 'ministerie' },
];

// Every professional who meets victims or perpetrators in the work reports signals (domain.md: "any partner").
const REPORTERS: readonly Who[] = [
  'melder',
  'aandachtsfunctionaris',
  'informatiepunt',
  'zorgcoordinator',
  'comensha-registrator',
  'opsporing',
  'riec-adviseur',
];
// The reporting point (the own municipality's queue) and CoMensha's national queue of anonymous reports.
const SIGNAL_HOLDERS: readonly Who[] = ['aandachtsfunctionaris', 'comensha-registrator'];
// Organisations signals are forwarded to: care coordination, investigation, the Informatiepunt, RIEC, municipalities.
const RECIPIENTS: readonly Who[] = [
  'opsporing',
  'zorgcoordinator',
  'riec-adviseur',
  'informatiepunt',
  'aandachtsfunctionaris',
];
// Aggregates and the dark number: analysts and policy officers, never individual records.
const ESTIMATORS: readonly Who[] = ['analist', 'beleidsmedewerker'];
// The sharing rules are read by those who answer for them: beheerders, auditors, privacy officers.
const RULE_READERS: readonly Who[] = ['beheerder', 'privacyfunctionaris', 'auditor', 'landelijk-beheerder'];
// The national sharing rules are confirmed by the privacy officer of a ministry (the programme's owner).
const RULE_CONFIRMERS: readonly Who[] = ['privacyfunctionaris@ministerie'];
// The programme team that reviews progress is a ministry's beleidsmedewerker.
const PROGRAMME_TEAM: readonly Who[] = ['beleidsmedewerker@ministerie'];
// A municipality's policy officer fills in its self-assessment (domain.md: beleidsmedewerker, municipality).
const MUNICIPAL_WRITERS: readonly Who[] = ['beleidsmedewerker@gemeente'];

const PUBLIC: MatrixEntry = { access: 'public' };
const ANY: MatrixEntry = { access: 'any-logged-in' };
const only = (access: readonly Who[], scope?: ObjectScope): MatrixEntry =>
  scope ? { access, scope } : { access };

export const ACCESS_MATRIX: Record<string, MatrixEntry> = {
  // Infrastructure: the API description, static assets, health for the load balancer, metrics for Prometheus.
  'GET /api/v1/openapi.json': PUBLIC,
  'GET /assets/*': PUBLIC,
  'GET /assets/utrecht/*': PUBLIC,
  'GET /assets/voorbeeld/*': PUBLIC,
  'GET /assets/fonts/noto-sans/*': PUBLIC,
  'GET /assets/fonts/noto-serif/*': PUBLIC,
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /': PUBLIC,

  // Logging in, step by step.
  'GET /inloggen': PUBLIC,
  'POST /inloggen': PUBLIC,
  'GET /inloggen/code': { access: 'second-factor-step' },
  'POST /inloggen/code': { access: 'second-factor-step' },
  'GET /inloggen/code-instellen': { access: 'second-factor-step' },
  'POST /inloggen/code-instellen': { access: 'second-factor-step' },
  'GET /organisatie-kiezen': { access: 'signed-in' },
  'POST /organisatie-kiezen': { access: 'signed-in' },
  'POST /uitloggen': PUBLIC,
  'POST /uitloggen-overal': { access: 'signed-in' },
  'GET /account': ANY,
  'GET /activeren': PUBLIC,
  'POST /activeren': PUBLIC,
  'POST /api/v1/sessies': PUBLIC,
  'GET /api/v1/sessies/huidige': { access: 'signed-in' },
  'POST /api/v1/sessies/huidige/tweede-factor': { access: 'second-factor-step' },
  'POST /api/v1/sessies/huidige/organisatie': { access: 'signed-in' },
  'DELETE /api/v1/sessies/huidige': { access: 'signed-in' },
  'DELETE /api/v1/sessies': { access: 'signed-in' },
  'POST /api/v1/activeringen': PUBLIC,
  'GET /inloggen/oidc/callback': PUBLIC,
  'GET /inloggen/oidc/:providerId': { access: 'public', scope: 'national' },
  // Identity providers are registered per organisation by the national beheerder (ADR 0004).
  'POST /api/v1/organisaties/:id/identiteitsaanbieders': only(['landelijk-beheerder'], 'national'),
  'GET /api/v1/organisaties/:id/identiteitsaanbieders': only(['landelijk-beheerder'], 'national'),

  // The own organisation's users: its beheerder.
  'GET /api/v1/gebruikers': only(['beheerder']),
  'POST /api/v1/gebruikers': only(['beheerder']),
  'GET /api/v1/gebruikers/:id': only(['beheerder'], 'own-organisation'),
  'PUT /api/v1/gebruikers/:id/rollen': only(['beheerder'], 'own-organisation'),
  'DELETE /api/v1/gebruikers/:id': only(['beheerder'], 'own-organisation'),
  'POST /api/v1/gebruikers/:id/activeringscodes': only(['beheerder'], 'own-organisation'),
  'GET /gebruikers': only(['beheerder']),
  'GET /gebruikers/nieuw': only(['beheerder']),
  'POST /gebruikers': only(['beheerder']),
  'GET /gebruikers/:id': only(['beheerder'], 'own-organisation'),
  'POST /gebruikers/:id/rollen': only(['beheerder'], 'own-organisation'),
  'POST /gebruikers/:id/activering': only(['beheerder'], 'own-organisation'),
  'POST /gebruikers/:id/verwijderen': only(['beheerder'], 'own-organisation'),

  // The chain's organisations: a directory without personal data for everyone, registered by the national beheerder.
  'GET /api/v1/organisaties': ANY,
  'POST /api/v1/organisaties': only(['landelijk-beheerder']),
  'GET /organisaties': ANY,
  'GET /organisaties/nieuw': only(['landelijk-beheerder']),
  'POST /organisaties': only(['landelijk-beheerder']),

  // Who saw which personal data, and why: the auditor.
  'GET /api/v1/audit-gebeurtenissen': only(['auditor']),
  'GET /audit': only(['auditor']),

  // Reference data: public to read; care regions kept by the national beheerder.
  'GET /api/v1/gemeenten': PUBLIC,
  'GET /api/v1/gemeenten/:code': { access: 'public', scope: 'national' },
  'PATCH /api/v1/gemeenten/:code': only(['landelijk-beheerder'], 'national'),
  'GET /api/v1/regios': PUBLIC,
  'POST /api/v1/zorgregios': only(['landelijk-beheerder']),
  'PUT /api/v1/zorgregios/:code': only(['landelijk-beheerder'], 'national'),
  'GET /referentie': ANY,
  'GET /referentie/gemeenten/:code': only(['landelijk-beheerder'], 'national'),
  'POST /referentie/gemeenten/:code': only(['landelijk-beheerder'], 'national'),
  'GET /referentie/zorgregios/nieuw': only(['landelijk-beheerder']),
  'GET /referentie/zorgregios/:code': only(['landelijk-beheerder'], 'national'),
  'POST /referentie/zorgregios': only(['landelijk-beheerder']),
  'POST /referentie/zorgregios/:code': only(['landelijk-beheerder'], 'national'),

  // The action plan: everyone in the chain reads it; action holders report progress; the programme team reviews.
  'GET /api/v1/plannen': ANY,
  'GET /api/v1/plannen/:code': { access: 'any-logged-in', scope: 'national' },
  'GET /api/v1/acties': ANY,
  'GET /api/v1/acties/:code': { access: 'any-logged-in', scope: 'national' },
  'POST /api/v1/acties/:code/voortgang': only(['beleidsmedewerker'], 'action-holder'),
  'POST /api/v1/acties/:code/voortgang/:id/beoordeling': only(PROGRAMME_TEAM, 'national'),
  // The report to Parliament is produced by the programme team and the action holders (from the public plan data).
  'GET /api/v1/plannen/:code/voortgangsrapportage': only(['beleidsmedewerker'], 'national'),
  'GET /actieplan/rapportage/rapport.css': ANY,
  'GET /actieplan/rapportage': only(['beleidsmedewerker']),
  // Indicators: everyone reads them; the programme team records and computes measurements.
  'GET /api/v1/indicator-berekeningen': ANY,
  'GET /api/v1/plannen/:code/indicatoren': { access: 'any-logged-in', scope: 'national' },
  'GET /api/v1/plannen/:code/indicatoren/:indicator': { access: 'any-logged-in', scope: 'national' },
  'POST /api/v1/plannen/:code/indicatoren/:indicator/metingen': only(PROGRAMME_TEAM, 'national'),
  'POST /api/v1/plannen/:code/indicatoren/:indicator/berekeningen': only(PROGRAMME_TEAM, 'national'),
  'GET /actieplan/indicatoren': ANY,
  'GET /actieplan/indicatoren/:code': { access: 'any-logged-in', scope: 'national' },
  'POST /actieplan/indicatoren/:code/metingen': only(PROGRAMME_TEAM, 'national'),
  'POST /actieplan/indicatoren/:code/berekeningen': only(PROGRAMME_TEAM, 'national'),
  'GET /actieplan': ANY,
  'GET /actieplan/acties': ANY,
  'GET /actieplan/mijn-acties': ANY,
  'GET /actieplan/voortgang': ANY,
  'GET /actieplan/acties/:code': { access: 'any-logged-in', scope: 'national' },
  'POST /actieplan/acties/:code/voortgang': only(['beleidsmedewerker'], 'action-holder'),
  'POST /actieplan/acties/:code/voortgang/:id/beoordeling': only(PROGRAMME_TEAM, 'national'),

  // The municipal approach monitor: policy information every user reads; each municipality fills in its own.
  'GET /api/v1/gemeentelijke-aanpak': ANY,
  'GET /api/v1/gemeentelijke-aanpak/:code': { access: 'any-logged-in', scope: 'own-municipality' },
  'POST /api/v1/gemeentelijke-aanpak/:code/zelfevaluaties': only(MUNICIPAL_WRITERS, 'own-municipality'),
  'GET /gemeentelijke-aanpak': ANY,
  'GET /gemeentelijke-aanpak/:code': { access: 'any-logged-in', scope: 'own-municipality' },
  'POST /gemeentelijke-aanpak/:code': only(MUNICIPAL_WRITERS, 'own-municipality'),

  // The dark number: counts only; saved estimates belong to the organisation that saved them.
  'POST /api/v1/schattingen': only(ESTIMATORS),
  'GET /api/v1/schattingen': only(ESTIMATORS),
  'GET /api/v1/schattingen/:id': only(ESTIMATORS, 'own-organisation'),
  'GET /schattingen': only(ESTIMATORS),
  'POST /schattingen': only(ESTIMATORS),
  'POST /schattingen/opslaan': only(ESTIMATORS),
  'GET /schattingen/:id': only(ESTIMATORS, 'own-organisation'),

  // The sharing rules, and the question "may we share this?" that anyone acting for an organisation may ask.
  'GET /api/v1/deelregels': only(RULE_READERS),
  'POST /api/v1/deelregels/:id/bevestigingen': only(RULE_CONFIRMERS, 'national'),
  'POST /api/v1/deelbesluiten': ANY,
  'GET /deelregels': only(RULE_READERS),
  'POST /deelregels/:id/bevestiging': only(RULE_CONFIRMERS, 'national'),

  // Signals: reporting, the reporting point's work, forwarding, the recipients' inbox, the reporter's own view.
  'GET /api/v1/signaalindicatoren': only(REPORTERS),
  'POST /api/v1/signalen': only(REPORTERS),
  'GET /api/v1/signalen': only(SIGNAL_HOLDERS),
  'GET /api/v1/signalen/:id': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/toewijzing': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/notities': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/besluit': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/heropening': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/koppelingen': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/samenvoegingen': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/berichten': only(SIGNAL_HOLDERS, 'holder'),
  'POST /api/v1/signalen/:id/routering': only(['comensha-registrator'], 'holder'),
  'POST /api/v1/signalen/:id/doorzettingen': only(['aandachtsfunctionaris'], 'holder'),
  'GET /api/v1/doorzettingen': only(RECIPIENTS),
  'GET /api/v1/doorzettingen/:id': only(RECIPIENTS, 'recipient'),
  'POST /api/v1/doorzettingen/:id/acceptatie': only(RECIPIENTS, 'recipient'),
  'POST /api/v1/doorzettingen/:id/uitkomst': only(RECIPIENTS, 'recipient'),
  'GET /api/v1/mijn-signalen': only(REPORTERS),
  'GET /api/v1/mijn-signalen/:id': only(REPORTERS, 'reporter'),
  'POST /api/v1/mijn-signalen/:id/berichten': only(REPORTERS, 'reporter'),
  'GET /signalen/nieuw': only(REPORTERS),
  'POST /signalen/nieuw': only(REPORTERS),
  'GET /signalen': only(['aandachtsfunctionaris']),
  'GET /landelijke-wachtrij': only(['comensha-registrator']),
  'GET /signalen/:id': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/toewijzing': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/notities': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/besluit': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/heropening': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/koppelingen': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/samenvoegingen': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/berichten': only(SIGNAL_HOLDERS, 'holder'),
  'POST /signalen/:id/routering': only(['comensha-registrator'], 'holder'),
  'GET /signalen/:id/doorzetten': only(['aandachtsfunctionaris'], 'holder'),
  'POST /signalen/:id/doorzetten': only(['aandachtsfunctionaris'], 'holder'),
  'GET /doorzettingen': only(RECIPIENTS),
  'GET /doorzettingen/:id': only(RECIPIENTS, 'recipient'),
  'POST /doorzettingen/:id/acceptatie': only(RECIPIENTS, 'recipient'),
  'POST /doorzettingen/:id/uitkomst': only(RECIPIENTS, 'recipient'),
  'GET /mijn-signalen': only(REPORTERS),
  'GET /mijn-signalen/:id': only(REPORTERS, 'reporter'),
  'POST /mijn-signalen/:id/berichten': only(REPORTERS, 'reporter'),

  // Anonymous reporting: no account, a receipt code to follow up.
  'GET /melden': PUBLIC,
  'POST /melden': PUBLIC,
  'GET /melden/status': PUBLIC,
  'POST /melden/status': PUBLIC,
  'POST /melden/status/bericht': PUBLIC,
  'GET /melden/status/bericht': PUBLIC,

  // The Informatiepunt's report meeting (Nederlandse Arbeidsinspectie).
  'GET /api/v1/informatiepunt/signalen': only(['informatiepunt']),
  'GET /api/v1/informatiepunt/overleggen': only(['informatiepunt']),
  'POST /api/v1/informatiepunt/overleggen': only(['informatiepunt']),
  'GET /api/v1/informatiepunt/overleggen/:id': only(['informatiepunt'], 'own-organisation'),
  'POST /api/v1/informatiepunt/overleggen/:id/besluiten': only(['informatiepunt'], 'own-organisation'),
  'POST /api/v1/informatiepunt/overleggen/:id/afsluiting': only(['informatiepunt'], 'own-organisation'),
  'GET /api/v1/informatiepunt/overleggen/:id/notulen': only(['informatiepunt'], 'own-organisation'),
  'GET /informatiepunt': only(['informatiepunt']),
  'POST /informatiepunt/overleggen': only(['informatiepunt']),
  'GET /informatiepunt/overleggen/:id': only(['informatiepunt'], 'own-organisation'),
  'POST /informatiepunt/overleggen/:id/besluiten': only(['informatiepunt'], 'own-organisation'),
  'POST /informatiepunt/overleggen/:id/afsluiting': only(['informatiepunt'], 'own-organisation'),
};

/**
 * Where the code does not do what the matrix says, with the finding. `alsoAllowed`: the code lets these in as well;
 * `refused`: the code refuses these although the matrix lets them in. Each must still hold: the test fails when the
 * code comes to agree with the matrix, so the entry is removed then.
 */
export interface Difference {
  alsoAllowed?: readonly Who[];
  refused?: readonly Who[];
  finding: string;
}

const BEHEERDER_FILLS_IN_MONITOR: Difference = {
  alsoAllowed: ['beheerder@gemeente'],
  finding:
    "A municipality's beheerder also fills in its self-assessment (WRITER_ROLES in actionplan/municipal/service.ts, " +
    'documented in docs/actionplan.md), while domain.md gives the beheerder users and roles only and the ' +
    'beleidsmedewerker the policy work; the route declares `authenticated` and no permission in src/policy names it.',
};

export const DIFFERENCES: Record<string, Difference> = {
  'POST /api/v1/gemeentelijke-aanpak/:code/zelfevaluaties': BEHEERDER_FILLS_IN_MONITOR,
  'POST /gemeentelijke-aanpak/:code': BEHEERDER_FILLS_IN_MONITOR,
};
