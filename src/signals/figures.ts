// National figures of the reporting points for the action plan's computed indicators: counts and a median over a
// period, for all signals in Schakel. Aggregates only: no rows, no ids, no organisation, nothing about a person.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { periodFigures } from './store.js';

export interface SignalFigures {
  /** Signals received in the period. */
  received: number;
  /** Signals whose first triage decision was taken in the period (the base of the median). */
  decided: number;
  /** Of the signals whose deadline fell in the period: those with a first decision at or before the deadline. */
  decidedInTime: number;
  /** Signals whose deadline fell in the period. */
  dueInPeriod: number;
  /** Median of the days (fractional, 24 hours each) from receipt to the first decision, over `decided`; null: none. */
  medianDaysToDecision: number | null;
}

/**
 * National aggregates of the signals for a period `[from, to)`. A decision is a `decided` event in a signal's
 * timeline: monitoren, afgesloten or doorgezet, the moment the signal left nieuw/in-behandeling. The first such event
 * counts, so a later decision after a reopening (which moves `decided_at`) does not make an early decision late.
 * Signals merged into another one (`merged_into` set, status samengevoegd) are duplicates and are not counted.
 */
export async function signalFigures(
  db: Kysely<DB>,
  period: { from: Date; to: Date },
): Promise<SignalFigures> {
  const row = await periodFigures(db, period);
  return {
    received: Number(row.received),
    decided: Number(row.decided),
    decidedInTime: Number(row.inTime),
    dueInPeriod: Number(row.due),
    medianDaysToDecision: row.median === null ? null : Number(row.median),
  };
}
