// The one decision every share goes through: may data of these categories go from this organisation type to that
// one for this purpose, and if so under which rule, on which legal basis, with which consent, and which categories
// exactly? Pure: the rule table and the person's consents come in as data; nothing is read or written here.
import type { OrganisationType } from '../policy/index.js';
import type { Category, Purpose, SharingRule } from './rules.js';

export interface ConsentRecord {
  purpose: Purpose;
  /** The recipient type the consent names; null: any recipient for that purpose. */
  recipientType: OrganisationType | null;
  given: boolean;
  form: 'written' | 'verbal-with-witness';
  withdrawn: boolean;
}

export interface ShareRequest {
  sourceType: OrganisationType;
  recipientType: OrganisationType;
  purpose: Purpose;
  /** The categories the record holds and the sender wants to share. */
  categories: Category[];
  consents: ConsentRecord[];
  /** Why consent cannot be asked now (safety exception); required for rules that allow it. */
  safetyJustification?: string;
}

export type ShareRefusal =
  | { code: 'no-rule'; message: string }
  | { code: 'no-allowed-category'; message: string; rule: RuleRef }
  | {
      code: 'consent-missing';
      message: string;
      rule: RuleRef;
      consent: { purpose: Purpose; recipientType: OrganisationType; form: 'any' | 'written' };
    };

export interface RuleRef {
  id: string;
  version: number;
  legalBasis: string;
}

export type ShareDecision =
  | {
      allowed: true;
      rule: RuleRef;
      /** The categories that may go: the request's, limited to what the rule allows. */
      categories: Category[];
      /** Categories the sender asked for that the rule does not allow: they stay behind. */
      withheld: Category[];
      consentUsed: boolean;
      safetyException: boolean;
      /** The rule is not verified in a primary source and no privacy officer has confirmed it yet. */
      toBeConfirmed: boolean;
    }
  | ({ allowed: false } & ShareRefusal);

const MIN_JUSTIFICATION = 20;

const ref = (rule: SharingRule): RuleRef => ({
  id: rule.id,
  version: rule.version,
  legalBasis: rule.legalBasis,
});

function consentHolds(rule: SharingRule, request: ShareRequest): boolean {
  return request.consents.some(
    (c) =>
      c.given &&
      !c.withdrawn &&
      c.purpose === request.purpose &&
      (c.recipientType === null || c.recipientType === request.recipientType) &&
      (rule.consent !== 'prior-written' || c.form === 'written'),
  );
}

/** The latest version of each rule. */
export function currentRules(rules: SharingRule[]): SharingRule[] {
  const latest = new Map<string, SharingRule>();
  for (const rule of rules) if ((latest.get(rule.id)?.version ?? 0) < rule.version) latest.set(rule.id, rule);
  return [...latest.values()];
}

export function decideShare(
  rules: SharingRule[],
  request: ShareRequest,
  confirmed: (rule: RuleRef) => boolean = () => false,
): ShareDecision {
  const candidates = currentRules(rules).filter(
    (r) =>
      r.sourceTypes.includes(request.sourceType) &&
      r.recipientTypes.includes(request.recipientType) &&
      r.purposes.includes(request.purpose),
  );
  if (candidates.length === 0) {
    return {
      allowed: false,
      code: 'no-rule',
      message: `No rule lets a ${request.sourceType} share with a ${request.recipientType} for ${request.purpose}`,
    };
  }
  // Ordinary rules before the safety exception; within each, the rule that lets the most of the request go.
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(a.safetyException) - Number(b.safetyException) ||
      b.categories.filter((c) => request.categories.includes(c)).length -
        a.categories.filter((c) => request.categories.includes(c)).length,
  );
  let refusal: ShareRefusal | undefined;
  for (const rule of ordered) {
    const categories = request.categories.filter((c) => rule.categories.includes(c));
    if (categories.length === 0) {
      refusal ??= {
        code: 'no-allowed-category',
        message: `Rule ${rule.id} allows none of the requested categories`,
        rule: ref(rule),
      };
      continue;
    }
    const justified = (request.safetyJustification?.trim().length ?? 0) >= MIN_JUSTIFICATION;
    if (rule.safetyException && !justified) continue;
    const needsConsent = rule.consent !== 'none';
    if (needsConsent && !consentHolds(rule, request)) {
      if (!refusal || refusal.code !== 'consent-missing') {
        refusal = {
          code: 'consent-missing',
          message: `Rule ${rule.id} needs the person's ${rule.consent === 'prior-written' ? 'prior written ' : ''}consent for ${request.purpose} by a ${request.recipientType}`,
          rule: ref(rule),
          consent: {
            purpose: request.purpose,
            recipientType: request.recipientType,
            form: rule.consent === 'prior-written' ? 'written' : 'any',
          },
        };
      }
      continue;
    }
    return {
      allowed: true,
      rule: ref(rule),
      categories,
      withheld: request.categories.filter((c) => !rule.categories.includes(c)),
      consentUsed: needsConsent,
      safetyException: rule.safetyException,
      toBeConfirmed: rule.confidence !== 'verified' && !confirmed(ref(rule)),
    };
  }
  return {
    allowed: false,
    ...(refusal ?? { code: 'no-rule', message: 'No rule applies without consent or a safety justification' }),
  };
}
