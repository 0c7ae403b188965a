// The periods of measurements: a year (`2025`), a half-year (`2025-H2`), a quarter (`2025-Q3`; `2025-K3` is read too)
// or a month (`2025-09`), as the report reads them (`periodBounds`). An indicator states its own convention in its
// target or baseline period ("per jaar", "per kwartaal"); a computed one takes its computation's.

export const PERIOD_KINDS = ['year', 'half-year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_EXAMPLES: Record<PeriodKind, string> = {
  year: '2025',
  'half-year': '2025-H2',
  quarter: '2025-Q3',
  month: '2025-09',
};

/** The kind of a period as written, or null when it is none of the four. */
export function periodKind(period: string): PeriodKind | null {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-H[12]$/.test(period)) return 'half-year';
  if (/^\d{4}-[QK][1-4]$/.test(period)) return 'quarter';
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return 'month';
  return null;
}

/** One spelling per period: a quarter as `Q` (the report reads `K` as well, but one spelling keeps periods equal). */
export function normalisePeriod(period: string): string {
  return period
    .trim()
    .toUpperCase()
    .replace(/^(\d{4})-K([1-4])$/, '$1-Q$2');
}

/** The periods an indicator is measured over, from the words of its target or baseline period. */
export function conventionOf(indicator: {
  targetPeriod: string | null;
  baselinePeriod: string | null;
}): readonly PeriodKind[] {
  const words = `${indicator.targetPeriod ?? ''} ${indicator.baselinePeriod ?? ''}`.toLowerCase();
  if (/jaar|year/.test(words) && !/half/.test(words)) return ['year'];
  if (/halfjaar|half-year/.test(words)) return ['half-year'];
  if (/kwartaal|quarter/.test(words)) return ['quarter'];
  if (/maand|month/.test(words)) return ['month'];
  return PERIOD_KINDS;
}
