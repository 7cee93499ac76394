/**
 * Straight lines over time for progress monitoring. Time t is in weeks since the goal's
 * baseline date, so a slope is a rate of improvement per week.
 */
import { weeksBetween } from './dates.js';

/** One measurement on one date. */
export interface DatedValue {
  readonly date: string;
  readonly value: number;
}

/** A line y = valueAtBaseline + slopePerWeek · t, with t in weeks since the baseline date. */
export interface WeeklyLine {
  readonly slopePerWeek: number;
  readonly valueAtBaseline: number;
}

/**
 * The goal line (aimline): straight from (baseline date, baseline value) to (goal date, target).
 *
 * slopePerWeek = (target − baseline value) / (weeks from baseline date to goal date)
 *
 * Example: baseline 20 on 2026-09-07, target 40 on 2027-01-25 (140 days = 20 weeks)
 * gives slopePerWeek = 20 / 20 = 1 and valueAtBaseline = 20.
 * The goal date must come after the baseline date (the calculator checks this).
 */
export function goalLine(baseline: DatedValue, goal: DatedValue): WeeklyLine {
  const weeks = weeksBetween(baseline.date, goal.date);
  return { slopePerWeek: (goal.value - baseline.value) / weeks, valueAtBaseline: baseline.value };
}

/**
 * The line's value t weeks after the baseline date.
 *
 * Example: valueAt({ slopePerWeek: 1.25, valueAtBaseline: 18.75 }, 20) = 43.75.
 */
export function valueAt(line: WeeklyLine, t: number): number {
  return line.valueAtBaseline + line.slopePerWeek * t;
}
