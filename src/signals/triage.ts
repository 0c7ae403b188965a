// Triage at a reporting point: the queue, the signal as the aandachtsfunctionaris sees it, and the verbs on it
// (assign, note, decide, reopen, link, merge, message the reporter; CoMensha routes the national queue on).
import type { Ctx } from '../context.js';
import { conflictOn, invalid, notFound, type FieldIssue } from '../errors.js';
import { displayNames } from '../auth/index.js';
import { findMunicipalityOrganisation, membersWithRole } from '../organisations/index.js';
import { hasPermission } from '../policy/index.js';
import { amsterdamDay } from './calendar.js';
import { encrypt, isUuid, requireText, requireUser, timeline, type UserCtx } from './common.js';
import { checkMunicipality } from './checks.js';
import * as store from './store.js';
import { signalView, summarise, type SignalSummary, type SignalView } from './views.js';
import { LIMITS, type Decision, type SignalStatus } from './vocabulary.js';

/** The statuses a queue shows unless asked otherwise: what still needs work. */
export const WORK_STATUSES: readonly SignalStatus[] = ['nieuw', 'in-behandeling', 'monitoren'];

/** The holder's side: the own organisation's reporting point, or the national queue for CoMensha. */
function officerScope(ctx: Ctx): { user: UserCtx; holder: string | null } {
  if (ctx.actor.kind === 'user' && hasPermission(ctx.actor, 'signals.triage'))
    return { user: requireUser(ctx, 'signals.triage'), holder: ctx.actor.organisationId };
  return { user: requireUser(ctx, 'signals.national-queue'), holder: null };
}

/** A signal the acting officer holds; another holder's signal answers like a missing one. */
async function loadHeld(ctx: Ctx, id: string, lock = false) {
  const { user, holder } = officerScope(ctx);
  const row = isUuid(id) ? await store.findSignal(user.db, id, { lock }) : undefined;
  if (!row || row.holder_organisation_id !== holder) throw notFound('Signal');
  return { user, holder, row };
}

export interface QueueQuery {
  status?: SignalStatus | 'alle' | undefined;
  form?: string | undefined;
  urgency?: 'acuut' | 'minderjarigen' | undefined;
  assignedToMe?: boolean | undefined;
}

export async function listQueue(ctx: Ctx, query: QueueQuery = {}): Promise<SignalSummary[]> {
  const { user, holder } = officerScope(ctx);
  const rows = await store.listQueue(user.db, {
    holderOrganisationId: holder,
    statuses: query.status === 'alle' ? undefined : query.status ? [query.status] : WORK_STATUSES,
    form: query.form,
    acute: query.urgency === 'acuut' ? true : undefined,
    minors: query.urgency === 'minderjarigen' ? true : undefined,
    assignedTo: query.assignedToMe ? user.actor.userId : undefined,
    limit: 500,
  });
  const names = await displayNames(
    user.db,
    rows.flatMap((r) => (r.assigned_to ? [r.assigned_to] : [])),
  );
  return rows.map((r) => summarise(user, r, names));
}

/** The whole signal for the officer who holds it. The read is audited. */
export async function getSignal(ctx: Ctx, id: string): Promise<SignalView> {
  const { user, row } = await loadHeld(ctx, id);
  await user.audit({
    action: 'signal.read',
    recordType: 'signal',
    recordId: row.id,
    recordOrganisationId: row.holder_organisation_id,
    fields: ['narrative', 'persons', 'identifiers', 'reporter'],
    purpose: 'triage',
  });
  return signalView(user, row);
}

function refuseMerged(row: store.SignalRow) {
  if (row.status === 'samengevoegd')
    throw conflictOn('status', 'merged', 'This signal was merged into another; work on that one');
}

/** Colleagues a signal can be assigned to: the organisation's aandachtsfunctionarissen. */
export async function assignees(ctx: Ctx): Promise<{ userId: string; displayName: string }[]> {
  const { user, holder } = officerScope(ctx);
  if (holder === null) return membersWithRole(user.db, user.actor.organisationId, 'comensha-registrator');
  return membersWithRole(user.db, holder, 'aandachtsfunctionaris');
}

export async function assign(ctx: Ctx, id: string, userId: string | null): Promise<void> {
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    refuseMerged(row);
    if (userId !== null && !(await assignees(tx)).some((a) => a.userId === userId))
      throw invalid([
        {
          field: 'userId',
          rule: 'not-a-colleague',
          message: 'Assign to an aandachtsfunctionaris of your organisation',
        },
      ]);
    const status = row.status === 'nieuw' ? 'in-behandeling' : row.status;
    await store.updateSignal(tx.db, row.id, { assigned_to: userId, status }, tx.now());
    await timeline(tx, row.id, 'assigned', { to: userId, status });
    await tx.audit({
      action: 'signal.assign',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      details: { to: userId },
    });
  });
}

export async function addNote(ctx: Ctx, id: string, note: string): Promise<void> {
  const text = requireText(note, 'note', LIMITS.note, 'A note is required');
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    refuseMerged(row);
    if (row.status === 'nieuw')
      await store.updateSignal(tx.db, row.id, { status: 'in-behandeling' }, tx.now());
    await timeline(tx, row.id, 'note', {}, text);
    await tx.audit({
      action: 'signal.note',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      fields: ['note'],
      purpose: 'triage',
    });
  });
}

export interface DecisionInput {
  decision: Decision;
  reason: string;
  reviewOn?: string | undefined;
}

export async function decideSignal(ctx: Ctx, id: string, input: DecisionInput): Promise<void> {
  const reason = requireText(input.reason, 'reason', LIMITS.reason, 'A reason is required');
  let reviewOn: string | null = null;
  if (input.decision === 'monitoren') {
    const today = amsterdamDay(ctx.now());
    const valid =
      input.reviewOn &&
      /^\d{4}-\d{2}-\d{2}$/.test(input.reviewOn) &&
      !Number.isNaN(Date.parse(input.reviewOn));
    if (!valid || input.reviewOn! <= today)
      throw invalid([
        { field: 'reviewOn', rule: 'review-date', message: 'Keeping watch needs a review date after today' },
      ]);
    reviewOn = input.reviewOn!;
  }
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    refuseMerged(row);
    const from = row.status as SignalStatus;
    // A forwarded signal can still be closed once its outcomes are in; keeping watch needs it open.
    const allowed: readonly SignalStatus[] =
      input.decision === 'monitoren'
        ? ['nieuw', 'in-behandeling', 'monitoren']
        : ['nieuw', 'in-behandeling', 'monitoren', 'doorgezet'];
    if (!allowed.includes(from))
      throw conflictOn(
        'status',
        'transition',
        `A signal that is ${from} cannot be set to ${input.decision}; reopen it first`,
      );
    await store.updateSignal(
      tx.db,
      row.id,
      {
        status: input.decision,
        decision_reason_enc: encrypt(tx, 'reason', row.id, reason),
        review_on: reviewOn,
        decided_at: tx.now(),
      },
      tx.now(),
    );
    await timeline(tx, row.id, 'decided', { from, to: input.decision, reviewOn }, reason);
    await tx.audit({
      action: 'signal.decide',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      purpose: 'triage',
      details: { decision: input.decision },
    });
  });
}

export async function reopen(ctx: Ctx, id: string, reasonInput: string): Promise<void> {
  const reason = requireText(reasonInput, 'reason', LIMITS.reason, 'A reason is required');
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    refuseMerged(row);
    if (!['monitoren', 'afgesloten', 'doorgezet'].includes(row.status))
      throw conflictOn('status', 'transition', `A signal that is ${row.status} is open already`);
    await store.updateSignal(tx.db, row.id, { status: 'in-behandeling', review_on: null }, tx.now());
    await timeline(tx, row.id, 'reopened', { from: row.status }, reason);
    await tx.audit({
      action: 'signal.reopen',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      purpose: 'triage',
    });
  });
}

export async function linkSignals(ctx: Ctx, id: string, otherId: string): Promise<void> {
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    const { row: other } = await loadHeld(tx, otherId).catch(() => {
      throw invalid([
        {
          field: 'relatedId',
          rule: 'unknown-signal',
          message: 'No signal of your reporting point has that id',
        },
      ]);
    });
    if (other.id === row.id)
      throw invalid([{ field: 'relatedId', rule: 'self', message: 'A signal cannot be linked to itself' }]);
    if (
      !(await store.insertLink(
        tx.db,
        row.id,
        other.id,
        tx.actor.kind === 'user' ? tx.actor.userId : null,
        tx.now(),
      ))
    )
      throw conflictOn('relatedId', 'already-linked', 'These signals are linked already');
    await timeline(tx, row.id, 'linked', { reference: other.reference });
    await timeline(tx, other.id, 'linked', { reference: row.reference });
    await tx.audit({
      action: 'signal.link',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      details: { related: other.id },
    });
  });
}

/** Merges a duplicate into this signal. The duplicate keeps its own history and points here; nothing is deleted. */
export async function mergeSignal(
  ctx: Ctx,
  id: string,
  duplicateId: string,
  reasonInput: string,
): Promise<void> {
  const reason = requireText(reasonInput, 'reason', LIMITS.reason, 'A reason is required');
  await officerScope(ctx).user.transaction(async (tx) => {
    // Lock in a fixed order so two officers merging the same pair the other way round cannot deadlock.
    const [first, second] = id < duplicateId ? [id, duplicateId] : [duplicateId, id];
    await loadHeld(tx, first, true).catch(() => undefined);
    await loadHeld(tx, second, true).catch(() => undefined);
    const { row } = await loadHeld(tx, id);
    const { row: duplicate } = await loadHeld(tx, duplicateId).catch(() => {
      throw invalid([
        {
          field: 'duplicateId',
          rule: 'unknown-signal',
          message: 'No signal of your reporting point has that id',
        },
      ]);
    });
    if (duplicate.id === row.id)
      throw invalid([
        { field: 'duplicateId', rule: 'self', message: 'A signal cannot be merged into itself' },
      ]);
    refuseMerged(row);
    if (duplicate.status === 'samengevoegd')
      throw conflictOn('duplicateId', 'merged', 'That signal was merged already');
    await store.updateSignal(tx.db, duplicate.id, { status: 'samengevoegd', merged_into: row.id }, tx.now());
    await timeline(
      tx,
      duplicate.id,
      'merged-into',
      { reference: row.reference, from: duplicate.status },
      reason,
    );
    await timeline(tx, row.id, 'merged', { reference: duplicate.reference }, reason);
    await tx.audit({
      action: 'signal.merge',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      details: { duplicate: duplicate.id },
    });
  });
}

/** A message from the officer to the reporter (professional: on their page; anonymous: behind the receipt code). */
export async function messageReporter(ctx: Ctx, id: string, body: string): Promise<void> {
  const text = requireText(body, 'body', LIMITS.message, 'A message is required');
  await officerScope(ctx).user.transaction(async (tx) => {
    const { row } = await loadHeld(tx, id, true);
    refuseMerged(row);
    if (row.channel !== 'anonymous' && !row.reporter_user_id)
      throw conflictOn(
        'body',
        'no-reporter',
        'The reporter of this signal can no longer be reached in Schakel',
      );
    await store.insertMessage(tx.db, {
      signalId: row.id,
      author: 'officer',
      authorUserId: tx.actor.kind === 'user' ? tx.actor.userId : null,
      bodyEnc: encrypt(tx, 'message', row.id, text),
      at: tx.now(),
    });
    await timeline(tx, row.id, 'message-to-reporter');
    await tx.audit({
      action: 'signal.message',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: row.holder_organisation_id,
      fields: ['message'],
      purpose: 'feedback',
    });
  });
}

/** CoMensha passes a report from the national queue to the reporting point of a municipality that uses Schakel. */
export async function routeToMunicipality(ctx: Ctx, id: string, code: string): Promise<void> {
  const user = requireUser(ctx, 'signals.national-queue');
  const issues: FieldIssue[] = [];
  const municipality = await checkMunicipality(user, code, issues);
  if (!municipality && !issues.length)
    issues.push({ field: '/municipalityCode', rule: 'required', message: 'Choose a municipality' });
  if (issues.length) throw invalid(issues);
  await user.transaction(async (tx) => {
    const row = await store.findSignal(tx.db, id, { lock: true });
    if (!row || row.holder_organisation_id !== null) throw notFound('Signal');
    const target = await findMunicipalityOrganisation(tx.db, municipality!);
    if (!target)
      throw conflictOn(
        '/municipalityCode',
        'no-reporting-point',
        'That municipality has no reporting point in Schakel yet',
      );
    await store.updateSignal(
      tx.db,
      row.id,
      { holder_organisation_id: target.id, municipality_code: municipality },
      tx.now(),
    );
    await store.moveIdentifiers(tx.db, row.id, target.id);
    await timeline(tx, row.id, 'routed', { to: target.name });
    await tx.audit({
      action: 'signal.route',
      recordType: 'signal',
      recordId: row.id,
      recordOrganisationId: target.id,
      purpose: 'meldpunt',
      details: { to: target.id },
    });
  });
}
