/**
 * The words of the mastery engine: calculation methods, the policy that chooses one, and the
 * evidence a calculation reads.
 */

/** Every calculation method, named by what it computes. */
export const MASTERY_METHODS = [
  'latest',
  'highest',
  'mean',
  'median',
  'mode',
  'weighted_recent',
  'decaying_average',
  'n_mastery',
  'power_law',
  'recent_mean',
  'recent_median',
  'recent_mode',
] as const;

export type MasteryMethod = (typeof MASTERY_METHODS)[number];

/** How a school turns evidence into a current level for a standard. */
export interface CalculationPolicy {
  readonly method: MasteryMethod;
  /** w (a percentage) or n (a count), for the methods that take one; otherwise null. */
  readonly param: number | null;
  /** How many counted scores a level needs before it is shown (1 when not configured). */
  readonly minEvidence: number;
}

/** The policy used when no scope sets one: decaying average with 65% on each newer score. */
export const DEFAULT_POLICY: CalculationPolicy = {
  method: 'decaying_average',
  param: 65,
  minEvidence: 1,
};

/** One judgement of a student's work on a standard, as the engine sees it. */
export interface EvidenceItem {
  /** Increases in recording order; breaks ties between equal observation dates. */
  readonly id: number;
  /** The score, or null when the work is not scored (skipped, unlike 0). */
  readonly score: number | null;
  /** When the learning was observed: a day or an instant; null counts as oldest. */
  readonly observedAt: string | null;
  /** When the evidence was recorded; used for "as of" a past date. */
  readonly recordedAt?: string | null;
  /** The task attempted; only the latest attempt at a task counts. */
  readonly taskId?: string | null;
  /** The evidence this attempt revises (and so supersedes). */
  readonly revisesId?: number | null;
  /** Kept and shown, but not counted. */
  readonly excluded?: boolean;
  readonly exclusionReason?: string | null;
}

/** Why a piece of evidence does or does not count. */
export type EvidenceStatus = 'counted' | 'superseded' | 'excluded' | 'no_score';

/** A piece of evidence in calculation order, with whether it counts. */
export interface OrderedEvidence {
  readonly item: EvidenceItem;
  readonly status: EvidenceStatus;
  /** The evidence that superseded this one, when status is "superseded". */
  readonly supersededBy: number | null;
}
