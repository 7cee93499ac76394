/**
 * The calculation methods. Each reads the counted scores oldest first and returns the current
 * score, or null when there is no result ("not enough evidence yet", never 0).
 *
 * Arithmetic runs in decimal (30 significant digits), so 2 × 35% + 3 × 65% is exactly 2.65 and
 * a rebuild reproduces every stored result to the last digit.
 */
import { Decimal as BaseDecimal } from 'decimal.js';
import type { ScoreBounds } from '../scale.js';
import type { MasteryMethod } from './types.js';

const Decimal = BaseDecimal.clone({ precision: 30, rounding: BaseDecimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof Decimal>;

/** The parameter a method takes: a weight w in percent, or a count n. */
export interface MethodParameter {
  readonly name: 'w' | 'n';
  readonly min: number;
  readonly max: number;
  readonly wholeNumber: boolean;
  readonly meaning: string;
}

const WEIGHT: MethodParameter = {
  name: 'w',
  min: 1,
  max: 99,
  wholeNumber: false,
  meaning: 'percent of weight on the newer score',
};

const RECENT: MethodParameter = {
  name: 'n',
  min: 1,
  max: 20,
  wholeNumber: true,
  meaning: 'how many of the most recent scores',
};

/** Which methods take a parameter, and its allowed range. */
export const METHOD_PARAMETERS: Readonly<Record<MasteryMethod, MethodParameter | null>> = {
  latest: null,
  highest: null,
  mean: null,
  median: null,
  mode: null,
  weighted_recent: WEIGHT,
  decaying_average: WEIGHT,
  n_mastery: {
    name: 'n',
    min: 1,
    max: 10,
    wholeNumber: true,
    meaning: 'how many scores must reach the mastery threshold',
  },
  power_law: null,
  recent_mean: RECENT,
  recent_median: RECENT,
  recent_mode: RECENT,
};

/**
 * Applies a method to scores ordered oldest first. `param` must already be checked against
 * METHOD_PARAMETERS; a method that needs one and gets null has no result.
 *
 * Example: applyMethod('decaying_average', [2, 3, 4], 65, { min: 0, max: 4, mastery: 3 })
 * is 3.5275.
 */
export function applyMethod(
  method: MasteryMethod,
  scores: readonly number[],
  param: number | null,
  bounds: ScoreBounds,
): number | null {
  switch (method) {
    case 'latest':
      return latest(scores);
    case 'highest':
      return highest(scores);
    case 'mean':
      return mean(scores);
    case 'median':
      return median(scores);
    case 'mode':
      return mode(scores);
    case 'weighted_recent':
      return param === null ? null : weightedRecent(scores, param);
    case 'decaying_average':
      return param === null ? null : decayingAverage(scores, param);
    case 'n_mastery':
      return param === null ? null : nMastery(scores, param, bounds.mastery);
    case 'power_law':
      return powerLaw(scores, bounds);
    case 'recent_mean':
      return param === null ? null : mean(scores.slice(-param));
    case 'recent_median':
      return param === null ? null : median(scores.slice(-param));
    case 'recent_mode':
      return param === null ? null : mode(scores.slice(-param));
  }
}

/**
 * The most recent score.
 *
 * Example: [1, 2, 4, 5, 3] gives 3.
 */
export function latest(scores: readonly number[]): number | null {
  return scores.at(-1) ?? null;
}

/**
 * The highest score.
 *
 * Example: [3, 1] gives 3.
 */
export function highest(scores: readonly number[]): number | null {
  return scores.length === 0 ? null : Math.max(...scores);
}

/**
 * The arithmetic mean: (s1 + s2 + ... + sk) / k.
 *
 * Example: [1, 2, 3, 4, 5] gives 15 / 5 = 3.
 */
export function mean(scores: readonly number[]): number | null {
  return scores.length === 0 ? null : decimalMean(scores).toNumber();
}

/**
 * The median: the middle score once sorted, or the mean of the two middle scores when the
 * count is even.
 *
 * Example: [4, 1, 3] gives 3; [4, 1, 3, 2] gives (2 + 3) / 2 = 2.5.
 */
export function median(scores: readonly number[]): number | null {
  const sorted = [...scores].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;

  const lower = sorted[sorted.length / 2 - 1] ?? upper;
  return new Decimal(lower).plus(upper).dividedBy(2).toNumber();
}

/**
 * The most frequent score; when several are equally frequent, the one of them seen most
 * recently.
 *
 * Example: [4, 4, 3, 3, 2] gives 3 (4 and 3 both appear twice; a 3 came last).
 */
export function mode(scores: readonly number[]): number | null {
  const tally = new Map<number, { count: number; lastSeen: number }>();
  scores.forEach((score, index) => {
    const entry = tally.get(score) ?? { count: 0, lastSeen: index };
    tally.set(score, { count: entry.count + 1, lastSeen: index });
  });

  let best: { score: number; count: number; lastSeen: number } | null = null;
  for (const [score, { count, lastSeen }] of tally) {
    const better =
      best === null || count > best.count || (count === best.count && lastSeen > best.lastSeen);
    if (better) best = { score, count, lastSeen };
  }
  return best?.score ?? null;
}

/**
 * Weighted recent: one score gives that score; otherwise
 * latest × w% + (mean of all earlier scores) × (100 − w)%.
 *
 * Example: [2, 3, 4] with w = 65 gives 4 × 0.65 + 2.5 × 0.35 = 3.475.
 */
export function weightedRecent(scores: readonly number[], w: number): number | null {
  const last = scores.at(-1);
  if (last === undefined) return null;
  if (scores.length === 1) return last;

  const weight = new Decimal(w).dividedBy(100);
  const earlier = decimalMean(scores.slice(0, -1));
  return weight.times(last).plus(new Decimal(1).minus(weight).times(earlier)).toNumber();
}

/**
 * Decaying average: start with the oldest score d = s1; each later score s makes
 * d = d × (100 − w)% + s × w%.
 *
 * Example: [2, 3, 4] with w = 65: d = 2, then 2 × 0.35 + 3 × 0.65 = 2.65,
 * then 2.65 × 0.35 + 4 × 0.65 = 3.5275.
 */
export function decayingAverage(scores: readonly number[], w: number): number | null {
  return decayingSteps(scores, w).at(-1) ?? null;
}

/** Every running value of the decaying average, oldest first (for explanations). */
export function decayingSteps(scores: readonly number[], w: number): number[] {
  const weight = new Decimal(w).dividedBy(100);
  const keep = new Decimal(1).minus(weight);
  const steps: number[] = [];
  let running: Dec | null = null;
  for (const score of scores) {
    running = running === null ? new Decimal(score) : running.times(keep).plus(weight.times(score));
    steps.push(running.toNumber());
  }
  return steps;
}

/**
 * n times at mastery: no result unless there are at least n scores and at least n of them at
 * or above the mastery threshold; then the mean of the scores at or above the threshold.
 *
 * Example: [4, 5, 1, 3, 2, 3] with n = 3 and threshold 3: four scores qualify (4, 5, 3, 3),
 * mean 15 / 4 = 3.75. [3, 1] with n = 3 has no result.
 */
export function nMastery(scores: readonly number[], n: number, threshold: number): number | null {
  const qualifying = scores.filter((score) => score >= threshold);
  if (scores.length < n || qualifying.length < n) return null;
  return decimalMean(qualifying).toNumber();
}

/**
 * Power law: the least-squares line of ln(s + c) on ln(attempt number t = 1..k), evaluated at
 * t = k, then minus c and clamped to the scale. One score gives that score.
 *
 * c = max(0, 1 − scale min) lifts every score to at least 1 so a 0 has a logarithm; on a scale
 * starting at 1 or above, c = 0 and this is the plain power-law fit.
 *
 * slope b = Σ (xi − x̄)(yi − ȳ) / Σ (xi − x̄)², intercept a = ȳ − b x̄, result e^(a + b ln k) − c.
 *
 * Example (scale 1..4, c = 0): [4, 3, 2, 1] gives b = −0.9242, a = 1.5288 and
 * e^(1.5288 − 0.9242 × ln 4) = 1.2809; [1, 2, 3, 4] gives exactly 4.
 * On 0..4 (c = 1), [0, 1, 1, 2] is fitted as ln of [1, 2, 2, 3]; the curve stands at 2.8656
 * at attempt 4, so the result is 2.8656 − 1 = 1.8656.
 */
export function powerLaw(scores: readonly number[], bounds: ScoreBounds): number | null {
  if (scores.length === 0) return null;
  if (scores.length === 1) return clamp(scores[0] ?? 0, bounds);

  const lift = Math.max(0, 1 - bounds.min);
  const xs = scores.map((_, index) => new Decimal(index + 1).ln());
  const ys = scores.map((score) => new Decimal(score).plus(lift).ln());
  const { slope, intercept } = leastSquares(xs, ys);
  const fitted = intercept
    .plus(slope.times(xs.at(-1) ?? 0))
    .exp()
    .minus(lift);
  return clamp(fitted.toNumber(), bounds);
}

/** The least-squares line through (xs, ys): slope and intercept. */
export function leastSquares(
  xs: readonly Dec[],
  ys: readonly Dec[],
): { slope: Dec; intercept: Dec } {
  const xMean = Decimal.sum(...xs).dividedBy(xs.length);
  const yMean = Decimal.sum(...ys).dividedBy(ys.length);
  let sxy = new Decimal(0);
  let sxx = new Decimal(0);
  xs.forEach((x, index) => {
    const dx = x.minus(xMean);
    sxy = sxy.plus(dx.times((ys[index] ?? yMean).minus(yMean)));
    sxx = sxx.plus(dx.times(dx));
  });

  const slope = sxx.isZero() ? new Decimal(0) : sxy.dividedBy(sxx);
  return { slope, intercept: yMean.minus(slope.times(xMean)) };
}

function decimalMean(scores: readonly number[]): Dec {
  return Decimal.sum(...scores).dividedBy(scores.length);
}

function clamp(value: number, bounds: ScoreBounds): number {
  return Math.min(bounds.max, Math.max(bounds.min, value));
}
