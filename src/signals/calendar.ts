// Deadlines in working days: Monday to Friday, except the general public holidays of the Algemene termijnenwet
// (art. 3). Days are Amsterdam calendar days written YYYY-MM-DD; instants are Dates. Pure: no I/O.
import { amsterdamDayEnd } from '../time.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface PublicHoliday {
  day: string;
  name: { nl: string; en: string };
}

function isoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** Milliseconds of midnight UTC on a calendar day, used only for date arithmetic; throws on a malformed day. */
function dayMs(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (isoDay(ms) === day) return ms;
  }
  throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
}

function addDays(day: string, n: number): string {
  return isoDay(dayMs(day) + n * DAY_MS);
}

function ymd(year: number, month: number, day: number): string {
  return isoDay(Date.UTC(year, month - 1, day));
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function isSunday(day: string): boolean {
  return new Date(dayMs(day)).getUTCDay() === 0;
}

/** The King's (before 2014 the Queen's) birthday as celebrated: moved to the Saturday before when it is a Sunday. */
function kingsDay(year: number): PublicHoliday {
  if (year < 2014) {
    const day = ymd(year, 4, 30);
    return {
      day: isSunday(day) ? ymd(year, 4, 29) : day,
      name: { nl: 'Koninginnedag', en: "Queen's Day" },
    };
  }
  const day = ymd(year, 4, 27);
  return { day: isSunday(day) ? ymd(year, 4, 26) : day, name: { nl: 'Koningsdag', en: "King's Day" } };
}

const holidayCache = new Map<number, PublicHoliday[]>();

/**
 * The general public holidays of the Algemene termijnenwet art. 3 in a year, in calendar order. Two holidays
 * can fall on one day (Hemelvaartsdag on 5 May, as in 2016); both are listed.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`No Gregorian year: ${year}`);
  }
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = [
      { day: ymd(year, 1, 1), name: { nl: 'Nieuwjaarsdag', en: "New Year's Day" } },
      { day: addDays(easter, 1), name: { nl: 'Tweede Paasdag', en: 'Easter Monday' } },
      kingsDay(year),
      { day: ymd(year, 5, 5), name: { nl: 'Bevrijdingsdag', en: 'Liberation Day' } },
      { day: addDays(easter, 39), name: { nl: 'Hemelvaartsdag', en: 'Ascension Day' } },
      { day: addDays(easter, 50), name: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' } },
      { day: ymd(year, 12, 25), name: { nl: 'Eerste Kerstdag', en: 'Christmas Day' } },
      { day: ymd(year, 12, 26), name: { nl: 'Tweede Kerstdag', en: 'Boxing Day' } },
    ].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
    holidayCache.set(year, holidays);
  }
  return holidays.map((h) => ({ day: h.day, name: { ...h.name } }));
}

/** Monday to Friday and not a general public holiday. Throws a RangeError on a malformed day. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(dayMs(day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(day.slice(0, 4));
  if (!holidayCache.has(year)) publicHolidays(year);
  return !holidayCache.get(year)!.some((h) => h.day === day);
}

const amsterdamDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Amsterdam calendar day (YYYY-MM-DD) of an instant. */
export function amsterdamDay(at: Date): string {
  const parts = Object.fromEntries(amsterdamDate.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function endOf(day: string): Date {
  const end = amsterdamDayEnd(day);
  if (!end) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return end;
}

/**
 * The end (exclusive instant, Amsterdam) of the n-th working day after the day of `from`: the Amsterdam midnight
 * that starts the next day. The day of `from` itself does not count; n = 0 gives the end of that day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`A number of working days is a whole number ≥ 0: ${n}`);
  let day = amsterdamDay(from);
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return endOf(day);
}

export interface DeadlineSettings {
  acuteHours: number;
  workingDays: number;
}

/** Acute: `acuteHours` clock hours after receipt; otherwise the end of the `workingDays`-th working day after the day of receipt. */
export function signalDeadline(receivedAt: Date, acute: boolean, settings: DeadlineSettings): Date {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('The moment of receipt is not a valid date');
  if (acute) {
    if (!Number.isFinite(settings.acuteHours) || settings.acuteHours <= 0) {
      throw new RangeError(`Acute hours must be a positive number: ${settings.acuteHours}`);
    }
    return new Date(receivedAt.getTime() + settings.acuteHours * HOUR_MS);
  }
  return addWorkingDays(receivedAt, settings.workingDays);
}
