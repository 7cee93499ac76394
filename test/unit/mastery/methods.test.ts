import { describe, expect, it } from 'vitest';
import {
  applyMethod,
  decayingSteps,
  METHOD_PARAMETERS,
} from '../../../src/domain/mastery/methods.js';
import { MASTERY_METHODS, type MasteryMethod } from '../../../src/domain/mastery/types.js';

const ZERO_TO_FOUR = { min: 0, max: 4, mastery: 3 };
const ONE_TO_FOUR = { min: 1, max: 4, mastery: 3 };
const ZERO_TO_FIVE = { min: 0, max: 5, mastery: 3 };

interface Row {
  readonly method: MasteryMethod;
  readonly scores: number[];
  readonly param?: number;
  readonly bounds?: typeof ZERO_TO_FOUR;
  readonly expected: number | null;
  readonly why: string;
}

const rows: Row[] = [
  {
    method: 'latest',
    scores: [1, 2, 4, 5, 3],
    bounds: ZERO_TO_FIVE,
    expected: 3,
    why: 'the newest score',
  },
  { method: 'latest', scores: [3, 0], expected: 0, why: '0 is a score, not missing' },
  { method: 'latest', scores: [], expected: null, why: 'no scores give no result, never 0' },
  { method: 'highest', scores: [3, 1], expected: 3, why: 'the best score' },
  { method: 'highest', scores: [0], expected: 0, why: 'a single 0' },
  { method: 'highest', scores: [], expected: null, why: 'no scores' },
  { method: 'mean', scores: [1, 2, 3, 4, 5], bounds: ZERO_TO_FIVE, expected: 3, why: '15 / 5' },
  { method: 'mean', scores: [0, 0, 3], expected: 1, why: 'zeros count' },
  {
    method: 'mean',
    scores: [0.1, 0.2],
    expected: 0.15,
    why: 'decimal arithmetic, not 0.15000000000000002',
  },
  { method: 'mean', scores: [], expected: null, why: 'no scores' },
  { method: 'median', scores: [4, 1, 3], expected: 3, why: 'odd count: the middle' },
  { method: 'median', scores: [4, 1, 3, 2], expected: 2.5, why: 'even count: mean of 2 and 3' },
  { method: 'median', scores: [], expected: null, why: 'no scores' },
  { method: 'mode', scores: [4, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2], expected: 4, why: 'most frequent' },
  { method: 'mode', scores: [4, 4, 3, 3, 2], expected: 3, why: 'tie of 4 and 3: a 3 came last' },
  { method: 'mode', scores: [3, 4, 4, 3], expected: 3, why: 'tie: the value seen most recently' },
  { method: 'mode', scores: [3, 3, 4, 4], expected: 4, why: 'tie the other way round' },
  { method: 'mode', scores: [1, 2, 3], expected: 3, why: 'all tied: the latest' },
  { method: 'mode', scores: [], expected: null, why: 'no scores' },
  {
    method: 'weighted_recent',
    scores: [3, 1, 5, 4],
    param: 75,
    bounds: ZERO_TO_FIVE,
    expected: 3.75,
    why: '4 × .75 + 3 × .25',
  },
  {
    method: 'weighted_recent',
    scores: [2, 3, 4],
    param: 65,
    expected: 3.475,
    why: '4 × .65 + 2.5 × .35',
  },
  { method: 'weighted_recent', scores: [2], param: 65, expected: 2, why: 'one score: that score' },
  { method: 'weighted_recent', scores: [], param: 65, expected: null, why: 'no scores' },
  {
    method: 'decaying_average',
    scores: [2, 3, 4],
    param: 65,
    expected: 3.5275,
    why: 'd = 2, 2.65, 3.5275',
  },
  { method: 'decaying_average', scores: [3], param: 65, expected: 3, why: 'one score: that score' },
  { method: 'decaying_average', scores: [4, 0], param: 50, expected: 2, why: '4 × .5 + 0 × .5' },
  {
    method: 'decaying_average',
    scores: [0, 4],
    param: 1,
    expected: 0.04,
    why: 'w = 1: the newer score barely counts',
  },
  { method: 'decaying_average', scores: [0, 4], param: 99, expected: 3.96, why: 'w = 99' },
  { method: 'decaying_average', scores: [], param: 65, expected: null, why: 'no scores' },
  {
    method: 'n_mastery',
    scores: [4, 5, 1, 3, 2, 3],
    param: 3,
    bounds: ZERO_TO_FIVE,
    expected: 3.75,
    why: 'mean of 4, 5, 3, 3',
  },
  { method: 'n_mastery', scores: [3, 4, 3], param: 3, expected: 10 / 3, why: 'mean of all three' },
  { method: 'n_mastery', scores: [3, 1], param: 3, expected: null, why: 'fewer than n scores' },
  {
    method: 'n_mastery',
    scores: [1, 1, 3],
    param: 2,
    expected: null,
    why: 'only one score at mastery',
  },
  {
    method: 'n_mastery',
    scores: [3, 3, 1, 1],
    param: 2,
    expected: 3,
    why: 'low scores are left out of the mean',
  },
  { method: 'n_mastery', scores: [4], param: 1, expected: 4, why: 'n = 1' },
  {
    method: 'power_law',
    scores: [1, 2, 3, 4],
    bounds: ONE_TO_FOUR,
    expected: 4,
    why: 'JumpRope rising',
  },
  {
    method: 'power_law',
    scores: [4, 3, 2, 1],
    bounds: ONE_TO_FOUR,
    expected: 1.280946679598641,
    why: 'JumpRope falling',
  },
  {
    method: 'power_law',
    scores: [2, 3],
    bounds: ONE_TO_FOUR,
    expected: 3,
    why: 'two points: the line passes through both',
  },
  { method: 'power_law', scores: [3], expected: 3, why: 'one score: that score' },
  { method: 'power_law', scores: [0], expected: 0, why: 'one 0: that 0' },
  {
    method: 'power_law',
    scores: [0, 0, 0],
    expected: 0,
    why: 'zeros are lifted by c = 1: ln 1 = 0',
  },
  {
    method: 'power_law',
    scores: [0, 1, 1, 2],
    expected: 1.865619336559491,
    why: 'fitted on 1, 2, 2, 3, minus 1',
  },
  {
    method: 'power_law',
    scores: [0, 4, 4],
    expected: 4,
    why: 'the fit (5.38) is clamped to the max',
  },
  { method: 'power_law', scores: [], expected: null, why: 'no scores' },
  {
    method: 'recent_mean',
    scores: [1, 1, 3, 4, 4],
    param: 3,
    expected: 11 / 3,
    why: 'mean of 3, 4, 4',
  },
  {
    method: 'recent_mean',
    scores: [1, 1, 3, 4, 4],
    param: 10,
    expected: 2.6,
    why: 'fewer than n: all of them',
  },
  {
    method: 'recent_median',
    scores: [1, 4, 2, 3, 3],
    param: 3,
    expected: 3,
    why: 'median of 2, 3, 3',
  },
  {
    method: 'recent_median',
    scores: [4, 4, 3, 3, 3, 2, 2, 2, 1],
    param: 9,
    expected: 3,
    why: 'Common Goal Systems',
  },
  { method: 'recent_median', scores: [1, 4, 2, 3], param: 2, expected: 2.5, why: 'median of 2, 3' },
  { method: 'recent_mode', scores: [4, 4, 2, 3, 3], param: 3, expected: 3, why: 'mode of 2, 3, 3' },
  {
    method: 'recent_mode',
    scores: [4, 4, 2, 3, 3],
    param: 5,
    expected: 3,
    why: 'tie of 4 and 3: 3 came last',
  },
  { method: 'recent_mode', scores: [], param: 3, expected: null, why: 'no scores' },
];

describe('calculation methods', () => {
  it.each(rows)('$method of $scores (param $param) is $expected: $why', (row) => {
    const result = applyMethod(
      row.method,
      row.scores,
      row.param ?? null,
      row.bounds ?? ZERO_TO_FOUR,
    );
    if (row.expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(row.expected, 12);
  });

  it('has a table row for every method', () => {
    const covered = new Set(rows.map((row) => row.method));
    expect([...covered].sort()).toEqual([...MASTERY_METHODS].sort());
  });

  it('gives exact decimal results for the decaying average, step by step', () => {
    expect(decayingSteps([2, 3, 4], 65)).toEqual([2, 2.65, 3.5275]);
  });

  it('gives no result when a method that needs a parameter gets none', () => {
    expect(applyMethod('decaying_average', [2, 3], null, ZERO_TO_FOUR)).toBeNull();
    expect(applyMethod('recent_mean', [2, 3], null, ZERO_TO_FOUR)).toBeNull();
  });

  it('names the parameter ranges of the issue', () => {
    expect(METHOD_PARAMETERS.weighted_recent).toMatchObject({ name: 'w', min: 1, max: 99 });
    expect(METHOD_PARAMETERS.decaying_average).toMatchObject({ name: 'w', min: 1, max: 99 });
    expect(METHOD_PARAMETERS.n_mastery).toMatchObject({ name: 'n', min: 1, max: 10 });
    expect(METHOD_PARAMETERS.recent_mode).toMatchObject({ name: 'n', min: 1, max: 20 });
    expect(METHOD_PARAMETERS.power_law).toBeNull();
  });
});
