import { describe, expect, it } from 'vitest';
import {
  consecutiveRule,
  defaultDirection,
  sideOfGoalLine,
  trendRule,
  type DecisionRule,
} from '../../../src/domain/progress/decision-rules.js';
import { analyzeProgress, type ProgressInput } from '../../../src/domain/progress/progress.js';
import { weekly } from './weekly-points.js';

const BASELINE_DATE = '2026-09-07';

/** Goal line 20 + 1 · t: baseline 20 on 2026-09-07, target 40 on 2027-01-25 (week 20). */
function rising(values: readonly number[], extra: Partial<ProgressInput> = {}): ProgressInput {
  return {
    baseline: { date: BASELINE_DATE, value: 20 },
    goal: { date: '2027-01-25', value: 40 },
    points: weekly(BASELINE_DATE, values),
    trend: 'ols',
    decisionRule: { kind: 'consecutive', points: 4 },
    direction: 'increase',
    phaseChanges: [],
    ...extra,
  };
}

/** Goal line 12 − 1 · t: baseline 12 on 2026-09-07, target 2 on 2026-11-16 (week 10). */
function falling(values: readonly number[], extra: Partial<ProgressInput> = {}): ProgressInput {
  return {
    ...rising(values),
    baseline: { date: BASELINE_DATE, value: 12 },
    goal: { date: '2026-11-16', value: 2 },
    direction: 'decrease',
    ...extra,
  };
}

const trendRuleOf = (minPoints: number): DecisionRule => ({ kind: 'trend', minPoints });

describe('consecutive decision rule', () => {
  it.each([
    ['all four last points above the line', [10, 10, 26, 27, 28, 29], 'raise_goal'],
    ['all four last points below the line', [30, 30, 22, 23, 24, 25], 'change_intervention'],
    ['the last four points on both sides', [20, 22, 21, 25, 24, 27, 28, 27, 31], 'continue'],
    ['one of the last four exactly on the line', [22, 23, 24, 24], 'continue'],
    ['all of the last four exactly on the line', [21, 22, 23, 24], 'continue'],
    ['only three points', [30, 31, 32], 'insufficient_data'],
  ])('with %s answers %s', (_, values, decision) => {
    // The goal line at weeks 1, 2, 3, ... is 21, 22, 23, ...
    expect(analyzeProgress(rising(values)).decision).toBe(decision);
  });

  it('uses the rule size it is given', () => {
    // Goal line 21, 22, 23 at weeks 1-3; the last two points 21 and 22 are below it.
    const input = rising([30, 21, 22], { decisionRule: { kind: 'consecutive', points: 2 } });

    expect(analyzeProgress(input).decision).toBe('change_intervention');
  });

  it('puts a point on the line on neither side, allowing for rounding', () => {
    // 0.1 + 0.2 is 0.30000000000000004, still "on" a line whose value is 0.3.
    const line = { slopePerWeek: 0.1, valueAtBaseline: 0.2 };

    expect(sideOfGoalLine({ t: 1, y: 0.3 }, line, 'increase')).toBe('on_line');
    expect(sideOfGoalLine({ t: 1, y: 0.31 }, line, 'increase')).toBe('good');
    expect(sideOfGoalLine({ t: 1, y: 0.31 }, line, 'decrease')).toBe('bad');
  });

  it('reads the last n points in the order given to it', () => {
    const line = { slopePerWeek: 1, valueAtBaseline: 0 };
    const points = [
      { t: 1, y: 0 },
      { t: 2, y: 5 },
      { t: 3, y: 5 },
    ];

    expect(consecutiveRule(points, line, 'increase', 2)).toBe('raise_goal');
    expect(consecutiveRule(points, line, 'increase', 3)).toBe('continue');
  });
});

describe('trend decision rule', () => {
  it('raises the goal when the trend is steeper than the goal line (worked example)', () => {
    // Tukey slope 7/6 ≈ 1.1667 > goal slope 1 with 9 points ≥ 8.
    const input = rising([20, 22, 21, 25, 24, 27, 28, 27, 31], {
      trend: 'tukey',
      decisionRule: trendRuleOf(8),
    });

    expect(analyzeProgress(input).decision).toBe('raise_goal');
  });

  it('changes the intervention when the trend is flatter than the goal line', () => {
    // OLS slope 0.5 < 1.
    const input = rising([20, 20.5, 21, 21.5, 22, 22.5, 23, 23.5], {
      decisionRule: trendRuleOf(8),
    });

    expect(analyzeProgress(input).decision).toBe('change_intervention');
  });

  it('continues when the trend has the goal line slope', () => {
    const input = rising([25, 26, 27, 28, 29, 30, 31, 32], { decisionRule: trendRuleOf(8) });

    expect(analyzeProgress(input).trend?.slopePerWeek).toBeCloseTo(1, 12);
    expect(analyzeProgress(input).decision).toBe('continue');
  });

  it('has not enough data with fewer points than minPoints', () => {
    const input = rising([25, 26, 27, 28, 29, 30, 31], { decisionRule: trendRuleOf(8) });

    expect(analyzeProgress(input).decision).toBe('insufficient_data');
  });

  it('has not enough data when the trend method needs more points than the rule', () => {
    const input = rising([25, 27, 29, 31, 33], { trend: 'tukey', decisionRule: trendRuleOf(3) });

    expect(analyzeProgress(input).trend).toBeNull();
    expect(analyzeProgress(input).decision).toBe('insufficient_data');
  });

  it('compares slopes by direction', () => {
    const aim = { slopePerWeek: -1, valueAtBaseline: 12 };

    expect(trendRule(8, { slopePerWeek: -1.5, valueAtBaseline: 12 }, aim, 'decrease', 8)).toBe(
      'raise_goal',
    );
    expect(trendRule(8, { slopePerWeek: -0.5, valueAtBaseline: 12 }, aim, 'decrease', 8)).toBe(
      'change_intervention',
    );
    expect(trendRule(8, null, aim, 'decrease', 8)).toBe('insufficient_data');
  });
});

describe('decreasing goals', () => {
  it('counts points below the goal line as the good side', () => {
    // Goal line at weeks 1..4: 11, 10, 9, 8; points 10, 9, 8, 7 are all below.
    expect(analyzeProgress(falling([10, 9, 8, 7])).decision).toBe('raise_goal');
  });

  it('counts points above the goal line as the bad side', () => {
    expect(analyzeProgress(falling([12, 11, 10, 9])).decision).toBe('change_intervention');
  });

  it('changes the intervention when the trend falls more slowly than the goal line', () => {
    // Points fall 0.5 a week against a goal line falling 1 a week.
    const input = falling([11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8], { decisionRule: trendRuleOf(8) });

    expect(analyzeProgress(input).trend?.slopePerWeek).toBeCloseTo(-0.5, 12);
    expect(analyzeProgress(input).decision).toBe('change_intervention');
  });

  it('defaults the direction from the baseline and the target', () => {
    expect(defaultDirection(12, 2)).toBe('decrease');
    expect(defaultDirection(20, 40)).toBe('increase');
    expect(defaultDirection(5, 5)).toBe('increase');
  });
});

describe('phase changes', () => {
  // Weeks 1-4 before the change (low), weeks 5-8 after it; the change is on week 5's date.
  const values = [10, 10, 10, 10, 30, 31, 32, 33];
  const phaseChange = '2026-10-12';

  it('fits the trend only through points on or after the latest phase change', () => {
    // Weeks 5..8, y 30..33: slope 1; t̄ = 6.5, ȳ = 31.5, value at 0 = 31.5 − 6.5 = 25.
    const analysis = analyzeProgress(rising(values, { phaseChanges: [phaseChange] }));

    expect(analysis.pointsUsed).toBe(4);
    expect(analysis.phaseStart).toBe(phaseChange);
    expect(analysis.trend?.slopePerWeek).toBeCloseTo(1, 12);
    expect(analysis.trend?.valueAtBaseline).toBeCloseTo(25, 12);
    expect(analysis.projectedAtGoalDate).toBeCloseTo(45, 12);
  });

  it('fits all points when there is no phase change', () => {
    // ȳ = 166 / 8 = 20.75; y − ȳ = −10.75 (four times), 9.25, 10.25, 11.25, 12.25;
    // t − t̄ = −3.5, −2.5, ..., 3.5. Σ(t − t̄)(y − ȳ) = −10.75 · (−8) + (4.625 + 15.375 + 28.125
    // + 42.875) = 86 + 91 = 177; Σ(t − t̄)² = 42; slope = 177 / 42.
    const analysis = analyzeProgress(rising(values));

    expect(analysis.pointsUsed).toBe(8);
    expect(analysis.trend?.slopePerWeek).toBeCloseTo(177 / 42, 12);
  });

  it('uses the latest of several phase changes, in any order', () => {
    const analysis = analyzeProgress(
      rising(values, { phaseChanges: ['2026-10-26', '2026-09-21'] }),
    );

    // Only weeks 7 and 8 remain: two points, no trend, too few for four consecutive.
    expect(analysis.phaseStart).toBe('2026-10-26');
    expect(analysis.pointsUsed).toBe(2);
    expect(analysis.trend).toBeNull();
    expect(analysis.projectedAtGoalDate).toBeNull();
    expect(analysis.decision).toBe('insufficient_data');
  });

  it('applies the decision rule only to the new phase', () => {
    // After the change on week 5 only three points remain, too few for four consecutive;
    // without it the last four are 30 (good, line 24) and 10, 10, 10 (bad): continue.
    const input = rising([30, 30, 30, 30, 10, 10, 10], { phaseChanges: ['2026-10-12'] });

    expect(analyzeProgress(input).decision).toBe('insufficient_data');
    expect(analyzeProgress({ ...input, phaseChanges: [] }).decision).toBe('continue');
  });
});

describe('progress analysis', () => {
  it('sorts points given out of date order', () => {
    const ordered = rising([20, 22, 21, 25, 24, 27, 28, 27, 31], { trend: 'tukey' });
    const shuffled = { ...ordered, points: [...ordered.points].reverse() };

    expect(analyzeProgress(shuffled)).toEqual(analyzeProgress(ordered));
  });

  it('places points by their real dates, not by their order', () => {
    // Points at days 7, 10 and 21 (t = 1, 10/7, 3) with y = 21, 22, 23.
    // t̄ = (7 + 10 + 21) / 21 = 38/21; slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)² with ȳ = 22:
    // (1 − 38/21)(−1) + 0 + (3 − 38/21)(1) = 2 → slope = 2 / Σ(t − t̄)².
    // t − t̄ = −17/21, −8/21, 25/21 → Σ² = (289 + 64 + 625) / 441 = 978/441; slope = 882/978.
    const input = rising([], {
      points: [
        { date: '2026-09-14', value: 21 },
        { date: '2026-09-17', value: 22 },
        { date: '2026-09-28', value: 23 },
      ],
    });

    expect(analyzeProgress(input).trend?.slopePerWeek).toBeCloseTo(882 / 978, 12);
  });
});
