import { describe, expect, it } from 'vitest';
import {
  evaluateCriterion,
  judgeSession,
  type CriterionSession,
  type MasteryCriterion,
} from '../../../src/domain/criterion/criterion.js';

const pct80in3: MasteryCriterion = {
  measure: 'percent',
  atLeast: 80,
  sessions: { consecutive: 3 },
};

/** Sessions of `trials` each on 2026-10-01, 10-02, ... with the given numbers correct. */
function trialSessions(corrects: readonly number[], trials = 5): CriterionSession[] {
  return corrects.map((correct, i) => ({ date: day(i), correct, trials }));
}

function day(index: number): string {
  return `2026-10-${String(index + 1).padStart(2, '0')}`;
}

describe('judging one session', () => {
  it.each<[string, MasteryCriterion, CriterionSession, string]>([
    ['4 of 5 is exactly 80%', pct80in3, { date: day(0), correct: 4, trials: 5 }, 'meets'],
    ['8 of 10 is exactly 80%', pct80in3, { date: day(0), correct: 8, trials: 10 }, 'meets'],
    ['7 of 9 is 77.8%', pct80in3, { date: day(0), correct: 7, trials: 9 }, 'misses'],
    [
      // Float division gives 57 / 100 · 100 = 56.99999999999999.
      '57 of 100 meets at least 57%',
      { ...pct80in3, atLeast: 57 },
      { date: day(0), correct: 57, trials: 100 },
      'meets',
    ],
    [
      '2 of 3 misses at least 66.67%',
      { ...pct80in3, atLeast: 66.67 },
      { date: day(0), correct: 2, trials: 3 },
      'misses',
    ],
    [
      '2 of 3 meets at least 66.66%',
      { ...pct80in3, atLeast: 66.66 },
      { date: day(0), correct: 2, trials: 3 },
      'meets',
    ],
    [
      'a session with 0 trials counts for nothing',
      pct80in3,
      { date: day(0), correct: 0, trials: 0 },
      'too_few_trials',
    ],
    [
      '4 trials when 5 are needed',
      { ...pct80in3, minTrials: 5 },
      { date: day(0), correct: 4, trials: 4 },
      'too_few_trials',
    ],
    [
      'a count of 2 is at most 2',
      { measure: 'count', atMost: 2, sessions: { consecutive: 3 } },
      { date: day(0), value: 2 },
      'meets',
    ],
    [
      'a count of 3 is not at most 2',
      { measure: 'count', atMost: 2, sessions: { consecutive: 3 } },
      { date: day(0), value: 3 },
      'misses',
    ],
    [
      'a rate of 0.3 is at most 0.3 per minute',
      { measure: 'rate', atMost: 0.3, sessions: { consecutive: 1 } },
      { date: day(0), value: 0.3 },
      'meets',
    ],
    [
      'a value session below minTrials',
      { measure: 'steps', atLeast: 6, minTrials: 2, sessions: { consecutive: 1 } },
      { date: day(0), value: 8, trials: 1 },
      'too_few_trials',
    ],
  ])('%s: %s', (_, criterion, session, verdict) => {
    expect(judgeSession(criterion, session)).toBe(verdict);
  });
});

describe('consecutive sessions', () => {
  it('is met on the session that completes the run, and stays met', () => {
    // 3/5 misses, then 4/5, 5/5, 4/5 meet: the run reaches 3 on 10-04; the 2/5 after it
    // changes nothing.
    expect(evaluateCriterion(pct80in3, trialSessions([3, 4, 5, 4, 2]))).toMatchObject({
      met: true,
      metOn: '2026-10-04',
    });
  });

  it('is not met when a miss breaks the run', () => {
    const result = evaluateCriterion(pct80in3, trialSessions([4, 4, 3, 4]));

    expect(result).toMatchObject({ met: false, metOn: null });
    expect(result.standing).toMatchObject({ meeting: 1, needed: 3 });
  });

  it('skips sessions below minTrials without breaking the run', () => {
    const criterion = { ...pct80in3, minTrials: 5 };
    const sessions = [
      { date: '2026-10-01', correct: 4, trials: 5 },
      { date: '2026-10-02', correct: 0, trials: 3 }, // too few: neither for nor against
      { date: '2026-10-03', correct: 5, trials: 5 },
      { date: '2026-10-04', correct: 3, trials: 3 }, // too few, even though all correct
      { date: '2026-10-05', correct: 5, trials: 6 },
    ];

    expect(evaluateCriterion(criterion, sessions)).toMatchObject({
      met: true,
      metOn: '2026-10-05',
    });
  });

  it('orders sessions by date before counting', () => {
    const sessions = trialSessions([3, 4, 5, 4, 2]).reverse();

    expect(evaluateCriterion(pct80in3, sessions).metOn).toBe('2026-10-04');
  });

  it('counts at-most criteria for behaviors that should decrease', () => {
    const criterion: MasteryCriterion = {
      measure: 'count',
      atMost: 2,
      sessions: { consecutive: 3 },
    };
    const sessions = [5, 2, 1, 0].map((value, i) => ({ date: day(i), value }));

    expect(evaluateCriterion(criterion, sessions)).toMatchObject({
      met: true,
      metOn: '2026-10-04',
    });
  });

  it('is not met with no sessions', () => {
    expect(evaluateCriterion(pct80in3, [])).toEqual({
      met: false,
      metOn: null,
      standing: { meeting: 0, needed: 3, inWindow: 0, last: null },
    });
  });
});

describe('k of the last n sessions', () => {
  const fourOfFive: MasteryCriterion = {
    measure: 'percent',
    atLeast: 80,
    sessions: { atLeast: 4, of: 5 },
  };

  it.each([
    ['meets, meets, misses, meets, meets', [4, 4, 2, 5, 4], '2026-10-05'],
    ['four meets after two misses', [2, 2, 4, 4, 4, 4], '2026-10-06'],
    ['four meets in the first four sessions', [4, 5, 4, 5], '2026-10-04'],
    ['three meets in every window of five', [4, 4, 2, 2, 4, 2, 4, 4, 2], null],
  ])('with %s is met on %s', (_, corrects, metOn) => {
    expect(evaluateCriterion(fourOfFive, trialSessions(corrects)).metOn).toBe(metOn);
  });

  it('lets a meeting session slide out of the window', () => {
    // 2 of the last 3: meets, misses, misses, meets, misses: windows hold at most one meet.
    const twoOfThree = { ...fourOfFive, sessions: { atLeast: 2, of: 3 } };
    const result = evaluateCriterion(twoOfThree, trialSessions([4, 1, 1, 4, 1]));

    expect(result.met).toBe(false);
    expect(result.standing).toMatchObject({ meeting: 1, needed: 2, inWindow: 3 });
  });

  it('does not let sessions below minTrials take a place in the window', () => {
    const criterion = { ...fourOfFive, minTrials: 5 };
    const sessions = [...trialSessions([4, 4, 4]), { date: '2026-10-04', correct: 0, trials: 2 }];
    const result = evaluateCriterion(criterion, [
      ...sessions,
      { date: '2026-10-05', correct: 5, trials: 5 },
    ]);

    expect(result.metOn).toBe('2026-10-05');
  });
});
