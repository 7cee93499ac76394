/**
 * The content of the "How mastery is calculated" page: each method's name, one plain sentence,
 * its formula and a worked example. Every example's result is computed by the engine itself,
 * so the page can never disagree with the calculation.
 */
import { formatScore, type ScoreBounds } from '../scale.js';
import { scoreFromScores } from './compute.js';
import { METHOD_PARAMETERS } from './methods.js';
import { MASTERY_METHODS, type MasteryMethod } from './types.js';

/** The words that describe one method. */
export interface MethodWording {
  readonly name: string;
  readonly sentence: string;
  readonly formula: string;
}

/** A method with a worked example whose result comes from the engine. */
export interface MethodExplained extends MethodWording {
  readonly method: MasteryMethod;
  readonly parameter: { readonly name: 'w' | 'n'; readonly range: string } | null;
  readonly example: {
    readonly scores: readonly number[];
    readonly param: number | null;
    readonly bounds: ScoreBounds;
    readonly score: number | null;
    /** The result as shown: two decimals, or "not enough evidence yet". */
    readonly shown: string;
  };
}

/** Each method's name, sentence and formula. */
export const METHOD_WORDING: Readonly<Record<MasteryMethod, MethodWording>> = {
  latest: {
    name: 'Most recent score',
    sentence: 'The level is the score from the most recent piece of evidence.',
    formula: 'score = the newest score',
  },
  highest: {
    name: 'Highest score',
    sentence: 'The level is the best score the student has shown so far.',
    formula: 'score = max(s1, ..., sk)',
  },
  mean: {
    name: 'Mean (average)',
    sentence: 'All the scores are added up and divided by how many there are.',
    formula: 'score = (s1 + s2 + ... + sk) / k',
  },
  median: {
    name: 'Median (middle score)',
    sentence:
      'The scores are put in order and the middle one is taken; with two middle scores, ' +
      'their average.',
    formula: 'score = the middle of the sorted scores (mean of the two middle ones when k is even)',
  },
  mode: {
    name: 'Most frequent score',
    sentence:
      'The score that appears most often; when two appear equally often, the one seen most ' +
      'recently.',
    formula: 'score = the most frequent score; ties go to the one seen last',
  },
  weighted_recent: {
    name: 'Weighted recent score',
    sentence:
      'The newest score counts for w percent and the average of all earlier scores for the ' +
      'rest.',
    formula: 'score = latest × w% + mean(earlier scores) × (100 − w)%; one score: that score',
  },
  decaying_average: {
    name: 'Decaying average',
    sentence:
      'Each newer score counts for w percent of the running result, so recent work matters ' +
      'most while older work still counts a little.',
    formula: 'd = s1; then for each later score s: d = d × (100 − w)% + s × w%',
  },
  n_mastery: {
    name: 'n times at mastery',
    sentence:
      'The standard shows a level once the student has reached the mastery threshold at least ' +
      'n times; the level is the average of those scores.',
    formula: 'at least n scores at or above the threshold: score = mean of those scores',
  },
  power_law: {
    name: 'Power law (learning trend)',
    sentence:
      'A smooth learning curve is fitted through the scores in the order they were earned, and ' +
      'the level is where the curve stands at the latest attempt.',
    formula:
      'fit ln(s + c) = a + b × ln(t) over attempts t = 1..k by least squares; ' +
      'score = e^(a + b × ln k) − c, within the scale (c = 1 − scale min when that is above 0)',
  },
  recent_mean: {
    name: 'Mean of the most recent scores',
    sentence: 'The average of only the n most recent scores (all of them when there are fewer).',
    formula: 'score = mean of the last n scores',
  },
  recent_median: {
    name: 'Median of the most recent scores',
    sentence: 'The middle score of only the n most recent scores.',
    formula: 'score = median of the last n scores',
  },
  recent_mode: {
    name: 'Most frequent of the most recent scores',
    sentence: 'The most frequent score among only the n most recent scores.',
    formula: 'score = mode of the last n scores (ties go to the one seen last)',
  },
};

const EXAMPLE_BOUNDS: ScoreBounds = { min: 0, max: 4, mastery: 3 };

const EXAMPLES: Readonly<Record<MasteryMethod, { scores: number[]; param: number | null }>> = {
  latest: { scores: [1, 2, 4, 3], param: null },
  highest: { scores: [1, 3, 2], param: null },
  mean: { scores: [1, 2, 3, 4, 4], param: null },
  median: { scores: [4, 1, 3, 2], param: null },
  mode: { scores: [4, 4, 3, 3, 2], param: null },
  weighted_recent: { scores: [2, 3, 4], param: 65 },
  decaying_average: { scores: [2, 3, 4], param: 65 },
  n_mastery: { scores: [4, 1, 3, 2, 3], param: 3 },
  power_law: { scores: [1, 2, 2, 3], param: null },
  recent_mean: { scores: [1, 1, 3, 4, 4], param: 3 },
  recent_median: { scores: [1, 4, 2, 3, 3], param: 3 },
  recent_mode: { scores: [4, 4, 2, 3, 3], param: 3 },
};

/**
 * Every method explained, in the order of MASTERY_METHODS, with its example computed now.
 *
 * Example: the decaying_average entry's example is scores [2, 3, 4] with w = 65, score 3.5275,
 * shown "3.53".
 */
export function explainMethods(): MethodExplained[] {
  return MASTERY_METHODS.map((method) => {
    const { scores, param } = EXAMPLES[method];
    const policy = { method, param, minEvidence: 1 };
    const { score } = scoreFromScores(scores, policy, EXAMPLE_BOUNDS);
    const parameter = METHOD_PARAMETERS[method];

    return {
      method,
      ...METHOD_WORDING[method],
      parameter: parameter && {
        name: parameter.name,
        range: `${parameter.min} to ${parameter.max}`,
      },
      example: {
        scores,
        param,
        bounds: EXAMPLE_BOUNDS,
        score,
        shown: score === null ? 'not enough evidence yet' : formatScore(score),
      },
    };
  });
}
