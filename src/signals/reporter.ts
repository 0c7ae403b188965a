// The reporter's side. A professional follows their own signals in Schakel; an anonymous reporter holds only a
// receipt code: 32 characters (160 random bits), shown once. The first 8 characters find the row; the other 24 are
// checked against an argon2id hash. A wrong code, a code of the wrong shape and a code that matches nothing all
// take the same slow path and get the same answer, so the answer never says whether a report exists.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../context.js';
import { conflictOn, invalid, notFound, type FieldIssue } from '../errors.js';
import { slowHash, verifySlowHash } from '../auth/index.js';
import { findMunicipalityOrganisation } from '../organisations/index.js';
import { decrypt, encrypt, isUuid, requireText, requireUser, timeline } from './common.js';
import { checkMunicipality, checkNarrative, checkObservedOn, type CheckedSignal } from './checks.js';
import { isUniqueViolation, writeSignal } from './intake.js';
import * as store from './store.js';
import { messagesOf, type MessageView } from './views.js';
import { FORMS, isOneOf, LIMITS, type Form } from './vocabulary.js';

/** What a reporter is told: coarse on purpose, so a found code or a curious reporter learns little. */
export type ReporterStatus = 'ontvangen' | 'in-behandeling' | 'afgehandeld';

export function reporterStatus(status: string): ReporterStatus {
  if (status === 'nieuw') return 'ontvangen';
  if (status === 'doorgezet' || status === 'afgesloten') return 'afgehandeld';
  return 'in-behandeling';
}

export interface ReporterView {
  id: string;
  reference: string;
  status: ReporterStatus;
  receivedAt: string;
  /** Summaries the partners who took the signal up wrote for the reporter. */
  feedback: { at: string; summary: string }[];
  messages: MessageView[];
}

async function reporterView(ctx: Ctx, row: store.SignalRow): Promise<ReporterView> {
  // A merged duplicate's reporter follows the signal it was merged into.
  const target = row.merged_into ? ((await store.findSignal(ctx.db, row.merged_into)) ?? row) : row;
  const forwards = await store.listForwardsOf(ctx.db, target.id);
  return {
    id: row.id,
    reference: row.reference,
    status: reporterStatus(target.status),
    receivedAt: row.received_at.toISOString(),
    feedback: forwards
      .filter((f) => f.reporter_summary_enc && f.outcome_at)
      .map((f) => ({
        at: f.outcome_at!.toISOString(),
        summary: decrypt(ctx, 'summary', f.id, f.reporter_summary_enc)!,
      })),
    messages: await messagesOf(ctx, row.id),
  };
}

// ---- professionals ----

export interface OwnSignal extends ReporterView {
  forms: string[];
  municipalityCode: string | null;
  observedOn: string | null;
  narrative: string;
}

export async function listMine(
  ctx: Ctx,
): Promise<{ id: string; reference: string; status: ReporterStatus; forms: string[]; receivedAt: string }[]> {
  const user = requireUser(ctx, 'signals.report');
  const rows = await store.listByReporter(user.db, user.actor.userId, 200);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: reporterStatus(r.status),
    forms: r.forms,
    receivedAt: r.received_at.toISOString(),
  }));
}

async function loadOwn(ctx: Ctx, id: string) {
  const user = requireUser(ctx, 'signals.report');
  const row = isUuid(id) ? await store.findSignal(user.db, id) : undefined;
  if (!row || row.reporter_user_id !== user.actor.userId) throw notFound('Signal');
  return { user, row };
}

export async function getMine(ctx: Ctx, id: string): Promise<OwnSignal> {
  const { user, row } = await loadOwn(ctx, id);
  await user.audit({
    action: 'signal.read-own',
    recordType: 'signal',
    recordId: row.id,
    recordOrganisationId: row.holder_organisation_id,
    fields: ['narrative', 'feedback'],
    purpose: 'feedback',
  });
  return {
    ...(await reporterView(user, row)),
    forms: row.forms,
    municipalityCode: row.municipality_code,
    observedOn: row.observed_on,
    narrative: decrypt(user, 'narrative', row.id, row.narrative_enc)!,
  };
}

async function addReporterMessage(ctx: Ctx, row: store.SignalRow, text: string, userId: string | null) {
  if (row.status === 'samengevoegd' && row.merged_into === null) throw notFound('Signal');
  await store.insertMessage(ctx.db, {
    signalId: row.id,
    author: 'reporter',
    authorUserId: userId,
    bodyEnc: encrypt(ctx, 'message', row.id, text),
    at: ctx.now(),
  });
  await timeline(ctx, row.id, 'message-from-reporter');
  await ctx.audit({
    action: 'signal.reporter-message',
    recordType: 'signal',
    recordId: row.id,
    recordOrganisationId: row.holder_organisation_id,
    fields: ['message'],
    purpose: 'feedback',
  });
}

const checkMessage = (body: string) => requireText(body, 'body', LIMITS.message, 'Write a message');

export async function replyAsReporter(ctx: Ctx, id: string, body: string): Promise<void> {
  const text = checkMessage(body);
  const { user } = await loadOwn(ctx, id);
  await user.transaction(async (tx) => {
    const { row } = await loadOwn(tx, id);
    await addReporterMessage(tx, row, text, user.actor.userId);
  });
}

// ---- anonymous reporters ----

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base32: no I, L, O, U
const CODE_LENGTH = 32;
const LOOKUP_LENGTH = 8;

function newCode(): string {
  const bytes = randomBytes(20); // 160 bits, 5 bits per character
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** Groups of four for reading aloud and copying: `K7QF-2M9X-…`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** Accepts what people type: any case, dashes or spaces, and O/I/L for 0/1/1. Null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

function formMac(ctx: Ctx, code: string): string {
  return createHmac('sha256', ctx.keyring.derivedSecret('signals.receipt-form'))
    .update(code)
    .digest('base64url');
}

/**
 * The receipt code is made when the form is shown and travels signed in a hidden field: a double click or a retry
 * of the same form finds the report it made and shows the same code again, instead of making a second report.
 */
export function receiptFormToken(ctx: Ctx): string {
  const code = newCode();
  return `${code}.${formMac(ctx, code)}`;
}

function codeFromToken(ctx: Ctx, token: string): string | null {
  const [code, mac] = token.split('.');
  if (!code || !mac || normaliseCode(code) !== code) return null;
  const expected = Buffer.from(formMac(ctx, code));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? code : null;
}

export interface AnonymousInput {
  what: string;
  municipalityCode?: string | undefined;
  observedOn?: string | undefined;
  forms?: string[] | undefined;
  contact?: string | undefined;
  language: string;
}

export interface Receipt {
  reference: string;
  /** Grouped for display. Shown once; Schakel keeps only a slow hash of it. */
  code: string;
  replayed: boolean;
}

async function matching(row: store.SignalRow | undefined, code: string): Promise<boolean> {
  return verifySlowHash(row?.receipt_hash ?? null, code.slice(LOOKUP_LENGTH));
}

export async function submitAnonymous(ctx: Ctx, token: string, input: AnonymousInput): Promise<Receipt> {
  const issues: FieldIssue[] = [];
  let code = codeFromToken(ctx, token);
  if (!code)
    issues.push({
      field: 'receipt',
      rule: 'form-expired',
      message: 'The form is not valid any more: reload it',
    });
  const narrative = checkNarrative(input.what, issues, 'what');
  const municipalityCode = await checkMunicipality(ctx, input.municipalityCode, issues);
  const observedOn = input.observedOn ? checkObservedOn(ctx, input.observedOn, issues) : null;
  const forms = [...new Set(input.forms ?? [])];
  if (forms.some((f) => !isOneOf(FORMS, f)))
    issues.push({ field: 'forms', rule: 'enum', message: 'Unknown form' });
  const contact = input.contact?.trim() || null;
  if (contact && contact.length > LIMITS.contact)
    issues.push({ field: 'contact', rule: 'maxLength', message: `At most ${LIMITS.contact} characters` });
  if (issues.length) throw invalid(issues, 'The report is not complete');

  const existing = await store.findByReceiptLookup(ctx.db, code!.slice(0, LOOKUP_LENGTH));
  if (existing) {
    if (await matching(existing, code!))
      return { reference: existing.reference, code: formatCode(code!), replayed: true };
    code = newCode(); // a different report holds these first characters: this one gets a new code
  }
  const signal: CheckedSignal = {
    municipalityCode,
    observedOn,
    forms: forms as Form[],
    indicators: [],
    narrative,
    acute: false,
    minors: false,
    seriousDisadvantage: false,
    sector: null,
    persons: [],
    identifiers: [],
  };
  const hash = await slowHash(code!.slice(LOOKUP_LENGTH));
  try {
    const written = await ctx.transaction(async (tx) => {
      const holder = municipalityCode
        ? ((await findMunicipalityOrganisation(tx.db, municipalityCode))?.id ?? null)
        : null;
      const result = await writeSignal(tx, signal, {
        channel: 'anonymous',
        holderOrganisationId: holder,
        reporterUserId: null,
        reporterOrganisationId: null,
        receipt: { lookup: code!.slice(0, LOOKUP_LENGTH), hash, language: input.language, contact },
      });
      await tx.audit({
        action: 'signal.create',
        recordType: 'signal',
        recordId: result.id,
        recordOrganisationId: holder,
        fields: ['narrative', ...(contact ? ['contact'] : [])],
        purpose: 'meldpunt',
        details: { reference: result.reference, channel: 'anonymous' },
      });
      return result;
    });
    return { reference: written.reference, code: formatCode(code!), replayed: false };
  } catch (error) {
    // The same form sent twice at once: the second finds the first.
    if (isUniqueViolation(error)) {
      const first = await store.findByReceiptLookup(ctx.db, code!.slice(0, LOOKUP_LENGTH));
      if (first && (await matching(first, code!)))
        return { reference: first.reference, code: formatCode(code!), replayed: true };
    }
    throw error;
  }
}

/** The report behind a code, or null: the same answer, after the same work, for every kind of wrong code. */
async function byCode(ctx: Ctx, input: string): Promise<store.SignalRow | null> {
  const code = normaliseCode(input);
  const row = code ? await store.findByReceiptLookup(ctx.db, code.slice(0, LOOKUP_LENGTH)) : undefined;
  const ok = await matching(row, code ?? '0'.repeat(CODE_LENGTH));
  return ok && row ? row : null;
}

export async function readByCode(ctx: Ctx, code: string): Promise<ReporterView | null> {
  const row = await byCode(ctx, code);
  if (!row) return null;
  await ctx.audit({
    action: 'signal.read-by-receipt',
    recordType: 'signal',
    recordId: row.id,
    recordOrganisationId: row.holder_organisation_id,
    fields: ['feedback', 'messages'],
    purpose: 'feedback',
  });
  return reporterView(ctx, row);
}

export async function replyByCode(ctx: Ctx, code: string, body: string): Promise<ReporterView> {
  const text = checkMessage(body);
  const row = await byCode(ctx, code);
  if (!row) throw conflictOn('code', 'unknown-code', 'This code is not known');
  await ctx.transaction((tx) => addReporterMessage(tx, row, text, null));
  return reporterView(ctx, row);
}
