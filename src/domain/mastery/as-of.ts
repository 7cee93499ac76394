/**
 * "As of": mastery as it stood at the end of a past date, for reports of a period. Evidence
 * counts when the learning was observed by then, whenever it was entered: a district that
 * imports last year's results, or a teacher who records Friday's work on Monday, still sees
 * it in the period it belongs to. Undated evidence counts from when it was recorded.
 * Exclusions and revisions are read as they stand now; the current policy and scale apply.
 */
import type { ProficiencyScale } from '../scale.js';
import { computeMastery, type MasteryComputation } from './compute.js';
import type { CalculationPolicy, EvidenceItem } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last instant (exclusive, in ms since 1970) a date covers: a day ("2026-10-15") covers
 * all of that day in UTC; an instant covers up to and including itself.
 *
 * Example: "2026-10-15" ends at Date.parse("2026-10-16"); an instant t ends at t + 1 ms.
 */
export function endOf(date: string): number {
  const time = Date.parse(date);
  if (Number.isNaN(time)) throw new Error(`not a date: ${date}`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? time + DAY_MS : time + 1;
}

/**
 * Whether a piece of evidence counts by the end of `date`: observed by then; undated
 * evidence when it was recorded by then (or always, when its recording time is unknown).
 *
 * Example: evidence observed 2026-10-01 and recorded 2026-10-20 counts on 2026-10-15;
 * undated evidence recorded 2026-10-20 does not.
 */
export function knownBy(item: EvidenceItem, date: string): boolean {
  const end = endOf(date);
  if (item.observedAt !== null) return Date.parse(item.observedAt) < end;
  return !item.recordedAt || Date.parse(item.recordedAt) < end;
}

/**
 * Computes mastery from only the evidence known by the end of `date`.
 *
 * Example: scores 2 (Sep 10), 3 (Oct 1), 4 (Nov 5) under the mean, as of 2026-10-15, give 2.5.
 */
export function masteryAsOf(
  items: readonly EvidenceItem[],
  date: string,
  policy: CalculationPolicy,
  scale: ProficiencyScale,
): MasteryComputation {
  return computeMastery(
    items.filter((item) => knownBy(item, date)),
    policy,
    scale,
  );
}
