/**
 * Progress monitoring for one IEP goal: goal line, trend line, projection to the goal date and
 * the decision rule, all with t in weeks since the baseline date.
 */
import { compareDates, sortByDate, weeksBetween } from './dates.js';
import {
  applyDecisionRule,
  type Decision,
  type DecisionRule,
  type Direction,
} from './decision-rules.js';
import { goalLine, valueAt, type DatedValue, type WeeklyLine } from './goal-line.js';
import { fitTrend, type TrendMethod, type WeekPoint } from './trend.js';

/** Everything the progress math needs about one goal, with every default already chosen. */
export interface ProgressInput {
  readonly baseline: DatedValue;
  readonly goal: DatedValue;
  readonly points: readonly DatedValue[];
  readonly trend: TrendMethod;
  readonly decisionRule: DecisionRule;
  readonly direction: Direction;
  readonly phaseChanges: readonly string[];
}

/** The picture of one goal's progress. */
export interface ProgressAnalysis {
  readonly goalLine: WeeklyLine;
  /** Fitted through the current phase's points only; null with too few of them. */
  readonly trend: WeeklyLine | null;
  /** The trend line's value on the goal date; null without a trend line. */
  readonly projectedAtGoalDate: number | null;
  readonly decision: Decision;
  /** The latest phase change, from which points count; null when there is none. */
  readonly phaseStart: string | null;
  /** How many points the trend and the decision rule used. */
  readonly pointsUsed: number;
}

/**
 * Analyses one goal's data.
 *
 * Example: baseline 20 on 2026-09-07, target 40 on 2027-01-25, weekly points 20 22 21 25 24
 * 27 28 27 31 (weeks 1..9), least squares, four consecutive points: goal line slope 1, trend
 * 18.75 + 1.25 t, projection 18.75 + 1.25 · 20 = 43.75, last four points good, good, bad,
 * good: "continue".
 */
export function analyzeProgress(input: ProgressInput): ProgressAnalysis {
  const aim = goalLine(input.baseline, input.goal);
  const phaseStart = latestPhaseChange(input.phaseChanges);
  const current = pointsInPhase(input.points, phaseStart);
  const placed = placeInWeeks(current, input.baseline.date);

  const trend = fitTrend(input.trend, placed);
  const goalWeek = weeksBetween(input.baseline.date, input.goal.date);
  const projectedAtGoalDate = trend === null ? null : valueAt(trend, goalWeek);
  const decision = applyDecisionRule(input.decisionRule, placed, trend, aim, input.direction);

  return {
    goalLine: aim,
    trend,
    projectedAtGoalDate,
    decision,
    phaseStart,
    pointsUsed: placed.length,
  };
}

/** The latest of the phase-change dates, or null when there are none. */
export function latestPhaseChange(phaseChanges: readonly string[]): string | null {
  return phaseChanges.reduce<string | null>(
    (latest, date) => (latest === null || compareDates(date, latest) > 0 ? date : latest),
    null,
  );
}

/**
 * The points that count for the trend and the decision: those on or after the phase start,
 * in date order (all points when there is no phase change).
 */
export function pointsInPhase(
  points: readonly DatedValue[],
  phaseStart: string | null,
): DatedValue[] {
  const sorted = sortByDate(points);
  if (phaseStart === null) return sorted;
  return sorted.filter((point) => compareDates(point.date, phaseStart) >= 0);
}

/**
 * Places dated points in time: t = weeks since the baseline date.
 *
 * Example: baseline 2026-09-07, a point on 2026-09-21 with value 22 becomes (t 2, y 22).
 */
export function placeInWeeks(points: readonly DatedValue[], baselineDate: string): WeekPoint[] {
  return points.map((point) => ({ t: weeksBetween(baselineDate, point.date), y: point.value }));
}
