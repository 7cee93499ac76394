/**
 * The whole calculation for one student and one standard: classify the evidence, apply the
 * policy's method to the counted scores, and read the result against the scale.
 */
import {
  boundsOf,
  levelFor,
  type ProficiencyScale,
  type ScaleLevel,
  type ScoreBounds,
} from '../scale.js';
import { classifyEvidence, countedScores, hasMinimumEvidence } from './evidence-order.js';
import { applyMethod } from './methods.js';
import type { CalculationPolicy, EvidenceItem, OrderedEvidence } from './types.js';

/** Why there is no score yet. */
export type NoResultReason = 'no_scores' | 'below_minimum' | 'too_few_for_method';

/** The current mastery of one student on one standard. */
export interface MasteryComputation {
  readonly policy: CalculationPolicy;
  readonly evidence: readonly OrderedEvidence[];
  /** The counted scores, oldest first. */
  readonly scores: readonly number[];
  /** The unrounded score, or null: "not enough evidence yet". */
  readonly score: number | null;
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
  readonly noResultReason: NoResultReason | null;
}

/**
 * Computes mastery from evidence under a policy and a scale.
 *
 * Example: scores 2, 3, 4 under the default policy (decaying average, w = 65) on DEFAULT_SCALE
 * give score 3.5275, level 3 Proficient, mastered.
 */
export function computeMastery(
  items: readonly EvidenceItem[],
  policy: CalculationPolicy,
  scale: ProficiencyScale,
): MasteryComputation {
  const evidence = classifyEvidence(items);
  const scores = countedScores(evidence);
  const bounds = boundsOf(scale);
  const outcome = scoreFromScores(scores, policy, bounds);

  return {
    policy,
    evidence,
    scores,
    score: outcome.score,
    level: levelFor(scale, outcome.score),
    mastered: outcome.score !== null && outcome.score >= bounds.mastery,
    noResultReason: outcome.reason,
  };
}

/**
 * The score counted scores give under a policy, with the reason when there is none.
 *
 * Example: [3, 1] under n_mastery with n = 3 gives no score, reason "too_few_for_method".
 */
export function scoreFromScores(
  scores: readonly number[],
  policy: CalculationPolicy,
  bounds: ScoreBounds,
): { score: number | null; reason: NoResultReason | null } {
  if (scores.length === 0) return { score: null, reason: 'no_scores' };
  if (!hasMinimumEvidence(scores.length, policy.minEvidence)) {
    return { score: null, reason: 'below_minimum' };
  }

  const score = applyMethod(policy.method, scores, policy.param, bounds);
  return score === null ? { score, reason: 'too_few_for_method' } : { score, reason: null };
}

/** A plain sentence for a missing result. */
export function describeNoResult(reason: NoResultReason, policy: CalculationPolicy): string {
  switch (reason) {
    case 'no_scores':
      return 'Not enough evidence yet: no scored evidence counts.';
    case 'below_minimum':
      return `Not enough evidence yet: a level is shown after ${policy.minEvidence} scores.`;
    case 'too_few_for_method':
      return 'Not enough evidence yet for this calculation method.';
  }
}
