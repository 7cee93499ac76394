/**
 * The reads and writes behind a student's own dashboard: released evidence with the teacher's
 * feedback (never staff-only fields), self-assessments, personal goals, IEP goals in the
 * student's words, and reflections on evidence.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** One released piece of evidence as a student sees it. */
export interface StudentEvidence {
  readonly id: number;
  readonly standardId: string;
  readonly score: number | null;
  readonly observedAt: string | null;
  readonly taskTitle: string | null;
  readonly strength: string | null;
  readonly nextStep: string | null;
  /** The attempt this one revises, when it is a revision. */
  readonly revisesId: number | null;
  readonly reflection: string | null;
}

/** The student's released evidence, newest first, with their reflections. */
export async function listReleasedEvidence(db: Db, studentId: string): Promise<StudentEvidence[]> {
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('evidence_reflections as r', 'r.evidence_id', 'e.id')
    .select([
      'e.id',
      'e.standard_id as standardId',
      'e.score',
      'e.observed_at as observedAt',
      't.title as taskTitle',
      'e.strength',
      'e.next_step as nextStep',
      'e.revises_id as revisesId',
      'r.text as reflection',
    ])
    .where('e.student_id', '=', studentId)
    .where('e.released', '=', 1)
    .orderBy('e.observed_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    score: row.score === null ? null : Number(row.score),
    revisesId: row.revisesId === null ? null : Number(row.revisesId),
  }));
}

/** The ids of the student's evidence that staff have not released. */
export async function listHeldBackEvidenceIds(db: Db, studentId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('evidence')
    .select('id')
    .where('student_id', '=', studentId)
    .where('released', '=', 0)
    .execute();
  return new Set(rows.map((row) => Number(row.id)));
}

/** A standard on the student's dashboard. */
export interface DashboardStandard {
  readonly id: string;
  readonly code: string | null;
  readonly statement: string;
  readonly studentWording: string | null;
}

/**
 * The standards a student works on: those of their classes (in the class's order) and those
 * with released evidence, each once, by code.
 */
export async function listDashboardStandards(
  db: Db,
  studentId: string,
): Promise<DashboardStandard[]> {
  return db
    .selectFrom('standards as s')
    .select(['s.id', 's.code', 's.statement', 's.student_wording as studentWording'])
    .where((eb) =>
      eb.or([
        eb(
          's.id',
          'in',
          eb
            .selectFrom('evidence')
            .select('standard_id')
            .where('student_id', '=', studentId)
            .where('released', '=', 1),
        ),
        eb(
          's.id',
          'in',
          eb
            .selectFrom('class_standards as cs')
            .innerJoin('enrollments as en', 'en.class_id', 'cs.class_id')
            .select('cs.standard_id')
            .where('en.student_id', '=', studentId),
        ),
      ]),
    )
    .orderBy('s.code')
    .execute();
}

/** A student's newest rating of themself on a standard. */
export interface SelfRating {
  readonly standardId: string;
  readonly levelValue: number;
  readonly why: string | null;
  readonly createdAt: string;
}

/** The newest self-assessment on each standard (ties: the later-saved one). */
export async function listLatestSelfAssessments(db: Db, studentId: string): Promise<SelfRating[]> {
  const rows = await db
    .selectFrom('self_assessments')
    .select(['id', 'standard_id', 'level_value', 'why', 'created_at'])
    .where('student_id', '=', studentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, SelfRating>();
  for (const row of rows) {
    if (latest.has(row.standard_id)) continue;
    latest.set(row.standard_id, {
      standardId: row.standard_id,
      levelValue: Number(row.level_value),
      why: row.why,
      createdAt: row.created_at,
    });
  }
  return [...latest.values()];
}

/** Saves a self-assessment (every rating is kept; the newest is shown). */
export async function insertSelfAssessment(
  db: Db,
  rating: {
    readonly studentId: string;
    readonly standardId: string;
    readonly levelValue: number;
    readonly why: string | null;
    readonly at: string;
  },
): Promise<void> {
  await db
    .insertInto('self_assessments')
    .values({
      student_id: rating.studentId,
      standard_id: rating.standardId,
      level_value: rating.levelValue,
      why: rating.why,
      created_at: rating.at,
    })
    .execute();
}

/** One goal on the student's checklist. */
export interface ChecklistGoal {
  readonly id: string;
  readonly kind: 'iep' | 'personal';
  readonly text: string;
  readonly done: boolean;
}

/** The student's own goals, oldest first. */
export async function listPersonalGoals(db: Db, studentId: string): Promise<ChecklistGoal[]> {
  const rows = await db
    .selectFrom('student_goals')
    .select(['id', 'text', 'done'])
    .where('student_id', '=', studentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: 'personal',
    text: row.text,
    done: Number(row.done) === 1,
  }));
}

/** Adds a goal the student set for themself; answers its id. */
export async function insertPersonalGoal(
  db: Db,
  studentId: string,
  text: string,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('student_goals')
    .values({ id, student_id: studentId, text, done: 0, created_at: at, done_at: null })
    .execute();
  return id;
}

/** Ticks a personal goal done or not done; false when the student has no such goal. */
export async function setPersonalGoalDone(
  db: Db,
  studentId: string,
  goalId: string,
  done: boolean,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('student_goals')
    .set({ done: done ? 1 : 0, done_at: done ? at : null })
    .where('student_id', '=', studentId)
    .where('id', '=', goalId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The student's current IEP goals that staff have put into the student's own words. */
export async function listIepGoalsInStudentWords(
  db: Db,
  studentId: string,
): Promise<ChecklistGoal[]> {
  const rows = await db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('iep_goal_student_wordings as w', 'w.goal_id', 'g.id')
    .select(['g.id', 'w.wording'])
    .where('i.student_id', '=', studentId)
    .where('g.ended_in_version_id', 'is', null)
    .orderBy('g.list_order')
    .orderBy('g.id')
    .execute();
  return rows.map((row) => ({ id: row.id, kind: 'iep', text: row.wording, done: false }));
}

/** Sets (or replaces) an IEP goal's wording for the student. */
export async function saveGoalStudentWording(
  db: Db,
  goalId: string,
  wording: string,
  by: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('iep_goal_student_wordings')
    .values({ goal_id: goalId, wording, updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column('goal_id').doUpdateSet({ wording, updated_by: by, updated_at: at }),
    )
    .execute();
}

/**
 * Saves the student's reflection on one piece of their released evidence (replacing an
 * earlier one); false when the evidence is not theirs or not released.
 */
export async function saveReflection(
  db: Db,
  studentId: string,
  evidenceId: number,
  text: string,
  at: string,
): Promise<boolean> {
  const evidence = await db
    .selectFrom('evidence')
    .select('id')
    .where('id', '=', evidenceId)
    .where('student_id', '=', studentId)
    .where('released', '=', 1)
    .executeTakeFirst();
  if (!evidence) return false;

  await db
    .insertInto('evidence_reflections')
    .values({ evidence_id: evidenceId, student_id: studentId, text, updated_at: at })
    .onConflict((oc) => oc.column('evidence_id').doUpdateSet({ text, updated_at: at }))
    .execute();
  return true;
}
