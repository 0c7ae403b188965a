// The Informatiepunt Mensenhandel's formal report meeting (meldingenoverleg) at the labour inspectorate: a meeting
// records a decision with a reason per signal on the board (board.ts), which flows back to the forwarding
// municipality's timeline and into the forward's outcome; closing the meeting makes its minutes final.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { conflictOn, invalid, notFound, type FieldIssue } from '../../errors.js';
import { displayNames } from '../../auth/index.js';
import { allOrganisations } from '../../organisations/index.js';
import { decrypt, encrypt, isUuid, requiredText, timeline, type UserCtx } from '../common.js';
import { recordOutcome } from '../inbox.js';
import { isOneOf, LIMITS, type Outcome } from '../vocabulary.js';
import type { Lang } from '../../web/i18n.js';
import { buildMinutes, minutesFilename } from './minutes.js';
import { informatiepunt } from './board.js';
import * as store from './store.js';

/** What the meeting can decide per signal. */
export const MEETING_DECISIONS = [
  'strafrechtelijk-onderzoek',
  'bestuurlijke-inspectie',
  'ernstige-benadeling-project',
  'quick-response-team',
  'geen-actie',
] as const;
export type MeetingDecision = (typeof MEETING_DECISIONS)[number];

/** The outcome a decision records on the forward, when the forward has none yet. */
export const OUTCOME_OF: Record<MeetingDecision, Outcome> = {
  'strafrechtelijk-onderzoek': 'onderzoek-gestart',
  'bestuurlijke-inspectie': 'bestuurlijke-maatregel',
  'ernstige-benadeling-project': 'bestuurlijke-maatregel',
  'quick-response-team': 'bestuurlijke-maatregel',
  'geen-actie': 'geen-actie',
};

export const CHAIR_MAX = 200;

/** Timeline kinds this module writes on a signal. */
export const TIMELINE_DECISION = 'informatiepunt-decision';
export const TIMELINE_FINAL = 'informatiepunt-minutes-final';

export interface MeetingSummary {
  id: string;
  heldOn: string;
  chair: string;
  createdAt: string;
  closedAt: string | null;
  decisionCount: number;
}

export interface DecisionView {
  signalId: string;
  reference: string;
  forms: string[];
  acute: boolean;
  decision: MeetingDecision;
  reason: string;
  decidedBy: string | null;
  decidedAt: string;
}

export interface MeetingView extends MeetingSummary {
  organisation: string;
  createdBy: string | null;
  closedBy: string | null;
  decisions: DecisionView[];
}

const userId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

function summary(row: store.MeetingRow): MeetingSummary {
  return {
    id: row.id,
    heldOn: row.held_on,
    chair: row.chair,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    decisionCount: row.decisions,
  };
}

/** A meeting of the acting organisation; another organisation's answers like a missing one. */
async function loadMeeting(ctx: Ctx, organisationId: string, id: string, lock = false) {
  const row = isUuid(id) ? await store.findMeeting(ctx.db, id, { lock }) : undefined;
  if (!row || row.organisation_id !== organisationId) throw notFound('Meeting');
  return row;
}

export async function listMeetings(ctx: Ctx): Promise<MeetingSummary[]> {
  const user = informatiepunt(ctx);
  return (await store.listMeetings(user.db, user.actor.organisationId, 200)).map(summary);
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface NewMeeting {
  heldOn: string;
  chair: string;
}

export async function createMeeting(ctx: Ctx, input: NewMeeting): Promise<MeetingSummary> {
  const user = informatiepunt(ctx);
  const issues: FieldIssue[] = [];
  const heldOn = input.heldOn.trim();
  if (!heldOn) issues.push({ field: '/heldOn', rule: 'required', message: 'Say when the meeting is held' });
  else if (!isCalendarDay(heldOn))
    issues.push({ field: '/heldOn', rule: 'format', message: 'A calendar day, YYYY-MM-DD' });
  const chair = input.chair.trim();
  if (!chair) issues.push({ field: '/chair', rule: 'required', message: 'Say who chairs the meeting' });
  else if (chair.length > CHAIR_MAX)
    issues.push({ field: '/chair', rule: 'maxLength', message: `At most ${CHAIR_MAX} characters` });
  if (issues.length) throw invalid(issues, 'The meeting is not complete');
  return user.transaction(async (tx) => {
    const id = randomUUID();
    await store.insertMeeting(tx.db, {
      id,
      organisationId: user.actor.organisationId,
      heldOn,
      chair,
      createdBy: userId(tx),
      at: tx.now(),
    });
    await tx.audit({
      action: 'informatiepunt.meeting-create',
      recordType: 'informatiepunt_meeting',
      recordId: id,
      recordOrganisationId: user.actor.organisationId,
      details: { heldOn },
    });
    return summary((await store.findMeeting(tx.db, id))!);
  });
}

function decisionViews(ctx: Ctx, rows: store.DecisionRow[], names: Map<string, string>): DecisionView[] {
  return rows.map((d) => ({
    signalId: d.signal_id,
    reference: d.reference,
    forms: d.forms,
    acute: d.acute,
    decision: d.decision as MeetingDecision,
    reason: decrypt(ctx, 'ip-reason', `${d.meeting_id}:${d.signal_id}`, d.reason_enc)!,
    decidedBy: d.decided_by ? (names.get(d.decided_by) ?? null) : null,
    decidedAt: d.decided_at.toISOString(),
  }));
}

async function readMeeting(user: UserCtx, id: string): Promise<MeetingView> {
  const meeting = await loadMeeting(user, user.actor.organisationId, id);
  const rows = await store.listDecisions(user.db, meeting.id);
  const closer = meeting.closed_by;
  const people = [
    ...new Set([
      ...rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])),
      ...(meeting.created_by ? [meeting.created_by] : []),
      ...(closer ? [closer] : []),
    ]),
  ];
  const [names, organisations] = await Promise.all([
    displayNames(user.db, people),
    allOrganisations(user.db),
  ]);
  return {
    ...summary(meeting),
    organisation: organisations.find((o) => o.id === meeting.organisation_id)?.name ?? '',
    createdBy: meeting.created_by ? (names.get(meeting.created_by) ?? null) : null,
    closedBy: closer ? (names.get(closer) ?? null) : null,
    decisions: decisionViews(user, rows, names),
  };
}

/** A meeting with its decisions and their reasons (the read is logged: reasons may hold personal data). */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingView> {
  const user = informatiepunt(ctx);
  const meeting = await readMeeting(user, id);
  if (meeting.decisions.length)
    await user.audit({
      action: 'informatiepunt.meeting-read',
      recordType: 'informatiepunt_meeting',
      recordId: meeting.id,
      recordOrganisationId: user.actor.organisationId,
      fields: ['reason'],
      purpose: 'informatiepunt',
    });
  return meeting;
}

/**
 * The minutes as a DOCX document: final once the meeting is closed, marked as a draft before. No narrative, only
 * references, forms, decisions and reasons. The export is logged.
 */
export async function exportMinutes(
  ctx: Ctx,
  id: string,
  lang: Lang,
): Promise<{ filename: string; body: Buffer }> {
  const user = informatiepunt(ctx);
  const meeting = await readMeeting(user, id);
  const body = await buildMinutes(
    {
      organisation: meeting.organisation,
      heldOn: meeting.heldOn,
      chair: meeting.chair,
      closedAt: meeting.closedAt,
      closedBy: meeting.closedBy,
      decisions: meeting.decisions.map((d) => ({
        reference: d.reference,
        forms: d.forms,
        decision: d.decision,
        reason: d.reason,
      })),
    },
    lang,
  );
  await user.audit({
    action: 'informatiepunt.minutes-export',
    recordType: 'informatiepunt_meeting',
    recordId: meeting.id,
    recordOrganisationId: user.actor.organisationId,
    fields: ['reason'],
    purpose: 'informatiepunt',
    details: { final: meeting.closedAt !== null, decisions: meeting.decisions.length },
  });
  return { filename: minutesFilename(meeting.heldOn), body };
}

export interface DecisionInput {
  signalId: string;
  decision: string;
  reason: string;
}

export interface RecordedDecision extends DecisionView {
  /** The outcome recorded on the forward now; null when there is no forward or it had an outcome already. */
  forwardOutcome: Outcome | null;
}

export async function recordDecision(
  ctx: Ctx,
  meetingId: string,
  input: DecisionInput,
): Promise<RecordedDecision> {
  const user = informatiepunt(ctx);
  const issues: FieldIssue[] = [];
  if (!isOneOf(MEETING_DECISIONS, input.decision))
    issues.push({
      field: '/decision',
      rule: 'enum',
      message: `The decision is one of ${MEETING_DECISIONS.join(', ')}`,
    });
  const reason = requiredText(
    input.reason,
    '/reason',
    LIMITS.reason,
    'Say why: every decision has a reason',
    issues,
  );
  if (issues.length) throw invalid(issues, 'The decision is not complete');
  const decision = input.decision as MeetingDecision;

  return user.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, user.actor.organisationId, meetingId, true);
    if (meeting.closed_at)
      throw conflictOn('meeting', 'meeting-closed', 'The meeting is closed: its minutes are final');
    const [signal] = isUuid(input.signalId)
      ? await store.listBoard(tx.db, user.actor.organisationId, {
          status: 'alle',
          signalId: input.signalId,
          limit: 1,
        })
      : [];
    if (!signal)
      throw invalid(
        [
          {
            field: '/signalId',
            rule: 'not-on-board',
            message: 'No signal on the board of the Informatiepunt has that id',
          },
        ],
        'The signal is not on the board',
      );
    if ((await store.listDecisions(tx.db, meeting.id)).some((d) => d.signal_id === signal.id))
      throw conflictOn('/signalId', 'already-decided', 'This meeting decided on the signal already');
    const now = tx.now();
    await store.insertDecision(tx.db, {
      meetingId: meeting.id,
      signalId: signal.id,
      decision,
      reasonEnc: encrypt(tx, 'ip-reason', `${meeting.id}:${signal.id}`, reason),
      decidedBy: userId(tx),
      at: now,
    });
    await timeline(tx, signal.id, TIMELINE_DECISION, { decision, meetingDate: meeting.held_on }, reason);
    let forwardOutcome: Outcome | null = null;
    if (signal.forward_id && signal.forward_outcome === null) {
      forwardOutcome = OUTCOME_OF[decision];
      await recordOutcome(tx, signal.forward_id, { outcome: forwardOutcome, reason });
    }
    await tx.audit({
      action: 'informatiepunt.decision',
      recordType: 'signal',
      recordId: signal.id,
      recordOrganisationId: signal.holder_organisation_id,
      fields: ['reason'],
      purpose: 'informatiepunt',
      details: { meeting: meeting.id, decision, forwardOutcome },
    });
    const names = await displayNames(tx.db, userId(tx) ? [userId(tx)!] : []);
    const row = (await store.listDecisions(tx.db, meeting.id)).find((d) => d.signal_id === signal.id)!;
    return { ...decisionViews(tx, [row], names)[0]!, forwardOutcome };
  });
}

/**
 * Closes the meeting: its minutes are final and nothing in it changes any more. Each decided signal's timeline says
 * so. A meeting without decisions has no minutes to make final.
 */
export async function closeMeeting(ctx: Ctx, id: string): Promise<MeetingSummary> {
  const user = informatiepunt(ctx);
  return user.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, user.actor.organisationId, id, true);
    if (meeting.closed_at) throw conflictOn('meeting', 'meeting-closed', 'The meeting was closed already');
    const decisions = await store.listDecisions(tx.db, meeting.id);
    if (decisions.length === 0)
      throw conflictOn('meeting', 'no-decisions', 'A meeting without decisions has no minutes to make final');
    await store.closeMeeting(tx.db, meeting.id, tx.now(), user.actor.userId);
    for (const d of decisions)
      await timeline(tx, d.signal_id, TIMELINE_FINAL, { meeting: meeting.id, meetingDate: meeting.held_on });
    await tx.audit({
      action: 'informatiepunt.meeting-close',
      recordType: 'informatiepunt_meeting',
      recordId: meeting.id,
      recordOrganisationId: meeting.organisation_id,
      details: { decisions: decisions.length },
    });
    return summary((await store.findMeeting(tx.db, meeting.id))!);
  });
}
