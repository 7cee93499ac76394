import { describe, expect, it } from 'vitest';
import {
  suggestProgressCode,
  type ProgressCodeInput,
} from '../../../src/domain/progress/progress-code.js';
import { weekly } from './weekly-points.js';

/** Goal line 20 + t from 2026-09-07 to 2027-01-25; the period covers weeks 1..9. */
function period(
  values: readonly number[],
  extra: Partial<ProgressCodeInput> = {},
): ProgressCodeInput {
  return {
    periodStart: '2026-09-07',
    periodEnd: '2026-11-13',
    baseline: { date: '2026-09-07', value: 20 },
    goal: { date: '2027-01-25', value: 40 },
    direction: 'increase',
    points: weekly('2026-09-07', values),
    criterionMetOn: null,
    decision: 'continue',
    ...extra,
  };
}

describe('suggested progress code', () => {
  it.each<[string, ProgressCodeInput, string, string]>([
    [
      'the criterion was met in the period',
      period([30], { criterionMetOn: '2026-10-20' }),
      'mastered',
      'criterion_met',
    ],
    ['no data point falls in the period', period([], {}), 'not_yet_addressed', 'no_data_in_period'],
    [
      'every data point is after the period',
      period([25], { periodStart: '2026-08-01', periodEnd: '2026-09-10' }),
      'not_yet_addressed',
      'no_data_in_period',
    ],
    [
      'the period median is below the baseline',
      period([19, 18, 21]),
      'regressed',
      'worse_than_baseline',
    ],
    [
      'the period median is above the baseline of a decreasing goal',
      period([13, 12, 14], {
        baseline: { date: '2026-09-07', value: 12 },
        goal: { date: '2026-11-16', value: 2 },
        direction: 'decrease',
      }),
      'regressed',
      'worse_than_baseline',
    ],
    [
      'the decision is to change the intervention',
      period([21, 21, 22], { decision: 'change_intervention' }),
      'insufficient_progress',
      'decision_rule',
    ],
    [
      'the decision is to raise the goal',
      period([25, 26, 27], { decision: 'raise_goal' }),
      'sufficient_progress',
      'decision_rule',
    ],
    [
      'the worked example continues',
      period([20, 22, 21, 25, 24, 27, 28, 27, 31]),
      'sufficient_progress',
      'decision_rule',
    ],
    [
      'too little data, median on the good side of the goal line',
      // Points 23, 24 at weeks 1, 2: median (t 1.5, y 23.5) above the line's 21.5.
      period([23, 24], { decision: 'insufficient_data' }),
      'sufficient_progress',
      'goal_line',
    ],
    [
      'too little data, median on the bad side of the goal line',
      // Points 20, 21 at weeks 1, 2: median (1.5, 20.5) below 21.5, though not below baseline.
      period([20, 21], { decision: 'insufficient_data' }),
      'insufficient_progress',
      'goal_line',
    ],
  ])('when %s suggests %s', (_, input, code, rule) => {
    expect(suggestProgressCode(input)).toEqual({ code, rule });
  });

  it('does not call a goal mastered in a period before the criterion was met', () => {
    const input = period([25, 26], { criterionMetOn: '2026-12-01', decision: 'raise_goal' });

    expect(suggestProgressCode(input).code).toBe('sufficient_progress');
  });
});
