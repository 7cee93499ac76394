/**
 * The calculation behind a level, as plain steps a teacher or a family can follow: which
 * evidence counted and why some did not, what the method did with the scores, and how the
 * result reads on the scale.
 */
import { Decimal } from 'decimal.js';
import {
  boundsOf,
  formatScore,
  type ProficiencyScale,
  type ScaleLevel,
  type ScoreBounds,
} from '../scale.js';
import { describeNoResult, type MasteryComputation } from './compute.js';
import { decayingSteps, mean } from './methods.js';
import { METHOD_WORDING } from './methods-explained.js';
import type { OverrideStatus } from './override.js';
import type { CalculationPolicy, OrderedEvidence } from './types.js';
import { describeWhatNext, type WhatNext } from './what-next.js';

/** The explanation of one student's level on one standard. */
export interface MasteryExplanation {
  readonly methodName: string;
  readonly steps: readonly string[];
  readonly score: number | null;
  /** The score as shown (two decimals), or null. */
  readonly shownScore: string | null;
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
}

/**
 * Explains a computation in plain steps.
 *
 * Example: scores 2, 3, 4 under decaying average w = 65 on DEFAULT_SCALE explain as
 * "3 pieces of evidence count ...", "Scores counted, oldest first: 2, 3, 4.",
 * "Decaying average with w = 65: start with 2; 2 × 35% + 3 × 65% = 2.65;
 * 2.65 × 35% + 4 × 65% = 3.5275.", "3.5275 shows as 3.53, which is at or above level
 * 3 (Proficient) and below 4 (Extending): Proficient.", "... mastery threshold ... reached."
 */
export function explainComputation(
  computation: MasteryComputation,
  scale: ProficiencyScale,
  extras: { readonly whatNext?: WhatNext; readonly override?: OverrideStatus | null } = {},
): MasteryExplanation {
  const bounds = boundsOf(scale);
  const steps = [
    ...evidenceSteps(computation.evidence),
    ...resultSteps(computation, scale, bounds),
    ...(extras.whatNext ? [describeWhatNext(extras.whatNext, bounds)] : []),
    ...(extras.override ? [overrideStep(extras.override)] : []),
  ];

  return {
    methodName: METHOD_WORDING[computation.policy.method].name,
    steps,
    score: computation.score,
    shownScore: computation.score === null ? null : formatScore(computation.score),
    level: computation.level,
    mastered: computation.mastered,
  };
}

/**
 * The steps a method takes from the counted scores to its result.
 *
 * Example: mean of [1, 2, 3] explains as "Mean: (1 + 2 + 3) / 3 = 2."
 */
export function methodSteps(
  scores: readonly number[],
  policy: CalculationPolicy,
  result: number,
  bounds: ScoreBounds,
): string[] {
  const r = show(result);
  const list = scores.map(show).join(', ');
  switch (policy.method) {
    case 'latest':
      return [`Most recent score: the newest counted score is ${r}.`];
    case 'highest':
      return [`Highest score: the highest of ${list} is ${r}.`];
    case 'mean':
      return [`Mean: (${scores.map(show).join(' + ')}) / ${scores.length} = ${r}.`];
    case 'median':
      return [medianStep(scores, r)];
    case 'mode':
      return [modeStep(scores, r)];
    case 'weighted_recent':
      return [weightedStep(scores, policy.param ?? 0, r)];
    case 'decaying_average':
      return [decayingStep(scores, policy.param ?? 0)];
    case 'n_mastery':
      return [nMasteryStep(scores, policy.param ?? 0, bounds.mastery, r)];
    case 'power_law':
      return [powerLawStep(scores, r)];
    case 'recent_mean':
    case 'recent_median':
    case 'recent_mode':
      return recentSteps(scores, policy, result, bounds);
  }
}

function evidenceSteps(evidence: readonly OrderedEvidence[]): string[] {
  const counted = evidence.filter((entry) => entry.status === 'counted');
  const steps = [
    `${evidence.length} ${plural(evidence.length, 'piece')} of evidence, oldest first ` +
      `(undated evidence counts as oldest); ${counted.length} ${verbCount(counted.length)}.`,
  ];
  for (const entry of evidence) {
    const why = notCountedReason(entry);
    if (why) steps.push(`Not counted: ${describeEvidence(entry)} (${why}).`);
  }
  if (counted.length > 0) {
    steps.push(
      `Scores counted, oldest first: ${counted.map((e) => show(e.item.score ?? 0)).join(', ')}.`,
    );
  }
  return steps;
}

function resultSteps(
  computation: MasteryComputation,
  scale: ProficiencyScale,
  bounds: ScoreBounds,
): string[] {
  const { score, policy, noResultReason } = computation;
  if (score === null) return [describeNoResult(noResultReason ?? 'no_scores', policy)];

  const threshold = scale.levels.find((level) => level.isMastery);
  const reached = computation.mastered ? 'reached' : 'not reached yet';
  return [
    ...methodSteps(computation.scores, policy, score, bounds),
    levelStep(score, scale),
    `Mastery threshold ${threshold ? levelName(threshold) : show(bounds.mastery)}: ${reached}.`,
  ];
}

function levelStep(score: number, scale: ProficiencyScale): string {
  const shown = `${show(score)} shows as ${formatScore(score)} (two decimals, rounded half up)`;
  const index = scale.levels.findLastIndex((level) => level.value <= score);
  const level = scale.levels[index];
  if (!level) return `${shown}, which is below the first level: no level yet.`;

  const next = scale.levels[index + 1];
  const below = next ? ` and below ${levelName(next)}` : '';
  return `${shown}, which is at or above ${levelName(level)}${below}: ${level.label}.`;
}

function overrideStep(status: OverrideStatus): string {
  const level = status.level ? levelName(status.level) : show(status.override.levelValue);
  const stale = status.stale
    ? ` It is out of date: ${status.newerEvidenceIds.length} newer ` +
      `${plural(status.newerEvidenceIds.length, 'piece')} of evidence arrived since.`
    : '';
  const { setAt, reason } = status.override;
  const when = setAt.slice(0, 10);
  return `A teacher set the level to ${level} by hand on ${when}: "${reason}".${stale}`;
}

function medianStep(scores: readonly number[], r: string): string {
  const sorted = [...scores].sort((a, b) => a - b).map(show);
  if (scores.length % 2 === 1) return `Median: in order ${sorted.join(', ')}; the middle is ${r}.`;

  const half = scores.length / 2;
  return (
    `Median: in order ${sorted.join(', ')}; the two middle scores ` +
    `${sorted[half - 1]} and ${sorted[half]} average to ${r}.`
  );
}

function modeStep(scores: readonly number[], r: string): string {
  const counts = new Map<number, number>();
  for (const score of scores) counts.set(score, (counts.get(score) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const tied = [...counts].filter(([, count]) => count === top).map(([score]) => show(score));

  const times = `${top} ${plural(top, 'time')}`;
  if (tied.length === 1) return `Most frequent score: ${r} appears ${times}, more than any other.`;
  const seen = `${r} was seen most recently`;
  return `Most frequent score: ${tied.join(' and ')} each appear ${times}; ${seen}.`;
}

function weightedStep(scores: readonly number[], w: number, r: string): string {
  if (scores.length === 1) return `Weighted recent with w = ${show(w)}: one score, so ${r}.`;

  const earlier = mean(scores.slice(0, -1)) ?? 0;
  return (
    `Weighted recent with w = ${show(w)}: latest ${show(scores.at(-1) ?? 0)} × ${show(w)}% ` +
    `+ mean of earlier scores ${show(earlier)} × ${show(100 - w)}% = ${r}.`
  );
}

function decayingStep(scores: readonly number[], w: number): string {
  const running = decayingSteps(scores, w);
  const parts = [`start with ${show(scores[0] ?? 0)}`];
  for (let index = 1; index < scores.length; index += 1) {
    parts.push(
      `${show(running[index - 1] ?? 0)} × ${show(100 - w)}% + ${show(scores[index] ?? 0)} × ` +
        `${show(w)}% = ${show(running[index] ?? 0)}`,
    );
  }
  return `Decaying average with w = ${show(w)}: ${parts.join('; ')}.`;
}

function nMasteryStep(scores: readonly number[], n: number, threshold: number, r: string): string {
  const qualifying = scores.filter((score) => score >= threshold).map(show);
  return (
    `n times at mastery with n = ${n}: ${qualifying.length} of ${scores.length} scores are at ` +
    `or above ${show(threshold)} (${qualifying.join(', ')}); their mean is ${r}.`
  );
}

function powerLawStep(scores: readonly number[], r: string): string {
  if (scores.length === 1) return `Power law: one score, so ${r}.`;
  return (
    `Power law: the best-fitting learning curve through the ${scores.length} scores, in the ` +
    `order they were earned, stands at ${r} at the latest attempt.`
  );
}

function recentSteps(
  scores: readonly number[],
  policy: CalculationPolicy,
  result: number,
  bounds: ScoreBounds,
): string[] {
  const n = policy.param ?? scores.length;
  const recent = scores.slice(-n);
  const statistic = {
    recent_mean: 'mean',
    recent_median: 'median',
    recent_mode: 'mode',
  } as const;
  const inner = statistic[policy.method as keyof typeof statistic];
  const available = `${recent.length} available`;
  const first = `Using the ${n} most recent scores (${available}): ${recent.map(show).join(', ')}.`;
  const innerPolicy = { ...policy, method: inner, param: null };
  return [first, ...methodSteps(recent, innerPolicy, result, bounds)];
}

function notCountedReason(entry: OrderedEvidence): string | null {
  switch (entry.status) {
    case 'counted':
      return null;
    case 'superseded':
      return 'replaced by a later attempt at the same task';
    case 'excluded':
      return entry.item.exclusionReason
        ? `set aside by the teacher: ${entry.item.exclusionReason}`
        : 'set aside by the teacher';
    case 'no_score':
      return 'not scored';
  }
}

function describeEvidence(entry: OrderedEvidence): string {
  const when = entry.item.observedAt ? `observed ${entry.item.observedAt.slice(0, 10)}` : 'undated';
  const score = entry.item.score === null ? '' : `, score ${show(entry.item.score)}`;
  return `evidence ${entry.item.id} (${when}${score})`;
}

function levelName(level: ScaleLevel): string {
  return `${show(level.value)} (${level.label})`;
}

/** A number for reading: at most four decimals, rounded half up, without trailing zeros. */
function show(value: number): string {
  return new Decimal(value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function verbCount(count: number): string {
  return count === 1 ? 'counts' : 'count';
}
