import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { amsterdamDayStart } from '../time.js';
import {
  addWorkingDays,
  amsterdamDay,
  easterSunday,
  isWorkingDay,
  publicHolidays,
  signalDeadline,
  type DeadlineSettings,
} from './calendar.js';

const settings: DeadlineSettings = { acuteHours: 4, workingDays: 5 };
const iso = (d: Date) => d.toISOString();

function holiday(year: number, nl: string): string | undefined {
  return publicHolidays(year).find((h) => h.name.nl === nl)?.day;
}

test('Easter Sunday by the anonymous Gregorian algorithm', () => {
  assert.equal(easterSunday(2024), '2024-03-31');
  assert.equal(easterSunday(2025), '2025-04-20');
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2027), '2027-03-28');
  // The earliest and latest possible dates.
  assert.equal(easterSunday(2285), '2285-03-22');
  assert.equal(easterSunday(2038), '2038-04-25');
  assert.equal(holiday(2024, 'Tweede Paasdag'), '2024-04-01');
});

test('the holidays of 2025 in calendar order, Koningsdag on Saturday 26 April because 27 April is a Sunday', () => {
  assert.deepEqual(
    publicHolidays(2025).map((h) => `${h.day} ${h.name.nl}`),
    [
      '2025-01-01 Nieuwjaarsdag',
      '2025-04-21 Tweede Paasdag',
      '2025-04-26 Koningsdag',
      '2025-05-05 Bevrijdingsdag',
      '2025-05-29 Hemelvaartsdag',
      '2025-06-09 Tweede Pinksterdag',
      '2025-12-25 Eerste Kerstdag',
      '2025-12-26 Tweede Kerstdag',
    ],
  );
  for (const h of publicHolidays(2025)) assert.ok(h.name.en.length > 0);
});

test('Koningsdag is 27 April when that is not a Sunday; before 2014 Koninginnedag was 30 (or 29) April', () => {
  assert.equal(holiday(2026, 'Koningsdag'), '2026-04-27');
  assert.equal(holiday(2014, 'Koningsdag'), '2014-04-26');
  assert.equal(holiday(2013, 'Koninginnedag'), '2013-04-30');
  assert.equal(holiday(2006, 'Koninginnedag'), '2006-04-29');
});

test('Bevrijdingsdag is a holiday every year, also when Ascension falls on it (2016)', () => {
  for (const year of [2024, 2025, 2026, 2027]) assert.equal(holiday(year, 'Bevrijdingsdag'), `${year}-05-05`);
  const on5May = publicHolidays(2016).filter((h) => h.day === '2016-05-05');
  assert.deepEqual(on5May.map((h) => h.name.nl).sort(), ['Bevrijdingsdag', 'Hemelvaartsdag']);
  assert.equal(isWorkingDay('2026-05-05'), false);
});

test('working days are Monday to Friday except holidays', () => {
  assert.equal(isWorkingDay('2026-04-03'), true); // Good Friday is not a holiday under the Atw
  assert.equal(isWorkingDay('2026-04-06'), false); // Easter Monday
  assert.equal(isWorkingDay('2026-04-04'), false); // Saturday
  assert.equal(isWorkingDay('2026-04-05'), false); // Sunday
  assert.equal(isWorkingDay('2026-04-07'), true);
  assert.equal(isWorkingDay('2026-05-14'), false); // Ascension
  assert.equal(isWorkingDay('2026-05-25'), false); // Whit Monday
  assert.throws(() => isWorkingDay('2026-02-30'), RangeError);
  assert.throws(() => isWorkingDay('6 April 2026'), RangeError);
});

test('the Amsterdam day of an instant follows Amsterdam midnight, not UTC midnight', () => {
  assert.equal(amsterdamDay(new Date('2026-07-14T21:59:59.999Z')), '2026-07-14');
  assert.equal(amsterdamDay(new Date('2026-07-14T22:00:00.000Z')), '2026-07-15');
  assert.equal(amsterdamDay(new Date('2026-01-14T22:30:00.000Z')), '2026-01-14');
  assert.equal(amsterdamDay(new Date('2026-01-14T23:00:00.000Z')), '2026-01-15');
});

test('a signal received on the Friday afternoon before Easter Monday (and Koningsdag on a Saturday)', () => {
  // Good Friday 18 April 2025, 15:00 in Amsterdam. Mon 21 April is Easter Monday; Sat 26 April is Koningsdag.
  const received = new Date('2025-04-18T13:00:00Z');
  assert.equal(iso(addWorkingDays(received, 1)), '2025-04-22T22:00:00.000Z'); // end of Tue 22 April
  assert.equal(iso(addWorkingDays(received, 4)), '2025-04-25T22:00:00.000Z'); // end of Fri 25 April
  assert.equal(iso(signalDeadline(received, false, settings)), '2025-04-28T22:00:00.000Z'); // end of Mon 28 April
});

test('across Christmas and New Year', () => {
  // Tue 23 December 2025, 10:00: Wed 24, Mon 29, Tue 30, Wed 31 December and Fri 2 January count.
  const received = new Date('2025-12-23T09:00:00Z');
  assert.equal(iso(addWorkingDays(received, 2)), '2025-12-29T23:00:00.000Z');
  assert.equal(iso(signalDeadline(received, false, settings)), '2026-01-02T23:00:00.000Z');
  // Received on Christmas Day itself: Mon 29 December is the first working day after it.
  assert.equal(iso(addWorkingDays(new Date('2025-12-25T12:00:00Z'), 1)), '2025-12-29T23:00:00.000Z');
});

test('across the switch to summer time the deadline is midnight Amsterdam time (22:00 UTC)', () => {
  // Thursday 26 March 2026, 12:00 CET; the clocks go forward on Sunday 29 March.
  const received = new Date('2026-03-26T11:00:00Z');
  assert.equal(iso(addWorkingDays(received, 1)), '2026-03-27T23:00:00.000Z'); // end of Fri, still CET
  assert.equal(iso(addWorkingDays(received, 2)), '2026-03-30T22:00:00.000Z'); // end of Mon, CEST
  // Received on the Sunday of the switch, 01:30 CET and 03:30 CEST.
  assert.equal(iso(addWorkingDays(new Date('2026-03-29T00:30:00Z'), 1)), '2026-03-30T22:00:00.000Z');
  assert.equal(iso(addWorkingDays(new Date('2026-03-29T01:30:00Z'), 1)), '2026-03-30T22:00:00.000Z');
});

test('across the switch to winter time the deadline is midnight Amsterdam time (23:00 UTC)', () => {
  // Friday 23 October 2026, 16:00 CEST; the clocks go back on Sunday 25 October.
  const received = new Date('2026-10-23T14:00:00Z');
  assert.equal(iso(addWorkingDays(received, 0)), '2026-10-23T22:00:00.000Z');
  assert.equal(iso(addWorkingDays(received, 1)), '2026-10-26T23:00:00.000Z');
  // 25 October has 25 hours; a signal late that Sunday still belongs to the Sunday.
  assert.equal(amsterdamDay(new Date('2026-10-25T22:59:00Z')), '2026-10-25');
  assert.equal(iso(addWorkingDays(new Date('2026-10-25T22:59:00Z'), 1)), '2026-10-26T23:00:00.000Z');
});

test('a signal received just before Amsterdam midnight counts from that day, just after from the next', () => {
  // Monday 6 July 2026 23:59 and Tuesday 7 July 00:01 in Amsterdam.
  assert.equal(iso(addWorkingDays(new Date('2026-07-06T21:59:00Z'), 1)), '2026-07-07T22:00:00.000Z');
  assert.equal(iso(addWorkingDays(new Date('2026-07-06T22:01:00Z'), 1)), '2026-07-08T22:00:00.000Z');
});

test('an acute signal is due exactly acuteHours clock hours after receipt, also across a DST switch', () => {
  const received = new Date('2025-04-18T13:17:42.123Z');
  assert.equal(signalDeadline(received, true, settings).getTime() - received.getTime(), 4 * 3_600_000);
  assert.equal(
    iso(signalDeadline(new Date('2026-03-29T00:30:00Z'), true, settings)),
    '2026-03-29T04:30:00.000Z',
  );
  assert.equal(
    iso(signalDeadline(received, true, { acuteHours: 1.5, workingDays: 5 })),
    '2025-04-18T14:47:42.123Z',
  );
});

test('invalid input is refused rather than guessed', () => {
  assert.throws(() => addWorkingDays(new Date('2026-01-05T10:00:00Z'), -1), RangeError);
  assert.throws(() => addWorkingDays(new Date('2026-01-05T10:00:00Z'), 1.5), RangeError);
  assert.throws(() =>
    signalDeadline(new Date('2026-01-05T10:00:00Z'), true, { acuteHours: 0, workingDays: 5 }),
  );
  assert.throws(() => signalDeadline(new Date('not a date'), false, settings), RangeError);
  assert.throws(() => publicHolidays(2025.5), RangeError);
});

const instants = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms));

test('property: a non-acute deadline is after receipt, at an Amsterdam midnight, after exactly n working days', () => {
  fc.assert(
    fc.property(instants, fc.integer({ min: 0, max: 25 }), (received, workingDays) => {
      const deadline = signalDeadline(received, false, { acuteHours: 4, workingDays });
      assert.ok(deadline.getTime() > received.getTime());
      const lastDay = amsterdamDay(new Date(deadline.getTime() - 1));
      assert.equal(iso(nextMidnight(lastDay)), iso(deadline), 'the deadline is the end of an Amsterdam day');
      assert.equal(iso(amsterdamDayStart(amsterdamDay(deadline))!), iso(deadline), 'an Amsterdam midnight');
      let counted = 0;
      for (let day = amsterdamDay(received); day !== lastDay;) {
        day = amsterdamDay(nextMidnight(day));
        if (isWorkingDay(day)) counted++;
      }
      assert.equal(counted, workingDays);
      if (workingDays > 0) assert.ok(isWorkingDay(lastDay), 'the last day counted is a working day');
    }),
    { numRuns: 500 },
  );
});

test('property: an acute deadline is after receipt by exactly the acute hours', () => {
  fc.assert(
    fc.property(instants, fc.integer({ min: 1, max: 72 }), (received, acuteHours) => {
      const deadline = signalDeadline(received, true, { acuteHours, workingDays: 5 });
      assert.equal(deadline.getTime() - received.getTime(), acuteHours * 3_600_000);
    }),
  );
});

test('property: every year has eight holidays, none of them on Sunday except possibly 5 May or Christmas', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
      const holidays = publicHolidays(year);
      assert.equal(holidays.length, 8);
      for (const h of holidays) {
        assert.ok(h.day.startsWith(`${year}-`));
        const sunday = new Date(`${h.day}T12:00:00Z`).getUTCDay() === 0;
        if (sunday)
          assert.ok(
            ['Nieuwjaarsdag', 'Bevrijdingsdag', 'Eerste Kerstdag', 'Tweede Kerstdag'].includes(h.name.nl),
          );
      }
    }),
  );
});

/** The Amsterdam midnight that ends `day`, found independently of the code under test. */
function nextMidnight(day: string): Date {
  const start = amsterdamDayStart(day)!;
  // The next Amsterdam day starts 23, 24 or 25 hours later.
  for (const hours of [24, 23, 25]) {
    const candidate = new Date(start.getTime() + hours * 3_600_000);
    if (amsterdamDayStart(amsterdamDay(candidate))?.getTime() === candidate.getTime()) return candidate;
  }
  throw new Error(`no end found for ${day}`);
}
