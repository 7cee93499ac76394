import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, weeksBetween } from '../../../src/domain/progress/dates.js';
import { goalLine, valueAt } from '../../../src/domain/progress/goal-line.js';
import {
  fitTrend,
  leastSquaresLine,
  median,
  tukeyGroupSizes,
  tukeyLine,
  type WeekPoint,
} from '../../../src/domain/progress/trend.js';

const at = (ys: readonly number[], ts: readonly number[] = ys.map((_, i) => i + 1)): WeekPoint[] =>
  ys.map((y, i) => ({ t: ts[i] ?? Number.NaN, y }));

describe('dates', () => {
  it.each([
    ['2026-09-07', '2027-01-25', 140, 20],
    ['2026-09-07', '2026-09-17', 10, 10 / 7],
    ['2026-03-02', '2026-03-30', 28, 4], // across the US daylight-saving change
    ['2026-09-14', '2026-09-07', -7, -1],
  ])('counts %s to %s as %i days, %d weeks', (from, to, days, weeks) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(weeksBetween(from, to)).toBeCloseTo(weeks, 12);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-9-7', false],
    ['2026-09-07T00:00:00Z', false],
  ])('accepts %s as a calendar date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe('goal line', () => {
  it('rises by the needed rate per week from the baseline to the target', () => {
    // 20 → 40 over 140 days = 20 weeks: slope 20 / 20 = 1.
    const line = goalLine({ date: '2026-09-07', value: 20 }, { date: '2027-01-25', value: 40 });

    expect(line).toEqual({ slopePerWeek: 1, valueAtBaseline: 20 });
    expect(valueAt(line, 20)).toBe(40);
  });

  it('falls for a goal whose target is below the baseline', () => {
    // 12 → 2 over 70 days = 10 weeks: slope −10 / 10 = −1.
    const line = goalLine({ date: '2026-09-07', value: 12 }, { date: '2026-11-16', value: 2 });

    expect(line).toEqual({ slopePerWeek: -1, valueAtBaseline: 12 });
  });

  it('uses fractional weeks when the goal date is not a whole number of weeks away', () => {
    // 10 → 13 over 10 days = 10/7 weeks: slope 3 / (10/7) = 2.1.
    const line = goalLine({ date: '2026-09-07', value: 10 }, { date: '2026-09-17', value: 13 });

    expect(line.slopePerWeek).toBeCloseTo(2.1, 12);
  });
});

describe('least-squares trend line', () => {
  it('fits the nine-week worked example: slope 1.25 through (5, 25)', () => {
    // t̄ = 5, ȳ = 25, Σ(t − t̄)(y − ȳ) = 75, Σ(t − t̄)² = 60 → slope 1.25, 25 − 1.25 · 5 = 18.75.
    const line = leastSquaresLine(at([20, 22, 21, 25, 24, 27, 28, 27, 31]));

    expect(line?.slopePerWeek).toBeCloseTo(1.25, 12);
    expect(line?.valueAtBaseline).toBeCloseTo(18.75, 12);
  });

  it('fits unevenly spaced weeks by hand', () => {
    // t = 1, 3, 5, 6; y = 10, 14, 15, 21. t̄ = 15/4 = 3.75, ȳ = 60/4 = 15.
    // t − t̄ = −2.75, −0.75, 1.25, 2.25; y − ȳ = −5, −1, 0, 6.
    // Σ(t − t̄)(y − ȳ) = 13.75 + 0.75 + 0 + 13.5 = 28;
    // Σ(t − t̄)² = 7.5625 + 0.5625 + 1.5625 + 5.0625 = 14.75.
    // slope = 28 / 14.75 = 112/59 ≈ 1.898305; value at 0 = 15 − 3.75 · 112/59 = 465/59.
    const line = leastSquaresLine(at([10, 14, 15, 21], [1, 3, 5, 6]));

    expect(line?.slopePerWeek).toBeCloseTo(112 / 59, 12);
    expect(line?.valueAtBaseline).toBeCloseTo(465 / 59, 12);
  });

  it('fits exactly three points, the fewest it accepts', () => {
    // t = 1, 2, 3; y = 4, 4, 7: t̄ = 2, ȳ = 5; Σ(t − t̄)(y − ȳ) = 1 + 0 + 2 = 3; Σ(t − t̄)² = 2.
    const line = leastSquaresLine(at([4, 4, 7]));

    expect(line).toEqual({ slopePerWeek: 1.5, valueAtBaseline: 2 });
  });

  it('answers null with two points', () => {
    expect(leastSquaresLine(at([4, 7]))).toBeNull();
  });

  it('answers null when every point is on the same date', () => {
    expect(leastSquaresLine(at([4, 5, 6], [2, 2, 2]))).toBeNull();
  });
});

describe('Tukey median trend line', () => {
  it.each([
    [6, [2, 2, 2]],
    [7, [2, 3, 2]],
    [8, [3, 2, 3]],
    [9, [3, 3, 3]],
    [10, [3, 4, 3]],
    [11, [4, 3, 4]],
  ])('splits %i points into groups of %j', (n, sizes) => {
    expect(tukeyGroupSizes(n)).toEqual(sizes);
  });

  it('fits six points through groups of 2 and 2', () => {
    // y = 5 9 | 7 10 | 14 12. First (t 1.5, y 7), last (t 5.5, y 13): slope 6 / 4 = 1.5,
    // value at 0 = 7 − 1.5 · 1.5 = 4.75.
    expect(tukeyLine(at([5, 9, 7, 10, 14, 12]))).toEqual({
      slopePerWeek: 1.5,
      valueAtBaseline: 4.75,
    });
  });

  it('fits seven points through groups of 2, 3 and 2', () => {
    // y = 3 8 | 4 6 9 | 12 10. First (1.5, 5.5), last (6.5, 11): slope 5.5 / 5 = 1.1,
    // value at 0 = 5.5 − 1.1 · 1.5 = 3.85.
    const line = tukeyLine(at([3, 8, 4, 6, 9, 12, 10]));

    expect(line?.slopePerWeek).toBeCloseTo(1.1, 12);
    expect(line?.valueAtBaseline).toBeCloseTo(3.85, 12);
  });

  it('fits eight points through groups of 3, 2 and 3', () => {
    // y = 10 12 11 | 13 15 | 14 18 16. First (t 2, y 11), last (t 7, y 16): slope 5 / 5 = 1,
    // value at 0 = 11 − 2 = 9.
    expect(tukeyLine(at([10, 12, 11, 13, 15, 14, 18, 16]))).toEqual({
      slopePerWeek: 1,
      valueAtBaseline: 9,
    });
  });

  it('takes the median of t and of y separately in each group', () => {
    // First group (t 1 2 3, y 30 10 20): median t 2 but median y 20 comes from t 3.
    // Last group (t 7 8 9, y 40 60 50): median t 8, median y 50. Slope 30 / 6 = 5; 20 − 10 = 10.
    const line = tukeyLine(at([30, 10, 20, 0, 0, 0, 40, 60, 50]));

    expect(line).toEqual({ slopePerWeek: 5, valueAtBaseline: 10 });
  });

  it('fits the nine-week worked example: slope 7/6 through (2, 21)', () => {
    const line = tukeyLine(at([20, 22, 21, 25, 24, 27, 28, 27, 31]));

    expect(line?.slopePerWeek).toBeCloseTo(7 / 6, 12);
    expect(line?.valueAtBaseline).toBeCloseTo(21 - 14 / 6, 12);
  });

  it('answers null with five points', () => {
    expect(tukeyLine(at([1, 2, 3, 4, 5]))).toBeNull();
    expect(fitTrend('tukey', at([1, 2, 3, 4, 5]))).toBeNull();
    expect(fitTrend('ols', at([1, 2, 3, 4, 5]))).not.toBeNull();
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
