/**
 * Data collection types: each keeps its raw record and turns it into one value per session.
 *
 * A measured zero and a gap are different things, and the types keep them apart:
 * - `{ kind: "measured", value: 0 }` is a real zero (observed, and the behavior did not occur),
 *   drawn as a point on the axis;
 * - `{ kind: "gap" }` means there is no value (no data that day, or a record that cannot make
 *   one, such as a session with no trials), drawn as a break in the line.
 */
import type { CheckResult } from '../calculator.js';
import { sortByDate } from './dates.js';
import type { DatedValue } from './goal-line.js';
import { median } from './trend.js';

/** One trial: correct without help, correct with a prompt (not independent), wrong, or none. */
export type TrialOutcome = 'independent' | 'prompted' | 'incorrect' | 'no_response';

/** One observation interval: the behavior scored as occurring, not occurring, or not observed. */
export type IntervalMark = 'occurred' | 'not_occurred' | 'not_observed';

/**
 * How intervals are scored: partial (at any time in the interval), whole (throughout it) or
 * momentary (at the moment it ends). The observer applies the method when marking; the
 * session value is computed the same way for all three.
 */
export type IntervalMethod = 'partial' | 'whole' | 'momentary';

/** One step of a task analysis. */
export type StepOutcome = 'independent' | 'prompted' | 'not_done';

/** The raw record of one session, by data collection type. */
export type RawRecord =
  | { readonly type: 'trials'; readonly outcomes: readonly TrialOutcome[] }
  | { readonly type: 'count'; readonly count: number }
  | { readonly type: 'rate'; readonly count: number; readonly minutes: number }
  | { readonly type: 'duration'; readonly episodeSeconds: readonly number[] }
  | {
      readonly type: 'latency';
      /** Seconds to respond per opportunity; null when there was no response. */
      readonly latencySeconds: readonly (number | null)[];
      readonly ceilingSeconds: number;
    }
  | {
      readonly type: 'interval';
      readonly method: IntervalMethod;
      readonly intervals: readonly IntervalMark[];
    }
  | {
      readonly type: 'prompt_level';
      /** The team's hierarchy, from the most independent level to the most support. */
      readonly hierarchy: readonly string[];
      /** The level each trial needed. */
      readonly levels: readonly string[];
    }
  | { readonly type: 'task_analysis'; readonly steps: readonly StepOutcome[] }
  | { readonly type: 'rubric'; readonly level: number }
  | { readonly type: 'cbm'; readonly probes: readonly number[] };

/** Every data collection type. */
export type DataCollectionType = RawRecord['type'];

/** Why a session has no value. */
export type GapReason =
  'no_data' | 'no_trials' | 'no_observation_time' | 'no_intervals_observed' | 'no_probes';

/** A session's value; for trial sessions also the counts a percent criterion compares. */
export type SessionValue =
  | {
      readonly kind: 'measured';
      readonly value: number;
      readonly correct?: number;
      readonly trials?: number;
    }
  | { readonly kind: 'gap'; readonly reason: GapReason };

/** A session's value on its date. */
export interface DatedSessionValue {
  readonly date: string;
  readonly value: SessionValue;
}

/**
 * The one value of a session, or a problem naming the field when the record is impossible
 * (a negative count, a prompt level outside the hierarchy).
 *
 * Per type:
 * - trials: independent / all trials · 100 (prompted trials are not independent); no trials → gap
 * - count: the count (0 is a real zero)
 * - rate: count / minutes observed, per minute; 0 minutes → gap
 * - duration: the sum of the episodes' seconds (no episodes → a real 0)
 * - latency: the mean latency in seconds, a missing response counting as the ceiling and
 *   longer latencies capped at it; no opportunities → gap
 * - interval: occurred / observed intervals · 100; none observed → gap
 * - prompt_level: the median rank of the trials' levels (0 = most independent); none → gap
 * - task_analysis: the number of steps done independently
 * - rubric: the level
 * - cbm: the median of the probes (e.g. three reading probes 42, 55, 47 → 47); none → gap
 */
export function sessionValue(record: RawRecord): CheckResult<SessionValue> {
  switch (record.type) {
    case 'trials':
      return ok(trialsValue(record.outcomes));
    case 'count':
      return nonNegative(record.count, 'count', () => measured(record.count));
    case 'rate':
      return rateValue(record.count, record.minutes);
    case 'duration':
      return durationValue(record.episodeSeconds);
    case 'latency':
      return latencyValue(record.latencySeconds, record.ceilingSeconds);
    case 'interval':
      return ok(intervalValue(record.intervals));
    case 'prompt_level':
      return promptLevelValue(record.hierarchy, record.levels);
    case 'task_analysis':
      return ok(measured(record.steps.filter((step) => step === 'independent').length));
    case 'rubric':
      return nonNegative(record.level, 'level', () => measured(record.level));
    case 'cbm':
      return ok(record.probes.length === 0 ? gap('no_probes') : measured(median(record.probes)));
  }
}

/**
 * Lines sessions up with the days data was due: a due day without a session is a gap
 * ("no_data"); every session is kept (also those on days that were not due), in date
 * order, sessions on the same day in the order given.
 *
 * Example: days 10-01, 10-02, 10-03 with a count of 0 on 10-01 and 3 on 10-03 give
 * measured 0, gap, measured 3.
 */
export function sessionsByDay(
  days: readonly string[],
  sessions: readonly DatedSessionValue[],
): DatedSessionValue[] {
  const missing = days
    .filter((day) => !sessions.some((session) => session.date === day))
    .map((date) => ({ date, value: gap('no_data') }));
  return sortByDate([...sessions, ...missing]);
}

/** The data points for graphs and progress math: measured values only (zeros kept, gaps not). */
export function measuredPoints(sessions: readonly DatedSessionValue[]): DatedValue[] {
  const points: DatedValue[] = [];
  for (const { date, value } of sessions) {
    if (value.kind === 'measured') points.push({ date, value: value.value });
  }
  return points;
}

/**
 * Percent of trials done independently and correctly.
 *
 * Example: independent, prompted, independent, incorrect, independent → 3 of 5 → 60.
 */
export function trialsValue(outcomes: readonly TrialOutcome[]): SessionValue {
  if (outcomes.length === 0) return gap('no_trials');

  const correct = outcomes.filter((outcome) => outcome === 'independent').length;
  return {
    kind: 'measured',
    value: (correct * 100) / outcomes.length,
    correct,
    trials: outcomes.length,
  };
}

/**
 * Percent of observed intervals in which the behavior was scored.
 *
 * Example: occurred, not_occurred, not_observed, occurred, not_occurred → 2 of 4 → 50.
 */
export function intervalValue(intervals: readonly IntervalMark[]): SessionValue {
  const observed = intervals.filter((mark) => mark !== 'not_observed');
  if (observed.length === 0) return gap('no_intervals_observed');

  const occurred = observed.filter((mark) => mark === 'occurred').length;
  return measured((occurred * 100) / observed.length);
}

function rateValue(count: number, minutes: number): CheckResult<SessionValue> {
  if (count < 0) return problem('count', count);
  if (minutes < 0) return problem('minutes', minutes);
  return ok(minutes === 0 ? gap('no_observation_time') : measured(count / minutes));
}

function durationValue(episodeSeconds: readonly number[]): CheckResult<SessionValue> {
  const negative = episodeSeconds.findIndex((seconds) => seconds < 0);
  if (negative >= 0) return problem(`episodeSeconds[${negative}]`, episodeSeconds[negative]);
  return ok(measured(episodeSeconds.reduce((total, seconds) => total + seconds, 0)));
}

function latencyValue(
  latencySeconds: readonly (number | null)[],
  ceilingSeconds: number,
): CheckResult<SessionValue> {
  if (!(ceilingSeconds > 0)) return problem('ceilingSeconds', ceilingSeconds);
  const negative = latencySeconds.findIndex((seconds) => seconds !== null && seconds < 0);
  if (negative >= 0) return problem(`latencySeconds[${negative}]`, latencySeconds[negative]);
  if (latencySeconds.length === 0) return ok(gap('no_trials'));

  const capped = latencySeconds.map((seconds) =>
    Math.min(seconds ?? ceilingSeconds, ceilingSeconds),
  );
  return ok(measured(capped.reduce((total, seconds) => total + seconds, 0) / capped.length));
}

function promptLevelValue(
  hierarchy: readonly string[],
  levels: readonly string[],
): CheckResult<SessionValue> {
  const ranks = levels.map((level) => hierarchy.indexOf(level));
  const unknown = ranks.indexOf(-1);
  if (unknown >= 0) {
    const names = hierarchy.join(', ');
    return {
      ok: false,
      problem: `levels[${unknown}]: "${levels[unknown]}" is not one of ${names}`,
    };
  }
  return ok(ranks.length === 0 ? gap('no_trials') : measured(median(ranks)));
}

function nonNegative(
  value: number,
  field: string,
  make: () => SessionValue,
): CheckResult<SessionValue> {
  return value < 0 ? problem(field, value) : ok(make());
}

function problem(field: string, value: number | null | undefined): CheckResult<SessionValue> {
  return { ok: false, problem: `${field}: ${String(value)} is not allowed here` };
}

function measured(value: number): SessionValue {
  return { kind: 'measured', value };
}

function gap(reason: GapReason): SessionValue {
  return { kind: 'gap', reason };
}

function ok(value: SessionValue): CheckResult<SessionValue> {
  return { ok: true, value };
}
