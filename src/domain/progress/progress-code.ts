/**
 * The suggested progress code for one goal in one reporting period. Staff confirm it or
 * override it with a reason; districts may show the codes under their own names.
 *
 * The rule, first match wins:
 * 1. mastered: the mastery criterion was met on or before the period's last day.
 * 2. not_yet_addressed: no data point falls within the period.
 * 3. regressed: the median of the period's points is on the bad side of the baseline value
 *    (below it for an increasing goal, above it for a decreasing one).
 * 4. from the decision rule as of the period's end: change_intervention →
 *    insufficient_progress; raise_goal or continue → sufficient_progress.
 * 5. with not enough data for the decision rule: the median of the period's points against
 *    the goal line at the median of their dates: on or on the good side of the line →
 *    sufficient_progress, otherwise insufficient_progress.
 */
import { compareDates } from './dates.js';
import { sideOfGoalLine, type Decision, type Direction } from './decision-rules.js';
import { goalLine, type DatedValue } from './goal-line.js';
import { placeInWeeks } from './progress.js';
import { median } from './trend.js';

/** The progress codes, as stored; labels come from the district's code set. */
export type ProgressCode =
  'mastered' | 'sufficient_progress' | 'insufficient_progress' | 'not_yet_addressed' | 'regressed';

/** Which step of the rule chose the code. */
export type ProgressCodeRule =
  'criterion_met' | 'no_data_in_period' | 'worse_than_baseline' | 'decision_rule' | 'goal_line';

/** What the suggestion needs about one goal and one reporting period. */
export interface ProgressCodeInput {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly baseline: DatedValue;
  readonly goal: DatedValue;
  readonly direction: Direction;
  /** All of the goal's data points; those in the period are picked out here. */
  readonly points: readonly DatedValue[];
  /** When the mastery criterion was first met, or null. */
  readonly criterionMetOn: string | null;
  /** The decision rule's answer from the data up to the period's end. */
  readonly decision: Decision;
}

/** A suggested code with the rule step that chose it. */
export interface SuggestedProgressCode {
  readonly code: ProgressCode;
  readonly rule: ProgressCodeRule;
}

/**
 * Suggests the progress code (see the rule above).
 *
 * Example: baseline 20, target 40 from 2026-09-07 to 2027-01-25 (goal line 20 + t), period
 * 2026-09-07..2026-11-13 with points 20 22 21 25 24 27 28 27 31 and decision "continue":
 * not mastered, data present, median 25 above the baseline 20, so sufficient_progress by the
 * decision rule.
 */
export function suggestProgressCode(input: ProgressCodeInput): SuggestedProgressCode {
  if (input.criterionMetOn !== null && compareDates(input.criterionMetOn, input.periodEnd) <= 0) {
    return { code: 'mastered', rule: 'criterion_met' };
  }

  const inPeriod = input.points.filter(
    (point) =>
      compareDates(point.date, input.periodStart) >= 0 &&
      compareDates(point.date, input.periodEnd) <= 0,
  );
  if (inPeriod.length === 0) return { code: 'not_yet_addressed', rule: 'no_data_in_period' };

  const periodMedian = median(inPeriod.map((point) => point.value));
  if (worseThan(periodMedian, input.baseline.value, input.direction)) {
    return { code: 'regressed', rule: 'worse_than_baseline' };
  }

  return fromDecision(input, inPeriod);
}

function fromDecision(
  input: ProgressCodeInput,
  inPeriod: readonly DatedValue[],
): SuggestedProgressCode {
  switch (input.decision) {
    case 'change_intervention':
      return { code: 'insufficient_progress', rule: 'decision_rule' };
    case 'raise_goal':
    case 'continue':
      return { code: 'sufficient_progress', rule: 'decision_rule' };
    case 'insufficient_data':
      return fromGoalLine(input, inPeriod);
  }
}

function fromGoalLine(
  input: ProgressCodeInput,
  inPeriod: readonly DatedValue[],
): SuggestedProgressCode {
  const placed = placeInWeeks(inPeriod, input.baseline.date);
  const middle = { t: median(placed.map((p) => p.t)), y: median(placed.map((p) => p.y)) };
  const side = sideOfGoalLine(middle, goalLine(input.baseline, input.goal), input.direction);
  const code = side === 'bad' ? 'insufficient_progress' : 'sufficient_progress';
  return { code, rule: 'goal_line' };
}

function worseThan(value: number, reference: number, direction: Direction): boolean {
  return direction === 'increase' ? value < reference : value > reference;
}
