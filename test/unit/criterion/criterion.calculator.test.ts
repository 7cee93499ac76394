import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../../src/domain/calculator.js';
import { calculators } from '../../../src/domain/calculators.js';
import { criterionCalculator } from '../../../src/domain/criterion/criterion.calculator.js';
import { expectCaseAnswer, loadWorkedCases } from '../../support/worked-cases.js';

const criterion = { measure: 'percent', atLeast: 80, sessions: { consecutive: 3 } };
const session = { date: '2026-10-01', correct: 4, trials: 5 };

function answer(input: unknown): unknown {
  const result = runCalculator(criterionCalculator, input);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

function problem(input: unknown): string {
  const result = runCalculator(criterionCalculator, input);
  return result.ok ? 'accepted' : result.problem;
}

describe('trellis calc criterion', () => {
  it('is registered as "criterion"', () => {
    expect(calculators.criterion).toBe(criterionCalculator);
  });

  it.each(loadWorkedCases('criterion'))('answers worked case $id', ({ input, expected }) => {
    expectCaseAnswer(answer(input), expected);
  });

  it('adds the reason and the criterion in English and Spanish', () => {
    expect(answer({ criterion, sessions: [session] })).toEqual({
      met: false,
      metOn: null,
      reason: {
        en: '1 of 3 consecutive sessions so far',
        es: '1 de 3 sesiones consecutivas hasta ahora',
      },
      sentence: {
        en: 'at least 80% of trials correct in 3 consecutive sessions',
        es: 'al menos el 80 % de los ensayos correctos en 3 sesiones consecutivas',
      },
    });
  });

  it('has no reason once the criterion is met', () => {
    const sessions = ['2026-10-01', '2026-10-02', '2026-10-03'].map((date) => ({
      ...session,
      date,
    }));

    expect(answer({ criterion, sessions })).toMatchObject({
      met: true,
      metOn: '2026-10-03',
      reason: null,
    });
  });

  it('accepts percent values already worked out', () => {
    const sessions = [{ date: '2026-10-01', value: 85 }];
    const oneSession = { ...criterion, sessions: { consecutive: 1 } };

    expect(answer({ criterion: oneSession, sessions })).toMatchObject({
      met: true,
      metOn: '2026-10-01',
    });
  });

  it.each([
    [
      { criterion: { ...criterion, atMost: 20 }, sessions: [] },
      'criterion: give exactly one of atLeast and atMost',
    ],
    [
      { criterion: { measure: 'count', sessions: { consecutive: 3 } }, sessions: [] },
      'criterion: give exactly one of atLeast and atMost',
    ],
    [
      { criterion: { ...criterion, atLeast: 120 }, sessions: [] },
      'criterion.atLeast: 120 is not a percent from 0 to 100',
    ],
    [
      { criterion: { ...criterion, measure: 'grade' }, sessions: [] },
      'criterion.measure: expected one of percent, intervals, count, rate, duration, latency, steps, prompt_level, rubric, score',
    ],
    [
      { criterion: { ...criterion, minTrials: 0 }, sessions: [] },
      'criterion.minTrials: expected at least 1',
    ],
    [
      { criterion: { ...criterion, sessions: { atLeast: 6, of: 5 } }, sessions: [] },
      'criterion.sessions.atLeast: 6 is more than of (5)',
    ],
    [
      { criterion: { ...criterion, sessions: { last: 5 } }, sessions: [] },
      'criterion.sessions: expected {"consecutive": n} or {"atLeast": k, "of": n} with whole numbers from 1',
    ],
    [
      { criterion, sessions: [{ ...session, correct: 6 }] },
      'sessions[0].correct: 6 is more than trials (5)',
    ],
    [
      { criterion, sessions: [{ date: '2026-10-01', correct: 4 }] },
      'sessions[0].trials: required with correct',
    ],
    [
      { criterion, sessions: [{ ...session, correct: 2.5 }] },
      'sessions[0].correct: expected a whole number',
    ],
    [
      { criterion, sessions: [{ ...session, trials: -1 }] },
      'sessions[0].trials: expected 0 or more',
    ],
    [
      { criterion, sessions: [{ ...session, value: 80 }] },
      'sessions[0].value: give correct and trials, or value, not both',
    ],
    [
      { criterion, sessions: [{ date: '2026-10-01' }] },
      'sessions[0]: a percent session needs correct and trials, or value',
    ],
    [
      { criterion: { ...criterion, measure: 'count', atLeast: 3 }, sessions: [session] },
      'sessions[0].correct: only percent criteria count correct trials',
    ],
    [
      {
        criterion: { ...criterion, measure: 'count', minTrials: 2 },
        sessions: [{ date: '2026-10-01', value: 2 }],
      },
      'sessions[0].trials: needed because the criterion sets minTrials',
    ],
    [
      { criterion, sessions: [{ ...session, date: '10/01/2026' }] },
      'sessions[0].date: expected a real date like 2026-09-14',
    ],
    [{ criterion, sessions: [{ ...session, note: 'x' }] }, 'sessions[0].note: not a known field'],
    [{ criterion }, 'sessions: required'],
  ])('refuses bad input %#: %s', (input, message) => {
    expect(problem(input)).toBe(message);
  });
});
