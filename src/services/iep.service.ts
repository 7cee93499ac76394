/**
 * IEP records: create an IEP with its goals, objectives, accommodations, services and team;
 * amend it (a new version; the earlier one is kept, see migration 0005 for the design); read
 * it as of any version; change a goal's data-collection settings with a version check.
 *
 * Expected failures come back as data: `invalid` (with problems naming the field),
 * `not_found`, or `conflict` (a save from a stale version, with the current value).
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { checkCriterionRequest } from '../domain/criterion/criterion.calculator.js';
import type { MasteryCriterion } from '../domain/criterion/criterion.js';
import type { CheckResult } from '../domain/calculator.js';
import { checkWith } from '../domain/input-check.js';
import type { DataCollectionType } from '../domain/progress/data-collection.js';
import { compareDates } from '../domain/progress/dates.js';
import {
  DEFAULT_DECISION_RULE,
  defaultDirection,
  type DecisionRule,
  type Direction,
} from '../domain/progress/decision-rules.js';
import type { TrendMethod } from '../domain/progress/trend.js';
import { appendAudit } from '../store/audit.repository.js';
import * as repo from '../store/iep-records.repository.js';
import type {
  Database,
  IepGoalTable,
  IepObjectiveTable,
  IepVersionGoalTable,
  IepVersionTable,
} from '../store/schema.js';
import {
  amendmentSchema,
  collectionConfigSchema,
  iepInputSchema,
  scheduleSchema,
  type AccommodationInput,
  type CheckedAmendment,
  type CheckedGoal,
  type CheckedIep,
  type CheckedObjective,
  type CollectionConfig,
  type Schedule,
  type ServiceInput,
} from './iep.schema.js';

type Db = Kysely<Database>;

/** Who makes a change, for history rows and the audit log. */
export interface Actor {
  readonly personId: string | null;
  readonly accountId: string | null;
  readonly requestId: string | null;
}

/** An expected failure, returned instead of thrown. */
export type Failure<Current = unknown> =
  | { readonly ok: false; readonly kind: 'invalid'; readonly problems: readonly string[] }
  | { readonly ok: false; readonly kind: 'not_found' }
  | {
      readonly ok: false;
      readonly kind: 'conflict';
      readonly message: string;
      readonly current: Current;
    };

/** A service answer: the value, or an expected failure. */
export type Outcome<T, Current = unknown> =
  { readonly ok: true; readonly value: T } | Failure<Current>;

/** A goal as the services and graphs use it, parsed from its row. */
export interface GoalDefinition {
  readonly id: string;
  readonly iepId: string;
  readonly area: string;
  readonly statement: string;
  readonly baseline: { readonly date: string; readonly value: number; readonly method: string };
  readonly target: { readonly date: string; readonly value: number };
  readonly measurement: string;
  readonly collectionType: DataCollectionType | null;
  readonly collectionConfig: CollectionConfig;
  readonly direction: Direction;
  readonly criterion: MasteryCriterion | null;
  readonly schedule: Schedule | null;
  readonly trendMethod: TrendMethod;
  readonly decisionRule: DecisionRule;
  readonly unitLabel: string;
  readonly version: number;
  readonly ended: boolean;
}

/**
 * Runs `work` in a transaction, or directly in the caller's when `db` already is one (so the
 * demo seed can run inside the demo school's transaction). Inside a caller's transaction a
 * refused save leaves rolling back to the caller.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** What createIep answers. */
export interface CreatedIep {
  readonly iepId: string;
  readonly versionId: string;
  readonly goalIds: readonly string[];
}

/**
 * Creates an IEP and its first version with goals, objectives, accommodations, services and
 * team, in one transaction; each goal's creation is written to its history.
 */
export async function createIep(
  db: Db,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<CreatedIep>> {
  const checked = checkIep(input);
  if (!checked.ok) return invalid(checked.problem);

  const plan = checked.value;
  const iepId = randomUUID();
  const version = firstVersion(iepId, plan, actor, now);
  const goals = plan.goals.map((goal, index) =>
    goalRow(iepId, version.id, goal, index, actor, now),
  );

  await inTransaction(db, async (trx) => {
    await repo.insertIepRow(trx, {
      id: iepId,
      source_id: plan.sourceId ?? `iep-${iepId}`,
      student_id: plan.studentId,
      disability: plan.disability,
      setting: plan.setting,
      service_hours_per_week: weeklyServiceHours(plan.services),
    });
    await repo.insertVersion(trx, version);
    await insertNewGoals(trx, goals, plan.goals, actor, now);
    await repo.insertVersionParts(trx, {
      team: plan.team.map((m) => ({
        iep_version_id: version.id,
        person_id: m.personId,
        role: m.role,
      })),
      goals: goals.map((goal) => versionGoal(version.id, goal)),
      objectives: goals.flatMap((goal, i) =>
        objectiveRows(version.id, goal.id, plan.goals[i]!.objectives),
      ),
      accommodations: accommodationRows(version.id, plan.accommodations),
      services: serviceRows(version.id, plan.services),
    });
    await repo.setCurrentVersion(trx, version);
    await audit(trx, actor, now, 'create', 'iep', iepId, plan.studentId);
  });

  return { ok: true, value: { iepId, versionId: version.id, goalIds: goals.map((g) => g.id) } };
}

/** What amendIep answers. */
export interface Amended {
  readonly versionId: string;
  readonly number: number;
  readonly newGoalIds: readonly string[];
}

/** The current state a stale amendment is shown, so the editor can redo the change. */
export interface AmendmentConflict {
  readonly versionNumber: number;
  readonly goal?: GoalDefinition;
}

/**
 * Amends an IEP: a new version with the changes; the earlier version and its parts stay as
 * they were. Lists the amendment leaves out (team, accommodations, services, a kept goal's
 * objectives) are copied from the current version. Refused as a conflict when the IEP or a
 * changed goal is no longer at the version the editor read.
 */
export async function amendIep(
  db: Db,
  iepId: string,
  input: unknown,
  actor: Actor,
  now: Date,
): Promise<Outcome<Amended, AmendmentConflict>> {
  const checked = checkAmendment(input);
  if (!checked.ok) return invalid(checked.problem);

  const iep = await repo.findIep(db, iepId);
  const current = (await repo.listVersions(db, iepId)).at(-1);
  if (!iep || !current) return { ok: false, kind: 'not_found' };

  const amendment = checked.value;
  if (current.number !== amendment.expectedVersion) {
    return conflict(`the IEP is at version ${current.number}, not ${amendment.expectedVersion}`, {
      versionNumber: current.number,
    });
  }
  const unknown = await unknownGoal(db, iepId, amendment);
  if (unknown) return invalid(unknown);

  try {
    const value = await inTransaction(db, (trx) =>
      writeAmendment(trx, iep.student_id, current, amendment, actor, now),
    );
    return { ok: true, value };
  } catch (error) {
    if (error instanceof StaleSave) return conflict(error.message, error.current);
    throw error;
  }
}

/** Names the first goal the amendment changes or ends that is not a current goal of the IEP. */
async function unknownGoal(
  db: Db,
  iepId: string,
  amendment: CheckedAmendment,
): Promise<string | null> {
  const current = new Set((await repo.listCurrentGoals(db, iepId)).map((goal) => goal.id));
  const changed = amendment.goalChanges.findIndex((change) => !current.has(change.goalId));
  if (changed >= 0) return `goalChanges[${changed}].goalId: not a current goal of this IEP`;

  const ended = amendment.endGoalIds.findIndex((goalId) => !current.has(goalId));
  if (ended >= 0) return `endGoalIds[${ended}]: not a current goal of this IEP`;
  return null;
}

async function currentVersionNumber(db: Db, iepId: string): Promise<number> {
  return (await repo.listVersions(db, iepId)).at(-1)?.number ?? 0;
}

/** A stale save found inside a transaction: thrown to roll it back, returned as data. */
class StaleSave extends Error {
  constructor(
    message: string,
    readonly current: AmendmentConflict,
  ) {
    super(message);
  }
}

async function writeAmendment(
  trx: Db,
  studentId: string,
  current: repo.IepVersionRow,
  amendment: CheckedAmendment,
  actor: Actor,
  now: Date,
): Promise<Amended> {
  const version = nextVersion(current, amendment, actor, now);
  await repo.insertVersion(trx, version);
  if (!(await repo.supersedeVersion(trx, current.id, version.id))) {
    throw new StaleSave('the IEP was amended by someone else', {
      versionNumber: current.number + 1,
    });
  }

  await applyGoalChanges(trx, amendment, actor, now);
  await endGoals(trx, current.iep_id, amendment.endGoalIds, version.id, actor, now);
  const startOrder = (await repo.listCurrentGoals(trx, current.iep_id)).length;
  const added = amendment.newGoals.map((goal, index) =>
    goalRow(current.iep_id, version.id, goal, startOrder + index, actor, now),
  );
  await insertNewGoals(trx, added, amendment.newGoals, actor, now);

  await repo.insertVersionParts(
    trx,
    await amendedParts(trx, current, version.id, amendment, added),
  );
  await repo.setCurrentVersion(trx, { ...version, superseded_by: null });
  await audit(trx, actor, now, 'amend', 'iep', current.iep_id, studentId);
  return { versionId: version.id, number: version.number, newGoalIds: added.map((g) => g.id) };
}

async function applyGoalChanges(
  trx: Db,
  amendment: CheckedAmendment,
  actor: Actor,
  now: Date,
): Promise<void> {
  for (const change of amendment.goalChanges) {
    const saved = await saveGoal(trx, change.goalId, change.expectedVersion, actor, now, (row) =>
      goalChanges(row, change.changes),
    );
    if (!saved.ok) {
      const goal = saved.kind === 'conflict' ? saved.current : undefined;
      const message = saved.kind === 'conflict' ? saved.message : `goal ${change.goalId} not found`;
      throw new StaleSave(message, { versionNumber: amendment.expectedVersion, goal });
    }
    if (change.changes.collectorIds) {
      await repo.setGoalCollectors(trx, change.goalId, change.changes.collectorIds);
    }
  }
}

async function endGoals(
  trx: Db,
  iepId: string,
  goalIds: readonly string[],
  versionId: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  for (const goalId of goalIds) {
    const goal = await repo.findGoal(trx, goalId);
    if (!goal || goal.ended_in_version_id !== null) {
      throw new StaleSave(`goal ${goalId} was ended by another amendment`, {
        versionNumber: await currentVersionNumber(trx, iepId),
      });
    }
    await repo.updateGoalIfVersion(trx, goalId, goal.version, {
      ended_in_version_id: versionId,
      updated_at: now.toISOString(),
      updated_by: actor.personId,
    });
    await goalHistory(trx, 'end', goal, { ended_in_version_id: versionId }, actor, now);
  }
}

async function amendedParts(
  trx: Db,
  current: repo.IepVersionRow,
  versionId: string,
  amendment: CheckedAmendment,
  added: ReadonlyArray<Insertable<IepGoalTable> & { id: string }>,
): Promise<repo.VersionParts> {
  const before = await repo.loadVersionParts(trx, current.id);
  const goals = await repo.listCurrentGoals(trx, current.iep_id);
  const replaced = new Map(amendment.goalChanges.map((c) => [c.goalId, c.objectives]));
  const addedObjectives = new Map(added.map((g, i) => [g.id, amendment.newGoals[i]!.objectives]));

  const objectives = goals.flatMap((goal) => {
    const given = replaced.get(goal.id) ?? addedObjectives.get(goal.id);
    if (given) return objectiveRows(versionId, goal.id, given);
    return before.objectives
      .filter((o) => o.goal_id === goal.id)
      .map((o) => ({ ...o, id: randomUUID(), iep_version_id: versionId }));
  });

  return {
    team: amendment.team
      ? amendment.team.map((m) => ({
          iep_version_id: versionId,
          person_id: m.personId,
          role: m.role,
        }))
      : before.team.map((m) => ({ ...m, iep_version_id: versionId })),
    goals: goals.map((goal) => versionGoal(versionId, goal)),
    objectives,
    accommodations: amendment.accommodations
      ? accommodationRows(versionId, amendment.accommodations)
      : before.accommodations.map((a) => ({ ...a, id: randomUUID(), iep_version_id: versionId })),
    services: amendment.services
      ? serviceRows(versionId, amendment.services)
      : before.services.map((s) => ({ ...s, id: randomUUID(), iep_version_id: versionId })),
  };
}

/** One IEP as it read in one version. */
export interface IepView {
  readonly iepId: string;
  readonly studentId: string;
  readonly version: repo.IepVersionRow;
  readonly versions: readonly repo.IepVersionRow[];
  readonly team: readonly repo.IepTeamMemberRow[];
  readonly goals: ReadonlyArray<GoalSnapshot & { readonly id: string; readonly version: number }>;
  readonly objectives: readonly repo.IepObjectiveRow[];
  readonly accommodations: readonly repo.IepAccommodationRow[];
  readonly services: readonly repo.IepServiceRow[];
}

/**
 * Reads an IEP as of version `number` (the current version when left out), with the goals
 * as they read in that version.
 */
export async function getIep(db: Db, iepId: string, number?: number): Promise<Outcome<IepView>> {
  const iep = await repo.findIep(db, iepId);
  const versions = await repo.listVersions(db, iepId);
  const version =
    number === undefined ? versions.at(-1) : versions.find((v) => v.number === number);
  if (!iep || !version) return { ok: false, kind: 'not_found' };

  const parts = await repo.loadVersionParts(db, version.id);
  const goals = parts.goals.map((g) => ({
    ...(JSON.parse(g.snapshot_json) as GoalSnapshot),
    id: g.goal_id,
    version: g.goal_version,
  }));
  return {
    ok: true,
    value: { iepId, studentId: iep.student_id, version, versions, ...parts, goals },
  };
}

/** The data-collection settings of a goal that change without an amendment. */
export interface GoalSettingsChange {
  readonly expectedVersion: number;
  readonly schedule?: unknown;
  readonly decisionRule?: DecisionRule;
  readonly trendMethod?: TrendMethod;
  readonly collectionConfig?: unknown;
  readonly unitLabel?: string;
}

/**
 * Changes how data is collected and judged for a goal (schedule, decision rule, trend method,
 * collection settings, unit). What the goal promises (statement, target, criterion) changes
 * only through an amendment. A save from a stale version answers a conflict with the goal as
 * it is now.
 */
export async function updateGoalSettings(
  db: Db,
  goalId: string,
  change: GoalSettingsChange,
  actor: Actor,
  now: Date,
): Promise<Outcome<GoalDefinition, GoalDefinition>> {
  const changes = checkSettings(change);
  if (!changes.ok) return invalid(changes.problem);

  return inTransaction(db, (trx) =>
    saveGoal(trx, goalId, change.expectedVersion, actor, now, () => changes.value),
  );
}

async function saveGoal(
  trx: Db,
  goalId: string,
  expected: number,
  actor: Actor,
  now: Date,
  changesFor: (row: repo.IepGoalRow) => Partial<repo.IepGoalRow>,
): Promise<Outcome<GoalDefinition, GoalDefinition>> {
  const row = await repo.findGoal(trx, goalId);
  if (!row) return { ok: false, kind: 'not_found' };

  const stale = `the goal is at version ${row.version}, not ${expected}`;
  if (row.version !== expected) return conflict(stale, readGoal(row));

  const changes = { ...changesFor(row), updated_at: now.toISOString(), updated_by: actor.personId };
  if (!(await repo.updateGoalIfVersion(trx, goalId, expected, changes))) {
    const fresh = await repo.findGoal(trx, goalId);
    return conflict(stale, readGoal(fresh ?? row));
  }

  const saved = { ...row, ...changes, version: expected + 1 };
  await goalHistory(trx, 'update', row, changes, actor, now);
  return { ok: true, value: readGoal(saved) };
}

function checkSettings(change: GoalSettingsChange): CheckResult<Partial<repo.IepGoalRow>> {
  const changes: Partial<repo.IepGoalRow> = {};
  if (change.schedule !== undefined) {
    const schedule = checkWith(scheduleSchema.nullable(), change.schedule);
    if (!schedule.ok) return prefixed('schedule', schedule.problem);
    changes.schedule_json = schedule.value === null ? null : JSON.stringify(schedule.value);
  }
  if (change.collectionConfig !== undefined) {
    const config = checkWith(collectionConfigSchema, change.collectionConfig);
    if (!config.ok) return prefixed('collectionConfig', config.problem);
    changes.collection_config_json = JSON.stringify(config.value);
  }
  if (change.decisionRule) changes.decision_rule_json = JSON.stringify(change.decisionRule);
  if (change.trendMethod) changes.trend_method = change.trendMethod;
  if (change.unitLabel) changes.unit_label = change.unitLabel;
  return { ok: true, value: changes };
}

function goalChanges(
  row: repo.IepGoalRow,
  changes: CheckedAmendment['goalChanges'][number]['changes'],
): Partial<repo.IepGoalRow> {
  const out: Partial<repo.IepGoalRow> = {};
  if (changes.statement !== undefined) out.statement = changes.statement;
  if (changes.target !== undefined) {
    out.target_value = changes.target.value;
    out.goal_date = changes.target.date;
    out.direction = defaultDirection(row.baseline_value ?? 0, changes.target.value);
  }
  if (changes.criterion !== undefined) out.criterion_json = JSON.stringify(changes.criterion);
  if (changes.schedule !== undefined) {
    out.schedule_json = changes.schedule === null ? null : JSON.stringify(changes.schedule);
  }
  if (changes.decisionRule !== undefined) {
    out.decision_rule_json = JSON.stringify(changes.decisionRule);
  }
  if (changes.trendMethod !== undefined) out.trend_method = changes.trendMethod;
  return out;
}

/**
 * Parses a goal row into a definition. Rows written before 0005 (or by hand) may lack parts:
 * an unreadable criterion is null, a missing rule or trend method takes the default.
 */
export function readGoal(row: repo.IepGoalRow): GoalDefinition {
  const baselineValue = row.baseline_value ?? 0;
  const targetValue = row.target_value ?? baselineValue;
  return {
    id: row.id,
    iepId: row.iep_id,
    area: row.area,
    statement: row.statement,
    baseline: {
      date: row.baseline_date ?? '',
      value: baselineValue,
      method: row.baseline_method ?? '',
    },
    target: { date: row.goal_date ?? '', value: targetValue },
    measurement: row.measurement_type,
    collectionType: (row.collection_type as DataCollectionType | null) ?? null,
    collectionConfig: parseWith(collectionConfigSchema, row.collection_config_json) ?? {},
    direction: row.direction,
    criterion: parseCriterion(row.criterion_json),
    schedule: parseWith(scheduleSchema, row.schedule_json),
    trendMethod: row.trend_method === 'tukey' ? 'tukey' : 'ols',
    decisionRule: parseRule(row.decision_rule_json),
    unitLabel: row.unit_label ?? row.measurement_type,
    version: row.version,
    ended: row.ended_in_version_id !== null,
  };
}

function parseCriterion(json: string | null): MasteryCriterion | null {
  if (json === null) return null;
  const checked = checkCriterionRequest({ criterion: safeJson(json), sessions: [] });
  return checked.ok ? checked.value.criterion : null;
}

function parseRule(json: string | null): DecisionRule {
  const raw = json === null ? null : safeJson(json);
  if (raw && typeof raw === 'object' && 'kind' in raw) {
    const rule = raw as Record<string, unknown>;
    if (rule.kind === 'trend' && typeof rule.minPoints === 'number') {
      return { kind: 'trend', minPoints: rule.minPoints };
    }
    if (rule.kind === 'consecutive' && typeof rule.points === 'number') {
      return { kind: 'consecutive', points: rule.points };
    }
  }
  return DEFAULT_DECISION_RULE;
}

function parseWith<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  json: string | null,
): T | null {
  if (json === null) return null;
  const parsed = schema.safeParse(safeJson(json));
  return parsed.success ? (parsed.data ?? null) : null;
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function checkIep(input: unknown): CheckResult<CheckedIep> {
  const checked = checkWith(iepInputSchema, input);
  if (!checked.ok) return checked;

  const plan = checked.value;
  if (compareDates(plan.endDate, plan.beginDate) <= 0) {
    return { ok: false, problem: `endDate: ${plan.endDate} is not after beginDate` };
  }
  for (const [index, goal] of plan.goals.entries()) {
    const problem = checkGoal(goal, `goals[${index}]`);
    if (problem) return { ok: false, problem };
  }
  return checked;
}

function checkAmendment(input: unknown): CheckResult<CheckedAmendment> {
  const checked = checkWith(amendmentSchema, input);
  if (!checked.ok) return checked;

  for (const [index, goal] of checked.value.newGoals.entries()) {
    const problem = checkGoal(goal, `newGoals[${index}]`);
    if (problem) return { ok: false, problem };
  }
  for (const [index, change] of checked.value.goalChanges.entries()) {
    if (change.changes.criterion === undefined) continue;
    const criterion = checkCriterionRequest({ criterion: change.changes.criterion, sessions: [] });
    if (!criterion.ok) return prefixed(`goalChanges[${index}].changes`, criterion.problem);
  }
  return checked;
}

/** Checks how a goal's fields fit together; answers a problem naming the field, or null. */
function checkGoal(goal: CheckedGoal, field: string): string | null {
  if (compareDates(goal.target.date, goal.baseline.date) <= 0) {
    return `${field}.target.date: ${goal.target.date} is not after baseline.date`;
  }

  const criterion = checkCriterionRequest({ criterion: goal.criterion, sessions: [] });
  if (!criterion.ok) return `${field}.${criterion.problem}`;

  for (const [index, objective] of goal.objectives.entries()) {
    if (objective.criterion === undefined) continue;
    const checked = checkCriterionRequest({ criterion: objective.criterion, sessions: [] });
    if (!checked.ok) return `${field}.objectives[${index}].${checked.problem}`;
  }
  return null;
}

function firstVersion(
  iepId: string,
  plan: CheckedIep,
  actor: Actor,
  now: Date,
): repo.IepVersionRow {
  return {
    id: randomUUID(),
    iep_id: iepId,
    number: 1,
    kind: 'initial',
    effective_date: plan.beginDate,
    reason: null,
    begin_date: plan.beginDate,
    end_date: plan.endDate,
    annual_review_date: plan.annualReviewDate,
    reevaluation_date: plan.reevaluationDate,
    case_manager_id: plan.caseManagerId,
    present_levels: plan.presentLevels,
    created_by: actor.personId,
    created_at: now.toISOString(),
    superseded_by: null,
  };
}

function nextVersion(
  current: repo.IepVersionRow,
  amendment: CheckedAmendment,
  actor: Actor,
  now: Date,
): Insertable<IepVersionTable> & repo.IepVersionRow {
  const plan = amendment.plan;
  return {
    ...current,
    id: randomUUID(),
    number: current.number + 1,
    kind: 'amendment',
    effective_date: amendment.effectiveDate,
    reason: amendment.reason,
    end_date: plan.endDate ?? current.end_date,
    annual_review_date: plan.annualReviewDate ?? current.annual_review_date,
    reevaluation_date: plan.reevaluationDate ?? current.reevaluation_date,
    case_manager_id: plan.caseManagerId ?? current.case_manager_id,
    present_levels: plan.presentLevels ?? current.present_levels,
    created_by: actor.personId,
    created_at: now.toISOString(),
    superseded_by: null,
  };
}

type NewGoalRow = Insertable<IepGoalTable> & repo.IepGoalRow;

function goalRow(
  iepId: string,
  versionId: string,
  goal: CheckedGoal,
  order: number,
  actor: Actor,
  now: Date,
): NewGoalRow {
  return {
    id: randomUUID(),
    iep_id: iepId,
    area: goal.area,
    statement: goal.statement,
    baseline_date: goal.baseline.date,
    baseline_value: goal.baseline.value,
    baseline_method: goal.baseline.method,
    target_value: goal.target.value,
    goal_date: goal.target.date,
    measurement_type: goal.measurement,
    direction: goal.direction ?? defaultDirection(goal.baseline.value, goal.target.value),
    criterion_json: JSON.stringify(goal.criterion),
    collection_type: goal.collectionType,
    collection_config_json: JSON.stringify(goal.collectionConfig),
    schedule_json: goal.schedule === null ? null : JSON.stringify(goal.schedule),
    trend_method: goal.trendMethod,
    decision_rule_json: JSON.stringify(goal.decisionRule),
    unit_label: goal.unitLabel,
    added_in_version_id: versionId,
    ended_in_version_id: null,
    updated_at: now.toISOString(),
    updated_by: actor.personId,
    list_order: order,
    version: 1,
  };
}

async function insertNewGoals(
  trx: Db,
  rows: readonly NewGoalRow[],
  inputs: readonly CheckedGoal[],
  actor: Actor,
  now: Date,
): Promise<void> {
  await repo.insertGoals(trx, rows);
  for (const [index, row] of rows.entries()) {
    await repo.setGoalCollectors(trx, row.id, inputs[index]!.collectorIds);
    await goalHistory(trx, 'create', null, row, actor, now);
  }
}

/** The goal fields a version keeps a copy of (everything but bookkeeping). */
export type GoalSnapshot = Omit<
  repo.IepGoalRow,
  'id' | 'version' | 'updated_at' | 'updated_by' | 'added_in_version_id' | 'ended_in_version_id'
>;

const BOOKKEEPING: ReadonlySet<string> = new Set([
  'id',
  'version',
  'updated_at',
  'updated_by',
  'added_in_version_id',
  'ended_in_version_id',
]);

function snapshotOf(row: repo.IepGoalRow): GoalSnapshot {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !BOOKKEEPING.has(key)),
  ) as GoalSnapshot;
}

function versionGoal(versionId: string, goal: repo.IepGoalRow): Insertable<IepVersionGoalTable> {
  return {
    iep_version_id: versionId,
    goal_id: goal.id,
    goal_version: goal.version,
    snapshot_json: JSON.stringify(snapshotOf(goal)),
  };
}

function objectiveRows(
  versionId: string,
  goalId: string,
  objectives: readonly CheckedObjective[],
): Insertable<IepObjectiveTable>[] {
  return objectives.map((objective, index) => ({
    id: randomUUID(),
    iep_version_id: versionId,
    goal_id: goalId,
    list_order: index,
    statement: objective.statement,
    target_value: objective.targetValue,
    target_date: objective.targetDate,
    criterion_json: objective.criterion === undefined ? null : JSON.stringify(objective.criterion),
  }));
}

function accommodationRows(versionId: string, rows: readonly AccommodationInput[]) {
  return rows.map((row, index) => ({
    id: randomUUID(),
    iep_version_id: versionId,
    list_order: index,
    ...row,
  }));
}

function serviceRows(versionId: string, rows: readonly ServiceInput[]) {
  return rows.map((row, index) => ({
    id: randomUUID(),
    iep_version_id: versionId,
    list_order: index,
    service: row.service,
    provider: row.provider,
    setting: row.setting,
    minutes: row.minutes,
    per: row.per,
    start_date: row.startDate,
    end_date: row.endDate,
  }));
}

/**
 * Service hours per week, for the summary column on `ieps`: minutes per day count 5 school
 * days, minutes per month count 4 weeks.
 *
 * Example: 30 minutes a day and 60 minutes a week give (150 + 60) / 60 = 3.5 hours.
 */
export function weeklyServiceHours(services: readonly ServiceInput[]): number {
  const perWeek = { day: 5, week: 1, month: 0.25 } as const;
  const minutes = services.reduce((sum, s) => sum + s.minutes * perWeek[s.per], 0);
  return minutes / 60;
}

async function goalHistory(
  trx: Db,
  change: 'create' | 'update' | 'end',
  before: repo.IepGoalRow | null,
  changes: Partial<repo.IepGoalRow>,
  actor: Actor,
  now: Date,
): Promise<void> {
  const old = before === null ? null : pick(before, Object.keys(changes));
  await repo.appendHistory(trx, {
    entity: 'goal',
    entity_id: before?.id ?? String(changes.id),
    change,
    version: (before?.version ?? 0) + 1,
    changed_by: actor.personId,
    changed_at: now.toISOString(),
    old_json: old === null ? null : JSON.stringify(old),
    new_json: JSON.stringify(changes),
  });
}

function pick(row: object, keys: readonly string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key] ?? null]));
}

/** Appends an audit row for a change (ids only, never the record's text). */
export async function audit(
  trx: Db,
  actor: Actor,
  now: Date,
  action: string,
  entity: string,
  entityId: string,
  studentId: string | null,
): Promise<void> {
  await appendAudit(trx, {
    at: now.toISOString(),
    account_id: actor.accountId,
    action,
    entity,
    entity_id: entityId,
    student_id: studentId,
    request_id: actor.requestId,
    detail_json: null,
  });
}

function invalid(problem: string): Failure<never> {
  return { ok: false, kind: 'invalid', problems: [problem] };
}

function conflict<C>(message: string, current: C): Failure<C> {
  return { ok: false, kind: 'conflict', message, current };
}

function prefixed<T>(field: string, problem: string): CheckResult<T> {
  return { ok: false, problem: `${field}.${problem}` };
}
