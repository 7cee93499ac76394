/**
 * Decision rules: what the data says to do next about an IEP goal.
 *
 * - consecutive rule: the last n points (default 4) all on the good side of the goal line →
 *   raise the goal; all on the bad side → change the intervention; otherwise continue.
 * - trend rule (default at least 8 points): trend steeper than the goal line in the good
 *   direction → raise the goal; flatter → change the intervention; the same slope → continue.
 * - too few points for the rule → insufficient_data ("not enough data yet").
 *
 * A point exactly on the goal line is on neither side, so a run that includes one answers
 * continue. "Exactly" allows for rounding: values within 1e-9 of each other (relative to their
 * size, at least 1e-9 absolute) are treated as equal, for points and for slopes alike.
 */
import { valueAt, type WeeklyLine } from './goal-line.js';
import type { WeekPoint } from './trend.js';

/** Which way the goal wants the data to move; for "decrease" the good side is below the line. */
export type Direction = 'increase' | 'decrease';

/** A decision rule with its size. */
export type DecisionRule =
  | { readonly kind: 'consecutive'; readonly points: number }
  | { readonly kind: 'trend'; readonly minPoints: number };

/** What the data says to do next. */
export type Decision = 'continue' | 'change_intervention' | 'raise_goal' | 'insufficient_data';

/** Where a point lies against the goal line, taking the goal's direction into account. */
export type Side = 'good' | 'bad' | 'on_line';

/** The rule used when none is named: four consecutive points. */
export const DEFAULT_DECISION_RULE: DecisionRule = { kind: 'consecutive', points: 4 };

/** The default sizes of each rule when its size is left out. */
export const DEFAULT_RULE_SIZE = { consecutive: 4, trend: 8 } as const;

/**
 * The direction a goal implies when none is given: "decrease" when the target is below the
 * baseline value, otherwise "increase" (a target equal to the baseline means "keep it up").
 *
 * Example: defaultDirection(12, 3) = "decrease"; defaultDirection(20, 40) = "increase".
 */
export function defaultDirection(baselineValue: number, targetValue: number): Direction {
  return targetValue < baselineValue ? 'decrease' : 'increase';
}

/**
 * The side of the goal line a point is on.
 *
 * Example: with goal line 20 + 1 · t, the point (t 6, y 27) is above the line's 26, so it is
 * "good" for an increasing goal and "bad" for a decreasing one; (6, 26) is "on_line".
 */
export function sideOfGoalLine(point: WeekPoint, line: WeeklyLine, direction: Direction): Side {
  const expected = valueAt(line, point.t);
  if (nearlyEqual(point.y, expected)) return 'on_line';

  const above = point.y > expected;
  return above === (direction === 'increase') ? 'good' : 'bad';
}

/**
 * The consecutive rule over the last `n` points (in time order).
 *
 * Example: goal line 20 + t, last four points (6, 27) (7, 28) (8, 27) (9, 31): sides good,
 * good, bad, good, so "continue"; with (8, 29) instead all four are good: "raise_goal".
 */
export function consecutiveRule(
  points: readonly WeekPoint[],
  line: WeeklyLine,
  direction: Direction,
  n: number,
): Decision {
  if (points.length < n) return 'insufficient_data';

  const sides = points.slice(points.length - n).map((p) => sideOfGoalLine(p, line, direction));
  if (sides.every((side) => side === 'good')) return 'raise_goal';
  if (sides.every((side) => side === 'bad')) return 'change_intervention';
  return 'continue';
}

/**
 * The trend rule: compares the trend's slope with the goal line's once there are at least
 * `minPoints` points and a trend line.
 *
 * Example: goal slope 1 per week, trend slope 7/6 per week, 9 points, increasing goal:
 * the trend is steeper in the good direction, so "raise_goal". With a decreasing goal of
 * slope −0.5, a trend of −0.2 is flatter: "change_intervention".
 */
export function trendRule(
  pointCount: number,
  trend: WeeklyLine | null,
  line: WeeklyLine,
  direction: Direction,
  minPoints: number,
): Decision {
  if (pointCount < minPoints || trend === null) return 'insufficient_data';
  if (nearlyEqual(trend.slopePerWeek, line.slopePerWeek)) return 'continue';

  const steeperUp = trend.slopePerWeek > line.slopePerWeek;
  return steeperUp === (direction === 'increase') ? 'raise_goal' : 'change_intervention';
}

/** Applies `rule` to the points (already limited to the current phase, in time order). */
export function applyDecisionRule(
  rule: DecisionRule,
  points: readonly WeekPoint[],
  trend: WeeklyLine | null,
  line: WeeklyLine,
  direction: Direction,
): Decision {
  switch (rule.kind) {
    case 'consecutive':
      return consecutiveRule(points, line, direction, rule.points);
    case 'trend':
      return trendRule(points.length, trend, line, direction, rule.minPoints);
  }
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
