// The sentences and formatted values the DOCX and the HTML report share, so both say exactly the same. Numbers are
// only formatted here, never computed: they come from report.ts.
import type { Lang, T } from '../web/i18n.js';
import { findComputation } from './computations.js';
import type { Report, ReportIndicator, ReportSource, StatusCounts, TrendPoint } from './report.js';
import { STATUSES } from './rules.js';

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A calendar day (YYYY-MM-DD) written out: "1 juli 2024". */
export function longDate(lang: Lang, day: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A moment as the day and time in Amsterdam: "23 november 2026 om 17:07". */
export function longMoment(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(value);
}

/** A measurement's value: a computed count from 1 to 9 as "<10" (computations.ts). */
export function measurementText(lang: Lang, point: Pick<TrendPoint, 'value' | 'fewerThanTen'>): string {
  return point.fewerThanTen ? '<10' : formatNumber(lang, point.value);
}

/** How an indicator is measured: the computation stated in the report's language, or by hand. */
export function computationText(t: T, lang: Lang, indicator: Pick<ReportIndicator, 'computation'>): string {
  const computation = findComputation(indicator.computation);
  if (!computation) return indicator.computation ?? t('ap.indicator.byHand');
  return t('ap.report.computedBy', { statement: computation.statement[lang], code: computation.code });
}

/** A change with its sign and an arrow: "↑ +5", "↓ −2", "= 0". */
export function formatChange(lang: Lang, change: number | null): string {
  if (change === null) return '—';
  const size = formatNumber(lang, Math.abs(change));
  return change > 0 ? `↑ +${size}` : change < 0 ? `↓ −${size}` : `= ${size}`;
}

export function periodText(t: T, lang: Lang, report: Pick<Report, 'from' | 'to'>): string {
  return t('ap.report.period', { from: longDate(lang, report.from), to: longDate(lang, report.to) });
}

/** "3 acties: 1 loopt, 2 niet gestart." Only statuses that occur. */
export function countsText(t: T, total: number, counts: StatusCounts): string {
  const parts = STATUSES.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${t(`ap.status.${s}`).toLowerCase()}`,
  );
  return t('ap.report.counts', { total, list: parts.join(', ') });
}

export function trendText(t: T, lang: Lang, indicator: ReportIndicator): string {
  const { trend, target } = indicator;
  if (trend.direction === 'unknown' || !trend.first || !trend.last) return t('ap.report.trend.unknown');
  const fmt = (p: Pick<TrendPoint, 'value' | 'fewerThanTen'>) =>
    `${measurementText(lang, p)} ${indicator.unit}`;
  let text = t('ap.report.trend.text', {
    direction: t(`ap.report.trend.${trend.direction}`),
    first: fmt(trend.first),
    firstPeriod: trend.first.period || t('ap.indicator.baseline').toLowerCase(),
    last: fmt(trend.last),
    lastPeriod: trend.last.period,
  });
  if (target !== null && trend.towardsTarget !== null)
    text += `; ${t(trend.towardsTarget ? 'ap.report.trend.towards' : 'ap.report.trend.away', { target: fmt({ value: target }) })}`;
  return `${text}.`;
}

export function baselineText(t: T, lang: Lang, i: ReportIndicator): string {
  return i.baseline === null
    ? t('ap.report.unknown')
    : `${formatNumber(lang, i.baseline)} ${i.unit}${i.baselinePeriod ? ` (${i.baselinePeriod})` : ''}`;
}

export function targetText(t: T, lang: Lang, i: ReportIndicator): string {
  return i.target === null
    ? t('ap.report.unknown')
    : `${formatNumber(lang, i.target)} ${i.unit}${i.targetPeriod ? ` (${i.targetPeriod})` : ''}`;
}

export function sourceKind(t: T, source: ReportSource): string {
  return t(`ap.report.kind.${source.kind}`);
}

export function reportFilename(report: Pick<Report, 'plan' | 'from' | 'to'>, extension: string): string {
  const plan = report.plan.code.replace(/[^A-Za-z0-9-]/g, '_');
  return `voortgangsrapportage-${plan}-${report.from}-${report.to}.${extension}`;
}
