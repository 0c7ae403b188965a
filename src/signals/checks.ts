// Checking a signal before anything is written: the shapes that come in, the checked shapes that go to the writer,
// and one check per part (people, identifiers, narrative, place, date) that collects field issues instead of throwing.
import type { Ctx } from '../context.js';
import { invalid, type FieldIssue } from '../errors.js';
import { amsterdamDay } from './calendar.js';
import { currentMunicipalities, indicatorCatalogue, requiredText, type UserCtx } from './common.js';
import { IDENTIFIER_TYPES, normaliseIdentifier, type IdentifierType } from './identifiers.js';
import {
  FORMS,
  GENDERS,
  isOneOf,
  LIMITS,
  PERSON_ROLES,
  SECTORS,
  type Form,
  type Gender,
  type PersonRole,
  type Sector,
} from './vocabulary.js';

export interface PersonInput {
  role: string;
  description?: string | undefined;
  approximateAge?: number | undefined;
  gender?: string | undefined;
  nationality?: string | undefined;
}

export interface IdentifierInput {
  type: string;
  value: string;
}

export interface IntakeInput {
  municipalityCode?: string | undefined;
  observedOn: string;
  forms: string[];
  indicators?: string[] | undefined;
  narrative: string;
  acuteDanger?: boolean | undefined;
  minorsInvolved?: boolean | undefined;
  seriousDisadvantage?: boolean | undefined;
  sector?: string | undefined;
  persons?: PersonInput[] | undefined;
  identifiers?: IdentifierInput[] | undefined;
}

export interface CheckedPerson {
  role: PersonRole;
  description: string | null;
  approximateAge: number | null;
  gender: Gender | null;
  nationality: string | null;
}

export interface CheckedIdentifier {
  type: IdentifierType;
  value: string;
  display: string;
}

export interface CheckedSignal {
  municipalityCode: string | null;
  observedOn: string | null;
  forms: Form[];
  indicators: string[];
  narrative: string;
  acute: boolean;
  minors: boolean;
  seriousDisadvantage: boolean;
  sector: Sector | null;
  persons: CheckedPerson[];
  identifiers: CheckedIdentifier[];
}

const EARLIEST_OBSERVATION = '2000-01-01';

export function checkPersons(persons: PersonInput[], issues: FieldIssue[]): CheckedPerson[] {
  if (persons.length > LIMITS.persons) {
    issues.push({
      field: '/persons',
      rule: 'maxItems',
      message: `At most ${LIMITS.persons} people per signal`,
    });
    return [];
  }
  return persons.map((p, i) => {
    const at = `/persons/${i}`;
    if (!isOneOf(PERSON_ROLES, p.role))
      issues.push({
        field: `${at}/role`,
        rule: 'enum',
        message: `Role is one of ${PERSON_ROLES.join(', ')}`,
      });
    const description = p.description?.trim() || null;
    if (description && description.length > LIMITS.description)
      issues.push({
        field: `${at}/description`,
        rule: 'maxLength',
        message: `A description has at most ${LIMITS.description} characters`,
      });
    const age = p.approximateAge;
    if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 120))
      issues.push({
        field: `${at}/approximateAge`,
        rule: 'range',
        message: 'An age is a whole number from 0 to 120',
      });
    if (p.gender !== undefined && p.gender !== '' && !isOneOf(GENDERS, p.gender))
      issues.push({ field: `${at}/gender`, rule: 'enum', message: `Gender is one of ${GENDERS.join(', ')}` });
    const nationality = p.nationality?.trim().toUpperCase() || null;
    if (nationality && !/^[A-Z]{2}$/.test(nationality))
      issues.push({
        field: `${at}/nationality`,
        rule: 'format',
        message: 'A nationality is a two-letter country code (ISO 3166-1), e.g. NL or PL',
      });
    return {
      role: p.role as PersonRole,
      description,
      approximateAge: age ?? null,
      gender: p.gender ? (p.gender as Gender) : null,
      nationality,
    };
  });
}

export function checkIdentifiers(identifiers: IdentifierInput[], issues: FieldIssue[]): CheckedIdentifier[] {
  if (identifiers.length > LIMITS.identifiers) {
    issues.push({
      field: '/identifiers',
      rule: 'maxItems',
      message: `At most ${LIMITS.identifiers} identifiers per signal`,
    });
    return [];
  }
  const seen = new Set<string>();
  const checked: CheckedIdentifier[] = [];
  identifiers.forEach((item, i) => {
    if (!isOneOf(IDENTIFIER_TYPES, item.type)) {
      issues.push({
        field: `/identifiers/${i}/type`,
        rule: 'enum',
        message: `Type is one of ${IDENTIFIER_TYPES.join(', ')}`,
      });
      return;
    }
    const result = normaliseIdentifier(item.type, item.value);
    if (!result.ok) {
      issues.push({ field: `/identifiers/${i}/value`, rule: result.rule, message: result.message });
      return;
    }
    const key = `${item.type}:${result.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    checked.push({ type: item.type, value: result.value, display: result.display });
  });
  return checked;
}

export function checkNarrative(narrative: string, issues: FieldIssue[], field = '/narrative'): string {
  return requiredText(
    narrative,
    field,
    LIMITS.narrative,
    'Say what you saw or heard: the report is empty',
    issues,
  );
}

export async function checkMunicipality(
  ctx: Ctx,
  code: string | undefined,
  issues: FieldIssue[],
): Promise<string | null> {
  const value = code?.trim().toUpperCase() || null;
  if (value && !(/^GM[0-9]{4}$/.test(value) && (await currentMunicipalities(ctx)).has(value))) {
    issues.push({
      field: '/municipalityCode',
      rule: 'unknown-municipality',
      message: 'Unknown municipality code: give a current CBS code such as GM0363',
    });
  }
  return value;
}

export function checkObservedOn(ctx: Ctx, value: string, issues: FieldIssue[]): string {
  const today = amsterdamDay(ctx.now());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  const real = valid && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!real)
    issues.push({ field: '/observedOn', rule: 'format', message: 'A date as YYYY-MM-DD, e.g. 2026-03-14' });
  else if (value > today)
    issues.push({
      field: '/observedOn',
      rule: 'future',
      message: 'The date of the observation lies in the future',
    });
  else if (value < EARLIEST_OBSERVATION)
    issues.push({ field: '/observedOn', rule: 'range', message: `A date from ${EARLIEST_OBSERVATION} on` });
  return value;
}

export async function checkIntake(ctx: UserCtx, input: IntakeInput, defaultMunicipality: string | null) {
  const issues: FieldIssue[] = [];
  const municipalityCode = await checkMunicipality(
    ctx,
    input.municipalityCode || defaultMunicipality || undefined,
    issues,
  );
  if (!municipalityCode && !issues.length)
    issues.push({
      field: '/municipalityCode',
      rule: 'required',
      message: 'Name the municipality where it was observed',
    });
  const observedOn = checkObservedOn(ctx, input.observedOn, issues);
  const forms = [...new Set(input.forms)];
  if (forms.length === 0)
    issues.push({ field: '/forms', rule: 'minItems', message: 'Choose at least one form of exploitation' });
  forms.forEach((form, i) => {
    if (!isOneOf(FORMS, form))
      issues.push({ field: `/forms/${i}`, rule: 'enum', message: `A form is one of ${FORMS.join(', ')}` });
  });
  const indicators = [...new Set(input.indicators ?? [])];
  if (indicators.length > LIMITS.indicators)
    issues.push({
      field: '/indicators',
      rule: 'maxItems',
      message: `At most ${LIMITS.indicators} indicators`,
    });
  if (indicators.length) {
    const known = new Map((await indicatorCatalogue(ctx)).map((i) => [i.code, i.form]));
    indicators.forEach((code, i) => {
      const form = known.get(code);
      if (!form)
        issues.push({
          field: `/indicators/${i}`,
          rule: 'unknown-indicator',
          message: `Unknown indicator ${code}`,
        });
      else if (!forms.includes(form as Form))
        issues.push({
          field: `/indicators/${i}`,
          rule: 'form-not-chosen',
          message: `Indicator ${code} belongs to ${form}, which is not among the chosen forms`,
        });
    });
  }
  if (input.sector !== undefined && input.sector !== '' && !isOneOf(SECTORS, input.sector))
    issues.push({ field: '/sector', rule: 'enum', message: `A sector is one of ${SECTORS.join(', ')}` });
  const narrative = checkNarrative(input.narrative, issues);
  const persons = checkPersons(input.persons ?? [], issues);
  const identifiers = checkIdentifiers(input.identifiers ?? [], issues);
  if (issues.length) throw invalid(issues, 'The signal is not complete or not valid');
  const checked: CheckedSignal = {
    municipalityCode,
    observedOn,
    forms: forms as Form[],
    indicators: indicators.sort(),
    narrative,
    acute: input.acuteDanger ?? false,
    minors:
      (input.minorsInvolved ?? false) ||
      persons.some((p) => p.approximateAge !== null && p.approximateAge < 18),
    seriousDisadvantage: input.seriousDisadvantage ?? false,
    sector: (input.sector || null) as Sector | null,
    persons,
    identifiers,
  };
  return checked;
}
