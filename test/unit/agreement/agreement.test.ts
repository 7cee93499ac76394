import { describe, expect, it } from 'vitest';
import { agreementCalculator } from '../../../src/domain/agreement/agreement.calculator.js';
import { cohenKappa } from '../../../src/domain/agreement/cohen.js';
import {
  coincidenceMatrix,
  krippendorffAlpha,
} from '../../../src/domain/agreement/krippendorff.js';
import { percentAgreement } from '../../../src/domain/agreement/percent-agreement.js';
import type { MeasurementLevel, RatingTable } from '../../../src/domain/agreement/ratings.js';
import { runCalculator } from '../../../src/domain/calculator.js';
import { calculators } from '../../../src/domain/calculators.js';
import { expectCaseAnswer, loadWorkedCases } from '../../support/worked-cases.js';

/** Krippendorff (2011): 4 observers, 12 units, values 1..5, null where missing. */
const KRIPPENDORFF_2011: RatingTable = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

/** Two raters, four units: agree on 1, disagree on 2, agree on 3 and 4. */
const SMALL: RatingTable = [
  [1, 1, 2, 2],
  [1, 2, 2, 2],
];

function answer(input: unknown): unknown {
  const result = runCalculator(agreementCalculator, input);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

function problem(input: unknown): string {
  const result = runCalculator(agreementCalculator, input);
  return result.ok ? 'accepted' : result.problem;
}

describe("Krippendorff's alpha", () => {
  it.each<[MeasurementLevel, number]>([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ])("matches the paper's %s value %d", (level, alpha) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, level)).toBeCloseTo(alpha, 3);
  });

  it('builds the coincidence matrix by hand for a small table', () => {
    // Unit 1 (1, 1): o11 += 2; unit 2 (1, 2): o12 += 1, o21 += 1; units 3, 4 (2, 2): o22 += 4.
    expect(coincidenceMatrix(SMALL)).toEqual({
      values: [1, 2],
      counts: [
        [2, 1],
        [1, 4],
      ],
      totals: [3, 5],
      n: 8,
    });
  });

  it('computes nominal alpha by hand for a small table', () => {
    // D_o = (o12 + o21) / n = 2 / 8; D_e = (n1 n2 + n2 n1) / (n (n − 1)) = 30 / 56;
    // α = 1 − (2/8) / (30/56) = 1 − 14/30 = 16/30.
    expect(krippendorffAlpha(SMALL, 'nominal')).toBeCloseTo(16 / 30, 12);
  });

  it('computes interval alpha by hand for a small table', () => {
    // Values 1 and 3 (δ² = 4): units (1, 1), (1, 3), (3, 3), (3, 3): o13 = o31 = 1, o11 = 2,
    // o33 = 4 as above; D_o = 2 · 4 / 8 = 1; D_e = 2 · 3 · 5 · 4 / 56 = 120/56; α = 1 − 56/120.
    expect(
      krippendorffAlpha(
        [
          [1, 1, 3, 3],
          [1, 3, 3, 3],
        ],
        'interval',
      ),
    ).toBeCloseTo(1 - 56 / 120, 12);
  });

  it('is null without variation and without pairable ratings', () => {
    expect(
      krippendorffAlpha(
        [
          [2, 2, 2],
          [2, 2, 2],
        ],
        'nominal',
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        'nominal',
      ),
    ).toBeNull();
  });

  it('treats a unit rated by only one rater as missing', () => {
    const withLoneRating: RatingTable = [
      [1, 1, 2, 2, 5],
      [1, 2, 2, 2, null],
    ];

    expect(krippendorffAlpha(withLoneRating, 'nominal')).toBeCloseTo(16 / 30, 12);
  });
});

describe("Cohen's kappa", () => {
  it('computes the small table by hand', () => {
    // p_o = 3/4; rater 1 uses 1 twice and 2 twice, rater 2 uses 1 once and 2 three times:
    // p_e = (2/4)(1/4) + (2/4)(3/4) = 0.5; κ = (0.75 − 0.5) / (1 − 0.5) = 0.5.
    const [first = [], second = []] = SMALL;

    expect(cohenKappa(first, second)).toBeCloseTo(0.5, 12);
  });

  it('uses only the units both raters rated', () => {
    expect(cohenKappa([1, 1, 2, 2, null, 1], [1, 2, 2, 2, 1, null])).toBeCloseTo(0.5, 12);
  });

  it('is null when chance agreement is certain', () => {
    expect(cohenKappa(['yes', 'yes'], ['yes', 'yes'])).toBeNull();
  });
});

describe('percent agreement', () => {
  it('averages the share of agreeing rater pairs over the units', () => {
    // Unit 1: 3 of 3 pairs agree; unit 2: 0 of 1 pair; (1 + 0) / 2 · 100 = 50.
    expect(
      percentAgreement([
        [1, 1],
        [1, 2],
        [1, null],
      ]),
    ).toBe(50);
  });

  it('is the percent of units rated the same by two raters', () => {
    expect(percentAgreement(SMALL)).toBe(75);
  });
});

describe('trellis calc agreement', () => {
  it('is registered as "agreement"', () => {
    expect(calculators.agreement).toBe(agreementCalculator);
  });

  it.each(loadWorkedCases('agreement'))('answers worked case $id', ({ input, expected }) => {
    expectCaseAnswer(answer(input), expected);
  });

  it('answers every statistic for two raters', () => {
    expect(answer({ ratings: SMALL, level: 'nominal' })).toEqual({
      krippendorffAlpha: 16 / 30,
      cohenKappa: 0.5,
      percentAgreement: 75,
      units: 4,
    });
  });

  it('answers no kappa for more than two raters, and defaults to nominal', () => {
    // 11 of the 12 units have two or more ratings.
    expect(answer({ ratings: KRIPPENDORFF_2011 })).toMatchObject({ cohenKappa: null, units: 11 });
  });

  it('accepts category names for nominal data', () => {
    const ratings = [
      ['met', 'met', 'not met', 'not met'],
      ['met', 'not met', 'not met', 'not met'],
    ];

    expect(answer({ ratings })).toMatchObject({ cohenKappa: 0.5, percentAgreement: 75 });
  });

  it.each([
    [{ ratings: [[1, 2]] }, 'ratings: expected at least two raters'],
    [
      { ratings: [[1, 2], [1]] },
      'ratings[1]: 1 ratings, but ratings[0] has 2; give one per unit (null if missing)',
    ],
    [
      {
        ratings: [
          [1, true],
          [1, 2],
        ],
      },
      'ratings[0][1]: expected a number, a category name or null',
    ],
    [
      {
        ratings: [
          ['a', 'b'],
          [1, 2],
        ],
        level: 'interval',
      },
      'ratings[0][0]: "a" is not a number, as interval data needs',
    ],
    [
      {
        ratings: [
          [1, -2],
          [1, 2],
        ],
        level: 'ratio',
      },
      'ratings[0][1]: -2 is negative, which ratio data cannot be',
    ],
    [
      {
        ratings: [
          [1, null],
          [null, 2],
        ],
      },
      'ratings: no unit was rated by at least two raters',
    ],
    [
      { ratings: SMALL, level: 'scale' },
      'level: expected "nominal", "ordinal", "interval" or "ratio"',
    ],
    [{ level: 'nominal' }, 'ratings: required'],
  ])('refuses bad input %#: %s', (input, message) => {
    expect(problem(input)).toBe(message);
  });
});
