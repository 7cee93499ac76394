/**
 * Everything Trellis holds about one student, for a records request: the person, their
 * guardian links, classes, evidence with feedback, mastery, overrides, task scores, IEPs with
 * goals, data sessions and progress reports, and the history of changes. Rows come back as
 * stored (column names included), so nothing is left out by a forgotten mapping.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** The stored rows about one student, by table. */
export interface StudentRecords {
  readonly student: Record<string, unknown> | null;
  readonly guardians: readonly Record<string, unknown>[];
  readonly enrollments: readonly Record<string, unknown>[];
  readonly evidence: readonly Record<string, unknown>[];
  readonly mastery: readonly Record<string, unknown>[];
  readonly masteryOverrides: readonly Record<string, unknown>[];
  readonly taskScores: readonly Record<string, unknown>[];
  readonly ieps: readonly Record<string, unknown>[];
  readonly iepGoals: readonly Record<string, unknown>[];
  readonly dataSessions: readonly Record<string, unknown>[];
  readonly progressReports: readonly Record<string, unknown>[];
  readonly changeHistory: readonly Record<string, unknown>[];
}

/** Loads every stored row about the student (an unknown id gives `student: null`). */
export async function loadStudentRecords(db: Db, studentId: string): Promise<StudentRecords> {
  const goalIds = db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select('g.id')
    .where('i.student_id', '=', studentId);

  return {
    student:
      (await db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', studentId)
        .where('kind', '=', 'student')
        .executeTakeFirst()) ?? null,
    guardians: await db
      .selectFrom('guardianships as g')
      .innerJoin('people as p', 'p.id', 'g.guardian_id')
      .select([
        'p.given_name',
        'p.family_name',
        'g.relation',
        'g.active',
        'g.restricted',
        'g.emergency_contact',
      ])
      .where('g.student_id', '=', studentId)
      .execute(),
    enrollments: await db
      .selectFrom('enrollments as e')
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .select(['c.title', 'c.subject', 'e.begin_date', 'e.end_date'])
      .where('e.student_id', '=', studentId)
      .execute(),
    evidence: await db
      .selectFrom('evidence as e')
      .leftJoin('standards as s', 's.id', 'e.standard_id')
      .selectAll('e')
      .select('s.code as standard_code')
      .where('e.student_id', '=', studentId)
      .orderBy('e.id')
      .execute(),
    mastery: await db
      .selectFrom('mastery_results as m')
      .leftJoin('standards as s', 's.id', 'm.standard_id')
      .selectAll('m')
      .select('s.code as standard_code')
      .where('m.student_id', '=', studentId)
      .execute(),
    masteryOverrides: await db
      .selectFrom('mastery_overrides')
      .selectAll()
      .where('student_id', '=', studentId)
      .execute(),
    taskScores: await db
      .selectFrom('task_scores')
      .selectAll()
      .where('student_id', '=', studentId)
      .execute(),
    ieps: await db.selectFrom('ieps').selectAll().where('student_id', '=', studentId).execute(),
    iepGoals: await db.selectFrom('iep_goals').selectAll().where('id', 'in', goalIds).execute(),
    dataSessions: await db
      .selectFrom('iep_data_sessions')
      .selectAll()
      .where('goal_id', 'in', goalIds)
      .execute(),
    progressReports: await db
      .selectFrom('progress_reports')
      .selectAll()
      .where('goal_id', 'in', goalIds)
      .execute(),
    changeHistory: await db
      .selectFrom('change_history')
      .selectAll()
      .where('student_id', '=', studentId)
      .orderBy('id')
      .execute(),
  };
}

/** One row of a class's or school's mastery export. */
export interface MasteryExportRow {
  readonly studentSourceId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly standardCode: string | null;
  readonly standardStatement: string;
  readonly score: number | null;
  readonly levelValue: number | null;
  readonly evidenceCount: number;
  readonly computedAt: string;
}

const exportColumns = [
  'p.source_id as studentSourceId',
  'p.given_name as givenName',
  'p.family_name as familyName',
  's.code as standardCode',
  's.statement as standardStatement',
  'm.score',
  'm.level_value as levelValue',
  'm.evidence_count as evidenceCount',
  'm.computed_at as computedAt',
] as const;

/** Mastery of the students enrolled in a class on `today`, on the class's standards. */
export async function listClassMasteryForExport(
  db: Db,
  classId: string,
  today: string,
): Promise<MasteryExportRow[]> {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('people as p', 'p.id', 'e.student_id')
    .innerJoin('class_standards as cs', 'cs.class_id', 'e.class_id')
    .innerJoin('standards as s', 's.id', 'cs.standard_id')
    .innerJoin('mastery_results as m', (join) =>
      join.onRef('m.student_id', '=', 'p.id').onRef('m.standard_id', '=', 's.id'),
    )
    .select(exportColumns)
    .where('e.class_id', '=', classId)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('cs.list_order')
    .execute();
}

/** Mastery of every student of a school, on every standard with a result. */
export async function listSchoolMasteryForExport(
  db: Db,
  schoolId: string,
): Promise<MasteryExportRow[]> {
  return db
    .selectFrom('mastery_results as m')
    .innerJoin('people as p', 'p.id', 'm.student_id')
    .innerJoin('standards as s', 's.id', 'm.standard_id')
    .select(exportColumns)
    .where('p.school_id', '=', schoolId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('s.code')
    .execute();
}

/** Evidence ids of the student that staff have not released yet. */
export async function listUnreleasedEvidenceIds(db: Db, studentId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('evidence')
    .select('id')
    .where('student_id', '=', studentId)
    .where('released', '=', 0)
    .execute();
  return new Set(rows.map((row) => row.id));
}
