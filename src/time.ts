// Stored in UTC, shown and entered in Europe/Amsterdam.
const ZONE = 'Europe/Amsterdam';

// Made once: building a DateTimeFormat costs far more than using one.
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function offsetMinutes(at: Date): number {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return Math.round((local - at.getTime()) / 60_000);
}

/** The moment a calendar day (YYYY-MM-DD) starts in Amsterdam, or null when it is not a real date. */
export function amsterdamDayStart(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const guess = Date.UTC(y, m - 1, d);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return new Date(guess - offsetMinutes(new Date(guess)) * 60_000);
}

/** The moment the day after `day` starts in Amsterdam: the exclusive end of `day` (23 or 25 hours on DST days). */
export function amsterdamDayEnd(day: string): Date | null {
  const start = amsterdamDayStart(day);
  if (!start) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return amsterdamDayStart(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
}
