/**
 * `trellis calc agreement`: how consistently several raters scored the same units.
 * Input {"ratings": [[rater 1's ratings by unit], [rater 2's], ...], "level": "nominal"};
 * null is a missing rating and level defaults to nominal. Answers Krippendorff's alpha,
 * Cohen's kappa (two raters only, over units both rated; null otherwise), percent agreement
 * (0 to 100) and the number of pairable units (rated at least twice).
 */
import { z } from 'zod';
import type { Calculator, CheckResult } from '../calculator.js';
import { checkWith } from '../input-check.js';
import { cohenKappa } from './cohen.js';
import { krippendorffAlpha } from './krippendorff.js';
import { percentAgreement } from './percent-agreement.js';
import { pairableUnits, type MeasurementLevel, type RatingTable } from './ratings.js';

const ratingSchema = z.union([z.number().finite(), z.string(), z.null()], {
  error: 'expected a number, a category name or null',
});

const requestSchema = z.strictObject({
  ratings: z
    .array(z.array(ratingSchema, { error: "expected an array of one rater's ratings" }), {
      error: 'expected an array with one array of ratings per rater',
    })
    .min(2, 'expected at least two raters'),
  level: z
    .enum(['nominal', 'ordinal', 'interval', 'ratio'], {
      error: 'expected "nominal", "ordinal", "interval" or "ratio"',
    })
    .default('nominal'),
});

/** A checked request. */
export interface AgreementRequest {
  readonly ratings: RatingTable;
  readonly level: MeasurementLevel;
}

/** Agreement statistics for one set of ratings. */
export interface AgreementAnswer {
  readonly krippendorffAlpha: number | null;
  readonly cohenKappa: number | null;
  readonly percentAgreement: number;
  readonly units: number;
}

/** The agreement calculator registered as `agreement`. */
export const agreementCalculator: Calculator<AgreementRequest, AgreementAnswer> = {
  check: checkAgreementRequest,
  answer({ ratings, level }) {
    const [first, second] = ratings;
    const twoRaters = ratings.length === 2 && first !== undefined && second !== undefined;
    return {
      krippendorffAlpha: krippendorffAlpha(ratings, level),
      cohenKappa: twoRaters ? cohenKappa(first, second) : null,
      percentAgreement: percentAgreement(ratings) ?? 0,
      units: pairableUnits(ratings).length,
    };
  },
};

/** Checks raw ratings: equal lengths, numbers beyond nominal, and something to compare. */
export function checkAgreementRequest(input: unknown): CheckResult<AgreementRequest> {
  const checked = checkWith(requestSchema, input);
  if (!checked.ok) return checked;

  const { ratings, level } = checked.value;
  const unitCount = ratings[0]?.length ?? 0;
  for (const [rater, row] of ratings.entries()) {
    if (row.length !== unitCount) {
      const counts = `${row.length} ratings, but ratings[0] has ${unitCount}`;
      return {
        ok: false,
        problem: `ratings[${rater}]: ${counts}; give one per unit (null if missing)`,
      };
    }
    const problem = levelProblem(row, level);
    if (problem !== null) return { ok: false, problem: `ratings[${rater}]${problem}` };
  }

  if (pairableUnits(ratings).length === 0) {
    return { ok: false, problem: 'ratings: no unit was rated by at least two raters' };
  }
  return { ok: true, value: { ratings, level } };
}

function levelProblem(
  row: readonly (number | string | null)[],
  level: MeasurementLevel,
): string | null {
  if (level === 'nominal') return null;

  for (const [unit, rating] of row.entries()) {
    if (typeof rating === 'string')
      return `[${unit}]: "${rating}" is not a number, as ${level} data needs`;
    if (level === 'ratio' && rating !== null && rating < 0) {
      return `[${unit}]: ${rating} is negative, which ratio data cannot be`;
    }
  }
  return null;
}
