import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../../src/domain/calculator.js';
import { calculators } from '../../../src/domain/calculators.js';
import { progressCalculator } from '../../../src/domain/progress/progress.calculator.js';
import { expectCaseAnswer, loadWorkedCases } from '../../support/worked-cases.js';

const base = {
  baseline: { date: '2026-09-07', value: 20 },
  goal: { date: '2027-01-25', value: 40 },
  points: [
    { date: '2026-09-14', value: 26 },
    { date: '2026-09-21', value: 27 },
    { date: '2026-09-28', value: 28 },
    { date: '2026-10-05', value: 29 },
  ],
};

function answer(input: unknown): unknown {
  const result = runCalculator(progressCalculator, input);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

function problem(input: unknown): string {
  const result = runCalculator(progressCalculator, input);
  return result.ok ? 'accepted' : result.problem;
}

describe('trellis calc progress', () => {
  it('is registered as "progress"', () => {
    expect(calculators.progress).toBe(progressCalculator);
  });

  it.each(loadWorkedCases('progress'))('answers worked case $id', ({ input, expected }) => {
    expectCaseAnswer(answer(input), expected);
  });

  it('defaults to least squares, four consecutive points and the goal direction', () => {
    // Points 26..29 at weeks 1..4 against the line 21..24: all above.
    expect(answer(base)).toEqual({
      goalLine: { slopePerWeek: 1, valueAtBaseline: 20 },
      trend: { slopePerWeek: 1, valueAtBaseline: 25 },
      projectedAtGoalDate: 45,
      decision: 'raise_goal',
      direction: 'increase',
      pointsUsed: 4,
    });
  });

  it('defaults a decreasing goal to direction "decrease"', () => {
    const input = { ...base, goal: { date: '2027-01-25', value: 0 } };

    expect(answer(input)).toMatchObject({ direction: 'decrease', decision: 'change_intervention' });
  });

  it('fills in the size of a rule given only its kind', () => {
    const trend = { ...base, decisionRule: { kind: 'trend' } };
    const consecutive = { ...base, decisionRule: { kind: 'consecutive' } };

    expect(answer(trend)).toMatchObject({ decision: 'insufficient_data' }); // 4 < 8 points
    expect(answer(consecutive)).toMatchObject({ decision: 'raise_goal' }); // 4 points
  });

  it('answers an array of requests with an array of answers', () => {
    const answers = answer([base, { ...base, points: [] }]) as { decision: string }[];

    expect(answers.map((a) => a.decision)).toEqual(['raise_goal', 'insufficient_data']);
  });

  it.each([
    [
      { ...base, goal: { date: '2026-09-07', value: 40 } },
      'goal.date: 2026-09-07 is not after baseline.date',
    ],
    [
      { ...base, goal: { date: '2026-02-30', value: 40 } },
      'goal.date: expected a real date like 2026-09-14',
    ],
    [
      { ...base, baseline: { date: 20260907, value: 20 } },
      'baseline.date: expected a date like 2026-09-14',
    ],
    [
      { ...base, points: [{ date: '2026-09-14', value: '26' }] },
      'points[0].value: expected a number',
    ],
    [{ ...base, points: [{ date: '2026-09-14' }] }, 'points[0].value: required'],
    [{ ...base, points: 'none' }, 'points: expected an array of {date, value}'],
    [{ ...base, trend: 'linear' }, 'trend: expected "ols" or "tukey"'],
    [{ ...base, direction: 'up' }, 'direction: expected "increase" or "decrease"'],
    [
      { ...base, decisionRule: { kind: 'median' } },
      'decisionRule.kind: expected kind "consecutive" or "trend"',
    ],
    [
      { ...base, decisionRule: { kind: 'consecutive', points: 0 } },
      'decisionRule.points: expected at least 1',
    ],
    [
      { ...base, decisionRule: { kind: 'trend', minPoints: 2.5 } },
      'decisionRule.minPoints: expected a whole number',
    ],
    [{ ...base, phaseChanges: ['soon'] }, 'phaseChanges[0]: expected a real date like 2026-09-14'],
    [{ ...base, phasechanges: [] }, 'phasechanges: not a known field'],
    [{ goal: base.goal, points: [] }, 'baseline: required'],
    [[base, { ...base, trend: 'x' }], '[1].trend: expected "ols" or "tukey"'],
  ])('refuses bad input %#: %s', (input, message) => {
    expect(problem(input)).toBe(message);
  });
});
