/**
 * "What's next": the lowest next score that would bring a student to the mastery threshold
 * under their calculation method, or the statement that one more score cannot.
 */
import { formatScore, type ScoreBounds } from '../scale.js';
import { scoreFromScores } from './compute.js';
import type { CalculationPolicy } from './types.js';

/** The answer for one standard. */
export type WhatNext =
  | {
      readonly kind: 'reachable';
      /** The lowest next score (to two decimals) that reaches the threshold. */
      readonly lowestScore: number;
      readonly masteredNow: boolean;
    }
  | { readonly kind: 'out_of_reach'; readonly masteredNow: boolean };

/**
 * Finds the lowest next score s (a multiple of 0.01 within the scale) for which the method
 * applied to the counted scores followed by s reaches the mastery threshold.
 *
 * For every method but the modes, a higher next score never gives a lower result, so the
 * answer is found by bisection on [min, max] and then rounded up to the next 0.01 that works.
 * For mode and recent_mode the result is either the new score or an earlier score, so only the
 * scale's min, the threshold and the scores already seen need trying.
 *
 * Example: scores [2, 2] under decaying average w = 65 on 0..4 with threshold 3 need
 * s with 2 × 0.35 + s × 0.65 ≥ 3, so s ≥ 3.5385 and the answer is 3.54.
 * Scores [1, 1] under mean on 0..4 would need a 7: out of reach.
 */
export function whatNext(
  scores: readonly number[],
  policy: CalculationPolicy,
  bounds: ScoreBounds,
): WhatNext {
  const reaches = (next: number): boolean => {
    const { score } = scoreFromScores([...scores, next], policy, bounds);
    return score !== null && score >= bounds.mastery;
  };
  const current = scoreFromScores(scores, policy, bounds).score;
  const masteredNow = current !== null && current >= bounds.mastery;

  const lowest =
    policy.method === 'mode' || policy.method === 'recent_mode'
      ? lowestCandidate(scores, bounds, reaches)
      : lowestByBisection(bounds, reaches);
  return lowest === null
    ? { kind: 'out_of_reach', masteredNow }
    : { kind: 'reachable', lowestScore: lowest, masteredNow };
}

/** A sentence for a teacher, student or family. */
export function describeWhatNext(next: WhatNext, bounds: ScoreBounds): string {
  if (next.kind === 'out_of_reach') {
    return next.masteredNow
      ? 'Mastered now; one more score cannot keep this at the mastery threshold.'
      : `One more score cannot reach the mastery threshold of ${formatScore(bounds.mastery)}.`;
  }
  if (next.masteredNow && next.lowestScore <= bounds.min) {
    return 'Mastered; any next score keeps this at or above the mastery threshold.';
  }
  const verb = next.masteredNow ? 'keeps' : 'reaches';
  const threshold = `the mastery threshold of ${formatScore(bounds.mastery)}`;
  return `A next score of ${formatScore(next.lowestScore)} or higher ${verb} ${threshold}.`;
}

function lowestByBisection(bounds: ScoreBounds, reaches: (next: number) => boolean): number | null {
  if (!reaches(bounds.max)) return null;
  if (reaches(bounds.min)) return bounds.min;

  let low = bounds.min;
  let high = bounds.max;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return roundUpToWorking(low, bounds, reaches);
}

/** The first multiple of 0.01 at or above `from` that reaches the threshold. */
function roundUpToWorking(
  from: number,
  bounds: ScoreBounds,
  reaches: (next: number) => boolean,
): number {
  let hundredths = Math.ceil(from * 100 - 1e-6);
  while (hundredths / 100 < bounds.max && !reaches(hundredths / 100)) hundredths += 1;
  return Math.min(bounds.max, hundredths / 100);
}

function lowestCandidate(
  scores: readonly number[],
  bounds: ScoreBounds,
  reaches: (next: number) => boolean,
): number | null {
  const candidates = [...new Set([bounds.min, bounds.mastery, bounds.max, ...scores])]
    .filter((value) => value >= bounds.min && value <= bounds.max)
    .sort((a, b) => a - b);
  return candidates.find(reaches) ?? null;
}
