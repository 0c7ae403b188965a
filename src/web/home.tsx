// The start page: for visitors what Schakel is; for a logged-in user the work of each of their roles.
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../policy/index.js';
import type { T } from './i18n.js';
import { nextStepPath } from './access.js';
import { registerStartCard, rolesWithWork, startCardsFor, type StartCard } from './start-cards.js';
import { Heading, Link, Paragraph } from './components.js';
import { registerDictionary } from './i18n.js';
import type { PageContext } from './layout.js';
import { registerNav } from './nav.js';

registerDictionary({
  nl: {
    'home.title': 'Schakel',
    'home.lead':
      'Schakel verbindt de partners in de aanpak van mensenhandel: gemeenten, zorgcoördinatie, CoMensha, politie, Arbeidsinspectie, RIEC en ministeries.',
    'home.what':
      'Een signaal komt binnen, wordt beoordeeld en bereikt de juiste partner op een wettelijke grondslag. Het slachtoffer krijgt zorg, daders worden aangepakt, en de cijfers voor het actieplan komen uit het werk zelf.',
    'home.privacy':
      'Elke inzage in persoonsgegevens wordt vastgelegd en is voor de organisatie controleerbaar.',
    'home.login': 'Inloggen voor professionals',
    'home.report': 'Anoniem iets melden',
    'home.reportText':
      'Ziet of hoort u iets wat op uitbuiting lijkt? U kunt het anoniem melden, zonder account.',
    'home.welcome': 'Welkom, {name}',
    'home.acting': 'U werkt namens {organisation} als {roles}.',
    'home.yourWork': 'Uw werk',
    'home.card.users': 'Gebruikers beheren',
    'home.card.usersText': 'Voeg collega’s toe, geef ze rollen en help ze bij het activeren van hun account.',
    'home.card.audit': 'Auditlog doorzoeken',
    'home.card.auditText':
      'Zie wie welke persoonsgegevens inzag of wijzigde, en waarom, en wie werd geweigerd.',
    'home.card.reference': 'Zorgcoördinatieregio’s bijhouden',
    'home.card.referenceText': 'Houd de indeling van gemeenten in zorgcoördinatieregio’s actueel.',
    'home.card.account': 'Mijn account',
    'home.card.accountText': 'Uw gegevens en rollen; log overal uit als u een apparaat kwijt bent.',
    'home.card.role': 'Rol: {role}',
    'home.role.melder': 'Signalen van mogelijke mensenhandel melden en volgen wat ermee gebeurt.',
    'home.role.aandachtsfunctionaris':
      'Signalen beoordelen, verrijken en doorzetten naar de juiste partner, en de melder terugkoppeling geven.',
    'home.role.informatiepunt':
      'Signalen van arbeidsuitbuiting bespreken, verrijken en doorzetten naar een strafrechtelijk of bestuurlijk team.',
    'home.role.zorgcoordinator':
      'Zorg en opvang regelen voor (mogelijke) slachtoffers, met bedenktijd en registratie bij CoMensha.',
    'home.role.comensha-registrator':
      'Slachtoffers registreren (met toestemming) en plaatsen in categorale opvang.',
    'home.role.opsporing': 'Doorgezette signalen ontvangen en terugmelden wat ermee is gedaan.',
    'home.role.riec-adviseur': 'Integrale casusoverleggen voorbereiden en de beste interventie kiezen.',
    'home.role.analist':
      'Geaggregeerde cijfers, trends en schattingen van het verborgen aantal slachtoffers bekijken.',
    'home.role.beleidsmedewerker':
      'Het actieplan volgen: acties, actiehouders, voortgang en de rapportage aan de Tweede Kamer.',
    'home.role.privacyfunctionaris':
      'De regels voor gegevensdeling bevestigen en toezien op rechtmatig gebruik.',
    'home.notYet': 'Dit onderdeel van Schakel is in deze versie nog niet beschikbaar.',
    'home.reference': 'Bekijk de gemeenten en regio’s',
  },
  en: {
    'home.title': 'Schakel',
    'home.lead':
      'Schakel links the partners in the approach against human trafficking: municipalities, care coordination, CoMensha, police, the Labour Authority, RIEC and ministries.',
    'home.what':
      'A signal comes in, is assessed and reaches the right partner on a legal basis. The victim gets care, perpetrators are tackled, and the figures for the action plan come from the work itself.',
    'home.privacy': 'Every access to personal data is recorded and can be checked by the organisation.',
    'home.login': 'Log in for professionals',
    'home.report': 'Report something anonymously',
    'home.reportText':
      'Do you see or hear something that looks like exploitation? You can report it anonymously, without an account.',
    'home.welcome': 'Welcome, {name}',
    'home.acting': 'You act for {organisation} as {roles}.',
    'home.yourWork': 'Your work',
    'home.card.users': 'Manage users',
    'home.card.usersText': 'Add colleagues, give them roles and help them activate their accounts.',
    'home.card.audit': 'Search the audit log',
    'home.card.auditText': 'See who viewed or changed which personal data, and why, and who was refused.',
    'home.card.reference': 'Maintain care-coordination regions',
    'home.card.referenceText':
      'Keep the assignment of municipalities to care-coordination regions up to date.',
    'home.card.account': 'My account',
    'home.card.accountText': 'Your details and roles; log out everywhere if you lose a device.',
    'home.card.role': 'Role: {role}',
    'home.role.melder': 'Report signals of possible human trafficking and follow what happens with them.',
    'home.role.aandachtsfunctionaris':
      'Assess signals, enrich them, forward them to the right partner, and give the reporter feedback.',
    'home.role.informatiepunt':
      'Discuss signals of labour exploitation, enrich them and route them to a criminal or administrative team.',
    'home.role.zorgcoordinator':
      'Arrange care and shelter for (possible) victims, with the reflection period and registration at CoMensha.',
    'home.role.comensha-registrator':
      'Register victims (with consent) and place them in categorical shelter.',
    'home.role.opsporing': 'Receive forwarded signals and report back what was done with them.',
    'home.role.riec-adviseur': 'Prepare integral case consultations and choose the best intervention.',
    'home.role.analist': 'View aggregated figures, trends and estimates of the hidden number of victims.',
    'home.role.beleidsmedewerker':
      'Follow the action plan: actions, action holders, progress and the report to Parliament.',
    'home.role.privacyfunctionaris': 'Confirm the data-sharing rules and oversee lawful use.',
    'home.notYet': 'This part of Schakel is not yet available in this version.',
    'home.reference': 'View the municipalities and regions',
  },
});

/** Roles whose work lives in modules of their own (all but the administrative ones); the card says what it does. */
const ROLE_WORK: Role[] = ROLES.filter(
  (role) => !['beheerder', 'auditor', 'landelijk-beheerder'].includes(role),
);

function Card({ title, text, href }: { title: string; text: string; href?: string }) {
  return (
    <li class="app-card">
      <h3 class="utrecht-heading-3">{href ? <Link href={href}>{title}</Link> : title}</h3>
      <p class="utrecht-paragraph">{text}</p>
    </li>
  );
}

function Start({ page, cards }: { page: PageContext; cards: StartCard[] }) {
  const { t, session } = page;
  if (!session || session.stage !== 'complete') {
    return (
      <>
        <Heading>{t('home.title')}</Heading>
        <Paragraph lead>{t('home.lead')}</Paragraph>
        <Paragraph>{t('home.what')}</Paragraph>
        <Paragraph>{t('home.privacy')}</Paragraph>
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href="/inloggen"
          >
            {t('home.login')}
          </a>
        </p>
        <Paragraph>
          {t('home.reportText')} <Link href="/melden">{t('home.report')}</Link>
        </Paragraph>
      </>
    );
  }
  const actor = session.actor;
  const served = rolesWithWork();
  const roleCards = actor.roles.filter((role) => ROLE_WORK.includes(role) && !served.has(role));
  return (
    <>
      <Heading>{t('home.welcome', { name: actor.displayName })}</Heading>
      <Paragraph lead>
        {t('home.acting', {
          organisation: actor.organisationName ?? '',
          roles: actor.roles.map((r) => t(`role.${r}`)).join(', '),
        })}
      </Paragraph>
      <Heading level={2}>{t('home.yourWork')}</Heading>
      <ul class="app-cards">
        {cards.map((card) => (
          <Card title={card.title} text={card.text} {...(card.href ? { href: card.href } : {})} />
        ))}
        {roleCards.map((role) => (
          <Card
            title={t('home.card.role', { role: t(`role.${role}`) })}
            text={`${t(`home.role.${role}`)} ${t('home.notYet')}`}
          />
        ))}
        <Card title={t('home.card.account')} text={t('home.card.accountText')} href="/account" />
      </ul>
      <Paragraph>
        <Link href="/referentie">{t('home.reference')}</Link>
      </Paragraph>
    </>
  );
}

export function homeRoutes(app: FastifyInstance): void {
  registerNav({ href: '/', labelKey: 'nav.start', access: 'authenticated', order: 0 });
  const card = (title: string, text: string, href: string) => (_ctx: unknown, t: T) => ({
    title: t(title),
    text: t(text),
    href,
  });
  registerStartCard({
    key: 'users',
    permission: 'users.read',
    order: 10,
    build: card('home.card.users', 'home.card.usersText', '/gebruikers'),
  });
  registerStartCard({
    key: 'audit',
    permission: 'audit.read',
    order: 20,
    build: card('home.card.audit', 'home.card.auditText', '/audit'),
  });
  registerStartCard({
    key: 'reference',
    permission: 'reference.manage',
    order: 30,
    build: card('home.card.reference', 'home.card.referenceText', '/referentie'),
  });
  app.get('/', { config: { access: 'public' } }, async (req, reply) => {
    const next = nextStepPath(req);
    if (next) return reply.redirect(next, 303);
    const cards = req.session?.stage === 'complete' ? await startCardsFor(req.ctx, req.t) : [];
    return reply.page(req.t('home.title'), <Start page={reply.pageContext()} cards={cards} />);
  });
}
