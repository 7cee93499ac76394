/**
 * Proficiency scales: the ordered levels a computed mastery score is read against, the rule
 * that maps a score to a level, the one rounding rule for showing a score, and the rule that
 * picks the scale (or calculation policy) nearest to a standard.
 */
import { Decimal } from 'decimal.js';

/** One level of a proficiency scale, e.g. 3 Proficient. */
export interface ScaleLevel {
  readonly value: number;
  readonly label: string;
  /** What work at this level shows, in a teacher's words. */
  readonly descriptor: string;
  /** A CSS color for the level's badge; dark text must stay readable on it. */
  readonly color: string;
  /** The level in a student's words: "I can ...". */
  readonly studentWording: string;
  /** The level in plain words for a family. */
  readonly familyWording: string;
  readonly isMastery: boolean;
}

/** An ordered list of levels, lowest first, with exactly one mastery threshold. */
export interface ProficiencyScale {
  readonly id: string;
  readonly name: string;
  readonly levels: readonly ScaleLevel[];
}

/** The numbers a calculation needs from a scale: the score range and the mastery threshold. */
export interface ScoreBounds {
  readonly min: number;
  readonly max: number;
  readonly mastery: number;
}

/** Where a scale or calculation policy applies; nearer scopes win. */
export type ScopeKind = 'district' | 'school' | 'course' | 'framework' | 'standard';

/** Something set for one scope: a scale, a calculation policy. */
export interface Scoped {
  readonly scopeKind: ScopeKind;
  readonly scopeId: string | null;
}

/** The scopes one student's work on one standard sits in. */
export interface ScopeContext {
  readonly standardId?: string | null;
  readonly frameworkId?: string | null;
  readonly courseIds?: readonly (string | null)[];
  readonly schoolId?: string | null;
}

/**
 * The default district scale. Colors are light tints chosen so the project's dark text
 * (#1a1a1a) reads on each at a contrast ratio above 10:1 (WCAG AA asks for 4.5:1).
 */
export const DEFAULT_SCALE: ProficiencyScale = {
  id: 'default-scale',
  name: 'Four-level proficiency scale',
  levels: [
    {
      value: 1,
      label: 'Beginning',
      descriptor: 'Shows a beginning understanding with help; key parts are not yet in place.',
      color: '#fde2d4',
      studentWording: 'I can do parts of this with help.',
      familyWording: 'Your child is starting to learn this and does parts of it with help.',
      isMastery: false,
    },
    {
      value: 2,
      label: 'Developing',
      descriptor: 'Shows the simpler parts on their own; the more complex parts are still growing.',
      color: '#fff1c2',
      studentWording: 'I can do the simpler parts of this on my own.',
      familyWording:
        'Your child does the simpler parts on their own and is still learning the rest.',
      isMastery: false,
    },
    {
      value: 3,
      label: 'Proficient',
      descriptor: 'Meets the standard: shows the full understanding on their own.',
      color: '#d5f0d8',
      studentWording: 'I can do all of this on my own.',
      familyWording: 'Your child has learned this and does it on their own.',
      isMastery: true,
    },
    {
      value: 4,
      label: 'Extending',
      descriptor: 'Goes beyond the standard: applies it in new or more complex situations.',
      color: '#d6e6fb',
      studentWording: 'I can use this in new and harder situations.',
      familyWording: 'Your child uses this in new and harder situations, beyond what is expected.',
      isMastery: false,
    },
  ],
};

/**
 * Checks a scale and returns its problems as sentences (an empty list when it is sound):
 * at least one level, values strictly increasing, exactly one mastery level, no blank label.
 *
 * Example: levels 1, 3, 2 with no mastery level gives
 * ["levels[2].value: 2 is not above the previous level's 3", "levels: no level is the mastery
 * threshold; mark exactly one"].
 */
export function checkScale(scale: ProficiencyScale): string[] {
  const problems: string[] = [];
  if (scale.levels.length === 0) return ['levels: a scale needs at least one level'];

  scale.levels.forEach((level, index) => {
    const previous = scale.levels[index - 1];
    if (!Number.isFinite(level.value)) {
      problems.push(`levels[${index}].value: must be a number`);
    } else if (previous && level.value <= previous.value) {
      const problem = `${level.value} is not above the previous level's ${previous.value}`;
      problems.push(`levels[${index}].value: ${problem}`);
    }
    if (level.label.trim() === '') problems.push(`levels[${index}].label: must not be blank`);
  });

  const masteryCount = scale.levels.filter((level) => level.isMastery).length;
  if (masteryCount === 0) {
    problems.push('levels: no level is the mastery threshold; mark exactly one');
  } else if (masteryCount > 1) {
    problems.push(`levels: ${masteryCount} levels are marked as the mastery threshold; mark one`);
  }
  return problems;
}

/** The level marked as the mastery threshold (the first one, on an unchecked scale). */
export function masteryLevel(scale: ProficiencyScale): ScaleLevel {
  const level = scale.levels.find((candidate) => candidate.isMastery) ?? scale.levels[0];
  if (!level) throw new Error(`scale ${scale.id} has no levels`);
  return level;
}

/**
 * The score range and threshold of a scale. Scores run from 0 (or the lowest level's value
 * when that is below 0) to the highest level's value, because many schools record 0 for work
 * that shows no evidence of the standard yet.
 *
 * Example: DEFAULT_SCALE gives { min: 0, max: 4, mastery: 3 }.
 */
export function boundsOf(scale: ProficiencyScale): ScoreBounds {
  const lowest = scale.levels[0]?.value ?? 0;
  const highest = scale.levels.at(-1)?.value ?? 0;
  return { min: Math.min(0, lowest), max: highest, mastery: masteryLevel(scale).value };
}

/**
 * The level a score falls in: the highest level whose value is at or below the score, or null
 * when the score is below the first level (or there is no score).
 *
 * Example on DEFAULT_SCALE: 2.99 is level 2 Developing, 3 is 3 Proficient, 0.5 is null.
 */
export function levelFor(scale: ProficiencyScale, score: number | null): ScaleLevel | null {
  if (score === null) return null;

  let found: ScaleLevel | null = null;
  for (const level of scale.levels) {
    if (level.value <= score) found = level;
  }
  return found;
}

/**
 * Shows a score to two decimals, rounding half up on the score's decimal value (the shortest
 * decimal that reads back as the same number), not on its binary value.
 *
 * Example: 2.675 (binary 2.67499999...) shows as "2.68"; 3.5275 as "3.53"; 3 as "3.00".
 */
export function formatScore(score: number): string {
  return new Decimal(score).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

const SCOPE_RANK: Readonly<Record<ScopeKind, number>> = {
  standard: 0,
  framework: 1,
  course: 2,
  school: 3,
  district: 4,
};

/**
 * The nearest of several scoped settings for a context: a standard's own setting, then its
 * framework's, then a course's, then the school's, then the district's. Returns null when
 * none applies. Among several courses the first listed wins.
 *
 * Example: with a district scale and a framework scale, a standard in that framework gets the
 * framework scale; a standard in another framework gets the district scale.
 */
export function nearestScoped<T extends Scoped>(
  candidates: readonly T[],
  context: ScopeContext,
): T | null {
  let best: T | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const rank = scopeRank(candidate, context);
    if (rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

/** How near a setting sits to a context (lower is nearer), or Infinity when it does not apply. */
function scopeRank(candidate: Scoped, context: ScopeContext): number {
  const base = SCOPE_RANK[candidate.scopeKind] * 1000;
  switch (candidate.scopeKind) {
    case 'standard':
      return matches(candidate.scopeId, context.standardId) ? base : Infinity;
    case 'framework':
      return matches(candidate.scopeId, context.frameworkId) ? base : Infinity;
    case 'course': {
      const index = (context.courseIds ?? []).findIndex((id) => matches(candidate.scopeId, id));
      return index >= 0 ? base + Math.min(index, 999) : Infinity;
    }
    case 'school':
      return matches(candidate.scopeId, context.schoolId) ? base : Infinity;
    case 'district':
      return base;
  }
}

function matches(scopeId: string | null, contextId: string | null | undefined): boolean {
  return scopeId !== null && contextId !== null && contextId !== undefined && scopeId === contextId;
}
