// The Informatiepunt's board: every signal of labour exploitation or serious disadvantage at work the inspectorate
// holds or was forwarded, what a meeting still has to discuss, and the start card's count. Showing a narrative is a
// read of personal data and is logged per signal.
import type { Ctx } from '../../context.js';
import { allOrganisations } from '../../organisations/index.js';
import { listMunicipalities } from '../../reference/index.js';
import { decrypt, requireUser, type UserCtx } from '../common.js';
import type { Outcome } from '../vocabulary.js';
import type { MeetingDecision } from './service.js';
import * as store from './store.js';

export const BOARD_STATUSES = ['te-bespreken', 'besproken', 'alle'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

const BOARD_LIMIT = 500;

export interface BoardItem {
  signalId: string;
  reference: string;
  receivedAt: string;
  forms: string[];
  seriousDisadvantage: boolean;
  sector: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  acute: boolean;
  minors: boolean;
  /** Acute signals are for the quick response team. */
  quickResponse: boolean;
  /** Only when the inspectorate holds the signal or the forward shared the narrative. */
  narrative: string | null;
  forward: {
    id: string;
    from: { id: string; name: string };
    purpose: string;
    categories: string[];
    forwardedAt: string;
    outcome: Outcome | null;
  } | null;
  /** False once a closed meeting decided on it; it stays findable under `besproken`. */
  toDiscuss: boolean;
  decisions: { meetingId: string; heldOn: string; decision: MeetingDecision; meetingClosed: boolean }[];
}

export const informatiepunt = (ctx: Ctx): UserCtx => requireUser(ctx, 'signals.informatiepunt');

async function municipalityNames(ctx: Ctx): Promise<Map<string, string>> {
  return new Map((await listMunicipalities(ctx)).map((m) => [m.code, m.name]));
}

/**
 * The board. `te-bespreken` (default): what the next meeting discusses; `besproken`: what a closed meeting decided
 * on; `alle`: both. Showing a narrative is a read of personal data and is logged per signal.
 */
export async function listBoard(
  ctx: Ctx,
  query: { status?: BoardStatus | undefined; reference?: string | undefined } = {},
): Promise<BoardItem[]> {
  const user = informatiepunt(ctx);
  const rows = await store.listBoard(user.db, user.actor.organisationId, {
    status: query.status ?? 'te-bespreken',
    reference: query.reference?.trim() || undefined,
    limit: BOARD_LIMIT,
  });
  return boardItems(user, rows);
}

async function boardItems(user: UserCtx, rows: store.BoardRow[]): Promise<BoardItem[]> {
  const organisationId = user.actor.organisationId;
  const [organisations, municipalities, decisions] = await Promise.all([
    allOrganisations(user.db),
    rows.some((r) => r.municipality_code) ? municipalityNames(user) : new Map<string, string>(),
    store.decisionsOnSignals(
      user.db,
      organisationId,
      rows.map((r) => r.id),
    ),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const items = rows.map((r): BoardItem => {
    const narrativeAllowed =
      r.holder_organisation_id === organisationId || (r.forward_categories ?? []).includes('narrative');
    return {
      signalId: r.id,
      reference: r.reference,
      receivedAt: r.received_at.toISOString(),
      forms: r.forms,
      seriousDisadvantage: r.serious_disadvantage,
      sector: r.sector,
      municipalityCode: r.municipality_code,
      municipalityName: r.municipality_code ? (municipalities.get(r.municipality_code) ?? null) : null,
      acute: r.acute,
      minors: r.minors,
      quickResponse: r.acute,
      narrative: narrativeAllowed ? decrypt(user, 'narrative', r.id, r.narrative_enc) : null,
      forward:
        r.forward_id && r.forward_from && r.forwarded_at
          ? {
              id: r.forward_id,
              from: { id: r.forward_from, name: orgName.get(r.forward_from) ?? '' },
              purpose: r.forward_purpose ?? '',
              categories: r.forward_categories ?? [],
              forwardedAt: r.forwarded_at.toISOString(),
              outcome: r.forward_outcome as Outcome | null,
            }
          : null,
      toDiscuss: !r.discussed,
      decisions: decisions
        .filter((d) => d.signal_id === r.id)
        .map((d) => ({
          meetingId: d.meeting_id,
          heldOn: d.held_on,
          decision: d.decision as MeetingDecision,
          meetingClosed: d.closed_at !== null,
        })),
    };
  });
  const read = rows.filter((_, i) => items[i]!.narrative !== null);
  if (read.length)
    await user.transaction(async (tx) => {
      for (const r of read)
        await tx.audit({
          action: 'signal.informatiepunt-read',
          recordType: 'signal',
          recordId: r.id,
          recordOrganisationId: r.holder_organisation_id,
          fields: ['narrative'],
          purpose: r.forward_purpose ?? 'informatiepunt',
          details: r.forward_id ? { forward: r.forward_id } : {},
        });
    });
  return items;
}

/** For the start card: how many signals wait for the next meeting, and how many are acute. No personal data. */
export async function waitingCount(ctx: Ctx): Promise<{ total: number; acute: number }> {
  const user = informatiepunt(ctx);
  return store.countToDiscuss(user.db, user.actor.organisationId);
}

/** The signals a meeting still has to discuss: the board's list without what this meeting decided already. */
export async function toDiscussIn(
  ctx: Ctx,
  meeting: { closedAt: string | null; decisions: { signalId: string }[] },
): Promise<BoardItem[]> {
  if (meeting.closedAt) return [];
  const decided = new Set(meeting.decisions.map((d) => d.signalId));
  const user = informatiepunt(ctx);
  const rows = await store.listBoard(user.db, user.actor.organisationId, {
    status: 'te-bespreken',
    limit: BOARD_LIMIT,
  });
  return boardItems(
    user,
    rows.filter((r) => !decided.has(r.id)),
  );
}
