// The report's structure from fixture data: status counts per action line, the latest accepted update in the period
// chosen (not a later one sent back, not one awaiting review, not one outside the period), measurements placed by
// the end of their period, the trend and its direction towards the target, and the sources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildReport,
  checkReportPeriod,
  endsWithin,
  periodBounds,
  reportDecision,
  trendOf,
  type IndicatorInput,
  type ReportInput,
} from './report.js';
import type { Status } from './rules.js';
import type { Action, ProgressUpdate } from './service.js';

function action(code: string, line: string, holders: string[] = ['CoMensha']): Action {
  return {
    code,
    planCode: 'P',
    actionLineCode: line,
    operationalGoalCode: null,
    title: `Actie ${code}`,
    description: '',
    section: null,
    source: `bron.txt, r. ${code}`,
    start: null,
    end: null,
    holders: holders.map((name) => ({ name, organisationType: null, organisationId: null })),
    involved: [],
    forms: [],
    goals: [],
    status: 'niet-gestart',
    statusReason: null,
    statusPeriod: null,
    overduePeriod: null,
  };
}

let counter = 0;
function update(
  period: string,
  status: Status,
  decision: 'geaccepteerd' | 'aanpassen' | null,
  extra: Partial<ProgressUpdate> = {},
): ProgressUpdate {
  counter += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, counter)).toISOString();
  return {
    id: `u${counter}`,
    period,
    status,
    reason: status === 'vertraagd' || status === 'gestopt' ? 'Reden.' : null,
    done: `Gedaan ${period} ${counter}`,
    next: 'Verder.',
    risks: '',
    organisation: 'CoMensha',
    submittedBy: 'Test',
    submittedAt: at,
    reviews: decision
      ? [{ id: `r${counter}`, decision, comment: '', organisation: 'Ministerie', reviewedAt: at }]
      : [],
    ...extra,
  };
}

function indicator(code: string, extra: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    code,
    actionCode: null,
    actionLineCode: null,
    definition: `Indicator ${code}`,
    unit: 'meldingen',
    baseline: null,
    baselinePeriod: null,
    target: null,
    targetPeriod: null,
    computation: null,
    source: 'kamerbrief.txt, r. 10',
    ...extra,
  };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    plan: {
      code: 'P',
      title: 'Plan',
      kind: 'actieplan',
      published: null,
      reportingFrom: '2024-07-01',
      source: 'kamerbrief.txt, r. 1-6',
    },
    strategicGoals: [{ code: 'P-SD1', number: 1, title: 'Doel', source: 'kamerbrief.txt, r. 24' }],
    actionLines: [
      { code: 'P-AL1', number: 1, title: 'Een', description: '', source: 'kamerbrief.txt, r. 49' },
      { code: 'P-AL2', number: 2, title: 'Twee', description: '', source: 'kamerbrief.txt, r. 52' },
    ],
    actions: [],
    indicators: [],
    measurements: [],
    from: '2024-07-01',
    to: '2026-06-30',
    generatedAt: new Date('2026-07-15T10:00:00Z'),
    ...overrides,
  };
}

test('the period: real days, the first not after the last; fields named from and to', () => {
  assert.deepEqual(checkReportPeriod('2024-07-01', '2026-06-30'), []);
  assert.deepEqual(checkReportPeriod('2024-07-01', '2024-07-01'), []);
  assert.deepEqual(
    checkReportPeriod('2024-02-30', 'morgen').map((i) => [i.field, i.rule]),
    [
      ['from', 'format'],
      ['to', 'format'],
    ],
  );
  assert.deepEqual(
    checkReportPeriod('2026-06-30', '2024-07-01').map((i) => [i.field, i.rule]),
    [['to', 'afterFrom']],
  );
});

test('periods as the data writes them, and which of them belong to a report: those ending within it', () => {
  assert.deepEqual(periodBounds('2025'), { start: '2025-01-01', end: '2025-12-31' });
  assert.deepEqual(periodBounds('2024-H2'), { start: '2024-07-01', end: '2024-12-31' });
  assert.deepEqual(periodBounds('2024-Q1'), { start: '2024-01-01', end: '2024-03-31' });
  assert.deepEqual(periodBounds('2024-K4'), { start: '2024-10-01', end: '2024-12-31' });
  assert.deepEqual(periodBounds('2024-02'), { start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(periodBounds('2024-02-29'), { start: '2024-02-29', end: '2024-02-29' });
  assert.equal(periodBounds('voorjaar 2025'), null);
  assert.equal(periodBounds('2024-13'), null);
  assert.equal(endsWithin('2024-H1', '2024-07-01', '2026-06-30'), false);
  assert.equal(endsWithin('2024', '2024-07-01', '2026-06-30'), true, 'the year 2024 ends in the period');
  assert.equal(endsWithin('2026-H1', '2024-07-01', '2026-06-30'), true);
  assert.equal(endsWithin('2026', '2024-07-01', '2026-06-30'), false, 'counted in the next report');
});

test('status counts per action line, from accepted updates only', () => {
  const report = buildReport(
    input({
      actions: [
        { action: action('1.1', 'P-AL1'), history: [update('2025-H1', 'loopt', 'geaccepteerd')] },
        {
          action: action('1.2', 'P-AL1'),
          history: [
            update('2025-H2', 'vertraagd', 'geaccepteerd'),
            update('2024-H2', 'loopt', 'geaccepteerd'),
          ],
        },
        { action: action('1.3', 'P-AL1'), history: [update('2025-H2', 'afgerond', null)] },
        { action: action('2.1', 'P-AL2'), history: [update('2025-H1', 'gestopt', 'aanpassen')] },
        { action: action('2.2', 'P-AL2'), history: [] },
      ],
    }),
  );
  assert.equal(report.total, 5);
  const [one, two] = report.lines;
  assert.deepEqual(one!.counts, { 'niet-gestart': 1, loopt: 1, vertraagd: 1, afgerond: 0, gestopt: 0 });
  assert.equal(one!.total, 3);
  assert.deepEqual(two!.counts, { 'niet-gestart': 2, loopt: 0, vertraagd: 0, afgerond: 0, gestopt: 0 });
  assert.deepEqual(report.counts, { 'niet-gestart': 3, loopt: 1, vertraagd: 1, afgerond: 0, gestopt: 0 });
  assert.equal(report.actionsWithUpdate, 2);
  assert.equal(report.awaitingReview, 1, 'the unreviewed afgerond of 1.3 is flagged, not counted');
  assert.equal(one!.actions[2]!.awaitingReview, 1);
  assert.deepEqual(
    report.summary.map((s) => [s.code, s.line, s.status, s.updatePeriod]),
    [
      ['1.1', 1, 'loopt', '2025-H1'],
      ['1.2', 1, 'vertraagd', '2025-H2'],
      ['1.3', 1, 'niet-gestart', null],
      ['2.1', 2, 'niet-gestart', null],
      ['2.2', 2, 'niet-gestart', null],
    ],
  );
});

test('the latest accepted update in the period is chosen: not a later one sent back, not one after the period', () => {
  const chosen = update('2025-H2', 'loopt', 'geaccepteerd', { done: 'Dit telt.' });
  const history = [
    update('2026-H2', 'afgerond', 'geaccepteerd', { done: 'Na de periode.' }),
    update('2026-H1', 'gestopt', 'aanpassen', { done: 'Teruggestuurd.' }),
    update('2026-H1', 'loopt', null, { done: 'Wacht op beoordeling.' }),
    chosen,
    update('2025-H1', 'vertraagd', 'geaccepteerd', { done: 'Eerder.' }),
    update('2024-H1', 'loopt', 'geaccepteerd', { done: 'Voor de periode.' }),
  ];
  const report = buildReport(input({ actions: [{ action: action('1.1', 'P-AL1'), history }] }));
  const a = report.lines[0]!.actions[0]!;
  assert.equal(a.update?.done, 'Dit telt.');
  assert.equal(a.update?.period, '2025-H2');
  assert.equal(a.update?.acceptedAt, chosen.reviews[0]!.reviewedAt);
  assert.equal(a.status, 'loopt');
  assert.equal(a.statusPeriod, '2025-H2');
  assert.equal(a.awaitingReview, 1);

  // A late update over an earlier half-year does not replace the later half-year's.
  const late = update('2025-H1', 'vertraagd', 'geaccepteerd', { done: 'Laat ingediend.' });
  const order = buildReport(
    input({ actions: [{ action: action('1.1', 'P-AL1'), history: [late, chosen] }] }),
  );
  assert.equal(order.lines[0]!.actions[0]!.update?.done, 'Dit telt.');

  // An accepted update only before the period: its status carries over, but it is no progress in the period.
  const before = buildReport(
    input({
      actions: [{ action: action('1.1', 'P-AL1'), history: [update('2024-H1', 'loopt', 'geaccepteerd')] }],
    }),
  );
  const b = before.lines[0]!.actions[0]!;
  assert.equal(b.status, 'loopt');
  assert.equal(b.statusPeriod, '2024-H1');
  assert.equal(b.update, null);
});

test('trend: the last measurement against the first in the period, or against the baseline; towards the target', () => {
  assert.deepEqual(trendOf({ baseline: null, baselinePeriod: null, target: 20 }, []), {
    direction: 'unknown',
    first: null,
    last: null,
    towardsTarget: null,
  });
  const up = trendOf({ baseline: 5, baselinePeriod: '2023', target: 20 }, [
    { period: '2024', value: 8 },
    { period: '2025', value: 12 },
  ]);
  assert.equal(up.direction, 'up');
  assert.deepEqual(up.first, { period: '2024', value: 8 });
  assert.equal(up.towardsTarget, true);
  const one = trendOf({ baseline: 30, baselinePeriod: '2023', target: 20 }, [{ period: '2025', value: 35 }]);
  assert.equal(one.direction, 'up');
  assert.deepEqual(one.first, { period: '2023', value: 30 }, 'one measurement: compared with the baseline');
  assert.equal(one.towardsTarget, false, 'a lower target: rising moves away from it');
  assert.equal(
    trendOf({ baseline: null, baselinePeriod: null, target: null }, [{ period: '2025', value: 3 }]).direction,
    'unknown',
  );
  const level = trendOf({ baseline: null, baselinePeriod: null, target: 9 }, [
    { period: '2024', value: 4 },
    { period: '2025', value: 4 },
  ]);
  assert.equal(level.direction, 'level');
  assert.equal(level.towardsTarget, null);
});

test('indicators: measurements ending in the period, in period order, with their change; tied to their action line', () => {
  const report = buildReport(
    input({
      actions: [{ action: action('1.1', 'P-AL1'), history: [] }],
      indicators: [
        indicator('I1', { actionCode: '1.1', baseline: 10, baselinePeriod: '2023', target: 4 }),
        indicator('I2', { actionLineCode: 'P-AL2' }),
        indicator('I3'),
      ],
      measurements: [
        { indicatorCode: 'I1', period: '2026-H1', value: 6, source: 'Schakel', note: null },
        { indicatorCode: 'I1', period: '2024', value: 9, source: 'CBS', note: null },
        { indicatorCode: 'I1', period: '2024-H1', value: 11, source: 'CBS', note: 'voor de periode' },
        { indicatorCode: 'I1', period: '2025-Q3', value: 7, source: 'Schakel', note: null },
        { indicatorCode: 'I1', period: 'najaar', value: 1, source: '?', note: null },
        { indicatorCode: 'I2', period: '2025', value: 3, source: 'Schakel', note: null },
      ],
    }),
  );
  const i1 = report.lines[0]!.indicators[0]!;
  assert.equal(i1.code, 'I1');
  assert.deepEqual(
    i1.measurements.map((m) => [m.period, m.value, m.change]),
    [
      ['2024', 9, null],
      ['2025-Q3', 7, -2],
      ['2026-H1', 6, -1],
    ],
  );
  assert.equal(i1.unreadable, 1);
  assert.equal(i1.trend.direction, 'down');
  assert.equal(i1.trend.towardsTarget, true);
  assert.deepEqual(
    report.lines[1]!.indicators.map((i) => i.code),
    ['I2'],
  );
  assert.equal(report.lines[1]!.indicators[0]!.trend.direction, 'unknown');
  assert.deepEqual(
    report.planIndicators.map((i) => i.code),
    ['I3'],
  );
});

test('the sources: every element with the source it cites, and each source document once', () => {
  const report = buildReport(
    input({
      actions: [{ action: action('1.1', 'P-AL1'), history: [] }],
      indicators: [indicator('I1', { actionCode: '1.1' })],
    }),
  );
  assert.deepEqual(
    report.sources.map((s) => [s.kind, s.code]),
    [
      ['plan', 'P'],
      ['strategic-goal', 'P-SD1'],
      ['action-line', 'P-AL1'],
      ['action-line', 'P-AL2'],
      ['action', '1.1'],
      ['indicator', 'I1'],
    ],
  );
  assert.deepEqual(report.documents, ['kamerbrief.txt', 'bron.txt']);
});

test('who produces the report: the programme team and action holders (beleidsmedewerkers), a command; no melder', () => {
  const user = (roles: string[]) =>
    ({
      kind: 'user',
      userId: 'u',
      displayName: 'U',
      email: 'u@x',
      organisationId: 'o',
      organisationName: 'O',
      organisationType: 'ministerie',
      roles,
      sessionId: 's',
    }) as const;
  assert.equal(reportDecision(user(['beleidsmedewerker']) as never).allowed, true);
  assert.equal(reportDecision(user(['melder']) as never).allowed, false);
  assert.equal(reportDecision({ kind: 'system', label: 'cli' }).allowed, true);
  assert.equal(reportDecision({ kind: 'anonymous' }).allowed, false);
});
