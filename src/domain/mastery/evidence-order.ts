/**
 * Which evidence counts, and in what order. Evidence is ordered by the date it was observed
 * (undated evidence first, as the oldest; equal dates in recording order). A revision
 * supersedes the attempt it revises, and only the latest attempt at a task counts. Excluded
 * evidence is kept and shown but not counted; a missing score is skipped.
 */
import type { EvidenceItem, OrderedEvidence } from './types.js';

/**
 * Sorts evidence into calculation order: undated first, then by observation time (a day
 * counts as its first instant, UTC), then by id (recording order).
 *
 * Example: [{id 1, at Oct 2}, {id 2, undated}, {id 3, at Oct 1}] sorts as 2, 3, 1.
 */
export function orderEvidence(items: readonly EvidenceItem[]): EvidenceItem[] {
  return [...items].sort(compareEvidence);
}

/** The comparison behind orderEvidence. */
export function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  const aTime = observedTime(a);
  const bTime = observedTime(b);
  if (aTime !== bTime) return aTime - bTime;
  return a.id - b.id;
}

/** Milliseconds since 1970 of the observation, or −Infinity for undated evidence. */
export function observedTime(item: EvidenceItem): number {
  if (item.observedAt === null) return Number.NEGATIVE_INFINITY;
  const time = Date.parse(item.observedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * Orders evidence and marks each piece counted, superseded, excluded or without a score.
 * Only scored, included evidence can supersede: excluding a revision (or leaving it unscored)
 * lets the attempt it revised count again.
 *
 * Example: attempt 1 at task T scored 2, then its revision (id 2, revises 1) scored 3, then an
 * excluded 1: statuses superseded (by 2), counted, excluded; the counted scores are [3].
 */
export function classifyEvidence(items: readonly EvidenceItem[]): OrderedEvidence[] {
  const ordered = orderEvidence(items);
  const supersededBy = findSuperseded(ordered);

  return ordered.map((item) => {
    const by = supersededBy.get(item.id) ?? null;
    if (item.excluded) return { item, status: 'excluded', supersededBy: null };
    if (item.score === null) return { item, status: 'no_score', supersededBy: null };
    if (by !== null) return { item, status: 'superseded', supersededBy: by };
    return { item, status: 'counted', supersededBy: null };
  });
}

/** The scores that count, oldest first. */
export function countedScores(classified: readonly OrderedEvidence[]): number[] {
  return classified.flatMap((entry) =>
    entry.status === 'counted' && entry.item.score !== null ? [entry.item.score] : [],
  );
}

/** Maps each superseded evidence id to the id of the later attempt that superseded it. */
function findSuperseded(ordered: readonly EvidenceItem[]): Map<number, number> {
  const supersededBy = new Map<number, number>();
  const latestByTask = new Map<string, number>();

  for (const item of ordered) {
    if (item.excluded || item.score === null) continue;

    if (item.revisesId !== null && item.revisesId !== undefined) {
      supersededBy.set(item.revisesId, item.id);
    }
    if (item.taskId !== null && item.taskId !== undefined) {
      const earlier = latestByTask.get(item.taskId);
      if (earlier !== undefined) supersededBy.set(earlier, item.id);
      latestByTask.set(item.taskId, item.id);
    }
  }
  return supersededBy;
}

/**
 * Whether there is enough counted evidence to show a level: at least `minEvidence` scores.
 *
 * Example: 2 counted scores with a minimum of 3 is not enough.
 */
export function hasMinimumEvidence(countedCount: number, minEvidence: number): boolean {
  return countedCount >= Math.max(1, minEvidence);
}
