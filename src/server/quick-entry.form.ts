/**
 * Reading the quick-entry form of an IEP data session into a raw record. The form has plain
 * fields a phone can fill without script (counts, seconds as lists, one choice per interval or
 * step); iep-collect.js only adds tap counters, timers and interval prompts on top of them.
 */
import type {
  IntervalMark,
  RawRecord,
  StepOutcome,
  TrialOutcome,
} from '../domain/progress/data-collection.js';
import type { GoalDefinition } from '../services/iep.service.js';
import { DEFAULT_INTERVALS } from '../web/views/goal.view.js';

/** A raw record, or the problem naming the field. */
export type RecordRead =
  | { readonly ok: true; readonly record: RawRecord }
  | { readonly ok: false; readonly field: string; readonly message: string };

type Fields = Readonly<Record<string, string>>;

/**
 * Builds the raw record for the goal's data collection type from the form's fields. A form
 * with nothing recorded (no trials, no observed interval, no probe score, no seconds, no
 * minutes observed, no steps) is refused naming the field, so an empty session is never
 * saved; a real zero (0 of 10 correct, a count of 0, 0 seconds typed) is kept.
 * Example: a trials goal with independent 3, prompted 1, incorrect 1 gives five outcomes,
 * whose session value is 60 (3 of 5 independent).
 */
export function recordFromForm(goal: GoalDefinition, fields: Fields): RecordRead {
  const read = readRecord(goal, fields);
  return read.ok ? (emptyProblem(read.record) ?? read) : read;
}

/** The problem naming the field when a record holds nothing to value; null otherwise. */
function emptyProblem(record: RawRecord): RecordRead | null {
  switch (record.type) {
    case 'trials':
      return record.outcomes.length === 0
        ? problem('independent', 'Enter at least one trial (correct, prompted, incorrect or none)')
        : null;
    case 'interval':
      return record.intervals.every((mark) => mark === 'not_observed')
        ? problem('interval.0', 'Mark at least one interval as occurred or did not occur')
        : null;
    case 'prompt_level':
      return record.levels.length === 0
        ? problem('prompt.0', 'Enter at least one trial at a prompt level')
        : null;
    case 'task_analysis':
      return record.steps.length === 0
        ? problem('_form', 'This goal has no task steps in its settings.')
        : null;
    case 'latency':
      return record.latencySeconds.length === 0
        ? problem('latencies', 'Enter at least one latency in seconds, or "none"')
        : null;
    case 'cbm':
      return record.probes.length === 0
        ? problem('probes', 'Enter at least one probe score')
        : null;
    case 'count':
    case 'rate':
    case 'duration':
    case 'rubric':
      return null;
  }
}

function readRecord(goal: GoalDefinition, fields: Fields): RecordRead {
  switch (goal.collectionType) {
    case 'trials':
      return trialsRecord(fields);
    case 'count':
      return countRecord(fields);
    case 'rate':
      return rateRecord(fields);
    case 'duration':
      return durationRecord(fields);
    case 'latency':
      return latencyRecord(goal, fields);
    case 'interval':
      return intervalRecord(goal, fields);
    case 'prompt_level':
      return promptRecord(goal, fields);
    case 'task_analysis':
      return stepsRecord(goal, fields);
    case 'rubric':
      return rubricRecord(fields);
    case 'cbm':
      return probesRecord(fields);
    case null:
      return { ok: false, field: '_form', message: 'This goal has no data collection type set.' };
  }
}

function problem(field: string, message: string): RecordRead {
  return { ok: false, field, message };
}

const OK: RecordRead = { ok: true, record: { type: 'count', count: 0 } };

function count(fields: Fields, name: string): RecordRead {
  const text = (fields[name] ?? '0').trim() || '0';
  return /^\d{1,4}$/.test(text) ? OK : problem(name, 'Enter a whole number, 0 or more');
}

function countOf(fields: Fields, name: string): number {
  return Number((fields[name] ?? '0').trim() || '0');
}

function trialsRecord(fields: Fields): RecordRead {
  const names = ['independent', 'prompted', 'incorrect', 'noResponse'] as const;
  for (const name of names) {
    const checked = count(fields, name);
    if (!checked.ok) return checked;
  }
  const outcome: Record<(typeof names)[number], TrialOutcome> = {
    independent: 'independent',
    prompted: 'prompted',
    incorrect: 'incorrect',
    noResponse: 'no_response',
  };
  const outcomes = names.flatMap((name) =>
    Array.from({ length: countOf(fields, name) }, () => outcome[name]),
  );
  return { ok: true, record: { type: 'trials', outcomes } };
}

function countRecord(fields: Fields): RecordRead {
  const checked = count(fields, 'count');
  if (!checked.ok) return checked;
  return { ok: true, record: { type: 'count', count: countOf(fields, 'count') } };
}

function durationRecord(fields: Fields): RecordRead {
  const checked = secondsList(fields, 'episodes', false);
  if (!checked.ok) return checked;
  if (secondsOf(fields, 'episodes').length === 0) {
    return problem('episodes', 'Enter at least one episode in seconds (0 for none seen)');
  }
  const episodeSeconds = secondsOf(fields, 'episodes').filter((s): s is number => s !== null);
  return { ok: true, record: { type: 'duration', episodeSeconds } };
}

function rateRecord(fields: Fields): RecordRead {
  const checked = count(fields, 'count');
  if (!checked.ok) return checked;
  const minutes = Number((fields.minutes ?? '').trim() || 'NaN');
  if (!Number.isFinite(minutes) || minutes <= 0) {
    return problem('minutes', 'Enter the minutes observed, more than 0');
  }
  return { ok: true, record: { type: 'rate', count: countOf(fields, 'count'), minutes } };
}

/** "12, 30.5, none" → [12, 30.5, null] (null only where `allowNone`). */
function secondsOf(fields: Fields, name: string): (number | null)[] {
  return (fields[name] ?? '')
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map((part) => (/^(none|no)$/i.test(part) ? null : Number(part)));
}

function secondsList(fields: Fields, name: string, allowNone: boolean): RecordRead {
  const values = secondsOf(fields, name);
  const bad = values.some((v) => (v === null ? !allowNone : !Number.isFinite(v) || v < 0));
  const hint = allowNone ? ', or "none" for no response' : '';
  return bad ? problem(name, `List seconds separated by commas, like 12, 30.5${hint}`) : OK;
}

function latencyRecord(goal: GoalDefinition, fields: Fields): RecordRead {
  const checked = secondsList(fields, 'latencies', true);
  if (!checked.ok) return checked;
  const ceilingSeconds = goal.collectionConfig.ceilingSeconds ?? 60;
  return {
    ok: true,
    record: { type: 'latency', latencySeconds: secondsOf(fields, 'latencies'), ceilingSeconds },
  };
}

const INTERVAL_MARKS = ['occurred', 'not_occurred', 'not_observed'] as const;

function intervalRecord(goal: GoalDefinition, fields: Fields): RecordRead {
  const total = goal.collectionConfig.probesPerSession ?? DEFAULT_INTERVALS;
  const intervals: IntervalMark[] = [];
  for (let i = 0; i < total; i += 1) {
    const mark = fields[`interval.${i}`] ?? 'not_observed';
    const known = INTERVAL_MARKS.find((m) => m === mark);
    if (!known) return problem(`interval.${i}`, 'Choose occurred, did not occur or not observed');
    intervals.push(known);
  }
  const method = goal.collectionConfig.method ?? 'partial';
  return { ok: true, record: { type: 'interval', method, intervals } };
}

function promptRecord(goal: GoalDefinition, fields: Fields): RecordRead {
  const hierarchy = goal.collectionConfig.hierarchy ?? [];
  if (hierarchy.length === 0) {
    return problem('_form', 'This goal has no prompt hierarchy in its settings.');
  }
  const levels: string[] = [];
  for (const [i, level] of hierarchy.entries()) {
    const checked = count(fields, `prompt.${i}`);
    if (!checked.ok) return checked;
    for (let n = 0; n < countOf(fields, `prompt.${i}`); n += 1) levels.push(level);
  }
  return { ok: true, record: { type: 'prompt_level', hierarchy, levels } };
}

const STEP_OUTCOMES = ['independent', 'prompted', 'not_done'] as const;

function stepsRecord(goal: GoalDefinition, fields: Fields): RecordRead {
  const names = goal.collectionConfig.stepNames ?? [];
  const steps: StepOutcome[] = [];
  for (let i = 0; i < names.length; i += 1) {
    const outcome = STEP_OUTCOMES.find((o) => o === (fields[`step.${i}`] ?? 'not_done'));
    if (!outcome) return problem(`step.${i}`, 'Choose independent, prompted or not done');
    steps.push(outcome);
  }
  return { ok: true, record: { type: 'task_analysis', steps } };
}

function rubricRecord(fields: Fields): RecordRead {
  const level = Number(fields.level ?? '');
  if (fields.level === undefined || fields.level === '' || !Number.isFinite(level) || level < 0) {
    return problem('level', 'Choose the rubric level');
  }
  return { ok: true, record: { type: 'rubric', level } };
}

function probesRecord(fields: Fields): RecordRead {
  const checked = secondsList(fields, 'probes', false);
  if (!checked.ok) return problem('probes', 'List probe scores separated by commas, like 42, 55');
  const probes = secondsOf(fields, 'probes').filter((p): p is number => p !== null);
  return { ok: true, record: { type: 'cbm', probes } };
}
