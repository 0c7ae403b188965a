import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amsterdamDayEnd, amsterdamDayStart } from './time.js';

test('an Amsterdam day starts at 23:00 UTC in winter and 22:00 UTC in summer', () => {
  assert.equal(amsterdamDayStart('2026-01-15')?.toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(amsterdamDayStart('2026-07-15')?.toISOString(), '2026-07-14T22:00:00.000Z');
});

test('the day the clocks go forward has 23 hours', () => {
  const start = amsterdamDayStart('2026-03-29')!;
  const end = amsterdamDayEnd('2026-03-29')!;
  assert.equal((end.getTime() - start.getTime()) / 3_600_000, 23);
});

test('impossible dates are refused', () => {
  assert.equal(amsterdamDayStart('2026-02-30'), null);
  assert.equal(amsterdamDayStart('30-01-2026'), null);
  assert.equal(amsterdamDayEnd('2026-13-01'), null);
});
