import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentStatus, duePeriod, overdue, periodEnd, periodOf, previousPeriod } from './rules.js';

test('half-year periods', () => {
  assert.equal(periodOf(new Date('2025-06-30T23:59:59Z')), '2025-H1');
  assert.equal(periodOf(new Date('2025-07-01T00:00:00Z')), '2025-H2');
  assert.equal(previousPeriod('2026-H1'), '2025-H2');
  assert.equal(periodEnd('2025-H2').toISOString(), '2026-01-01T00:00:00.000Z');
  assert.equal(duePeriod(new Date('2026-01-30T00:00:00Z')), '2025-H1');
  assert.equal(duePeriod(new Date('2026-02-01T00:00:00Z')), '2025-H2');
});

test('the current status ignores updates sent back for changes', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  assert.deepEqual(currentStatus([]), { status: 'niet-gestart', reason: null, period: null });
  const s = currentStatus([
    { period: '2025-H2', status: 'loopt', reason: null, submittedAt: at(1), decision: 'geaccepteerd' },
    { period: '2025-H2', status: 'gestopt', reason: 'x', submittedAt: at(2), decision: 'aanpassen' },
  ]);
  assert.equal(s.status, 'loopt');
});

test('overdue only when reporting applies, the action runs and the due period is missing', () => {
  const base = { now: new Date('2026-03-01T00:00:00Z'), reportingFrom: '2024-07-01', start: null, end: null };
  assert.deepEqual(overdue({ ...base, status: 'loopt', periodsReported: [] }), {
    overdue: true,
    period: '2025-H2',
  });
  assert.equal(overdue({ ...base, status: 'loopt', periodsReported: ['2025-H2'] }).overdue, false);
  assert.equal(overdue({ ...base, status: 'afgerond', periodsReported: [] }).overdue, false);
  assert.equal(
    overdue({ ...base, reportingFrom: null, status: 'loopt', periodsReported: [] }).overdue,
    false,
  );
  assert.equal(
    overdue({ ...base, start: '2026-01-15', status: 'loopt', periodsReported: [] }).overdue,
    false,
  );
});
