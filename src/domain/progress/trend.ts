/**
 * Trend lines through progress-monitoring data: ordinary least squares and Tukey's
 * three-group median line. Both answer null when the points cannot carry a line.
 */
import type { WeeklyLine } from './goal-line.js';

/** How the trend line is fitted. */
export type TrendMethod = 'ols' | 'tukey';

/** A data point placed in time: t weeks since the baseline date, value y. */
export interface WeekPoint {
  readonly t: number;
  readonly y: number;
}

/** The fewest points each method fits a line through. */
export const MIN_TREND_POINTS: Readonly<Record<TrendMethod, number>> = { ols: 3, tukey: 6 };

/** Fits the trend line by `method`, or null with too few points (or all on one date). */
export function fitTrend(method: TrendMethod, points: readonly WeekPoint[]): WeeklyLine | null {
  switch (method) {
    case 'ols':
      return leastSquaresLine(points);
    case 'tukey':
      return tukeyLine(points);
  }
}

/**
 * The least-squares line, needing at least 3 points:
 * slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)², and the line passes through (t̄, ȳ).
 *
 * Example: t = 1..9, y = 20 22 21 25 24 27 28 27 31: t̄ = 5, ȳ = 25,
 * Σ(t − t̄)(y − ȳ) = 75, Σ(t − t̄)² = 60, slope = 1.25, value at t = 0 is 25 − 1.25 · 5 = 18.75.
 */
export function leastSquaresLine(points: readonly WeekPoint[]): WeeklyLine | null {
  if (points.length < MIN_TREND_POINTS.ols) return null;

  const tMean = mean(points.map((p) => p.t));
  const yMean = mean(points.map((p) => p.y));
  let crossSum = 0;
  let squareSum = 0;
  for (const { t, y } of points) {
    crossSum += (t - tMean) * (y - yMean);
    squareSum += (t - tMean) ** 2;
  }

  if (squareSum === 0) return null;
  const slope = crossSum / squareSum;
  return { slopePerWeek: slope, valueAtBaseline: yMean - slope * tMean };
}

/**
 * Tukey's median line, needing at least 6 points. The points, in time order, fall into three
 * groups (see tukeyGroupSizes); the line runs through (median t, median y) of the first group
 * and (median t, median y) of the last group, each median taken on its own.
 *
 * Example: t = 1..9, y = 20 22 21 25 24 27 28 27 31: groups of 3, 3, 3; first group
 * (median t 2, median y 21), last group (8, 28); slope = 7 / 6 ≈ 1.1667,
 * value at t = 0 is 21 − 2 · 7 / 6 ≈ 18.6667.
 */
export function tukeyLine(points: readonly WeekPoint[]): WeeklyLine | null {
  if (points.length < MIN_TREND_POINTS.tukey) return null;

  const ordered = [...points].sort((a, b) => a.t - b.t);
  const [first, , last] = tukeyGroupSizes(ordered.length);
  const left = summaryPoint(ordered.slice(0, first));
  const right = summaryPoint(ordered.slice(ordered.length - last));

  if (right.t === left.t) return null;
  const slope = (right.y - left.y) / (right.t - left.t);
  return { slopePerWeek: slope, valueAtBaseline: left.y - slope * left.t };
}

/**
 * Sizes of Tukey's three groups for n points: n = 3k gives k, k, k; n = 3k + 1 gives
 * k, k + 1, k; n = 3k + 2 gives k + 1, k, k + 1.
 *
 * Example: tukeyGroupSizes(7) = [2, 3, 2]; tukeyGroupSizes(8) = [3, 2, 3].
 */
export function tukeyGroupSizes(n: number): readonly [number, number, number] {
  const k = Math.floor(n / 3);
  switch (n % 3) {
    case 0:
      return [k, k, k];
    case 1:
      return [k, k + 1, k];
    default:
      return [k + 1, k, k + 1];
  }
}

/**
 * The median: the middle value, or the mean of the two middle values for an even count.
 *
 * Example: median([3, 1, 2]) = 2; median([4, 1, 3, 2]) = 2.5.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

function summaryPoint(group: readonly WeekPoint[]): WeekPoint {
  return { t: median(group.map((p) => p.t)), y: median(group.map((p) => p.y)) };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
