/**
 * `trellis calc criterion`: whether a mastery criterion is met by a list of sessions, on which
 * date it was first met, why not when it is not, and the criterion as English and Spanish
 * sentences.
 */
import { z } from 'zod';
import type { Calculator, CheckResult } from '../calculator.js';
import { checkWith, finiteNumberSchema, isoDateSchema } from '../input-check.js';
import {
  CRITERION_MEASURES,
  evaluateCriterion,
  type CriterionSession,
  type MasteryCriterion,
} from './criterion.js';
import { criterionSentences, shortfallSentences, type Sentences } from './criterion-sentence.js';

const countSchema = z.number().int('expected a whole number').min(1, 'expected at least 1');
const tallySchema = z.number().int('expected a whole number').min(0, 'expected 0 or more');

const windowSchema = z.union(
  [
    z.strictObject({ consecutive: countSchema }),
    z.strictObject({ atLeast: countSchema, of: countSchema }),
  ],
  { error: 'expected {"consecutive": n} or {"atLeast": k, "of": n} with whole numbers from 1' },
);

const criterionSchema = z.strictObject({
  measure: z.enum(CRITERION_MEASURES, {
    error: `expected one of ${CRITERION_MEASURES.join(', ')}`,
  }),
  atLeast: finiteNumberSchema.optional(),
  atMost: finiteNumberSchema.optional(),
  minTrials: countSchema.optional(),
  sessions: windowSchema,
});

const sessionSchema = z.strictObject({
  date: isoDateSchema,
  correct: tallySchema.optional(),
  trials: tallySchema.optional(),
  value: finiteNumberSchema.optional(),
});

const requestSchema = z.strictObject({
  criterion: criterionSchema,
  sessions: z.array(sessionSchema, { error: 'expected an array of sessions' }),
});

type RawCriterion = z.infer<typeof criterionSchema>;
type RawSession = z.infer<typeof sessionSchema>;

/** A checked request. */
export interface CriterionRequest {
  readonly criterion: MasteryCriterion;
  readonly sessions: readonly CriterionSession[];
}

/** The answer: the contract's met and metOn, plus the reason and the criterion in words. */
export interface CriterionAnswer {
  readonly met: boolean;
  readonly metOn: string | null;
  /** Why the criterion is not met yet; null once it is met. */
  readonly reason: Sentences | null;
  readonly sentence: Sentences;
}

/** The criterion calculator registered as `criterion`. */
export const criterionCalculator: Calculator<CriterionRequest, CriterionAnswer> = {
  check: checkCriterionRequest,
  answer({ criterion, sessions }) {
    const result = evaluateCriterion(criterion, sessions);
    return {
      met: result.met,
      metOn: result.metOn,
      reason: result.met ? null : shortfallSentences(criterion, result.standing),
      sentence: criterionSentences(criterion),
    };
  },
};

/** Checks a raw criterion request: shapes first, then how its fields fit together. */
export function checkCriterionRequest(input: unknown): CheckResult<CriterionRequest> {
  const checked = checkWith(requestSchema, input);
  if (!checked.ok) return checked;

  const criterion = toCriterion(checked.value.criterion);
  if (!criterion.ok) return criterion;

  const sessions: CriterionSession[] = [];
  for (const [index, raw] of checked.value.sessions.entries()) {
    const session = toSession(raw, criterion.value, `sessions[${index}]`);
    if (!session.ok) return session;
    sessions.push(session.value);
  }
  return { ok: true, value: { criterion: criterion.value, sessions } };
}

function toCriterion(raw: RawCriterion): CheckResult<MasteryCriterion> {
  const { atLeast, atMost, ...rest } = raw;
  if ((atLeast === undefined) === (atMost === undefined)) {
    return { ok: false, problem: 'criterion: give exactly one of atLeast and atMost' };
  }

  const threshold = atLeast ?? atMost ?? 0;
  const field = atLeast === undefined ? 'atMost' : 'atLeast';
  const isPercent = raw.measure === 'percent' || raw.measure === 'intervals';
  if (isPercent && (threshold < 0 || threshold > 100)) {
    return {
      ok: false,
      problem: `criterion.${field}: ${threshold} is not a percent from 0 to 100`,
    };
  }

  if ('of' in rest.sessions && rest.sessions.atLeast > rest.sessions.of) {
    const { atLeast: k, of: n } = rest.sessions;
    return { ok: false, problem: `criterion.sessions.atLeast: ${k} is more than of (${n})` };
  }

  const value = atLeast === undefined ? { ...rest, atMost: threshold } : { ...rest, atLeast };
  return { ok: true, value };
}

function toSession(
  raw: RawSession,
  criterion: MasteryCriterion,
  field: string,
): CheckResult<CriterionSession> {
  const { date, correct, trials, value } = raw;
  if (correct !== undefined) return toTrialSession(raw, criterion, field);
  if (value === undefined) {
    const wanted = criterion.measure === 'percent' ? 'correct and trials, or value' : 'value';
    return { ok: false, problem: `${field}: a ${criterion.measure} session needs ${wanted}` };
  }

  if (criterion.minTrials !== undefined && trials === undefined) {
    return { ok: false, problem: `${field}.trials: needed because the criterion sets minTrials` };
  }
  return { ok: true, value: trials === undefined ? { date, value } : { date, value, trials } };
}

function toTrialSession(
  raw: RawSession,
  criterion: MasteryCriterion,
  field: string,
): CheckResult<CriterionSession> {
  const { date, correct = 0, trials, value } = raw;
  if (criterion.measure !== 'percent') {
    return { ok: false, problem: `${field}.correct: only percent criteria count correct trials` };
  }
  if (value !== undefined) {
    return { ok: false, problem: `${field}.value: give correct and trials, or value, not both` };
  }
  if (trials === undefined) return { ok: false, problem: `${field}.trials: required with correct` };
  if (correct > trials) {
    return { ok: false, problem: `${field}.correct: ${correct} is more than trials (${trials})` };
  }
  return { ok: true, value: { date, correct, trials } };
}
