/** Test helpers: dated points one week apart, counted from a baseline date. */
import type { DatedValue } from '../../../src/domain/progress/goal-line.js';

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Points at weeks first, first + 1, ... after `baselineDate`, with the given values. */
export function weekly(baselineDate: string, values: readonly number[], first = 1): DatedValue[] {
  return values.map((value, i) => ({ date: addDays(baselineDate, 7 * (first + i)), value }));
}
