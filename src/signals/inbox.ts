// The recipient's side of a forward: the inbox, the minimal view the legal basis allows (every read audited with
// the forward's purpose), accepting, and the outcome that flows back to the reporting point and the reporter.
import type { Ctx } from '../context.js';
import { conflictOn, invalid, notFound, type FieldIssue } from '../errors.js';
import { displayNames } from '../auth/index.js';
import { allOrganisations } from '../organisations/index.js';
import { decrypt, encrypt, isUuid, requiredText, requireUser, timeline } from './common.js';
import * as store from './store.js';
import { decryptIdentifiers, decryptPersons, forwardSummaries, type ForwardSummary } from './views.js';
import {
  isOneOf,
  LIMITS,
  OUTCOMES,
  type ForwardStatus,
  type Outcome,
  type SignalCategory,
} from './vocabulary.js';

export interface InboxItem {
  id: string;
  reference: string;
  forms: string[];
  acute: boolean;
  minors: boolean;
  from: string;
  purpose: string;
  status: ForwardStatus;
  forwardedAt: string;
  outcome: Outcome | null;
}

export async function listInbox(ctx: Ctx, status?: ForwardStatus): Promise<InboxItem[]> {
  const user = requireUser(ctx, 'signals.inbox');
  const rows = await store.listInbox(user.db, user.actor.organisationId, status ? [status] : undefined, 500);
  const names = new Map((await allOrganisations(user.db)).map((o) => [o.id, o.name]));
  return rows.map((f) => ({
    id: f.id,
    reference: f.reference,
    forms: f.forms,
    acute: f.acute,
    minors: f.minors,
    from: names.get(f.from_organisation_id) ?? '',
    purpose: f.purpose,
    status: f.status as ForwardStatus,
    forwardedAt: f.forwarded_at.toISOString(),
    outcome: f.outcome as Outcome | null,
  }));
}

/** What the recipient sees: the base facts, and only the parts the legal basis let through. */
export interface ForwardedSignalView extends ForwardSummary {
  reference: string;
  forms: string[];
  seriousDisadvantage: boolean;
  sector: string | null;
  municipalityCode: string | null;
  observedOn: string | null;
  acute: boolean;
  minors: boolean;
  receivedAt: string;
  narrative: string | null;
  indicators: string[] | null;
  persons: ReturnType<typeof decryptPersons> | null;
  identifiers: ReturnType<typeof decryptIdentifiers> | null;
  reporter: { name: string | null; organisation: string | null } | null;
}

async function loadReceived(ctx: Ctx, id: string, lock = false) {
  const user = requireUser(ctx, 'signals.inbox');
  const row = isUuid(id) ? await store.findForward(user.db, id, { lock }) : undefined;
  if (!row || row.to_organisation_id !== user.actor.organisationId) throw notFound('Forwarded signal');
  return { user, row };
}

export async function getForward(ctx: Ctx, id: string): Promise<ForwardedSignalView> {
  const { user, row } = await loadReceived(ctx, id);
  const signal = (await store.findSignal(user.db, row.signal_id))!;
  const has = (c: SignalCategory) => row.categories.includes(c);
  const organisations = new Map((await allOrganisations(user.db)).map((o) => [o.id, o.name]));
  const [persons, identifiers] = await Promise.all([
    has('identifying') ? store.listPersons(user.db, signal.id) : Promise.resolve(null),
    has('identifiers') ? store.listIdentifiers(user.db, signal.id) : Promise.resolve(null),
  ]);
  let reporter: ForwardedSignalView['reporter'] = null;
  if (has('contact') && signal.channel !== 'anonymous') {
    const names = await displayNames(user.db, signal.reporter_user_id ? [signal.reporter_user_id] : []);
    reporter = {
      name: signal.reporter_user_id ? (names.get(signal.reporter_user_id) ?? null) : null,
      organisation: signal.reporter_organisation_id
        ? (organisations.get(signal.reporter_organisation_id) ?? null)
        : null,
    };
  }
  await user.audit({
    action: 'signal.forward-read',
    recordType: 'signal',
    recordId: signal.id,
    recordOrganisationId: signal.holder_organisation_id,
    fields: row.categories,
    purpose: row.purpose,
    details: { forward: row.id, rule: `${row.rule_id}@${row.rule_version}` },
  });
  return {
    ...forwardSummaries(user, [row], organisations)[0]!,
    reference: signal.reference,
    forms: signal.forms,
    seriousDisadvantage: signal.serious_disadvantage,
    sector: signal.sector,
    municipalityCode: signal.municipality_code,
    observedOn: signal.observed_on,
    acute: signal.acute,
    minors: signal.minors,
    receivedAt: signal.received_at.toISOString(),
    narrative: has('narrative') ? decrypt(user, 'narrative', signal.id, signal.narrative_enc) : null,
    indicators: has('narrative') ? signal.indicators : null,
    persons: persons && decryptPersons(user, persons),
    identifiers: identifiers && decryptIdentifiers(user, identifiers),
    reporter,
  };
}

export async function acceptForward(ctx: Ctx, id: string): Promise<void> {
  await requireUser(ctx, 'signals.inbox').transaction(async (tx) => {
    const { row } = await loadReceived(tx, id, true);
    if (row.status !== 'verzonden')
      throw conflictOn('status', 'transition', 'This signal was accepted already');
    await store.updateForward(tx.db, row.id, {
      status: 'geaccepteerd',
      accepted_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
      accepted_at: tx.now(),
    });
    await timeline(tx, row.signal_id, 'forward-accepted', { forward: row.id });
    await tx.audit({
      action: 'signal.forward-accept',
      recordType: 'signal_forward',
      recordId: row.id,
      recordOrganisationId: row.to_organisation_id,
    });
  });
}

export interface OutcomeInput {
  outcome: string;
  reason: string;
  reporterSummary?: string | undefined;
}

export async function recordOutcome(ctx: Ctx, id: string, input: OutcomeInput): Promise<void> {
  const issues: FieldIssue[] = [];
  if (!isOneOf(OUTCOMES, input.outcome))
    issues.push({ field: '/outcome', rule: 'enum', message: `The outcome is one of ${OUTCOMES.join(', ')}` });
  const reason = requiredText(
    input.reason,
    '/reason',
    LIMITS.reason,
    'Say what was done, or why nothing',
    issues,
  );
  const summary = input.reporterSummary?.trim() || null;
  if (summary && summary.length > LIMITS.reason)
    issues.push({
      field: '/reporterSummary',
      rule: 'maxLength',
      message: `At most ${LIMITS.reason} characters`,
    });
  if (issues.length) throw invalid(issues, 'The outcome is not complete');
  await requireUser(ctx, 'signals.inbox').transaction(async (tx) => {
    const { row } = await loadReceived(tx, id, true);
    if (row.status === 'afgerond')
      throw conflictOn('status', 'transition', 'The outcome was recorded already');
    const by = tx.actor.kind === 'user' ? tx.actor.userId : null;
    await store.updateForward(tx.db, row.id, {
      status: 'afgerond',
      ...(row.accepted_at ? {} : { accepted_by: by, accepted_at: tx.now() }),
      outcome: input.outcome,
      outcome_reason_enc: encrypt(tx, 'outcome', row.id, reason),
      reporter_summary_enc: summary ? encrypt(tx, 'summary', row.id, summary) : null,
      outcome_by: by,
      outcome_at: tx.now(),
    });
    await timeline(
      tx,
      row.signal_id,
      'outcome',
      { forward: row.id, outcome: input.outcome, forReporter: summary !== null },
      reason,
    );
    await tx.audit({
      action: 'signal.outcome',
      recordType: 'signal_forward',
      recordId: row.id,
      recordOrganisationId: row.to_organisation_id,
      details: { outcome: input.outcome },
    });
  });
}
