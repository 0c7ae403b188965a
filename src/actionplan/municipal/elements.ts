// The elements of a municipal approach to human trafficking that a municipality assesses itself on: the national
// basic level (Interbestuurlijk Programma 2018, programme "Samen tegen mensenhandel", action line 5) as worked out in
// the factsheet "Probleem, beleid, politiek: hoe mensenhandel de aandacht krijgt" (CoMensha/VNG, J. Olijve).
// Source: /work/shared/seeds/factsheet-gemeentelijke-aanpak.txt (lines cited per element).

export interface Element {
  code: string;
  nl: string;
  en: string;
  explanationNl: string;
  explanationEn: string;
  source: string;
}

const FACTSHEET = 'factsheet-gemeentelijke-aanpak.txt';

export const ELEMENTS: readonly Element[] = [
  {
    code: 'beleid',
    nl: 'Beleid vastgesteld',
    en: 'Policy adopted',
    explanationNl: 'De gemeente heeft beleid op de aanpak van mensenhandel vastgesteld.',
    explanationEn: 'The municipality has adopted a policy on tackling human trafficking.',
    source: `${FACTSHEET}, r. 1-20, 80-90`,
  },
  {
    code: 'statement',
    nl: 'Statement uitbuitingsvrije gemeente',
    en: 'Statement as an exploitation-free municipality',
    explanationNl: 'De gemeente zegt actief: “Wij willen een uitbuitingsvrije gemeente zijn.”',
    explanationEn: 'The municipality states actively: “We want to be an exploitation-free municipality.”',
    source: `${FACTSHEET}, r. 92-97`,
  },
  {
    code: 'aanjager',
    nl: 'Aanjager op bestuurlijk niveau',
    en: 'Driver at administrative level',
    explanationNl: 'Een betrokken bestuurder of voortrekker houdt het onderwerp op de agenda.',
    explanationEn: 'A committed administrator or driver keeps the subject on the agenda.',
    source: `${FACTSHEET}, r. 99-112, 158-162`,
  },
  {
    code: 'aandachtsfunctionaris',
    nl: 'Aandachtsfunctionaris',
    en: 'Designated officer (aandachtsfunctionaris)',
    explanationNl: 'Er is een aandachtsfunctionaris mensenhandel aangewezen.',
    explanationEn: 'A designated officer for human trafficking has been appointed.',
    source: `${FACTSHEET}, r. 108-112, 202-206, 232-235`,
  },
  {
    code: 'meldpunt',
    nl: 'Intern meldpunt',
    en: 'Internal reporting point',
    explanationNl:
      'Medewerkers kunnen signalen kwijt bij een intern meldpunt, gekoppeld aan de aandachtsfunctionaris.',
    explanationEn:
      'Staff can report signals to an internal reporting point linked to the designated officer.',
    source: `${FACTSHEET}, r. 197-206, 283-293`,
  },
  {
    code: 'aard-omvang',
    nl: 'Inzicht in aard en omvang',
    en: 'Insight into nature and scope',
    explanationNl: 'De gemeente heeft inzicht in aard en omvang van mensenhandel in haar gebied.',
    explanationEn: 'The municipality has insight into the nature and scope of trafficking in its area.',
    source: `${FACTSHEET}, r. 118-130`,
  },
  {
    code: 'communicatie',
    nl: 'Interne communicatie',
    en: 'Internal communication',
    explanationNl:
      'Mensenhandel is binnen de hele organisatie bekend; medewerkers weten wat ze met een signaal doen.',
    explanationEn: 'Trafficking is known across the organisation; staff know what to do with a signal.',
    source: `${FACTSHEET}, r. 183-206`,
  },
  {
    code: 'training',
    nl: 'Structurele training',
    en: 'Structural training',
    explanationNl: 'Medewerkers en ketenpartners worden structureel getraind op signalering.',
    explanationEn: 'Staff and chain partners are trained in recognising signals on a structural basis.',
    source: `${FACTSHEET}, r. 236-248`,
  },
  {
    code: 'samenwerking',
    nl: 'Structurele integrale samenwerking',
    en: 'Structural integral cooperation',
    explanationNl: 'Er is structurele samenwerking tussen zorg-, veiligheids- en bestuurlijke keten.',
    explanationEn: 'There is structural cooperation between the care, safety and administrative chains.',
    source: `${FACTSHEET}, r. 249-270`,
  },
  {
    code: 'monitoring',
    nl: 'Monitoring',
    en: 'Monitoring',
    explanationNl: 'De gemeente monitort signalen, meldingen en doelgroepen en evalueert de aanpak.',
    explanationEn: 'The municipality monitors signals, reports and target groups and evaluates its approach.',
    source: `${FACTSHEET}, r. 274-298`,
  },
  {
    code: 'regionaal',
    nl: 'Regionale samenwerking',
    en: 'Regional cooperation',
    explanationNl: 'De gemeente werkt regionaal samen en sluit aan bij het regionale beleid.',
    explanationEn: 'The municipality cooperates regionally and joins the regional policy.',
    source: `${FACTSHEET}, r. 299-315`,
  },
  {
    code: 'zorgcoordinatie',
    nl: 'Zorgcoördinatie geborgd',
    en: 'Care coordination covered',
    explanationNl: 'Zorgcoördinatie voor slachtoffers is geregeld (eigen of regionale zorgcoördinator).',
    explanationEn: 'Care coordination for victims is arranged (own or regional care coordinator).',
    source: `${FACTSHEET}, r. 168-172, 232-242`,
  },
];

export const ELEMENT_CODES = ELEMENTS.map((e) => e.code);
export const ANSWER_STATUSES = ['ja', 'deels', 'nee', 'onbekend'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
