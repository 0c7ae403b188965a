// Shapes shared by the holder's and the recipient's views of a forward.
import type { Ctx } from '../context.js';
import { decrypt } from './common.js';
import type * as store from './store.js';
import type { ForwardStatus, Outcome } from './vocabulary.js';

export interface ForwardSummary {
  id: string;
  signalId: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  purpose: string;
  rule: { id: string; version: number; legalBasis: string };
  categories: string[];
  withheld: string[];
  status: ForwardStatus;
  forwardedAt: string;
  acceptedAt: string | null;
  outcome: Outcome | null;
  outcomeReason: string | null;
  reporterSummary: string | null;
  outcomeAt: string | null;
}

export function forwardSummaries(
  ctx: Ctx,
  rows: store.ForwardRow[],
  orgName: Map<string, string>,
): ForwardSummary[] {
  return rows.map((f) => ({
    id: f.id,
    signalId: f.signal_id,
    from: { id: f.from_organisation_id, name: orgName.get(f.from_organisation_id) ?? '' },
    to: { id: f.to_organisation_id, name: orgName.get(f.to_organisation_id) ?? '' },
    purpose: f.purpose,
    rule: { id: f.rule_id, version: f.rule_version, legalBasis: f.legal_basis },
    categories: f.categories,
    withheld: f.withheld,
    status: f.status as ForwardStatus,
    forwardedAt: f.forwarded_at.toISOString(),
    acceptedAt: f.accepted_at?.toISOString() ?? null,
    outcome: f.outcome as Outcome | null,
    outcomeReason: decrypt(ctx, 'outcome', f.id, f.outcome_reason_enc),
    reporterSummary: decrypt(ctx, 'summary', f.id, f.reporter_summary_enc),
    outcomeAt: f.outcome_at?.toISOString() ?? null,
  }));
}
