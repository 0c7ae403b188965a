// The rule table as users meet it: read by beheerders, auditors and privacy officers; rules that are not verified
// in a primary source stay "to be confirmed" until a ministry's privacy officer confirms them with a note.
import type { Ctx } from '../context.js';
import { conflictOn, forbidden, invalid, notFound } from '../errors.js';
import { decide } from '../policy/index.js';
import { currentRules, decideShare, type ShareDecision, type ShareRequest } from './decide.js';
import type { SharingRule } from './rules.js';
import * as store from './store.js';

export interface RuleView extends SharingRule {
  status: 'verified' | 'confirmed' | 'to-be-confirmed';
  confirmation: { confirmedAt: string; note: string } | null;
}

function isConfirmed(confirmations: store.Confirmation[], rule: { id: string; version: number }) {
  return confirmations.find((c) => c.ruleId === rule.id && c.ruleVersion === rule.version);
}

export async function listRules(ctx: Ctx): Promise<RuleView[]> {
  const decision = decide(ctx.actor, 'sharing.rules.read');
  if (!decision.allowed) throw forbidden(`Not allowed to read the sharing rules (${decision.reason})`);
  const [rules, confirmations] = await Promise.all([
    store.loadRules(ctx.db),
    store.loadConfirmations(ctx.db),
  ]);
  return currentRules(rules).map((rule) => {
    const confirmation = isConfirmed(confirmations, rule);
    return {
      ...rule,
      status: rule.confidence === 'verified' ? 'verified' : confirmation ? 'confirmed' : 'to-be-confirmed',
      confirmation: confirmation
        ? { confirmedAt: confirmation.confirmedAt.toISOString(), note: confirmation.note }
        : null,
    };
  });
}

export async function confirmRule(ctx: Ctx, ruleId: string, note: string): Promise<RuleView> {
  const actor = ctx.actor;
  const decision = decide(actor, 'sharing.rules.confirm');
  if (!decision.allowed || actor.kind !== 'user')
    throw forbidden(
      `Only a privacy officer confirms rules (${decision.allowed ? 'no user' : decision.reason})`,
    );
  // The rules are national: only the privacy officer of a ministry (the programme's owner) confirms them.
  if (actor.organisationType !== 'ministerie')
    throw forbidden('Only a privacy officer of a ministry confirms the national sharing rules');
  const trimmed = note.trim();
  if (trimmed.length < 10 || trimmed.length > 2000) {
    throw invalid([
      {
        field: 'note',
        rule: 'length',
        message: 'Say in 10 to 2000 characters what the confirmation rests on',
      },
    ]);
  }
  return ctx.transaction(async (tx) => {
    const rule = currentRules(await store.loadRules(tx.db)).find((r) => r.id === ruleId);
    if (!rule) throw notFound(`Sharing rule ${ruleId}`);
    if (rule.confidence === 'verified')
      throw conflictOn('rule', 'already-verified', 'This rule is verified in a primary source already');
    const inserted = await store.insertConfirmation(tx.db, {
      ruleId,
      ruleVersion: rule.version,
      confirmedBy: actor.userId,
      organisationId: actor.organisationId!,
      confirmedAt: tx.now(),
      note: trimmed,
    });
    if (!inserted)
      throw conflictOn(
        'rule',
        'already-confirmed',
        `Version ${rule.version} of ${ruleId} is confirmed already`,
      );
    await tx.audit({
      action: 'sharing.rule-confirm',
      recordType: 'sharing_rule',
      recordId: `${ruleId}@${rule.version}`,
      details: { note: trimmed },
    });
    return (await listRules(tx)).find((r) => r.id === ruleId)!;
  });
}

/** The share decision with the live rule table and confirmations (for the modules that share records). */
export async function decideWithTable(ctx: Pick<Ctx, 'db'>, request: ShareRequest): Promise<ShareDecision> {
  const [rules, confirmations] = await Promise.all([
    store.loadRules(ctx.db),
    store.loadConfirmations(ctx.db),
  ]);
  return decideShare(rules, request, (rule) => Boolean(isConfirmed(confirmations, rule)));
}
