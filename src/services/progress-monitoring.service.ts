/**
 * Progress monitoring for IEP goals: record data sessions from raw records, correct or void
 * them (with history and a version check), record phase changes, compute a goal's progress
 * picture (goal line, trend, projection, decision, criterion), suggest and confirm progress
 * codes, and list which progress reports are due and which were sent.
 *
 * The math lives in src/domain/progress and src/domain/criterion; this file loads, checks,
 * calls it and stores the results. Expected failures come back as data (see iep.service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { evaluateCriterion, comparisonOf } from '../domain/criterion/criterion.js';
import type { CriterionSession, MasteryCriterion } from '../domain/criterion/criterion.js';
import {
  criterionSentences,
  shortfallSentences,
  type Sentences,
} from '../domain/criterion/criterion-sentence.js';
import type { CheckResult } from '../domain/calculator.js';
import { checkWith, isoDateSchema } from '../domain/input-check.js';
import {
  measuredPoints,
  sessionsByDay,
  sessionValue,
  type DataCollectionType,
  type RawRecord,
  type SessionValue,
} from '../domain/progress/data-collection.js';
import { compareDates, daysBetween } from '../domain/progress/dates.js';
import type { Decision, DecisionRule } from '../domain/progress/decision-rules.js';
import type { DatedValue, WeeklyLine } from '../domain/progress/goal-line.js';
import {
  suggestProgressCode as suggestCode,
  type ProgressCode,
  type ProgressCodeRule,
} from '../domain/progress/progress-code.js';
import { analyzeProgress, pointsInPhase } from '../domain/progress/progress.js';
import * as repo from '../store/iep-records.repository.js';
import type { Database } from '../store/schema.js';
import { dataSessionInputSchema, rawRecordSchema } from './iep.schema.js';
import {
  audit,
  inTransaction,
  readGoal,
  type Actor,
  type Failure,
  type GoalDefinition,
  type Outcome,
} from './iep.service.js';

type Db = Kysely<Database>;

/** A recorded session: its id and the value derived from its raw record. */
export interface RecordedSession {
  readonly sessionId: string;
  readonly value: SessionValue;
}

/**
 * Records one data session: the raw record is checked against the goal's data collection
 * type (settings the goal fixes, such as the prompt hierarchy, are filled in when left out),
 * turned into the session's value, and stored with both.
 *
 * Example: a trials goal and outcomes independent, prompted, independent, incorrect,
 * independent store 60 (3 of 5); a count goal and `{ "count": 0 }` store a real 0.
 */
export async function recordDataSession(
  db: Db,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<RecordedSession>> {
  const checked = checkWith(dataSessionInputSchema, input);
  if (!checked.ok) return invalid(checked.problem);

  const row = await repo.findGoal(db, checked.value.goalId);
  if (!row) return { ok: false, kind: 'not_found' };
  const goal = readGoal(row);
  if (goal.ended) return invalid('goalId: the goal was ended by an amendment');

  const derived = deriveSession(goal, checked.value.record);
  if (!derived.ok) return invalid(derived.problem);

  const session = checked.value;
  const id = randomUUID();
  const stored = {
    id,
    goal_id: goal.id,
    session_date: session.date,
    setting: session.setting,
    collected_by: session.collectedBy,
    note: session.note,
    recorded_at: now.toISOString(),
    recorded_by: actor.personId,
    ...valueColumns(derived.value),
  };
  await inTransaction(db, async (trx) => {
    await repo.insertDataSessions(trx, [stored]);
    await sessionHistory(trx, 'create', id, 1, null, stored, actor, now);
    await audit(trx, actor, now, 'create', 'iep_data_session', id, await studentOf(trx, goal));
  });
  return { ok: true, value: { sessionId: id, value: derived.value.value } };
}

/** A correction to a session, against the version the editor read. */
export interface SessionCorrection {
  readonly expectedVersion: number;
  readonly date?: string;
  readonly setting?: string | null;
  readonly note?: string | null;
  readonly record?: Readonly<Record<string, unknown>>;
}

/** A session as the editor sees it, returned with a conflict. */
export interface SessionView {
  readonly sessionId: string;
  readonly goalId: string;
  readonly date: string;
  readonly setting: string | null;
  readonly record: unknown;
  readonly value: SessionValue;
  readonly version: number;
  readonly voided: boolean;
}

/**
 * Corrects a session (its date, setting, note or raw record; the value is derived again).
 * The old and new values go to the history. A save from a stale version is refused with the
 * session as it is now.
 */
export async function correctDataSession(
  db: Db,
  sessionId: string,
  correction: SessionCorrection,
  actor: Actor,
  now: Date,
): Promise<Outcome<SessionView, SessionView>> {
  const row = await repo.findDataSession(db, sessionId);
  const goalRow = row && (await repo.findGoal(db, row.goal_id));
  if (!row || !goalRow) return { ok: false, kind: 'not_found' };
  if (row.version !== correction.expectedVersion) return stale(row, correction.expectedVersion);

  const changes = correctionColumns(readGoal(goalRow), correction);
  if (!changes.ok) return invalid(changes.problem);

  return saveSession(db, row, correction.expectedVersion, changes.value, 'update', actor, now);
}

/** Voids a session (left out everywhere, kept for the history); `restore` undoes it. */
export async function voidDataSession(
  db: Db,
  sessionId: string,
  expectedVersion: number,
  actor: Actor,
  now: Date,
  restore = false,
): Promise<Outcome<SessionView, SessionView>> {
  const row = await repo.findDataSession(db, sessionId);
  if (!row) return { ok: false, kind: 'not_found' };
  if (row.version !== expectedVersion) return stale(row, expectedVersion);

  const changes = restore
    ? { voided_at: null, voided_by: null }
    : { voided_at: now.toISOString(), voided_by: actor.personId };
  return saveSession(db, row, expectedVersion, changes, restore ? 'restore' : 'void', actor, now);
}

async function saveSession(
  db: Db,
  row: repo.DataSessionRow,
  expected: number,
  changes: Partial<repo.DataSessionRow>,
  change: 'update' | 'void' | 'restore',
  actor: Actor,
  now: Date,
): Promise<Outcome<SessionView, SessionView>> {
  return inTransaction(db, async (trx) => {
    if (!(await repo.updateDataSessionIfVersion(trx, row.id, expected, changes))) {
      const fresh = await repo.findDataSession(trx, row.id);
      return stale(fresh ?? row, expected);
    }
    const old = Object.fromEntries(
      Object.keys(changes).map((key) => [key, (row as Record<string, unknown>)[key] ?? null]),
    );
    await sessionHistory(trx, change, row.id, expected + 1, old, changes, actor, now);
    return { ok: true as const, value: sessionView({ ...row, ...changes, version: expected + 1 }) };
  });
}

function correctionColumns(
  goal: GoalDefinition,
  correction: SessionCorrection,
): CheckResult<Partial<repo.DataSessionRow>> {
  const changes: Partial<repo.DataSessionRow> = {};
  if (correction.date !== undefined) {
    const date = checkWith(isoDateSchema, correction.date);
    if (!date.ok) return { ok: false, problem: `date: ${date.problem.replace(/^input: /, '')}` };
    changes.session_date = date.value;
  }
  if (correction.setting !== undefined) changes.setting = correction.setting;
  if (correction.note !== undefined) changes.note = correction.note;
  if (correction.record !== undefined) {
    const derived = deriveSession(goal, correction.record);
    if (!derived.ok) return derived;
    Object.assign(changes, valueColumns(derived.value));
  }
  return { ok: true, value: changes };
}

function stale(row: repo.DataSessionRow, expected: number): Outcome<never, SessionView> {
  return {
    ok: false,
    kind: 'conflict',
    message: `the session is at version ${row.version}, not ${expected}`,
    current: sessionView(row),
  };
}

function sessionView(row: repo.DataSessionRow): SessionView {
  return {
    sessionId: row.id,
    goalId: row.goal_id,
    date: row.session_date,
    setting: row.setting,
    record: JSON.parse(row.raw_json) as unknown,
    value: storedValue(row),
    version: row.version,
    voided: row.voided_at !== null,
  };
}

interface Derived {
  readonly record: RawRecord;
  readonly value: SessionValue;
}

/** Checks a raw record for the goal's data collection type and derives its value. */
function deriveSession(
  goal: GoalDefinition,
  record: Readonly<Record<string, unknown>>,
): CheckResult<Derived> {
  const type = goal.collectionType;
  if (type === null) return { ok: false, problem: 'goalId: the goal has no data collection type' };
  if (record.type !== undefined && record.type !== type) {
    const given = JSON.stringify(record.type);
    return {
      ok: false,
      problem: `record.type: ${given} is not this goal's data collection type (${type})`,
    };
  }

  const filled = { ...goalDefaults(goal), ...record, type };
  const checked = checkWith(rawRecordSchema, filled);
  if (!checked.ok) return { ok: false, problem: `record.${checked.problem}` };

  const value = sessionValue(checked.value);
  if (!value.ok) return { ok: false, problem: `record.${value.problem}` };
  return { ok: true, value: { record: checked.value, value: value.value } };
}

function goalDefaults(goal: GoalDefinition): Record<string, unknown> {
  const { hierarchy, ceilingSeconds, method } = goal.collectionConfig;
  const defaults: Partial<Record<DataCollectionType, Record<string, unknown>>> = {
    prompt_level: hierarchy ? { hierarchy } : {},
    latency: ceilingSeconds ? { ceilingSeconds } : {},
    interval: method ? { method } : {},
  };
  return (goal.collectionType && defaults[goal.collectionType]) ?? {};
}

function valueColumns(derived: Derived) {
  const value = derived.value;
  return {
    collection_type: derived.record.type,
    raw_json: JSON.stringify(derived.record),
    value: value.kind === 'measured' ? value.value : null,
    gap_reason: value.kind === 'gap' ? value.reason : null,
    correct: value.kind === 'measured' ? (value.correct ?? null) : null,
    trials: value.kind === 'measured' ? (value.trials ?? null) : null,
  };
}

function storedValue(row: repo.DataSessionRow): SessionValue {
  if (row.value === null) {
    return { kind: 'gap', reason: (row.gap_reason ?? 'no_data') as 'no_data' };
  }
  if (row.trials !== null && row.correct !== null) {
    return { kind: 'measured', value: row.value, correct: row.correct, trials: row.trials };
  }
  return { kind: 'measured', value: row.value };
}

async function sessionHistory(
  trx: Db,
  change: 'create' | 'update' | 'void' | 'restore',
  sessionId: string,
  version: number,
  old: object | null,
  changes: object,
  actor: Actor,
  now: Date,
): Promise<void> {
  await repo.appendHistory(trx, {
    entity: 'data_session',
    entity_id: sessionId,
    change,
    version,
    changed_by: actor.personId,
    changed_at: now.toISOString(),
    old_json: old === null ? null : JSON.stringify(old),
    new_json: JSON.stringify(changes),
  });
}

const phaseChangeSchema = z.strictObject({
  goalId: z.string().min(1),
  date: isoDateSchema,
  label: z.string().trim().min(1, 'expected a short label such as "Added visual schedule"'),
});

/** Records a dated change of intervention; the trend and decision start again from it. */
export async function recordPhaseChange(
  db: Db,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<{ readonly phaseChangeId: string }>> {
  const checked = checkWith(phaseChangeSchema, input);
  if (!checked.ok) return invalid(checked.problem);

  const goal = await repo.findGoal(db, checked.value.goalId);
  if (!goal) return { ok: false, kind: 'not_found' };

  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await repo.insertPhaseChange(trx, {
      id,
      goal_id: goal.id,
      change_date: checked.value.date,
      label: checked.value.label,
      recorded_by: actor.personId,
      recorded_at: now.toISOString(),
    });
    await audit(
      trx,
      actor,
      now,
      'create',
      'iep_phase_change',
      id,
      await studentOf(trx, readGoal(goal)),
    );
  });
  return { ok: true, value: { phaseChangeId: id } };
}

/** One session on the graph: a measured value (0 included) or a gap, on a date. */
export interface ProgressSession {
  readonly date: string;
  /** Null for a scheduled day with no session at all. */
  readonly sessionId: string | null;
  readonly value: SessionValue;
}

/** The decision rule's answer with its name and the reason, in English and Spanish. */
export interface DecisionView {
  readonly value: Decision;
  readonly rule: DecisionRule;
  readonly ruleName: Sentences;
  readonly label: Sentences;
  readonly why: Sentences;
  readonly pointsUsed: number;
}

/** The mastery criterion, evaluated, with its sentence and why it is not met yet. */
export interface CriterionView {
  readonly definition: MasteryCriterion;
  readonly comparison: 'atLeast' | 'atMost';
  readonly threshold: number;
  readonly met: boolean;
  readonly metOn: string | null;
  readonly sentence: Sentences;
  /** Why it is not met yet; null once met. */
  readonly shortfall: Sentences | null;
}

/** Everything a page, a report or a graph shows about one goal's progress. */
export interface GoalProgress {
  readonly goal: GoalDefinition;
  readonly asOf: string;
  /** Every session and every scheduled day without one, in date order. */
  readonly sessions: readonly ProgressSession[];
  /** The measured points only (zeros kept, gaps left out). */
  readonly points: readonly DatedValue[];
  readonly phaseChanges: ReadonlyArray<{ readonly date: string; readonly label: string }>;
  readonly goalLine: WeeklyLine;
  readonly trend: WeeklyLine | null;
  /** The first and last dates of the points the trend was fitted through. */
  readonly trendSpan: { readonly from: string; readonly to: string } | null;
  readonly projectedAtGoalDate: number | null;
  readonly decision: DecisionView;
  readonly criterion: CriterionView | null;
}

/**
 * A goal's progress as of `asOf` (the last session's date when left out): its sessions with
 * gaps (recorded gaps and scheduled days without data), the goal line, the trend fitted
 * through the points since the latest phase change, the projection to the goal date, the
 * decision with the rule's name, and the criterion's status.
 */
export async function goalProgress(
  db: Db,
  goalId: string,
  asOf?: string,
): Promise<Outcome<GoalProgress, never>> {
  const row = await repo.findGoal(db, goalId);
  if (!row) return { ok: false, kind: 'not_found' };
  const goal = readGoal(row);
  if (goal.baseline.date === '' || goal.target.date === '') {
    return invalid('goal: a baseline date and a goal date are needed for progress monitoring');
  }

  const rows = await repo.listDataSessions(db, goalId, asOf);
  const until = asOf ?? rows.at(-1)?.session_date ?? goal.baseline.date;
  const phases = (await repo.listPhaseChanges(db, goalId))
    .filter((p) => compareDates(p.change_date, until) <= 0)
    .map((p) => ({ date: p.change_date, label: p.label }));

  return { ok: true, value: progressOf(goal, rows, phases, until) };
}

function progressOf(
  goal: GoalDefinition,
  rows: readonly repo.DataSessionRow[],
  phaseChanges: GoalProgress['phaseChanges'],
  asOf: string,
): GoalProgress {
  const sessions = withScheduledGaps(goal, rows, asOf);
  const points = measuredPoints(sessions);
  const analysis = analyzeProgress({
    baseline: goal.baseline,
    goal: goal.target,
    points,
    trend: goal.trendMethod,
    decisionRule: goal.decisionRule,
    direction: goal.direction,
    phaseChanges: phaseChanges.map((p) => p.date),
  });
  const current = pointsInPhase(points, analysis.phaseStart);
  const trendSpan =
    analysis.trend && current.length > 0
      ? { from: current[0]!.date, to: current.at(-1)!.date }
      : null;

  return {
    goal,
    asOf,
    sessions,
    points,
    phaseChanges,
    goalLine: analysis.goalLine,
    trend: analysis.trend,
    trendSpan,
    projectedAtGoalDate: analysis.projectedAtGoalDate,
    decision: decisionView(
      goal,
      analysis.decision,
      analysis.pointsUsed,
      analysis.trend,
      analysis.goalLine,
    ),
    criterion: criterionView(goal.criterion, sessions),
  };
}

function withScheduledGaps(
  goal: GoalDefinition,
  rows: readonly repo.DataSessionRow[],
  asOf: string,
): ProgressSession[] {
  const ids = new Map<object, string>();
  const dated = rows.map((row) => {
    const entry = { date: row.session_date, value: storedValue(row) };
    ids.set(entry, row.id);
    return entry;
  });
  const first = rows[0]?.session_date;
  const days = goal.schedule && first ? dueDays(goal.schedule.weekdays, first, asOf) : [];
  return sessionsByDay(days, dated).map((entry) => ({
    ...entry,
    sessionId: ids.get(entry) ?? null,
  }));
}

/**
 * The days data is due from `from` to `to` (both included): those whose ISO weekday
 * (Monday = 1 .. Sunday = 7) is listed.
 *
 * Example: weekdays [1, 3] from 2026-09-14 (a Monday) to 2026-09-23 give 09-14, 09-16, 09-21,
 * 09-23.
 */
export function dueDays(weekdays: readonly number[], from: string, to: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let offset = 0; offset <= daysBetween(from, to); offset += 1) {
    const day = new Date(start + offset * 86_400_000);
    const isoWeekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (weekdays.includes(isoWeekday)) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function criterionView(
  criterion: MasteryCriterion | null,
  sessions: readonly ProgressSession[],
): CriterionView | null {
  if (criterion === null) return null;

  const counted: CriterionSession[] = [];
  for (const { date, value } of sessions) {
    if (value.kind !== 'measured') continue;
    const { correct, trials } = value;
    if (criterion.measure === 'percent' && correct !== undefined && trials !== undefined) {
      counted.push({ date, correct, trials });
    } else {
      counted.push({ date, value: value.value, ...(trials === undefined ? {} : { trials }) });
    }
  }

  const result = evaluateCriterion(criterion, counted);
  const { kind, threshold } = comparisonOf(criterion);
  return {
    definition: criterion,
    comparison: kind,
    threshold,
    met: result.met,
    metOn: result.metOn,
    sentence: criterionSentences(criterion),
    shortfall: result.met ? null : shortfallSentences(criterion, result.standing),
  };
}

/**
 * The decision with the rule's name and a reason a team can read aloud.
 *
 * Example: four consecutive points, all above an increasing goal's line: "Raise the goal",
 * rule "4-point rule", why "The last 4 points are all above the goal line."
 */
export function decisionView(
  goal: Pick<GoalDefinition, 'decisionRule' | 'direction'>,
  decision: Decision,
  pointsUsed: number,
  trend: WeeklyLine | null,
  line: WeeklyLine,
): DecisionView {
  return {
    value: decision,
    rule: goal.decisionRule,
    ruleName: ruleName(goal.decisionRule),
    label: DECISION_LABELS[decision],
    why: decisionReason(goal, decision, pointsUsed, trend, line),
    pointsUsed,
  };
}

const DECISION_LABELS: Readonly<Record<Decision, Sentences>> = {
  continue: { en: 'Continue the intervention', es: 'Continuar la intervención' },
  change_intervention: { en: 'Change the intervention', es: 'Cambiar la intervención' },
  raise_goal: { en: 'Raise the goal', es: 'Elevar la meta' },
  insufficient_data: { en: 'Not enough data yet', es: 'Todavía no hay suficientes datos' },
};

function ruleName(rule: DecisionRule): Sentences {
  return rule.kind === 'consecutive'
    ? { en: `${rule.points}-point rule`, es: `regla de los ${rule.points} puntos` }
    : {
        en: `trend rule (at least ${rule.minPoints} points)`,
        es: `regla de la tendencia (al menos ${rule.minPoints} puntos)`,
      };
}

function decisionReason(
  goal: Pick<GoalDefinition, 'decisionRule' | 'direction'>,
  decision: Decision,
  pointsUsed: number,
  trend: WeeklyLine | null,
  line: WeeklyLine,
): Sentences {
  const rule = goal.decisionRule;
  const needed = rule.kind === 'consecutive' ? rule.points : rule.minPoints;
  if (decision === 'insufficient_data') {
    const one = pointsUsed === 1;
    return {
      en: `${pointsUsed} ${one ? 'point' : 'points'} in this phase; the rule needs ${needed}.`,
      es: `${pointsUsed} ${one ? 'punto' : 'puntos'} en esta fase; la regla necesita ${needed}.`,
    };
  }
  if (rule.kind === 'trend') return trendReason(decision, trend, line);

  const goodIsAbove = goal.direction === 'increase';
  const side = (good: boolean): Sentences =>
    good === goodIsAbove
      ? { en: 'above', es: 'por encima de' }
      : { en: 'below', es: 'por debajo de' };
  if (decision === 'continue') {
    return {
      en: `The last ${needed} points are not all on one side of the goal line.`,
      es: `Los últimos ${needed} puntos no están todos del mismo lado de la línea de meta.`,
    };
  }
  const where = side(decision === 'raise_goal');
  return {
    en: `The last ${needed} points are all ${where.en} the goal line.`,
    es: `Los últimos ${needed} puntos están todos ${where.es} la línea de meta.`,
  };
}

function trendReason(decision: Decision, trend: WeeklyLine | null, line: WeeklyLine): Sentences {
  const trendSlope = formatSlope(trend?.slopePerWeek ?? 0);
  const goalSlope = formatSlope(line.slopePerWeek);
  const compare: Readonly<Record<Decision, Sentences>> = {
    raise_goal: { en: 'steeper than', es: 'más pronunciada que' },
    change_intervention: { en: 'flatter than', es: 'más plana que' },
    continue: { en: 'as steep as', es: 'igual de pronunciada que' },
    insufficient_data: { en: 'compared with', es: 'comparada con' },
  };
  const how = compare[decision];
  return {
    en:
      `The trend (${trendSlope.en} per week) is ${how.en} ` +
      `the goal line (${goalSlope.en} per week).`,
    es:
      `La tendencia (${trendSlope.es} por semana) es ${how.es} ` +
      `la línea de meta (${goalSlope.es} por semana).`,
  };
}

function formatSlope(value: number): Sentences {
  const format = (lang: string): string =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(
      value,
    );
  return { en: format('en'), es: format('es') };
}

/** A reporting period, both days included. */
export interface ReportingPeriod {
  readonly start: string;
  readonly end: string;
}

/** A suggested progress code, in the district's code set, with the rule step that chose it. */
export interface SuggestedCode {
  readonly code: ProgressCode;
  readonly rule: ProgressCodeRule;
  /** The district's code with that meaning, its label and description. */
  readonly districtCode: string;
  readonly label: string;
  readonly description: string;
}

/**
 * Suggests the progress code for a goal in a reporting period, from its data up to the
 * period's end (see src/domain/progress/progress-code.ts for the rule).
 */
export async function suggestProgressCode(
  db: Db,
  goalId: string,
  period: ReportingPeriod,
): Promise<Outcome<SuggestedCode, never>> {
  const progress = await goalProgress(db, goalId, period.end);
  if (!progress.ok) return progress;

  const picture = progress.value;
  const suggested = suggestCode({
    periodStart: period.start,
    periodEnd: period.end,
    baseline: picture.goal.baseline,
    goal: picture.goal.target,
    direction: picture.goal.direction,
    points: picture.points,
    criterionMetOn: picture.criterion?.metOn ?? null,
    decision: picture.decision.value,
  });

  const codes = await codesForGoal(db, goalId);
  const match =
    codes.find((c) => c.meaning === suggested.code) ?? codes.find((c) => c.code === suggested.code);
  return {
    ok: true,
    value: {
      ...suggested,
      districtCode: match?.code ?? suggested.code,
      label: match?.label ?? suggested.code,
      description: match?.description ?? '',
    },
  };
}

async function codesForGoal(db: Db, goalId: string): Promise<repo.ProgressCodeRow[]> {
  const owner = await repo.findGoalOwner(db, goalId);
  return repo.listProgressCodes(db, owner?.districtId ?? null);
}

/** The district's progress code set (the five defaults when it has none of its own). */
export async function progressCodeSet(
  db: Db,
  districtId: string | null,
): Promise<readonly repo.ProgressCodeRow[]> {
  return repo.listProgressCodes(db, districtId);
}

const confirmationSchema = z.strictObject({
  goalId: z.string().min(1),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  code: z.string().min(1, 'expected a progress code'),
  reason: z.string().trim().min(1).nullable().default(null),
  narrative: z.string().trim().min(1, 'expected a short narrative for the family'),
  expectedVersion: z.number().int().min(1).optional(),
});

/**
 * Confirms the suggested code or overrides it (an override needs a reason), with the
 * narrative. A report already sent is not changed; a save from a stale version is refused
 * with the report as it is now.
 */
export async function confirmProgressCode(
  db: Db,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<repo.ProgressReportRow, repo.ProgressReportRow>> {
  const checked = checkWith(confirmationSchema, input);
  if (!checked.ok) return invalid(checked.problem);
  const confirm = checked.value;

  const suggestion = await suggestProgressCode(db, confirm.goalId, {
    start: confirm.periodStart,
    end: confirm.periodEnd,
  });
  if (!suggestion.ok) return suggestion;

  const problem = await confirmationProblem(db, confirm, suggestion.value);
  if (problem) return invalid(problem);

  const fields = {
    suggested_code: suggestion.value.districtCode,
    suggested_rule: suggestion.value.rule,
    confirmed_code: confirm.code,
    override_reason: confirm.code === suggestion.value.districtCode ? null : confirm.reason,
    narrative: confirm.narrative,
    confirmed_by: actor.personId,
    confirmed_at: now.toISOString(),
  };
  return saveReport(db, confirm, fields, now);
}

async function confirmationProblem(
  db: Db,
  confirm: z.output<typeof confirmationSchema>,
  suggestion: SuggestedCode,
): Promise<string | null> {
  if (compareDates(confirm.periodEnd, confirm.periodStart) < 0) {
    return `periodEnd: ${confirm.periodEnd} is before periodStart`;
  }
  const codes = await codesForGoal(db, confirm.goalId);
  if (!codes.some((c) => c.code === confirm.code)) {
    return `code: "${confirm.code}" is not one of ${codes.map((c) => c.code).join(', ')}`;
  }
  if (confirm.code !== suggestion.districtCode && confirm.reason === null) {
    return `reason: required when the code differs from the suggested "${suggestion.districtCode}"`;
  }
  return null;
}

async function saveReport(
  db: Db,
  confirm: z.output<typeof confirmationSchema>,
  fields: Partial<repo.ProgressReportRow>,
  now: Date,
): Promise<Outcome<repo.ProgressReportRow, repo.ProgressReportRow>> {
  const existing = await repo.findReport(
    db,
    confirm.goalId,
    confirm.periodStart,
    confirm.periodEnd,
  );
  if (!existing) {
    const row = {
      id: randomUUID(),
      goal_id: confirm.goalId,
      period_start: confirm.periodStart,
      period_end: confirm.periodEnd,
      sent_at: null,
      created_at: now.toISOString(),
      version: 1,
      ...fields,
    } as repo.ProgressReportRow;
    await repo.insertReport(db, row);
    return { ok: true, value: row };
  }

  if (existing.sent_at !== null) return reportConflict(existing, 'the report was already sent');
  const expected = confirm.expectedVersion ?? existing.version;
  if (!(await repo.updateReportIfVersion(db, existing.id, expected, fields))) {
    const fresh = (await repo.findReportById(db, existing.id)) ?? existing;
    return reportConflict(fresh, `the report is at version ${fresh.version}, not ${expected}`);
  }
  return { ok: true, value: { ...existing, ...fields, version: expected + 1 } };
}

/** Marks a confirmed report as sent to the family. */
export async function markProgressReportSent(
  db: Db,
  reportId: string,
  expectedVersion: number,
  now: Date,
): Promise<Outcome<repo.ProgressReportRow, repo.ProgressReportRow>> {
  const report = await repo.findReportById(db, reportId);
  if (!report) return { ok: false, kind: 'not_found' };
  if (report.confirmed_code === null) return invalid('reportId: confirm the code before sending');
  if (report.sent_at !== null) return reportConflict(report, 'the report was already sent');

  const changes = { sent_at: now.toISOString() };
  if (!(await repo.updateReportIfVersion(db, reportId, expectedVersion, changes))) {
    return reportConflict(
      report,
      `the report is at version ${report.version}, not ${expectedVersion}`,
    );
  }
  return { ok: true, value: { ...report, ...changes, version: expectedVersion + 1 } };
}

function reportConflict(
  current: repo.ProgressReportRow,
  message: string,
): Outcome<never, repo.ProgressReportRow> {
  return { ok: false, kind: 'conflict', message, current };
}

/** Where one goal's report for one period stands. */
export interface ReportStatus {
  readonly goalId: string;
  readonly iepId: string;
  readonly studentId: string;
  readonly area: string;
  readonly period: {
    readonly id: string;
    readonly name: string;
    readonly start: string;
    readonly end: string;
    readonly dueDate: string;
  };
  readonly status: 'not_started' | 'confirmed' | 'sent';
  /** Not sent and past the due date. */
  readonly overdue: boolean;
  readonly reportId: string | null;
  readonly sentAt: string | null;
}

/**
 * Progress reports of every current goal (of the given students, or of all) for each
 * reporting period of the student's school or district that has ended by `asOf` and
 * overlaps the IEP: those not sent yet are due (overdue past the due date), the others sent.
 */
export async function progressReportsStatus(
  db: Db,
  options: { readonly asOf: string; readonly studentIds?: readonly string[] },
): Promise<{ readonly due: readonly ReportStatus[]; readonly sent: readonly ReportStatus[] }> {
  const goals = await repo.listActiveGoals(db, options.studentIds);
  const orgIds = [...new Set(goals.flatMap((g) => [g.schoolId, g.districtId]))].filter(
    (id): id is string => id !== null,
  );
  const periods = (await repo.listReportingPeriods(db, orgIds)).filter(
    (p) => compareDates(p.end_date, options.asOf) <= 0,
  );
  const reports = await repo.listReportsOfGoals(
    db,
    goals.map((g) => g.goalId),
  );

  const all = goals.flatMap((goal) =>
    periods
      .filter((period) => appliesTo(period, goal))
      .map((period) => reportStatus(goal, period, reports, options.asOf)),
  );
  return {
    due: all.filter((r) => r.status !== 'sent'),
    sent: all.filter((r) => r.status === 'sent'),
  };
}

function appliesTo(period: repo.ReportingPeriodRow, goal: repo.ActiveGoal): boolean {
  const inOrg =
    period.org_id === null || period.org_id === goal.schoolId || period.org_id === goal.districtId;
  const afterBegin = goal.iepBegin === null || compareDates(period.end_date, goal.iepBegin) >= 0;
  const beforeEnd = goal.iepEnd === null || compareDates(period.start_date, goal.iepEnd) <= 0;
  return inOrg && afterBegin && beforeEnd;
}

function reportStatus(
  goal: repo.ActiveGoal,
  period: repo.ReportingPeriodRow,
  reports: readonly repo.ProgressReportRow[],
  asOf: string,
): ReportStatus {
  const report = reports.find(
    (r) =>
      r.goal_id === goal.goalId &&
      r.period_start === period.start_date &&
      r.period_end === period.end_date,
  );
  const status = report?.sent_at ? 'sent' : report?.confirmed_code ? 'confirmed' : 'not_started';
  return {
    goalId: goal.goalId,
    iepId: goal.iepId,
    studentId: goal.studentId,
    area: goal.area,
    period: {
      id: period.id,
      name: period.name,
      start: period.start_date,
      end: period.end_date,
      dueDate: period.due_date,
    },
    status,
    overdue: status !== 'sent' && compareDates(period.due_date, asOf) < 0,
    reportId: report?.id ?? null,
    sentAt: report?.sent_at ?? null,
  };
}

async function studentOf(db: Db, goal: GoalDefinition): Promise<string | null> {
  const iep = await repo.findIep(db, goal.iepId);
  return iep?.student_id ?? null;
}

function invalid(problem: string): Failure<never> {
  return { ok: false, kind: 'invalid', problems: [problem] };
}
