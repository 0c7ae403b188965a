// The words of the reporting point: forms, people, statuses, decisions, outcomes, recipients, and which data
// category each part of a signal belongs to (what a share decision's categories let through).
import { FORMS, type Form } from '../actionplan/index.js';
import type { OrganisationType } from '../policy/index.js';
import type { Category, Purpose } from '../sharing/index.js';

export { FORMS, type Form };

export const PERSON_ROLES = ['mogelijk-slachtoffer', 'mogelijke-dader', 'overig'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const GENDERS = ['man', 'vrouw', 'anders', 'onbekend'] as const;
export type Gender = (typeof GENDERS)[number];

/** Sectors of work, for labour exploitation and for the monitor's breakdown. */
export const SECTORS = [
  'land-en-tuinbouw',
  'bouw',
  'horeca',
  'schoonmaak',
  'transport-en-logistiek',
  'productie-en-voedselverwerking',
  'huishoudelijk-werk',
  'seksbranche',
  'zorg',
  'detailhandel',
  'overig',
] as const;
export type Sector = (typeof SECTORS)[number];

export const STATUSES = [
  'nieuw',
  'in-behandeling',
  'doorgezet',
  'monitoren',
  'afgesloten',
  'samengevoegd',
] as const;
export type SignalStatus = (typeof STATUSES)[number];

/** Statuses that still need a triage decision: the deadline runs. */
export const OPEN_STATUSES: readonly SignalStatus[] = ['nieuw', 'in-behandeling'];

/** Decisions taken on the signal page; forwarding (doorgezet) has its own form with recipients. */
export const DECISIONS = ['monitoren', 'afgesloten'] as const;
export type Decision = (typeof DECISIONS)[number];

export const OUTCOMES = [
  'onderzoek-gestart',
  'bestuurlijke-maatregel',
  'zorgtraject-gestart',
  'geen-actie',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FORWARD_STATUSES = ['verzonden', 'geaccepteerd', 'afgerond'] as const;
export type ForwardStatus = (typeof FORWARD_STATUSES)[number];

/** Who a reporting point forwards to, and for which purposes (the sharing rules decide whether it may). */
export const RECIPIENT_PURPOSES: Partial<Record<OrganisationType, readonly Purpose[]>> = {
  zorgcoordinatie: ['zorg-en-opvang'],
  politie: ['opsporing-en-vervolging'],
  kmar: ['opsporing-en-vervolging'],
  arbeidsinspectie: ['opsporing-en-vervolging', 'bestuurlijke-aanpak'],
  riec: ['casusoverleg-riec'],
  'veilig-thuis': ['meldrecht-veilig-thuis'],
  gemeente: ['bestuurlijke-aanpak', 'zorg-en-opvang'],
};

/** The categories a signal's parts belong to. The base facts (forms, place, date, urgency) travel with the narrative. */
export const SIGNAL_CATEGORIES = [
  'narrative',
  'identifying',
  'identifiers',
  'contact',
] as const satisfies readonly Category[];
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

export const LIMITS = {
  narrative: 5000,
  description: 500,
  reason: 2000,
  note: 5000,
  message: 5000,
  contact: 300,
  persons: 10,
  identifiers: 30,
  indicators: 80,
} as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
