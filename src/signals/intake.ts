// Intake: a professional's signal (page or API) and the shared writer anonymous reports use too. Everything is
// checked first (checks.ts); the signal, its people, identifiers, first timeline entry and audit event go
// in one transaction, so a signal is either whole or absent.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.js';
import { conflictOn } from '../errors.js';
import { findMunicipalityOrganisation } from '../organisations/index.js';
import { amsterdamDay, signalDeadline } from './calendar.js';
import { checkIntake, type CheckedSignal, type IntakeInput } from './checks.js';
import { encrypt, organisationOf, pseudonym, requestHash, requireUser, type UserCtx } from './common.js';
import * as store from './store.js';

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
