/**
 * `trellis calc gas`: the goal attainment scaling T-score for a set of goals.
 * Input {"levels": [...], "weights": [...], "rho": 0.3, "allowMinus3": false}; only levels
 * is required. Levels are whole numbers from −2 to +2 (from −3 with allowMinus3), weights
 * positive numbers, one per level, and ρ in [0, 1).
 */
import { z } from 'zod';
import type { Calculator, CheckResult } from '../calculator.js';
import { checkWith, finiteNumberSchema } from '../input-check.js';
import { DEFAULT_RHO, gasTScore } from './gas.js';

const requestSchema = z.strictObject({
  levels: z
    .array(z.number({ error: 'expected a number' }).int('expected a whole level'), {
      error: 'expected an array of levels',
    })
    .min(1, 'expected at least one goal'),
  weights: z
    .array(finiteNumberSchema.positive('expected a weight above 0'), {
      error: 'expected an array of weights',
    })
    .optional(),
  rho: finiteNumberSchema
    .min(0, 'expected ρ from 0 up to (not including) 1')
    .lt(1, 'expected ρ from 0 up to (not including) 1')
    .default(DEFAULT_RHO),
  allowMinus3: z.boolean({ error: 'expected true or false' }).default(false),
});

/** A checked request, weights filled in. */
export interface GasRequest {
  readonly levels: readonly number[];
  readonly weights: readonly number[];
  readonly rho: number;
}

/** The summary T-score. */
export interface GasAnswer {
  readonly t: number;
}

/** The GAS calculator registered as `gas`. */
export const gasCalculator: Calculator<GasRequest, GasAnswer> = {
  check: checkGasRequest,
  answer: ({ levels, weights, rho }) => ({ t: gasTScore(levels, weights, rho) }),
};

/** Checks a raw GAS request: levels in range, one weight per level. */
export function checkGasRequest(input: unknown): CheckResult<GasRequest> {
  const checked = checkWith(requestSchema, input);
  if (!checked.ok) return checked;

  const { levels, weights, rho, allowMinus3 } = checked.value;
  const lowest = allowMinus3 ? -3 : -2;
  const outside = levels.findIndex((level) => level < lowest || level > 2);
  if (outside >= 0) {
    const range = allowMinus3 ? '−3 to +2' : '−2 to +2 (−3 needs "allowMinus3": true)';
    return { ok: false, problem: `levels[${outside}]: ${levels[outside]} is outside ${range}` };
  }

  if (weights !== undefined && weights.length !== levels.length) {
    const counts = `${weights.length} weights for ${levels.length} levels`;
    return { ok: false, problem: `weights: ${counts}; give one weight per level` };
  }
  return { ok: true, value: { levels, weights: weights ?? levels.map(() => 1), rho } };
}
