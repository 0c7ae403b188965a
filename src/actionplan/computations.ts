// The computations Schakel can do from its own figures for an indicator, each with a stable code (the indicator's
// `computation` column names it) and what it computes in plain Dutch and English. Pure: the figures come in from the
// signals module (national aggregates, no rows); this file only turns them into a value and says how.
import type { SignalFigures } from '../signals/index.js';
import { PERIOD_KINDS, type PeriodKind } from './periods.js';

export interface ComputedValue {
  value: number;
  /** The base of the value (for a share or a median), written into the measurement's note. */
  base: { count: number; nl: string; en: string } | null;
}

export interface Computation {
  code: string;
  /** A count is a number of signals: from 1 to 9 it is shown as "<10" (see `shownAsFewerThanTen`). */
  kind: 'count' | 'share' | 'median';
  unit: { nl: string; en: string };
  statement: { nl: string; en: string };
  /** The kinds of period it is computed for. */
  periods: readonly PeriodKind[];
  /** null: known but not yet computable; `needs` says what is missing. */
  compute: ((figures: SignalFigures) => ComputedValue | null) | null;
  needs?: { nl: string; en: string };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export const COMPUTATIONS: readonly Computation[] = [
  {
    code: 'signalen-per-kwartaal',
    kind: 'count',
    unit: { nl: 'signalen', en: 'signals' },
    statement: {
      nl: 'het aantal signalen dat de meldpunten in Schakel in het kwartaal ontvingen (landelijk; samengevoegde dubbele signalen niet meegeteld)',
      en: 'the number of signals the reporting points in Schakel received in the quarter (national; merged duplicates not counted)',
    },
    periods: ['quarter'],
    compute: (f) => ({ value: f.received, base: null }),
  },
  {
    code: 'aandeel-tijdig-beoordeeld',
    kind: 'share',
    unit: { nl: 'procent', en: 'per cent' },
    statement: {
      nl: 'van de signalen waarvan de beoordelingstermijn in de periode afliep: het percentage waarover vóór het einde van die termijn een eerste besluit is genomen (monitoren, afsluiten of doorzetten)',
      en: 'of the signals whose assessment deadline fell in the period: the percentage on which a first decision (monitor, close or forward) was taken before that deadline',
    },
    periods: ['quarter', 'half-year', 'year'],
    compute: (f) =>
      f.dueInPeriod === 0
        ? null
        : {
            value: round1((100 * f.decidedInTime) / f.dueInPeriod),
            base: {
              count: f.dueInPeriod,
              nl: 'signalen met een termijn in de periode',
              en: 'signals with a deadline in the period',
            },
          },
  },
  {
    code: 'mediaan-dagen-tot-besluit',
    kind: 'median',
    unit: { nl: 'dagen', en: 'days' },
    statement: {
      nl: 'de mediaan van het aantal dagen van de ontvangst van een signaal tot het eerste besluit erover, over de signalen waarover in de periode voor het eerst is besloten',
      en: 'the median number of days from the receipt of a signal to the first decision on it, over the signals first decided in the period',
    },
    periods: ['quarter', 'half-year', 'year'],
    compute: (f) =>
      f.medianDaysToDecision === null
        ? null
        : {
            value: round1(f.medianDaysToDecision),
            base: {
              count: f.decided,
              nl: 'signalen waarover in de periode voor het eerst is besloten',
              en: 'signals first decided in the period',
            },
          },
  },
  {
    code: 'mediaan-dagen-tot-eerste-zorgcontact',
    kind: 'median',
    unit: { nl: 'dagen', en: 'days' },
    statement: {
      nl: 'de mediaan van het aantal dagen van de ontvangst van een signaal tot het eerste contact met de zorgcoördinatie',
      en: 'the median number of days from the receipt of a signal to the first contact with care coordination',
    },
    periods: PERIOD_KINDS,
    compute: null,
    needs: { nl: 'vraagt de zorgmodule', en: 'needs the care module' },
  },
];

export function findComputation(code: string | null): Computation | undefined {
  return code === null ? undefined : COMPUTATIONS.find((c) => c.code === code);
}

/** Can Schakel compute this code now? Unknown codes and known-but-not-yet-computable ones: no. */
export function isComputable(code: string | null): boolean {
  return findComputation(code)?.compute != null;
}

/**
 * Disclosure: a count of signals from 1 to 9 is recorded as it is, but shown as "<10" (the monitoring issue brings
 * the full disclosure control). Only for counts Schakel computed; figures entered by hand come from public sources.
 */
export function shownAsFewerThanTen(computation: string | null, value: number): boolean {
  return findComputation(computation)?.kind === 'count' && value >= 1 && value <= 9;
}

/** A base count as the note writes it: from 1 to 9 as "minder dan 10" / "fewer than 10". */
export function baseText(count: number, lang: 'nl' | 'en'): string {
  if (count >= 1 && count <= 9) return lang === 'nl' ? 'minder dan 10' : 'fewer than 10';
  return String(count);
}
