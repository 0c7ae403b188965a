// Forwarding a signal to chain partners. Every forward goes through the one share decision of the sharing module; a
// refusal stops it and says why. The recipient's side is in inbox.ts.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.js';
import { conflictOn, DomainError, invalid, notFound, type FieldIssue } from '../errors.js';
import { allOrganisations, findOrganisation, type OrganisationRecord } from '../organisations/index.js';
import type { OrganisationType } from '../policy/index.js';
import { decideWithTable, type Category, type Purpose, type ShareDecision } from '../sharing/index.js';
import { encrypt, isUuid, requiredText, requireUser, timeline } from './common.js';
import * as store from './store.js';
import { forwardSummaries, type ForwardSummary } from './views.js';
import { isOneOf, LIMITS, RECIPIENT_PURPOSES, SIGNAL_CATEGORIES, type SignalCategory } from './vocabulary.js';

export interface RecipientOption {
  organisation: { id: string; name: string; type: string };
  purposes: { purpose: Purpose; decision: ShareDecision }[];
}

const FORWARDABLE = ['nieuw', 'in-behandeling', 'monitoren', 'doorgezet'];

async function loadForForwarding(ctx: Ctx, id: string, lock = false) {
  const user = requireUser(ctx, 'signals.triage');
  const row = isUuid(id) ? await store.findSignal(user.db, id, { lock }) : undefined;
  if (!row || row.holder_organisation_id !== user.actor.organisationId) throw notFound('Signal');
  return { user, row };
}

/**
 * Every organisation the reporting point could forward to, with the share decision for each purpose and the
 * categories asked: the page shows the legal basis (or the refusal) before anything is shared.
 */
export async function recipientOptions(
  ctx: Ctx,
  id: string,
  categories: readonly SignalCategory[] = SIGNAL_CATEGORIES,
): Promise<RecipientOption[]> {
  const { user } = await loadForForwarding(ctx, id);
  const sourceType = user.actor.organisationType as OrganisationType;
  const organisations = (await allOrganisations(user.db)).filter(
    (o) => o.id !== user.actor.organisationId && RECIPIENT_PURPOSES[o.type as OrganisationType],
  );
  return Promise.all(
    organisations.map(async (o) => ({
      organisation: { id: o.id, name: o.name, type: o.type },
      purposes: await Promise.all(
        RECIPIENT_PURPOSES[o.type as OrganisationType]!.map(async (purpose) => ({
          purpose,
          decision: await decideWithTable(user, {
            sourceType,
            recipientType: o.type as OrganisationType,
            purpose,
            categories: [...categories],
            consents: [],
          }),
        })),
      ),
    })),
  );
}

export interface ForwardInput {
  recipients: { organisationId: string; purpose: string }[];
  categories: string[];
  reason: string;
}

export async function forwardSignal(ctx: Ctx, id: string, input: ForwardInput): Promise<ForwardSummary[]> {
  const issues: FieldIssue[] = [];
  const reason = requiredText(
    input.reason,
    '/reason',
    LIMITS.reason,
    'Say why the signal is forwarded',
    issues,
  );
  const categories = [...new Set(input.categories)];
  if (categories.length === 0)
    issues.push({ field: '/categories', rule: 'minItems', message: 'Choose what to share' });
  categories.forEach((c, i) => {
    if (!isOneOf(SIGNAL_CATEGORIES, c))
      issues.push({
        field: `/categories/${i}`,
        rule: 'enum',
        message: `One of ${SIGNAL_CATEGORIES.join(', ')}`,
      });
  });
  if (input.recipients.length === 0)
    issues.push({ field: '/recipients', rule: 'minItems', message: 'Choose at least one recipient' });
  const seen = new Set<string>();
  input.recipients.forEach((r, i) => {
    if (seen.has(r.organisationId))
      issues.push({ field: `/recipients/${i}`, rule: 'duplicate', message: 'Each recipient once' });
    seen.add(r.organisationId);
  });
  if (issues.length) throw invalid(issues, 'The forward is not complete');

  const { user } = await loadForForwarding(ctx, id);
  return user.transaction(async (tx) => {
    const { row } = await loadForForwarding(tx, id, true);
    if (!FORWARDABLE.includes(row.status))
      throw conflictOn(
        'status',
        'transition',
        `A signal that is ${row.status} cannot be forwarded; reopen it first`,
      );
    const already = new Set((await store.listForwardsOf(tx.db, row.id)).map((f) => f.to_organisation_id));
    const sourceType = user.actor.organisationType as OrganisationType;
    const planned: {
      to: OrganisationRecord;
      purpose: Purpose;
      decision: Extract<ShareDecision, { allowed: true }>;
    }[] = [];
    const refusals: FieldIssue[] = [];
    for (const [i, r] of input.recipients.entries()) {
      const to = isUuid(r.organisationId) ? await findOrganisation(tx.db, r.organisationId) : undefined;
      const purposes = to ? RECIPIENT_PURPOSES[to.type as OrganisationType] : undefined;
      if (!to || to.id === user.actor.organisationId || !purposes) {
        refusals.push({
          field: `/recipients/${i}/organisationId`,
          rule: 'not-a-recipient',
          message: 'Signals are not forwarded to this organisation',
        });
        continue;
      }
      if (!isOneOf(purposes, r.purpose)) {
        refusals.push({
          field: `/recipients/${i}/purpose`,
          rule: 'enum',
          message: `For ${to.name} the purpose is one of ${purposes.join(', ')}`,
        });
        continue;
      }
      if (already.has(to.id)) {
        refusals.push({
          field: `/recipients/${i}/organisationId`,
          rule: 'already-forwarded',
          message: `Forwarded to ${to.name} already`,
        });
        continue;
      }
      const decision = await decideWithTable(tx, {
        sourceType,
        recipientType: to.type as OrganisationType,
        purpose: r.purpose,
        categories: categories as Category[],
        consents: [],
      });
      if (!decision.allowed) {
        refusals.push({
          field: `/recipients/${i}`,
          rule: decision.code,
          message: `${to.name}: ${decision.message}`,
        });
        continue;
      }
      planned.push({ to, purpose: r.purpose, decision });
    }
    if (refusals.length) {
      const shareRefused = refusals.some(
        (x) => !['not-a-recipient', 'enum', 'already-forwarded'].includes(x.rule),
      );
      if (shareRefused)
        throw new DomainError('forbidden', 'No legal basis for this forward: nothing was shared', refusals);
      throw invalid(refusals, 'The forward names recipients it cannot go to');
    }
    const now = tx.now();
    const actorId = tx.actor.kind === 'user' ? tx.actor.userId : null;
    for (const p of planned) {
      await store.insertForward(tx.db, {
        id: randomUUID(),
        signal_id: row.id,
        from_organisation_id: user.actor.organisationId,
        to_organisation_id: p.to.id,
        purpose: p.purpose,
        rule_id: p.decision.rule.id,
        rule_version: p.decision.rule.version,
        legal_basis: p.decision.rule.legalBasis,
        categories: p.decision.categories,
        withheld: p.decision.withheld,
        forwarded_by: actorId,
        forwarded_at: now,
        accepted_by: null,
        accepted_at: null,
        outcome: null,
        outcome_reason_enc: null,
        reporter_summary_enc: null,
        outcome_by: null,
        outcome_at: null,
      });
      await timeline(tx, row.id, 'forwarded', {
        to: p.to.name,
        purpose: p.purpose,
        rule: `${p.decision.rule.id}@${p.decision.rule.version}`,
        categories: p.decision.categories,
        withheld: p.decision.withheld,
        toBeConfirmed: p.decision.toBeConfirmed,
      });
    }
    await store.updateSignal(
      tx.db,
      row.id,
      {
        status: 'doorgezet',
        decision_reason_enc: encrypt(tx, 'reason', row.id, reason),
        decided_at: now,
        review_on: null,
      },
      now,
    );
    await timeline(tx, row.id, 'decided', { from: row.status, to: 'doorgezet' }, reason);
    for (const p of planned)
      await tx.audit({
        action: 'signal.forward',
        recordType: 'signal',
        recordId: row.id,
        recordOrganisationId: row.holder_organisation_id,
        fields: p.decision.categories,
        purpose: p.purpose,
        details: {
          recipient: p.to.id,
          rule: `${p.decision.rule.id}@${p.decision.rule.version}`,
          legalBasis: p.decision.rule.legalBasis,
          withheld: p.decision.withheld,
          toBeConfirmed: p.decision.toBeConfirmed,
        },
      });
    const organisations = new Map((await allOrganisations(tx.db)).map((o) => [o.id, o.name]));
    const rows = (await store.listForwardsOf(tx.db, row.id)).filter((f) =>
      planned.some((p) => p.to.id === f.to_organisation_id),
    );
    return forwardSummaries(tx, rows, organisations);
  });
}
