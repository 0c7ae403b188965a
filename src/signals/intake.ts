// Intake: a professional's signal (page or API) and the shared writer anonymous reports use too. Everything is
// checked before anything is written; the signal, its people, identifiers, first timeline entry and audit event go
// in one transaction, so a signal is either whole or absent.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.js';
import { conflictOn, invalid, type FieldIssue } from '../errors.js';
import { findMunicipalityOrganisation } from '../organisations/index.js';
import { amsterdamDay, signalDeadline } from './calendar.js';
import {
  currentMunicipalities,
  encrypt,
  indicatorCatalogue,
  organisationOf,
  pseudonym,
  requestHash,
  requiredText,
  requireUser,
  type UserCtx,
} from './common.js';
import { IDENTIFIER_TYPES, normaliseIdentifier, type IdentifierType } from './identifiers.js';
import * as store from './store.js';
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

async function checkIntake(ctx: UserCtx, input: IntakeInput, defaultMunicipality: string | null) {
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

export interface Written {
  id: string;
  reference: string;
}

/**
 * Writes a checked signal with its people, identifiers and first timeline entry. Runs inside the caller's
 * transaction; the caller audits.
 */
export async function writeSignal(
  ctx: Ctx,
  signal: CheckedSignal,
  extra: {
    channel: 'professional' | 'partner' | 'anonymous';
    holderOrganisationId: string | null;
    reporterUserId: string | null;
    reporterOrganisationId: string | null;
    receipt?: { lookup: string; hash: string; language: string; contact: string | null };
    idempotency?: { scope: string; key: string; requestHash: string };
  },
): Promise<Written> {
  const id = randomUUID();
  const now = ctx.now();
  const deadline = signalDeadline(now, signal.acute, {
    acuteHours: ctx.config.signalDeadlineAcuteHours,
    workingDays: ctx.config.signalDeadlineWorkingDays,
  });
  const user = ctx.actor.kind === 'user' ? ctx.actor : null;
  const reference = await store.insertWholeSignal(
    ctx.db,
    {
      signal: {
        id,
        channel: extra.channel,
        holderOrganisationId: extra.holderOrganisationId,
        municipalityCode: signal.municipalityCode,
        observedOn: signal.observedOn,
        forms: signal.forms,
        indicators: signal.indicators,
        seriousDisadvantage: signal.seriousDisadvantage,
        sector: signal.sector,
        narrativeEnc: encrypt(ctx, 'narrative', id, signal.narrative),
        acute: signal.acute,
        minors: signal.minors,
        reporterUserId: extra.reporterUserId,
        reporterOrganisationId: extra.reporterOrganisationId,
        receivedAt: now,
        deadlineAt: deadline,
        receiptLookup: extra.receipt?.lookup ?? null,
        receiptHash: extra.receipt?.hash ?? null,
        reporterLanguage: extra.receipt?.language ?? null,
        contactEnc: extra.receipt?.contact ? encrypt(ctx, 'contact', id, extra.receipt.contact) : null,
      },
      persons: signal.persons.map((p, i) => ({
        position: i + 1,
        role: p.role,
        description_enc: p.description ? encrypt(ctx, 'person', `${id}:${i + 1}`, p.description) : null,
        approximate_age: p.approximateAge,
        gender: p.gender,
        nationality: p.nationality,
      })),
      identifiers: signal.identifiers.map((x, i) => ({
        position: i + 1,
        type: x.type,
        value_enc: encrypt(ctx, 'identifier', `${id}:${i + 1}`, x.display),
        pseudonym: pseudonym(ctx, x.type, x.value),
        holder_organisation_id: extra.holderOrganisationId,
      })),
      event: {
        kind: 'created',
        details: {
          channel: extra.channel,
          forms: signal.forms,
          acute: signal.acute,
          minors: signal.minors,
          persons: signal.persons.length,
          identifiers: signal.identifiers.length,
        },
        actorUserId: user?.userId ?? null,
        actorOrganisationId: user?.organisationId ?? null,
      },
      idempotency: extra.idempotency ?? null,
    },
    Number(amsterdamDay(now).slice(0, 4)),
  );
  return { id, reference };
}

/** The personal data fields a signal holds, for the audit log. */
export function signalFields(signal: CheckedSignal): string[] {
  return [
    'narrative',
    ...(signal.persons.length ? ['persons'] : []),
    ...(signal.identifiers.length ? ['identifiers'] : []),
  ];
}

/**
 * Where a professional's signal lands: a municipality's (or Veilig Thuis') own reporter reports into its own
 * reporting point; anyone else's signal goes to the reporting point of the municipality where it was observed, or
 * the national queue when that municipality does not use Schakel.
 */
async function holderFor(ctx: UserCtx, organisationType: string, municipalityCode: string | null) {
  if (organisationType === 'gemeente' || organisationType === 'veilig-thuis') return ctx.actor.organisationId;
  if (!municipalityCode) return null;
  return (await findMunicipalityOrganisation(ctx.db, municipalityCode))?.id ?? null;
}

export interface ReportResult extends Written {
  /** True when this was a retry of a submission that had been stored already. */
  replayed: boolean;
}

export async function reportSignal(
  ctx: Ctx,
  input: IntakeInput,
  idempotencyKey?: string,
): Promise<ReportResult> {
  const user = requireUser(ctx, 'signals.report');
  const organisation = await organisationOf(user, user.actor.organisationId);
  const checked = await checkIntake(user, input, organisation?.municipalityCode ?? null);
  const scope = `user:${user.actor.userId}`;
  // Only a submission that can be retried needs its fingerprint.
  const hash = idempotencyKey ? requestHash(input) : '';
  const replay = async (): Promise<ReportResult | null> => {
    if (!idempotencyKey) return null;
    const existing = await store.findIdempotencyKey(user.db, scope, idempotencyKey);
    if (!existing) return null;
    if (existing.request_hash !== hash)
      throw conflictOn(
        'Idempotency-Key',
        'idempotency-key-reused',
        'This Idempotency-Key was used for a different signal; use a new key for a new signal',
      );
    const signal = await store.findSignal(user.db, existing.signal_id);
    return { id: existing.signal_id, reference: signal!.reference, replayed: true };
  };
  const write = async (tx: Ctx): Promise<ReportResult> => {
    const holder = await holderFor(
      tx as UserCtx,
      user.actor.organisationType ?? '',
      checked.municipalityCode,
    );
    const written = await writeSignal(tx, checked, {
      channel: holder === user.actor.organisationId ? 'professional' : 'partner',
      holderOrganisationId: holder,
      reporterUserId: user.actor.userId,
      reporterOrganisationId: user.actor.organisationId,
      ...(idempotencyKey ? { idempotency: { scope, key: idempotencyKey, requestHash: hash } } : {}),
    });
    await tx.audit({
      action: 'signal.create',
      recordType: 'signal',
      recordId: written.id,
      recordOrganisationId: holder,
      fields: signalFields(checked),
      purpose: 'meldpunt',
      details: {
        reference: written.reference,
        channel: holder === user.actor.organisationId ? 'professional' : 'partner',
      },
    });
    return { ...written, replayed: false };
  };
  if (ctx.config.faultAckBeforeCommit) return acknowledgeBeforeCommit(user, write);
  try {
    return await user.transaction(write);
  } catch (error) {
    // A retry, or two submissions with one key at once: the key is taken, so the signal it made is found. Retries are
    // rare; looking the key up before writing would cost every submission a round trip.
    if (isUniqueViolation(error)) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * The test-only broken mode (`SCHAKEL_FAULT_ACK_BEFORE_COMMIT`): answers as soon as the rows are written and commits
 * 50 ms later, so a crash in between loses an acknowledged signal. The fault test proves it notices.
 */
function acknowledgeBeforeCommit<T>(ctx: Ctx, write: (tx: Ctx) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    ctx
      .transaction(async (tx) => {
        resolve(await write(tx));
        await new Promise((done) => setTimeout(done, 50));
      })
      .catch(reject);
  });
}
