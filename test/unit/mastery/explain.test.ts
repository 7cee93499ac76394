import { describe, expect, it } from 'vitest';
import { computeMastery } from '../../../src/domain/mastery/compute.js';
import { explainComputation, methodSteps } from '../../../src/domain/mastery/explain.js';
import { applyMethod } from '../../../src/domain/mastery/methods.js';
import { explainMethods } from '../../../src/domain/mastery/methods-explained.js';
import { MASTERY_METHODS, type MasteryMethod } from '../../../src/domain/mastery/types.js';
import { whatNext } from '../../../src/domain/mastery/what-next.js';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';

const bounds = { min: 0, max: 4, mastery: 3 };
const steps = (method: MasteryMethod, scores: number[], param: number | null = null) => {
  const policy = { method, param, minEvidence: 1 };
  return methodSteps(scores, policy, applyMethod(method, scores, param, bounds)!, bounds);
};

describe('explaining a level', () => {
  it('walks a family through a decaying average from evidence to level', () => {
    const items = [
      { id: 1, score: 1, observedAt: '2026-09-01', taskId: 'quiz' },
      { id: 2, score: 2, observedAt: '2026-09-10', taskId: 'quiz', revisesId: 1 },
      {
        id: 3,
        score: 0,
        observedAt: '2026-09-12',
        excluded: true,
        exclusionReason: 'wrong student',
      },
      { id: 4, score: 3, observedAt: '2026-09-20' },
      { id: 5, score: 4, observedAt: '2026-10-02T10:00:00Z' },
    ];
    const policy = { method: 'decaying_average', param: 65, minEvidence: 1 } as const;
    const computation = computeMastery(items, policy, DEFAULT_SCALE);
    const explanation = explainComputation(computation, DEFAULT_SCALE, {
      whatNext: whatNext(computation.scores, policy, bounds),
    });

    expect(explanation.methodName).toBe('Decaying average');
    expect(explanation.shownScore).toBe('3.53');
    expect(explanation.steps).toEqual([
      '5 pieces of evidence, oldest first (undated evidence counts as oldest); 3 count.',
      'Not counted: evidence 1 (observed 2026-09-01, score 1) (replaced by a later attempt at the same task).',
      'Not counted: evidence 3 (observed 2026-09-12, score 0) (set aside by the teacher: wrong student).',
      'Scores counted, oldest first: 2, 3, 4.',
      'Decaying average with w = 65: start with 2; 2 × 35% + 3 × 65% = 2.65; 2.65 × 35% + 4 × 65% = 3.5275.',
      '3.5275 shows as 3.53 (two decimals, rounded half up), which is at or above 3 (Proficient) and below 4 (Extending): Proficient.',
      'Mastery threshold 3 (Proficient): reached.',
      'A next score of 2.72 or higher keeps the mastery threshold of 3.00.',
    ]);
  });

  it('says "not enough evidence yet" instead of a score of 0', () => {
    const computation = computeMastery(
      [],
      { method: 'mean', param: null, minEvidence: 1 },
      DEFAULT_SCALE,
    );
    const explanation = explainComputation(computation, DEFAULT_SCALE);
    expect(explanation.steps).toEqual([
      '0 pieces of evidence, oldest first (undated evidence counts as oldest); 0 count.',
      'Not enough evidence yet: no scored evidence counts.',
    ]);
    expect(explanation.shownScore).toBeNull();
  });

  it('mentions an override and that it is out of date', () => {
    const computation = computeMastery(
      [{ id: 1, score: 2, observedAt: null }],
      { method: 'latest', param: null, minEvidence: 1 },
      DEFAULT_SCALE,
    );
    const override = {
      override: {
        levelValue: 3,
        reason: 'Oral explanation',
        setBy: null,
        setAt: '2026-10-05T10:00:00Z',
        basisEvidenceId: 0,
      },
      level: DEFAULT_SCALE.levels[2]!,
      stale: true,
      newerEvidenceIds: [1],
    };
    const last = explainComputation(computation, DEFAULT_SCALE, { override }).steps.at(-1);
    expect(last).toBe(
      'A teacher set the level to 3 (Proficient) by hand on 2026-10-05: "Oral explanation". It is out of date: 1 newer piece of evidence arrived since.',
    );
  });

  it.each([
    ['latest', [1, 3], null, 'Most recent score: the newest counted score is 3.'],
    ['highest', [1, 3, 2], null, 'Highest score: the highest of 1, 3, 2 is 3.'],
    ['mean', [1, 2, 3], null, 'Mean: (1 + 2 + 3) / 3 = 2.'],
    [
      'median',
      [4, 1, 3, 2],
      null,
      'Median: in order 1, 2, 3, 4; the two middle scores 2 and 3 average to 2.5.',
    ],
    ['median', [4, 1, 3], null, 'Median: in order 1, 3, 4; the middle is 3.'],
    [
      'mode',
      [4, 4, 3, 3],
      null,
      'Most frequent score: 4 and 3 each appear 2 times; 3 was seen most recently.',
    ],
    ['mode', [4, 4, 3], null, 'Most frequent score: 4 appears 2 times, more than any other.'],
    [
      'weighted_recent',
      [2, 3, 4],
      65,
      'Weighted recent with w = 65: latest 4 × 65% + mean of earlier scores 2.5 × 35% = 3.475.',
    ],
    [
      'n_mastery',
      [4, 1, 3],
      2,
      'n times at mastery with n = 2: 2 of 3 scores are at or above 3 (4, 3); their mean is 3.5.',
    ],
    [
      'power_law',
      [2, 3],
      null,
      'Power law: the best-fitting learning curve through the 2 scores, in the order they were earned, stands at 3 at the latest attempt.',
    ],
  ] as const)('explains %s of %j in one step', (method, scores, param, step) => {
    expect(steps(method, [...scores], param)).toEqual([step]);
  });

  it('explains a recent-n method as the window, then the statistic', () => {
    expect(steps('recent_mean', [1, 3, 4], 2)).toEqual([
      'Using the 2 most recent scores (2 available): 3, 4.',
      'Mean: (3 + 4) / 2 = 3.5.',
    ]);
  });
});

describe('how mastery is calculated (page data)', () => {
  const methods = explainMethods();

  it('explains every method with a name, a sentence, a formula and an example', () => {
    expect(methods.map((m) => m.method)).toEqual([...MASTERY_METHODS]);
    for (const m of methods) {
      expect(m.name.length).toBeGreaterThan(3);
      expect(m.sentence).toMatch(/\.$/);
      expect(m.formula.length).toBeGreaterThan(5);
    }
  });

  it("computes each example's result with the engine itself", () => {
    for (const m of methods) {
      const expected = applyMethod(m.method, m.example.scores, m.example.param, m.example.bounds);
      expect(m.example.score).toBe(expected);
    }
    expect(methods.find((m) => m.method === 'decaying_average')?.example).toMatchObject({
      scores: [2, 3, 4],
      param: 65,
      score: 3.5275,
      shown: '3.53',
    });
  });

  it('names the parameter and its range for the methods that take one', () => {
    expect(methods.find((m) => m.method === 'n_mastery')?.parameter).toEqual({
      name: 'n',
      range: '1 to 10',
    });
    expect(methods.find((m) => m.method === 'mean')?.parameter).toBeNull();
  });
});
