// The rules of progress reporting, pure so they can be tested without a database: half-year reporting periods,
// which update sets an action's current status, and when an update is overdue.

export const STATUSES = ['niet-gestart', 'loopt', 'vertraagd', 'afgerond', 'gestopt'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses that need a reason (the issue: "with reason"). */
export const NEEDS_REASON: readonly Status[] = ['vertraagd', 'gestopt'];
/** Statuses after which no further updates are due. */
export const FINISHED: readonly Status[] = ['afgerond', 'gestopt'];

export const FORMS = [
  'seksuele-uitbuiting',
  'arbeidsuitbuiting',
  'criminele-uitbuiting',
  'overige-uitbuiting',
  'orgaanverwijdering',
] as const;
export type Form = (typeof FORMS)[number];

/** Days after the end of a half-year within which its update is still on time. */
export const GRACE_DAYS = 30;

export const PERIOD_PATTERN = '^[0-9]{4}-H[12]$';

/** The half-year a moment falls in, in UTC: `2025-H2`. */
export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

export function periodStart(period: string): Date {
  const [year, half] = [Number(period.slice(0, 4)), period.slice(6)];
  return new Date(Date.UTC(year, half === '1' ? 0 : 6, 1));
}

/** The first moment after the period. */
export function periodEnd(period: string): Date {
  const [year, half] = [Number(period.slice(0, 4)), period.slice(6)];
  return half === '1' ? new Date(Date.UTC(year, 6, 1)) : new Date(Date.UTC(year + 1, 0, 1));
}

export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H2') ? `${year}-H1` : `${year - 1}-H2`;
}

/** The latest period whose update is due now: it has ended and its grace period has passed too. */
export function duePeriod(now: Date, graceDays = GRACE_DAYS): string {
  return previousPeriod(periodOf(new Date(now.getTime() - graceDays * 86_400_000)));
}

/** Periods an action holder may report on: the current half-year and the three before it. */
export function reportablePeriods(now: Date): string[] {
  const current = periodOf(now);
  const periods = [current];
  while (periods.length < 4) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
}

export interface UpdateLike {
  period: string;
  status: string;
  reason: string | null;
  submittedAt: Date;
  /** The latest review's decision, if any. */
  decision: 'geaccepteerd' | 'aanpassen' | null;
}

/**
 * The action's current status: that of the latest update which the programme team has not sent back (accepted, or
 * not yet reviewed). An update sent back for changes does not count; nothing is ever overwritten. No updates:
 * `niet-gestart`.
 */
export function currentStatus(updates: UpdateLike[]): {
  status: Status;
  reason: string | null;
  period: string | null;
} {
  const latest = [...updates]
    .filter((u) => u.decision !== 'aanpassen')
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
  return latest
    ? { status: latest.status as Status, reason: latest.reason, period: latest.period }
    : { status: 'niet-gestart', reason: null, period: null };
}

/**
 * Is the update for the due period missing? Only for plans that ask for progress reports (from `reportingFrom`),
 * for actions that have started and are not finished.
 */
export function overdue(input: {
  now: Date;
  reportingFrom: string | null;
  start: string | null;
  end: string | null;
  status: Status;
  periodsReported: string[];
}): { overdue: boolean; period: string | null } {
  if (!input.reportingFrom || FINISHED.includes(input.status)) return { overdue: false, period: null };
  const due = duePeriod(input.now);
  const dueEnd = periodEnd(due);
  if (new Date(`${input.reportingFrom}T00:00:00Z`) >= dueEnd) return { overdue: false, period: null };
  if (input.start && new Date(`${input.start}T00:00:00Z`) >= dueEnd) return { overdue: false, period: null };
  if (input.end && new Date(`${input.end}T00:00:00Z`) < periodStart(due))
    return { overdue: false, period: null };
  return input.periodsReported.includes(due)
    ? { overdue: false, period: null }
    : { overdue: true, period: due };
}

/** On track: running or done. Delayed and stopped are not; not started is counted apart. */
export function onTrack(status: Status): boolean {
  return status === 'loopt' || status === 'afgerond';
}
