/**
 * `trellis calc mastery`: one request names a method, its parameter, a scale and the scores;
 * the answer is the unrounded score (null for "not enough evidence yet") and whether it
 * reaches the mastery threshold.
 *
 *     {"method": "decaying_average", "param": 65, "scale": {"min": 0, "max": 4, "mastery": 3},
 *      "scores": [2, 3, {"score": 4, "at": "2026-10-02T10:00:00Z"}]}
 *     -> {"score": 3.5275, "mastered": true}
 *
 * A score is a number, null (skipped) or {"score": number | null, "at": date or date-time}.
 * A parameter given to a method that takes none is ignored.
 */
import type { Calculator, CheckResult } from '../calculator.js';
import type { ScoreBounds } from '../scale.js';
import { scoreFromScores } from './compute.js';
import { classifyEvidence, countedScores } from './evidence-order.js';
import { METHOD_PARAMETERS } from './methods.js';
import { MASTERY_METHODS, type EvidenceItem, type MasteryMethod } from './types.js';

/** A checked request. */
export interface MasteryRequest {
  readonly method: MasteryMethod;
  readonly param: number | null;
  readonly bounds: ScoreBounds;
  readonly items: readonly EvidenceItem[];
}

/** The answer to one request. */
export interface MasteryAnswer {
  readonly score: number | null;
  readonly mastered: boolean;
}

/** The scale a request gets when it names none (or leaves a field out). */
export const DEFAULT_CALC_BOUNDS: ScoreBounds = { min: 0, max: 4, mastery: 3 };

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

type Fields = Readonly<Record<string, unknown>>;

/** The mastery calculator registered as `mastery`. */
export const masteryCalculator: Calculator<MasteryRequest, MasteryAnswer> = {
  check: checkMasteryRequest,
  answer: answerMasteryRequest,
};

/**
 * Checks a raw request; a problem names the field, e.g.
 * "scores[2]: 7 is above the scale's max of 4" or "param: missing; decaying_average needs w,
 * a number from 1 to 99".
 */
export function checkMasteryRequest(input: unknown): CheckResult<MasteryRequest> {
  if (!isObject(input)) return fail('request: must be a JSON object with method and scores');

  const method = checkMethod(input.method);
  if (!method.ok) return method;
  const param = checkParam(method.value, input.param);
  if (!param.ok) return param;
  const bounds = checkBounds(input.scale);
  if (!bounds.ok) return bounds;
  const items = checkScores(input.scores, bounds.value);
  if (!items.ok) return items;

  return {
    ok: true,
    value: { method: method.value, param: param.value, bounds: bounds.value, items: items.value },
  };
}

/**
 * Answers a checked request.
 *
 * Example: highest of [3, 1] on 0..5 with threshold 3 answers { score: 3, mastered: true }.
 */
export function answerMasteryRequest(request: MasteryRequest): MasteryAnswer {
  const scores = countedScores(classifyEvidence(request.items));
  const policy = { method: request.method, param: request.param, minEvidence: 1 };
  const { score } = scoreFromScores(scores, policy, request.bounds);
  return { score, mastered: score !== null && score >= request.bounds.mastery };
}

function checkMethod(value: unknown): CheckResult<MasteryMethod> {
  const choices = MASTERY_METHODS.join(', ');
  if (value === undefined || value === null) return fail(`method: missing; choose ${choices}`);
  if (typeof value !== 'string' || !isMethod(value)) {
    return fail(`method: unknown method ${JSON.stringify(value)}; choose ${choices}`);
  }
  return { ok: true, value };
}

function checkParam(method: MasteryMethod, value: unknown): CheckResult<number | null> {
  const rule = METHOD_PARAMETERS[method];
  if (rule === null) return { ok: true, value: null };

  const kind = rule.wholeNumber ? 'a whole number' : 'a number';
  const wanted = `${method} needs ${rule.name}, ${kind} from ${rule.min} to ${rule.max}`;
  if (value === undefined || value === null) return fail(`param: missing; ${wanted}`);
  if (typeof value !== 'number')
    return fail(`param: ${JSON.stringify(value)} is not a number; ${wanted}`);
  if (value < rule.min || value > rule.max || (rule.wholeNumber && !Number.isInteger(value))) {
    return fail(`param: ${value} is out of range; ${wanted}`);
  }
  return { ok: true, value };
}

function checkBounds(value: unknown): CheckResult<ScoreBounds> {
  if (value === undefined || value === null) return { ok: true, value: DEFAULT_CALC_BOUNDS };
  if (!isObject(value)) return fail('scale: must be an object with min, max and mastery');

  const fields = ['min', 'max', 'mastery'] as const;
  for (const field of fields) {
    const given = value[field];
    if (given !== undefined && typeof given !== 'number') {
      return fail(`scale.${field}: ${JSON.stringify(given)} is not a number`);
    }
  }

  const bounds = { ...DEFAULT_CALC_BOUNDS, ...(value as Partial<ScoreBounds>) };
  if (bounds.min >= bounds.max) {
    return fail(`scale.max: ${bounds.max} must be above the scale's min of ${bounds.min}`);
  }
  if (bounds.mastery < bounds.min || bounds.mastery > bounds.max) {
    return fail(
      `scale.mastery: ${bounds.mastery} is outside the scale (${bounds.min} to ${bounds.max})`,
    );
  }
  return { ok: true, value: { min: bounds.min, max: bounds.max, mastery: bounds.mastery } };
}

function checkScores(value: unknown, bounds: ScoreBounds): CheckResult<EvidenceItem[]> {
  if (value === undefined || value === null) return fail('scores: missing; give a list of scores');
  if (!Array.isArray(value)) return fail('scores: must be a list of scores');

  const items: EvidenceItem[] = [];
  for (const [index, entry] of value.entries()) {
    const item = checkScoreEntry(entry, `scores[${index}]`, bounds, index);
    if (!item.ok) return item;
    items.push(item.value);
  }
  return { ok: true, value: items };
}

function checkScoreEntry(
  entry: unknown,
  field: string,
  bounds: ScoreBounds,
  id: number,
): CheckResult<EvidenceItem> {
  if (entry === null || typeof entry === 'number') {
    const score = checkScore(entry, field, bounds);
    return score.ok ? { ok: true, value: { id, score: score.value, observedAt: null } } : score;
  }
  if (!isObject(entry)) {
    return fail(`${field}: must be a number, null or an object with score and at`);
  }

  if (!('score' in entry)) return fail(`${field}.score: missing`);
  const score = checkScore(entry.score, `${field}.score`, bounds);
  if (!score.ok) return score;
  const at = checkDate(entry.at, `${field}.at`);
  if (!at.ok) return at;
  return { ok: true, value: { id, score: score.value, observedAt: at.value } };
}

function checkScore(
  value: unknown,
  field: string,
  bounds: ScoreBounds,
): CheckResult<number | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value !== 'number') return fail(`${field}: ${JSON.stringify(value)} is not a number`);
  if (value > bounds.max)
    return fail(`${field}: ${value} is above the scale's max of ${bounds.max}`);
  if (value < bounds.min)
    return fail(`${field}: ${value} is below the scale's min of ${bounds.min}`);
  return { ok: true, value };
}

function checkDate(value: unknown, field: string): CheckResult<string | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value !== 'string' || !DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    return fail(
      `${field}: ${JSON.stringify(value)} is not a date (use 2026-10-02 or 2026-10-02T10:00:00Z)`,
    );
  }
  return { ok: true, value };
}

function isMethod(value: string): value is MasteryMethod {
  return (MASTERY_METHODS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}
