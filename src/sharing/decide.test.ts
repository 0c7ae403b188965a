// A test per rule of the table, generated from the rule file itself: a new rule without a case here fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsvRecords } from '../db/csv.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../policy/index.js';
import { decideShare, type ConsentRecord, type ShareRequest } from './decide.js';
import { CATEGORIES, PURPOSES, type Category, type Purpose, type SharingRule } from './rules.js';

const split = (value: string) => value.split('|').filter(Boolean);
// Every rule file the migrations load: version 1 of the table and the rules added since.
const RULE_FILES = readdirSync(new URL('./data/', import.meta.url)).filter((f) =>
  /^sharing-rules-v\d+\.csv$/.test(f),
);
const RULES: SharingRule[] = RULE_FILES.flatMap((file) =>
  parseCsvRecords(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')),
).map((r) => ({
  id: r.id!,
  version: Number(r.version),
  matrixRow: r.matrix_row!,
  sourceTypes: split(r.source_types!) as OrganisationType[],
  recipientTypes: split(r.recipient_types!) as OrganisationType[],
  purposes: split(r.purposes!) as Purpose[],
  categories: split(r.categories!) as Category[],
  legalBasisCode: r.legal_basis_code!,
  legalBasis: r.legal_basis!,
  consent: r.consent as SharingRule['consent'],
  safetyException: r.safety_exception === 'true',
  confidence: r.confidence as SharingRule['confidence'],
  source: r.source!,
  explanation: { nl: r.explanation_nl!, en: r.explanation_en! },
}));

const consent = (purpose: Purpose, form: ConsentRecord['form'] = 'written'): ConsentRecord => ({
  purpose,
  recipientType: null,
  given: true,
  form,
  withdrawn: false,
});

test('the rule file is well formed: known types, purposes and categories, and both explanations', () => {
  assert.ok(RULES.length >= 15);
  for (const rule of RULES) {
    for (const type of [...rule.sourceTypes, ...rule.recipientTypes])
      assert.ok((ORGANISATION_TYPES as readonly string[]).includes(type), `${rule.id}: ${type}`);
    for (const purpose of rule.purposes)
      assert.ok((PURPOSES as readonly string[]).includes(purpose), `${rule.id}: ${purpose}`);
    for (const category of rule.categories)
      assert.ok((CATEGORIES as readonly string[]).includes(category), `${rule.id}: ${category}`);
    assert.ok(rule.explanation.nl.length > 40 && rule.explanation.en.length > 40, `${rule.id} is explained`);
    assert.ok(rule.source.length > 5 && rule.legalBasis.length > 5, `${rule.id} cites a source and a basis`);
  }
});

for (const rule of RULES) {
  const source = rule.sourceTypes[0]!;
  const recipient = rule.recipientTypes[0]!;
  const purpose = rule.purposes[0]!;
  const outside = CATEGORIES.filter((c) => !rule.categories.includes(c));
  const base: ShareRequest = {
    sourceType: source,
    recipientType: recipient,
    purpose,
    categories: [...CATEGORIES],
    consents: [],
  };
  // Another rule may cover the same route (for example the safety exception beside a consent rule): the cases
  // below hold this rule to what it says alone.
  const alone = [rule];

  test(`${rule.id}: ${source} → ${recipient} for ${purpose} shares only ${rule.categories.join(', ')}${rule.consent !== 'none' ? ` and only with ${rule.consent} consent` : ''}`, () => {
    const consents = rule.consent === 'none' ? [] : [consent(purpose)];
    const justification = rule.safetyException
      ? { safetyJustification: 'Asking for consent would alert the exploiter who keeps her phone.' }
      : {};
    const allowed = decideShare(alone, { ...base, consents, ...justification });
    assert.equal(allowed.allowed, true, JSON.stringify(allowed));
    assert.ok(allowed.allowed);
    assert.deepEqual(
      allowed.categories,
      CATEGORIES.filter((c) => rule.categories.includes(c)),
      'exactly the rule’s categories',
    );
    assert.deepEqual(allowed.withheld, outside, 'everything else stays behind');
    assert.deepEqual(allowed.rule, { id: rule.id, version: rule.version, legalBasis: rule.legalBasis });
    assert.equal(allowed.toBeConfirmed, rule.confidence !== 'verified');
  });

  test(`${rule.id}: refused for a recipient, a purpose or a source it does not name`, () => {
    const otherRecipient = ORGANISATION_TYPES.find((t) => !rule.recipientTypes.includes(t))!;
    const otherPurpose = PURPOSES.find((p) => !rule.purposes.includes(p))!;
    const otherSource = ORGANISATION_TYPES.find((t) => !rule.sourceTypes.includes(t));
    const consents = [consent(purpose)];
    assert.equal(decideShare(alone, { ...base, consents, recipientType: otherRecipient }).allowed, false);
    assert.equal(decideShare(alone, { ...base, consents, purpose: otherPurpose }).allowed, false);
    if (otherSource)
      assert.equal(decideShare(alone, { ...base, consents, sourceType: otherSource }).allowed, false);
    if (outside.length) {
      const onlyOutside = decideShare(alone, {
        ...base,
        consents,
        categories: outside,
        safetyJustification: 'Asking for consent would alert the exploiter who keeps her phone.',
      });
      assert.ok(!onlyOutside.allowed && onlyOutside.code === 'no-allowed-category');
    }
  });

  if (rule.consent !== 'none') {
    test(`${rule.id}: without the right consent the answer is consent-missing, naming whose consent for what`, () => {
      const refused = decideShare(alone, base);
      assert.ok(!refused.allowed && refused.code === 'consent-missing', JSON.stringify(refused));
      assert.deepEqual(refused.consent, {
        purpose,
        recipientType: recipient,
        form: rule.consent === 'prior-written' ? 'written' : 'any',
      });
      const withdrawn = decideShare(alone, { ...base, consents: [{ ...consent(purpose), withdrawn: true }] });
      assert.equal(withdrawn.allowed, false, 'withdrawn consent counts for nothing');
      const verbal = decideShare(alone, { ...base, consents: [consent(purpose, 'verbal-with-witness')] });
      assert.equal(verbal.allowed, rule.consent === 'required', 'prior written consent cannot be verbal');
    });
  }

  if (rule.safetyException) {
    test(`${rule.id}: the safety exception needs a real justification`, () => {
      assert.equal(decideShare(alone, base).allowed, false);
      assert.equal(
        decideShare(alone, { ...base, safetyJustification: 'gevaar' }).allowed,
        false,
        'a word is not a justification',
      );
    });
  }
}

test('a care coordinator asking CoMensha for shelter: with consent the full request, without consent but in danger only what placement needs', () => {
  const request: ShareRequest = {
    sourceType: 'zorgcoordinatie',
    recipientType: 'comensha',
    purpose: 'zorg-en-opvang',
    categories: ['identifying', 'contact', 'special-category', 'narrative'],
    consents: [],
  };
  const withConsent = decideShare(RULES, {
    ...request,
    consents: [consent('zorg-en-opvang', 'verbal-with-witness')],
  });
  assert.ok(withConsent.allowed && withConsent.rule.id === 'R05' && withConsent.categories.length === 4);
  const none = decideShare(RULES, request);
  assert.ok(!none.allowed && none.code === 'consent-missing');
  const danger = decideShare(RULES, {
    ...request,
    safetyJustification: 'The exploiter reads her messages; asking now would put her at risk.',
  });
  assert.ok(danger.allowed && danger.rule.id === 'R06' && danger.safetyException);
  assert.deepEqual(danger.categories, ['identifying', 'contact']);
  assert.deepEqual(danger.withheld, ['special-category', 'narrative']);
});

test('registration at CoMensha by the police needs no consent, but an NGO needs prior written consent', () => {
  const police = decideShare(RULES, {
    sourceType: 'politie',
    recipientType: 'comensha',
    purpose: 'registratie-comensha',
    categories: ['identifying'],
    consents: [],
  });
  assert.ok(police.allowed && police.rule.id === 'R01' && !police.consentUsed);
  const ngo = decideShare(RULES, {
    sourceType: 'ngo',
    recipientType: 'comensha',
    purpose: 'registratie-comensha',
    categories: ['identifying'],
    consents: [consent('registratie-comensha', 'verbal-with-witness')],
  });
  assert.ok(!ngo.allowed && ngo.code === 'consent-missing' && ngo.consent.form === 'written');
});

test('a newer version of a rule replaces the older one', () => {
  const r01 = RULES.find((r) => r.id === 'R01')!;
  const narrowed: SharingRule = { ...r01, version: 2, categories: ['identifying'] };
  const decision = decideShare([r01, narrowed], {
    sourceType: 'politie',
    recipientType: 'comensha',
    purpose: 'registratie-comensha',
    categories: ['identifying', 'narrative'],
    consents: [],
  });
  assert.ok(decision.allowed && decision.rule.version === 2);
  assert.deepEqual(decision.categories, ['identifying']);
});

test('docs/privacy.md explains every rule', () => {
  const doc = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  for (const rule of RULES)
    assert.match(doc, new RegExp(`\\b${rule.id}\\b`), `${rule.id} is in docs/privacy.md`);
});
