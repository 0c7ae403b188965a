// What the signal's readers see: the holder's whole view of a signal, its summary in lists, decrypted people,
// identifiers and messages, and the shape of a forward shared by the holder's and the recipient's views.
import { displayNames } from '../auth/index.js';
import type { Ctx } from '../context.js';
import { allOrganisations } from '../organisations/index.js';
import { getMunicipality } from '../reference/index.js';
import { amsterdamDay } from './calendar.js';
import { decrypt } from './common.js';
import * as store from './store.js';
import { OPEN_STATUSES, type ForwardStatus, type Outcome, type SignalStatus } from './vocabulary.js';

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

export interface SignalSummary {
  id: string;
  reference: string;
  channel: 'professional' | 'partner' | 'anonymous';
  status: SignalStatus;
  forms: string[];
  seriousDisadvantage: boolean;
  acute: boolean;
  minors: boolean;
  municipalityCode: string | null;
  receivedAt: string;
  deadlineAt: string;
  overdue: boolean;
  reviewOn: string | null;
  reviewDue: boolean;
  assignedTo: { userId: string; displayName: string } | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  /** The signal the entry belongs to: this one, or one merged into it. */
  reference: string;
  actor: string | null;
  organisation: string | null;
  details: Record<string, unknown>;
  text: string | null;
}

export interface MessageView {
  at: string;
  author: 'reporter' | 'officer';
  authorName: string | null;
  body: string;
}

export interface SignalView extends SignalSummary {
  holder: { id: string; name: string } | null;
  municipalityName: string | null;
  observedOn: string | null;
  indicators: string[];
  sector: string | null;
  narrative: string;
  decisionReason: string | null;
  decidedAt: string | null;
  persons: {
    role: string;
    description: string | null;
    approximateAge: number | null;
    gender: string | null;
    nationality: string | null;
  }[];
  identifiers: { type: string; display: string }[];
  reporter:
    | { kind: 'professional'; name: string | null; organisation: string | null }
    | { kind: 'anonymous'; language: string | null; contact: string | null };
  timeline: TimelineEntry[];
  forwards: ForwardSummary[];
  messages: MessageView[];
  related: { id: string; reference: string; status: string; sharedTypes: string[]; linked: boolean }[];
  mergedInto: { id: string; reference: string } | null;
  merged: { id: string; reference: string }[];
}

export function summarise(ctx: Ctx, row: store.SignalRow, names: Map<string, string>): SignalSummary {
  const now = ctx.now();
  const open = OPEN_STATUSES.includes(row.status as SignalStatus);
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    status: row.status as SignalStatus,
    forms: row.forms,
    seriousDisadvantage: row.serious_disadvantage,
    acute: row.acute,
    minors: row.minors,
    municipalityCode: row.municipality_code,
    receivedAt: row.received_at.toISOString(),
    deadlineAt: row.deadline_at.toISOString(),
    overdue: open && row.deadline_at < now,
    reviewOn: row.review_on,
    reviewDue: row.status === 'monitoren' && row.review_on !== null && row.review_on <= amsterdamDay(now),
    assignedTo: row.assigned_to
      ? { userId: row.assigned_to, displayName: names.get(row.assigned_to) ?? '' }
      : null,
  };
}

export function decryptPersons(ctx: Ctx, rows: store.PersonRow[]) {
  return rows.map((p) => ({
    role: p.role,
    description: decrypt(ctx, 'person', `${p.signal_id}:${p.position}`, p.description_enc),
    approximateAge: p.approximate_age,
    gender: p.gender,
    nationality: p.nationality,
  }));
}

export function decryptIdentifiers(ctx: Ctx, rows: store.IdentifierRow[]) {
  return rows.map((x) => ({
    type: x.type,
    display: decrypt(ctx, 'identifier', `${x.signal_id}:${x.position}`, x.value_enc)!,
  }));
}

export async function messagesOf(ctx: Ctx, signalId: string): Promise<MessageView[]> {
  const rows = await store.listMessages(ctx.db, signalId);
  const names = await displayNames(
    ctx.db,
    rows.flatMap((m) => (m.author_user_id ? [m.author_user_id] : [])),
  );
  return rows.map((m) => ({
    at: m.created_at.toISOString(),
    author: m.author,
    authorName: m.author_user_id ? (names.get(m.author_user_id) ?? null) : null,
    body: decrypt(ctx, 'message', m.signal_id, m.body_enc)!,
  }));
}

/** Everything the holder sees of a signal, decrypted; the caller checks access and audits the read. */
export async function signalView(user: Ctx, row: store.SignalRow): Promise<SignalView> {
  const mergedIds = await store.listMergedInto(user.db, row.id);
  const [persons, identifiers, events, forwards, messages, relatedRows, links, mergedRows, organisations] =
    await Promise.all([
      store.listPersons(user.db, row.id),
      store.listIdentifiers(user.db, row.id),
      store.listEvents(user.db, [row.id, ...mergedIds]),
      store.listForwardsOf(user.db, row.id),
      messagesOf(user, row.id),
      store.relatedByIdentifier(user.db, row.id, row.holder_organisation_id),
      store.listLinks(user.db, row.id),
      store.findSignals(user.db, [...mergedIds, ...(row.merged_into ? [row.merged_into] : [])]),
      allOrganisations(user.db),
    ]);
  const relatedIds = [...new Set([...relatedRows.map((r) => r.signal_id), ...links])];
  const relatedSignals = await store.findSignals(user.db, relatedIds);
  const byId = new Map([...relatedSignals, ...mergedRows, row].map((s) => [s.id, s]));
  const userIds = [
    ...events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])),
    ...(row.assigned_to ? [row.assigned_to] : []),
    ...(row.reporter_user_id ? [row.reporter_user_id] : []),
  ];
  const names = await displayNames(user.db, [...new Set(userIds)]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return {
    ...summarise(user, row, names),
    holder: row.holder_organisation_id
      ? { id: row.holder_organisation_id, name: orgName.get(row.holder_organisation_id) ?? '' }
      : null,
    municipalityName: row.municipality_code
      ? ((await getMunicipality(user, row.municipality_code).catch(() => null))?.name ?? null)
      : null,
    observedOn: row.observed_on,
    indicators: row.indicators,
    sector: row.sector,
    narrative: decrypt(user, 'narrative', row.id, row.narrative_enc)!,
    decisionReason: decrypt(user, 'reason', row.id, row.decision_reason_enc),
    decidedAt: row.decided_at?.toISOString() ?? null,
    persons: decryptPersons(user, persons),
    identifiers: decryptIdentifiers(user, identifiers),
    reporter:
      row.channel === 'anonymous'
        ? {
            kind: 'anonymous',
            language: row.reporter_language,
            contact: decrypt(user, 'contact', row.id, row.contact_enc),
          }
        : {
            kind: 'professional',
            name: row.reporter_user_id ? (names.get(row.reporter_user_id) ?? null) : null,
            organisation: row.reporter_organisation_id
              ? (orgName.get(row.reporter_organisation_id) ?? null)
              : null,
          },
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      reference: byId.get(e.signal_id)?.reference ?? '',
      actor: e.actor_user_id ? (names.get(e.actor_user_id) ?? null) : null,
      organisation: e.actor_organisation_id ? (orgName.get(e.actor_organisation_id) ?? null) : null,
      details: e.details,
      text: decrypt(user, 'event', e.signal_id, e.text_enc),
    })),
    forwards: forwardSummaries(user, forwards, orgName),
    messages,
    related: relatedIds
      .map((rid) => byId.get(rid))
      .filter(
        (s): s is store.SignalRow =>
          s !== undefined && s.holder_organisation_id === row.holder_organisation_id,
      )
      .map((s) => ({
        id: s.id,
        reference: s.reference,
        status: s.status,
        sharedTypes: [...new Set(relatedRows.filter((r) => r.signal_id === s.id).map((r) => r.type))].sort(),
        linked: links.includes(s.id),
      })),
    mergedInto: row.merged_into
      ? { id: row.merged_into, reference: byId.get(row.merged_into)?.reference ?? '' }
      : null,
    merged: mergedIds.map((mid) => ({ id: mid, reference: byId.get(mid)?.reference ?? '' })),
  };
}
