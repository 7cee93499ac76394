/**
 * The reads and writes behind the teacher workspace: tasks with their standards and rubric,
 * students' attempts and the evidence each scored column wrote, per-student plans, the comment
 * bank, supports beside a student, and the marks the class gradebook shows on a cell.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  TaskAttemptHistoryTable,
  TaskAttemptTable,
  TaskCriterionTable,
  TaskStudentPlanTable,
  TaskTable,
} from './schema.js';

type Db = Kysely<Database>;

export type TaskRow = Selectable<TaskTable>;
export type AttemptRow = Selectable<TaskAttemptTable>;
export type PlanRow = Selectable<TaskStudentPlanTable>;

/** A task of a class as the task list shows it. */
export interface TaskSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly format: string;
  readonly dueDate: string | null;
  readonly standardCount: number;
  readonly attemptCount: number;
}

/** A class's tasks, newest due date first, with how many standards and attempts each has. */
export async function listClassTasks(db: Db, classId: string): Promise<TaskSummary[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .select((eb) => [
      't.id',
      't.title',
      't.kind',
      't.format',
      't.due_date as dueDate',
      eb
        .selectFrom('task_standards as ts')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('ts.task_id', '=', 't.id')
        .as('standardCount'),
      eb
        .selectFrom('task_attempts as a')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('a.task_id', '=', 't.id')
        .as('attemptCount'),
    ])
    .where('t.class_id', '=', classId)
    .orderBy('t.due_date', 'desc')
    .orderBy('t.title')
    .execute();
  return rows.map((row) => ({
    ...row,
    standardCount: Number(row.standardCount ?? 0),
    attemptCount: Number(row.attemptCount ?? 0),
  }));
}

/** One task of one class, or undefined (also when it belongs to another class). */
export async function findClassTask(
  db: Db,
  classId: string,
  taskId: string,
): Promise<TaskRow | undefined> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}

/** A new task with its standards and rubric criteria. */
export interface NewTaskRows {
  readonly task: Insertable<TaskTable>;
  readonly standardIds: readonly string[];
  readonly criteria: ReadonlyArray<Insertable<TaskCriterionTable>>;
}

/** Inserts a task, its standards in order, and its rubric criteria. */
export async function insertTask(db: Db, rows: NewTaskRows): Promise<void> {
  await db.insertInto('tasks').values(rows.task).execute();
  if (rows.standardIds.length > 0) {
    await db
      .insertInto('task_standards')
      .values(
        rows.standardIds.map((standardId, i) => ({
          task_id: rows.task.id,
          standard_id: standardId,
          list_order: i,
        })),
      )
      .execute();
  }
  if (rows.criteria.length > 0)
    await db.insertInto('task_criteria').values(rows.criteria).execute();
}

/** One scored column of a task: a rubric criterion, or a standard when there is no rubric. */
export interface TaskColumn {
  readonly columnId: string;
  readonly standardId: string;
  readonly code: string | null;
  readonly statement: string;
  /** The criterion's title; null for a plain standard column. */
  readonly criterion: string | null;
  /** Level descriptors by level value (rubric columns only). */
  readonly descriptors: Readonly<Record<string, string>>;
}

/** The columns a task is scored in: its rubric's criteria if it has any, else its standards. */
export async function listTaskColumns(db: Db, taskId: string): Promise<TaskColumn[]> {
  const criteria = await db
    .selectFrom('task_criteria as c')
    .innerJoin('standards as s', 's.id', 'c.standard_id')
    .select(['c.id', 'c.standard_id', 'c.title', 'c.levels_json', 's.code', 's.statement'])
    .where('c.task_id', '=', taskId)
    .orderBy('c.list_order')
    .execute();
  if (criteria.length > 0) {
    return criteria.map((row) => ({
      columnId: row.id,
      standardId: row.standard_id,
      code: row.code,
      statement: row.statement,
      criterion: row.title,
      descriptors: parseDescriptors(row.levels_json),
    }));
  }

  const standards = await db
    .selectFrom('task_standards as ts')
    .innerJoin('standards as s', 's.id', 'ts.standard_id')
    .select(['s.id', 's.code', 's.statement'])
    .where('ts.task_id', '=', taskId)
    .orderBy('ts.list_order')
    .execute();
  return standards.map((row) => ({
    columnId: row.id,
    standardId: row.id,
    code: row.code,
    statement: row.statement,
    criterion: null,
    descriptors: {},
  }));
}

function parseDescriptors(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** An attempt with the level of each scored column. */
export interface AttemptWithScores extends AttemptRow {
  /** Level by column id; an excluded (cleared) column is left out. */
  readonly levels: Readonly<Record<string, number>>;
  /** Evidence id by column id, cleared columns included. */
  readonly evidenceIds: Readonly<Record<string, number>>;
}

/** Every attempt at a task (of the given students, or all), oldest first per student. */
export async function listAttempts(
  db: Db,
  taskId: string,
  studentIds?: readonly string[],
): Promise<AttemptWithScores[]> {
  let query = db.selectFrom('task_attempts').selectAll().where('task_id', '=', taskId);
  if (studentIds !== undefined) {
    if (studentIds.length === 0) return [];
    query = query.where('student_id', 'in', studentIds);
  }
  const attempts = await query.orderBy('student_id').orderBy('number').execute();
  return withScores(db, attempts);
}

/** One attempt by task, student and number, with its scores; undefined when there is none. */
export async function findAttempt(
  db: Db,
  taskId: string,
  studentId: string,
  number: number,
): Promise<AttemptWithScores | undefined> {
  const row = await db
    .selectFrom('task_attempts')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('student_id', '=', studentId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (await withScores(db, [row]))[0] : undefined;
}

async function withScores(db: Db, attempts: readonly AttemptRow[]): Promise<AttemptWithScores[]> {
  if (attempts.length === 0) return [];
  const scores = await db
    .selectFrom('task_attempt_scores as s')
    .innerJoin('evidence as e', 'e.id', 's.evidence_id')
    .select(['s.attempt_id', 's.column_id', 's.evidence_id', 'e.score', 'e.excluded'])
    .where(
      's.attempt_id',
      'in',
      attempts.map((a) => a.id),
    )
    .execute();

  return attempts.map((attempt) => {
    const mine = scores.filter((s) => s.attempt_id === attempt.id);
    const levels = mine
      .filter((s) => s.excluded === 0 && s.score !== null)
      .map((s) => [s.column_id, Number(s.score)] as const);
    const evidenceIds = mine.map((s) => [s.column_id, Number(s.evidence_id)] as const);
    return {
      ...attempt,
      version: Number(attempt.version),
      levels: Object.fromEntries(levels),
      evidenceIds: Object.fromEntries(evidenceIds),
    };
  });
}

/** Inserts an attempt. */
export async function insertAttempt(db: Db, row: Insertable<TaskAttemptTable>): Promise<void> {
  await db.insertInto('task_attempts').values(row).execute();
}

/** Changes an attempt when its version is still `expected`, raising it by one. */
export async function updateAttemptIfVersion(
  db: Db,
  attemptId: string,
  expected: number,
  changes: Updateable<TaskAttemptTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('task_attempts')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', attemptId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links a scored column of an attempt to the evidence it wrote. */
export async function linkAttemptScore(
  db: Db,
  row: { attempt_id: string; column_id: string; standard_id: string; evidence_id: number },
): Promise<void> {
  await db.insertInto('task_attempt_scores').values(row).execute();
}

/** Appends one version of an attempt to its history. */
export async function appendAttemptHistory(
  db: Db,
  row: Insertable<TaskAttemptHistoryTable>,
): Promise<void> {
  await db.insertInto('task_attempt_history').values(row).execute();
}

/** An attempt's history, oldest first. */
export async function listAttemptHistory(
  db: Db,
  attemptId: string,
): Promise<Selectable<TaskAttemptHistoryTable>[]> {
  return db
    .selectFrom('task_attempt_history')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .orderBy('version')
    .execute();
}

/** Every student's plan for a task, by student id. */
export async function listPlans(db: Db, taskId: string): Promise<Map<string, PlanRow>> {
  const rows = await db
    .selectFrom('task_student_plans')
    .selectAll()
    .where('task_id', '=', taskId)
    .execute();
  return new Map(rows.map((row) => [row.student_id, row]));
}

/** Writes a student's plan for a task, replacing the one before. */
export async function upsertPlan(db: Db, row: Insertable<TaskStudentPlanTable>): Promise<void> {
  await db
    .deleteFrom('task_student_plans')
    .where('task_id', '=', row.task_id)
    .where('student_id', '=', row.student_id)
    .execute();
  await db.insertInto('task_student_plans').values(row).execute();
}

/** One reusable comment. */
export interface BankComment {
  readonly id: string;
  readonly kind: 'strength' | 'next_step';
  readonly text: string;
}

/** A teacher's comment bank, by kind then text. */
export async function listComments(db: Db, ownerId: string): Promise<BankComment[]> {
  return db
    .selectFrom('comment_bank')
    .select(['id', 'kind', 'text'])
    .where('owner_id', '=', ownerId)
    .orderBy('kind')
    .orderBy('text')
    .execute();
}

/** Adds a comment to a teacher's bank unless the same text of the same kind is there. */
export async function addComment(
  db: Db,
  row: {
    id: string;
    owner_id: string;
    kind: 'strength' | 'next_step';
    text: string;
    created_at: string;
  },
): Promise<void> {
  const existing = await db
    .selectFrom('comment_bank')
    .select('id')
    .where('owner_id', '=', row.owner_id)
    .where('kind', '=', row.kind)
    .where('text', '=', row.text)
    .executeTakeFirst();
  if (!existing) await db.insertInto('comment_bank').values(row).execute();
}

/** A support or accommodation shown beside a student, with who provides it. */
export interface StudentSupport {
  readonly studentId: string;
  readonly source: 'iep' | 'teacher';
  readonly kind: string;
  readonly description: string;
  /** Where or when it applies: the IEP's settings, or the task kinds noted. */
  readonly applies: string;
  readonly provider: string;
}

/**
 * The accommodations and supports of each student: those in the current version of their IEP,
 * and those noted outside an IEP (student_supports).
 */
export async function listSupports(
  db: Db,
  studentIds: readonly string[],
): Promise<StudentSupport[]> {
  if (studentIds.length === 0) return [];
  const fromIep = await db
    .selectFrom('iep_accommodations as a')
    .innerJoin('ieps as i', 'i.current_version_id', 'a.iep_version_id')
    .select(['i.student_id as studentId', 'a.kind', 'a.description', 'a.settings', 'a.provider'])
    .where('i.student_id', 'in', studentIds)
    .orderBy('a.list_order')
    .execute();
  const noted = await db
    .selectFrom('student_supports')
    .selectAll()
    .where('student_id', 'in', studentIds)
    .orderBy('created_at')
    .execute();

  return [
    ...fromIep.map((row) => ({
      studentId: row.studentId,
      source: 'iep' as const,
      kind: row.kind,
      description: row.description,
      applies: row.settings,
      provider: row.provider,
    })),
    ...noted.map((row) => ({
      studentId: row.student_id,
      source: 'teacher' as const,
      kind: 'support',
      description: row.description,
      applies: row.task_kinds ?? 'all tasks',
      provider: row.provider,
    })),
  ];
}

/** Marks a gradebook cell can carry besides its level. */
export interface CellMarks {
  /** Pairs "studentId|standardId" with a current (not cleared) override. */
  readonly overridden: ReadonlySet<string>;
  /** Pairs with a revision started but not yet scored on that standard. */
  readonly revisionWaiting: ReadonlySet<string>;
}

/** The override and waiting-revision marks of the given students on the given standards. */
export async function listCellMarks(
  db: Db,
  studentIds: readonly string[],
  standardIds: readonly string[],
): Promise<CellMarks> {
  if (studentIds.length === 0 || standardIds.length === 0) {
    return { overridden: new Set(), revisionWaiting: new Set() };
  }
  const overrides = await db
    .selectFrom('mastery_overrides')
    .select(['student_id', 'standard_id'])
    .where('cleared_at', 'is', null)
    .where('student_id', 'in', studentIds)
    .where('standard_id', 'in', standardIds)
    .execute();

  return {
    overridden: new Set(overrides.map((row) => `${row.student_id}|${row.standard_id}`)),
    revisionWaiting: await waitingRevisions(db, studentIds, standardIds),
  };
}

async function waitingRevisions(
  db: Db,
  studentIds: readonly string[],
  standardIds: readonly string[],
): Promise<Set<string>> {
  const revisions = await db
    .selectFrom('task_attempts as a')
    .select(['a.id', 'a.task_id', 'a.student_id'])
    .where('a.revises_attempt_id', 'is not', null)
    .where('a.student_id', 'in', studentIds)
    .execute();
  const waiting = new Set<string>();
  for (const revision of revisions) {
    const scored = await db
      .selectFrom('task_attempt_scores')
      .select('standard_id')
      .where('attempt_id', '=', revision.id)
      .execute();
    const done = new Set(scored.map((row) => row.standard_id));
    for (const column of await listTaskColumns(db, revision.task_id)) {
      if (!done.has(column.standardId) && standardIds.includes(column.standardId)) {
        waiting.add(`${revision.student_id}|${column.standardId}`);
      }
    }
  }
  return waiting;
}

/** A standard's place in its framework, for the strand filter. */
export interface StandardParent {
  readonly standardId: string;
  readonly parentId: string | null;
  readonly parentCode: string | null;
  readonly parentStatement: string | null;
}

/** The parent standard (strand, domain or unit) of each standard. */
export async function listStandardParents(
  db: Db,
  standardIds: readonly string[],
): Promise<StandardParent[]> {
  if (standardIds.length === 0) return [];
  return db
    .selectFrom('standards as s')
    .leftJoin('standards as p', 'p.id', 's.parent_id')
    .select([
      's.id as standardId',
      's.parent_id as parentId',
      'p.code as parentCode',
      'p.statement as parentStatement',
    ])
    .where('s.id', 'in', standardIds)
    .execute();
}

/** One piece of evidence on a cell, with its task and the attempt it came from. */
export interface CellEvidence {
  readonly id: number;
  readonly score: number | null;
  readonly observedAt: string | null;
  readonly recordedAt: string;
  readonly format: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
  readonly supports: string | null;
  readonly revisesId: number | null;
  readonly excluded: number;
  readonly taskTitle: string | null;
  readonly taskKind: string | null;
  readonly judgedBy: string | null;
}

/** A student's evidence on one standard, oldest first (equal dates: recording order). */
export async function listCellEvidence(
  db: Db,
  studentId: string,
  standardId: string,
): Promise<CellEvidence[]> {
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('people as j', 'j.id', 'e.judged_by')
    .select([
      'e.id',
      'e.score',
      'e.observed_at as observedAt',
      'e.recorded_at as recordedAt',
      'e.format',
      'e.strength',
      'e.next_step as nextStep',
      'e.supports',
      'e.revises_id as revisesId',
      'e.excluded',
      't.title as taskTitle',
      't.kind as taskKind',
      'j.given_name as judgeGiven',
      'j.family_name as judgeFamily',
    ])
    .where('e.student_id', '=', studentId)
    .where('e.standard_id', '=', standardId)
    .orderBy('e.observed_at')
    .orderBy('e.id')
    .execute();
  return rows.map(({ judgeGiven, judgeFamily, ...row }) => ({
    ...row,
    id: Number(row.id),
    score: row.score === null ? null : Number(row.score),
    judgedBy: judgeGiven ? `${judgeGiven} ${judgeFamily ?? ''}`.trim() : null,
  }));
}
