/**
 * Rollup from standards to their parents in the framework, and the course summary a school
 * may turn on. The rule: a parent's rolled-up score is the mean of its children's current
 * scores, where a child's score is its own mastery result or, when it has none, its own
 * rollup. Children without a score are left out, never counted as 0. The course summary is
 * the mean of the current scores of the course's standards and is off unless a school turns
 * it on, so that no single grade hides the standards.
 */
import { Decimal } from 'decimal.js';
import { levelFor, type ProficiencyScale, type ScaleLevel } from '../scale.js';

/** A standard's place in its framework tree. */
export interface StandardNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** One parent's rolled-up score. */
export interface Rollup {
  readonly standardId: string;
  readonly score: number | null;
  readonly level: ScaleLevel | null;
  readonly childCount: number;
  /** How many children had a score (and so were averaged). */
  readonly scoredChildCount: number;
}

/**
 * Rolls scores up the tree: one Rollup for every standard that has children.
 *
 * Example: parent P with children A (3) and B (2) and C (no result) rolls up to
 * (3 + 2) / 2 = 2.5 with 2 of 3 children scored; its parent G with only child P gets 2.5.
 */
export function rollUp(
  standards: readonly StandardNode[],
  scores: ReadonlyMap<string, number | null>,
  scale: ProficiencyScale,
): Rollup[] {
  const children = childrenByParent(standards);
  const memo = new Map<string, Rollup>();

  const rollupOf = (id: string, path: ReadonlySet<string>): Rollup => {
    const known = memo.get(id);
    if (known) return known;

    const kids = (children.get(id) ?? []).filter((kid) => !path.has(kid));
    const childScores = kids.flatMap((kid) => {
      const own = scores.get(kid) ?? null;
      const score =
        own ?? (children.has(kid) ? rollupOf(kid, new Set([...path, kid])).score : null);
      return score === null ? [] : [score];
    });
    const score = meanOrNull(childScores);
    const rollup = {
      standardId: id,
      score,
      level: levelFor(scale, score),
      childCount: kids.length,
      scoredChildCount: childScores.length,
    };
    memo.set(id, rollup);
    return rollup;
  };

  return [...children.keys()].map((id) => rollupOf(id, new Set([id])));
}

/** A course summary level, when a school has turned it on. */
export type CourseSummary =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'summary';
      readonly score: number | null;
      readonly level: ScaleLevel | null;
      readonly standardCount: number;
    };

/**
 * The course summary: off unless turned on; otherwise the mean of the standards' current
 * scores (standards without a score are left out).
 *
 * Example: turned on, scores 3, 4 and none give 3.5 over 2 standards; turned off gives "off".
 */
export function courseSummary(
  scores: readonly (number | null)[],
  enabled: boolean,
  scale: ProficiencyScale,
): CourseSummary {
  if (!enabled) return { kind: 'off' };

  const present = scores.filter((score): score is number => score !== null);
  const score = meanOrNull(present);
  return { kind: 'summary', score, level: levelFor(scale, score), standardCount: present.length };
}

function childrenByParent(standards: readonly StandardNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const { id, parentId } of standards) {
    if (parentId === null || parentId === id) continue;
    children.set(parentId, [...(children.get(parentId) ?? []), id]);
  }
  return children;
}

function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Decimal.sum(...values)
    .dividedBy(values.length)
    .toNumber();
}
