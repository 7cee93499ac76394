/**
 * `trellis calc progress`: goal line, trend line, projection and decision for one goal.
 *
 * Defaults: trend "ols"; decision rule four consecutive points ({"kind": "consecutive"}
 * alone means 4 points, {"kind": "trend"} alone means at least 8); direction from the goal
 * ("decrease" when the target is below the baseline value, otherwise "increase"); no phase
 * changes. See decision-rules.ts for points exactly on the goal line.
 */
import { z } from 'zod';
import type { Calculator, CheckResult } from '../calculator.js';
import { checkWith, finiteNumberSchema, isoDateSchema } from '../input-check.js';
import { compareDates } from './dates.js';
import {
  DEFAULT_DECISION_RULE,
  DEFAULT_RULE_SIZE,
  defaultDirection,
  type Decision,
  type Direction,
} from './decision-rules.js';
import { analyzeProgress, type ProgressInput } from './progress.js';

const datedValueSchema = z.strictObject({ date: isoDateSchema, value: finiteNumberSchema });

const ruleSizeSchema = z.number().int('expected a whole number').min(1, 'expected at least 1');

const decisionRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('consecutive'),
      points: ruleSizeSchema.default(DEFAULT_RULE_SIZE.consecutive),
    }),
    z.strictObject({
      kind: z.literal('trend'),
      minPoints: ruleSizeSchema.default(DEFAULT_RULE_SIZE.trend),
    }),
  ],
  { error: 'expected kind "consecutive" or "trend"' },
);

const requestSchema = z.strictObject({
  baseline: datedValueSchema,
  goal: datedValueSchema,
  points: z.array(datedValueSchema, { error: 'expected an array of {date, value}' }),
  trend: z.enum(['ols', 'tukey'], { error: 'expected "ols" or "tukey"' }).default('ols'),
  decisionRule: decisionRuleSchema.default(DEFAULT_DECISION_RULE),
  direction: z
    .enum(['increase', 'decrease'], { error: 'expected "increase" or "decrease"' })
    .optional(),
  phaseChanges: z.array(isoDateSchema, { error: 'expected an array of dates' }).default([]),
});

/** The answer, in the contract's shape plus the direction used and the points counted. */
export interface ProgressAnswer {
  readonly goalLine: { readonly slopePerWeek: number; readonly valueAtBaseline: number };
  readonly trend: { readonly slopePerWeek: number; readonly valueAtBaseline: number } | null;
  readonly projectedAtGoalDate: number | null;
  readonly decision: Decision;
  readonly direction: Direction;
  readonly pointsUsed: number;
}

/** The progress calculator registered as `progress`. */
export const progressCalculator: Calculator<ProgressInput, ProgressAnswer> = {
  check: checkProgressRequest,
  answer(input) {
    const analysis = analyzeProgress(input);
    return {
      goalLine: analysis.goalLine,
      trend: analysis.trend,
      projectedAtGoalDate: analysis.projectedAtGoalDate,
      decision: analysis.decision,
      direction: input.direction,
      pointsUsed: analysis.pointsUsed,
    };
  },
};

/** Checks a raw progress request and fills in its defaults. */
export function checkProgressRequest(input: unknown): CheckResult<ProgressInput> {
  const checked = checkWith(requestSchema, input);
  if (!checked.ok) return checked;

  const request = checked.value;
  if (compareDates(request.goal.date, request.baseline.date) <= 0) {
    return { ok: false, problem: `goal.date: ${request.goal.date} is not after baseline.date` };
  }

  const direction =
    request.direction ?? defaultDirection(request.baseline.value, request.goal.value);
  return { ok: true, value: { ...request, direction } };
}
