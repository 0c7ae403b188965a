// The vocabulary of the sharing rules: purposes, data categories, consent conditions. The rules themselves are data
// (src/sharing/data/, loaded by migration 0006); this file only names what they may say.
import type { OrganisationType } from '../policy/index.js';

export const PURPOSES = [
  'zorg-en-opvang',
  'opsporing-en-vervolging',
  'bestuurlijke-aanpak',
  'casusoverleg-riec',
  'registratie-comensha',
  'statistiek',
  'meldrecht-veilig-thuis',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** What a piece of personal data is, for the rules: the least that lets a rule say what may go. */
export const CATEGORIES = [
  'contact',
  'identifying',
  'special-category',
  'criminal',
  'narrative',
  'identifiers',
  'anonymised',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type ConsentCondition = 'none' | 'required' | 'prior-written';
export type Confidence = 'verified' | 'secondary' | 'inferred';

export interface SharingRule {
  id: string;
  version: number;
  matrixRow: string;
  sourceTypes: OrganisationType[];
  recipientTypes: OrganisationType[];
  purposes: Purpose[];
  categories: Category[];
  legalBasisCode: string;
  legalBasis: string;
  consent: ConsentCondition;
  /** Allowed without consent only with a written justification, when asking would endanger the person. */
  safetyException: boolean;
  confidence: Confidence;
  source: string;
  explanation: { nl: string; en: string };
}
