/**
 * What the IEP pages show, gathered from the IEP and progress-monitoring services: an IEP as
 * of a version with names and criterion sentences, what each amendment changed, who may edit,
 * a reporting period's suggested codes with the data behind them, and the case manager's
 * dashboard (goals whose decision asks for action, progress reports due).
 */
import type { Kysely } from 'kysely';
import type { CriterionMeasure } from '../domain/criterion/criterion.js';
import { criterionSentences, type Sentences } from '../domain/criterion/criterion-sentence.js';
import type { DataCollectionType } from '../domain/progress/data-collection.js';
import { compareDates } from '../domain/progress/dates.js';
import { median } from '../domain/progress/trend.js';
import * as records from '../store/iep-records.repository.js';
import { namesOf } from '../store/iep-web.repository.js';
import { listCaseload } from '../store/roster.repository.js';
import type { Database } from '../store/schema.js';
import type { Viewer } from './auth.service.js';
import { ACTION_DECISIONS, loadCaseload, type CaseloadGoal } from './caseload.service.js';
import { getIep, readGoal, type GoalDefinition, type IepView } from './iep.service.js';
import {
  goalProgress,
  progressCodeSet,
  progressReportsStatus,
  suggestProgressCode,
  type GoalProgress,
  type ReportStatus,
  type SuggestedCode,
} from './progress-monitoring.service.js';

type Db = Kysely<Database>;

/** The criterion measure each data collection type records. */
export const MEASURE_OF: Readonly<Record<DataCollectionType, CriterionMeasure>> = {
  trials: 'percent',
  count: 'count',
  rate: 'rate',
  duration: 'duration',
  latency: 'latency',
  interval: 'intervals',
  prompt_level: 'prompt_level',
  task_analysis: 'steps',
  rubric: 'rubric',
  cbm: 'score',
};

/** Plain names of the data collection types, for forms and pages. */
export const COLLECTION_TYPE_NAMES: Readonly<Record<DataCollectionType, string>> = {
  trials: 'Percent of trials correct',
  count: 'Count (frequency)',
  rate: 'Rate per minute',
  duration: 'Duration (seconds)',
  latency: 'Latency (seconds, with a ceiling)',
  interval: 'Interval recording (percent of intervals)',
  prompt_level: 'Prompt level',
  task_analysis: 'Task analysis (steps done independently)',
  rubric: 'Rubric level',
  cbm: 'Curriculum-based measurement probes (median)',
};

/** A goal as the IEP page shows it, in the version shown. */
export interface GoalCard {
  readonly goal: GoalDefinition;
  readonly criterion: Sentences | null;
  readonly objectives: ReadonlyArray<{
    readonly statement: string;
    readonly targetValue: number | null;
    readonly targetDate: string | null;
    readonly criterion: Sentences | null;
  }>;
}

/** One version in the history list, with what it changed from the one before. */
export interface VersionLine {
  readonly number: number;
  readonly kind: 'initial' | 'amendment';
  readonly effectiveDate: string;
  readonly reason: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly changes: readonly string[];
}

/** An IEP as of one version, ready for the page. */
export interface IepOverview {
  readonly iep: IepView;
  readonly studentName: string;
  readonly disability: string | null;
  readonly setting: string | null;
  readonly caseManagerName: string | null;
  readonly team: ReadonlyArray<{ readonly name: string; readonly role: string }>;
  readonly goals: readonly GoalCard[];
  readonly history: readonly VersionLine[];
  readonly isCurrent: boolean;
}

/** Loads an IEP as of version `number` (the current one when left out), or null. */
export async function loadIepOverview(
  db: Db,
  iepId: string,
  number?: number,
): Promise<IepOverview | null> {
  const read = await getIep(db, iepId, number);
  const row = await records.findIep(db, iepId);
  if (!read.ok || !row) return null;

  const iep = read.value;
  const people = await namesOf(db, [
    iep.studentId,
    ...(iep.version.case_manager_id ? [iep.version.case_manager_id] : []),
    ...iep.team.map((m) => m.person_id),
    ...iep.versions.flatMap((v) => (v.created_by ? [v.created_by] : [])),
  ]);
  return {
    iep,
    studentName: people.get(iep.studentId) ?? '',
    disability: row.disability,
    setting: row.setting,
    caseManagerName: people.get(iep.version.case_manager_id ?? '') ?? null,
    team: iep.team.map((m) => ({ name: people.get(m.person_id) ?? m.person_id, role: m.role })),
    goals: goalCards(iep),
    history: await versionHistory(db, iepId, iep.versions, people),
    isCurrent: iep.version.superseded_by === null,
  };
}

function goalCards(iep: IepView): GoalCard[] {
  return iep.goals.map((snapshot) => {
    const goal = goalOfSnapshot(iep, snapshot);
    return {
      goal,
      criterion: goal.criterion ? criterionSentences(goal.criterion) : null,
      objectives: iep.objectives
        .filter((o) => o.goal_id === snapshot.id)
        .map((o) => ({
          statement: o.statement,
          targetValue: o.target_value === null ? null : Number(o.target_value),
          targetDate: o.target_date,
          criterion: objectiveCriterion(goal, o.criterion_json),
        })),
    };
  });
}

/** A goal as it read in a version, parsed like a current goal row. */
function goalOfSnapshot(iep: IepView, snapshot: IepView['goals'][number]): GoalDefinition {
  return readGoal({
    ...snapshot,
    iep_id: iep.iepId,
    updated_at: null,
    updated_by: null,
    added_in_version_id: null,
    ended_in_version_id: null,
  });
}

function objectiveCriterion(goal: GoalDefinition, json: string | null): Sentences | null {
  if (json === null) return null;
  const parsed = readGoal({
    id: goal.id,
    criterion_json: json,
  } as records.IepGoalRow).criterion;
  return parsed ? criterionSentences(parsed) : null;
}

async function versionHistory(
  db: Db,
  iepId: string,
  versions: readonly records.IepVersionRow[],
  people: ReadonlyMap<string, string>,
): Promise<VersionLine[]> {
  const views: IepView[] = [];
  for (const version of versions) {
    const read = await getIep(db, iepId, version.number);
    if (read.ok) views.push(read.value);
  }
  const names = await namesOf(
    db,
    versions.flatMap((v) => v.case_manager_id ?? []),
  );
  return views
    .map((view, index) => ({
      number: view.version.number,
      kind: view.version.kind,
      effectiveDate: view.version.effective_date,
      reason: view.version.reason,
      createdAt: view.version.created_at,
      createdBy: people.get(view.version.created_by ?? '') ?? null,
      changes: index === 0 ? [] : describeChanges(views[index - 1]!, view, names),
    }))
    .reverse();
}

/**
 * What an amendment changed, as short lines: plan dates, case manager, present levels, goals
 * added, ended or reworded, accommodations and services added or removed, team changes.
 *
 * Example: an amendment that only adds a visual schedule support reads
 * ["Accommodation or support added: Visual schedule for the morning routine"].
 */
export function describeChanges(
  before: IepView,
  after: IepView,
  names: ReadonlyMap<string, string> = new Map(),
): string[] {
  return [
    ...planChanges(before, after, names),
    ...goalChanges(before, after),
    ...listChanges(
      'Accommodation or support',
      before.accommodations.map((a) => `${a.description} (${a.settings}; ${a.frequency})`),
      after.accommodations.map((a) => `${a.description} (${a.settings}; ${a.frequency})`),
    ),
    ...listChanges(
      'Service',
      before.services.map((s) => `${s.service}, ${s.minutes} minutes per ${s.per}`),
      after.services.map((s) => `${s.service}, ${s.minutes} minutes per ${s.per}`),
    ),
    ...listChanges(
      'Team member',
      before.team.map((m) => `${names.get(m.person_id) ?? m.person_id} (${m.role})`),
      after.team.map((m) => `${names.get(m.person_id) ?? m.person_id} (${m.role})`),
    ),
  ];
}

function planChanges(
  before: IepView,
  after: IepView,
  names: ReadonlyMap<string, string>,
): string[] {
  const a = before.version;
  const b = after.version;
  const lines: string[] = [];
  const dates = [
    ['End date', a.end_date, b.end_date],
    ['Annual review', a.annual_review_date, b.annual_review_date],
    ['Re-evaluation', a.reevaluation_date, b.reevaluation_date],
  ] as const;
  for (const [label, old, now] of dates) {
    if (old !== now) lines.push(`${label}: ${old} → ${now}`);
  }
  if (a.case_manager_id !== b.case_manager_id) {
    const name = (id: string | null) => (id ? (names.get(id) ?? id) : 'none');
    lines.push(`Case manager: ${name(a.case_manager_id)} → ${name(b.case_manager_id)}`);
  }
  if (a.present_levels !== b.present_levels) lines.push('Present levels rewritten');
  return lines;
}

const GOAL_FIELDS = [
  ['statement', 'statement'],
  ['target_value', 'target'],
  ['goal_date', 'goal date'],
  ['criterion_json', 'mastery criterion'],
  ['schedule_json', 'data schedule'],
  ['decision_rule_json', 'decision rule'],
  ['trend_method', 'trend line'],
] as const;

function goalChanges(before: IepView, after: IepView): string[] {
  const old = new Map(before.goals.map((g) => [g.id, g]));
  const kept = new Set(after.goals.map((g) => g.id));
  const lines: string[] = [];
  for (const goal of after.goals) {
    const previous = old.get(goal.id);
    if (!previous) {
      lines.push(`Goal added: ${goal.area}`);
      continue;
    }
    const changed = GOAL_FIELDS.filter(([key]) => previous[key] !== goal[key]).map(([, n]) => n);
    if (changed.length > 0) lines.push(`Goal "${goal.area}" changed: ${changed.join(', ')}`);
  }
  for (const goal of before.goals) {
    if (!kept.has(goal.id)) lines.push(`Goal ended: ${goal.area}`);
  }
  return lines;
}

function listChanges(what: string, before: readonly string[], after: readonly string[]): string[] {
  const old = new Set(before);
  const now = new Set(after);
  return [
    ...after.filter((line) => !old.has(line)).map((line) => `${what} added: ${line}`),
    ...before.filter((line) => !now.has(line)).map((line) => `${what} removed: ${line}`),
  ];
}

/**
 * True when the viewer may create or change the student's IEPs and their goals: an
 * administrator who may see the student, or a special educator who is the case manager or on
 * the team of the student's IEP (or, for a student with no IEP yet, any special educator who
 * may see the student). The caller has checked the viewer may see the student.
 */
export async function mayEditIepOf(
  db: Db,
  viewer: Viewer,
  studentId: string,
  iepId: string | null,
): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'special_educator' || viewer.personId === null) return false;
  if (iepId === null) return true;

  const read = await getIep(db, iepId);
  if (!read.ok || read.value.studentId !== studentId) return false;
  const person = viewer.personId;
  return (
    read.value.version.case_manager_id === person ||
    read.value.team.some((m) => m.person_id === person)
  );
}

/** What the data in a reporting period shows for one goal. */
export interface PeriodSummary {
  readonly points: number;
  readonly first: number | null;
  readonly last: number | null;
  readonly median: number | null;
}

/**
 * The points of a goal that fall in a period, summarized.
 *
 * Example: points 40, 50, 60, 70 in the period give { points: 4, first: 40, last: 70,
 * median: 55 }.
 */
export function summarizePeriod(
  progress: GoalProgress,
  period: { readonly start: string; readonly end: string },
): PeriodSummary {
  const inPeriod = progress.points.filter(
    (p) => compareDates(p.date, period.start) >= 0 && compareDates(p.date, period.end) <= 0,
  );
  const values = inPeriod.map((p) => p.value);
  return {
    points: values.length,
    first: values[0] ?? null,
    last: values.at(-1) ?? null,
    median: values.length > 0 ? median(values) : null,
  };
}

/** One goal on a reporting period's page. */
export interface PeriodGoal {
  readonly goal: GoalDefinition;
  readonly progress: GoalProgress | null;
  readonly suggestion: SuggestedCode | null;
  readonly summary: PeriodSummary | null;
  readonly report: records.ProgressReportRow | null;
}

/** A reporting period of an IEP with each current goal's suggestion and report. */
export interface PeriodModel {
  readonly periods: readonly records.ReportingPeriodRow[];
  readonly period: records.ReportingPeriodRow | null;
  readonly codes: readonly records.ProgressCodeRow[];
  readonly goals: readonly PeriodGoal[];
}

/**
 * Loads the reporting periods that apply to an IEP's student and, for the chosen one (the
 * latest that has started by `today` when none is chosen), each current goal's suggested code,
 * data summary and saved report.
 */
export async function loadReportingPeriod(
  db: Db,
  iepId: string,
  periodId: string | null,
  today: string,
): Promise<PeriodModel> {
  const goals = (await records.listCurrentGoals(db, iepId)).map(readGoal);
  const owner = goals[0] ? await records.findGoalOwner(db, goals[0].id) : undefined;
  const orgIds = [owner?.schoolId, owner?.districtId].filter((id): id is string => !!id);
  const periods = await records.listReportingPeriods(db, orgIds);
  const started = periods.filter((p) => compareDates(p.start_date, today) <= 0);
  const period = periods.find((p) => p.id === periodId) ?? started.at(-1) ?? periods[0] ?? null;
  const codes = await progressCodeSet(db, owner?.districtId ?? null);
  if (!period) return { periods, period, codes, goals: [] };

  const span = { start: period.start_date, end: period.end_date };
  const rows: PeriodGoal[] = [];
  for (const goal of goals) rows.push(await periodGoal(db, goal, span));
  return { periods, period, codes, goals: rows };
}

async function periodGoal(
  db: Db,
  goal: GoalDefinition,
  span: { readonly start: string; readonly end: string },
): Promise<PeriodGoal> {
  const progress = await goalProgress(db, goal.id, span.end);
  const suggestion = await suggestProgressCode(db, goal.id, span);
  const report = await records.findReport(db, goal.id, span.start, span.end);
  return {
    goal,
    progress: progress.ok ? progress.value : null,
    suggestion: suggestion.ok ? suggestion.value : null,
    summary: progress.ok ? summarizePeriod(progress.value, span) : null,
    report: report ?? null,
  };
}

/** A report in the due or sent list, with the student's name. */
export interface ReportLine extends ReportStatus {
  readonly studentName: string;
}

/** Reports due (overdue first) and sent, for the given students as of `today`. */
export async function reportLists(
  db: Db,
  studentIds: readonly string[] | undefined,
  today: string,
): Promise<{ readonly due: readonly ReportLine[]; readonly sent: readonly ReportLine[] }> {
  const status = await progressReportsStatus(db, { asOf: today, studentIds });
  const names = await namesOf(
    db,
    [...status.due, ...status.sent].map((r) => r.studentId),
  );
  const named = (r: ReportStatus): ReportLine => ({
    ...r,
    studentName: names.get(r.studentId) ?? '',
  });
  const due = status.due
    .map(named)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDue(a, b));
  return { due, sent: status.sent.map(named).sort((a, b) => byDue(b, a)) };
}

function byDue(a: ReportLine, b: ReportLine): number {
  return (
    compareDates(a.period.dueDate, b.period.dueDate) ||
    a.studentName.localeCompare(b.studentName) ||
    a.area.localeCompare(b.area)
  );
}

/** The case manager's dashboard: goals to act on and progress reports due. */
export interface CaseManagerDashboard {
  readonly act: readonly CaseloadGoal[];
  readonly due: readonly ReportLine[];
}

/** Loads the dashboard of a special educator as of `today`. */
export async function loadCaseManagerDashboard(
  db: Db,
  personId: string,
  today: string,
): Promise<CaseManagerDashboard> {
  const goals = await loadCaseload(db, personId, today);
  const act = goals.filter(
    (g) => g.managed && g.decision !== null && ACTION_DECISIONS.has(g.decision),
  );
  const students = (await listCaseload(db, personId)).map((s) => s.id);
  const { due } = await reportLists(db, students, today);
  return { act, due };
}
