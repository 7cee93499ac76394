/**
 * The relationships access rules are decided on: who teaches which class, whose IEP names
 * whom as case manager, which guardian links are active. Each function answers one question
 * with one query; the rules that combine them live in src/server/access.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** True when a student with this id exists. */
export async function studentExists(db: Kysely<Database>, studentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', studentId)
    .where('kind', '=', 'student')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * True when the student's school is `orgId` or a school whose parent organization is `orgId`
 * (an administrator of a district sees its schools).
 */
export async function studentInOrg(
  db: Kysely<Database>,
  studentId: string,
  orgId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('people as p')
    .innerJoin('organizations as o', 'o.id', 'p.school_id')
    .select('p.id')
    .where('p.id', '=', studentId)
    .where('p.kind', '=', 'student')
    .where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the class belongs to `orgId` or one of its schools. */
export async function classInOrg(
  db: Kysely<Database>,
  classId: string,
  orgId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('classes as c')
    .innerJoin('organizations as o', 'o.id', 'c.school_id')
    .select('c.id')
    .where('c.id', '=', classId)
    .where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a class with this id exists. */
export async function classExists(db: Kysely<Database>, classId: string): Promise<boolean> {
  const row = await db
    .selectFrom('classes')
    .select('id')
    .where('id', '=', classId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when `staffId` is on the staff of the class. */
export async function staffTeachesClass(
  db: Kysely<Database>,
  staffId: string,
  classId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('class_staff')
    .select('class_id')
    .where('class_id', '=', classId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * True when the student is currently enrolled (no end date, or one not yet passed on `today`)
 * in a class `staffId` teaches; with `classId`, only in that class.
 */
export async function staffTeachesStudent(
  db: Kysely<Database>,
  staffId: string,
  studentId: string,
  today: string,
  classId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('enrollments as e')
    .innerJoin('class_staff as cs', 'cs.class_id', 'e.class_id')
    .select('e.student_id')
    .where('cs.staff_id', '=', staffId)
    .where('e.student_id', '=', studentId)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]));
  if (classId !== undefined) query = query.where('e.class_id', '=', classId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** True when an IEP of the student names `staffId` as its case manager. */
export async function isCaseManagerOf(
  db: Kysely<Database>,
  staffId: string,
  studentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('ieps')
    .select('id')
    .where('student_id', '=', studentId)
    .where('case_manager_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the guardian's link to the student is active and not restricted. */
export async function hasActiveGuardianship(
  db: Kysely<Database>,
  guardianId: string,
  studentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('guardianships')
    .select(sql<number>`1`.as('one'))
    .where('guardian_id', '=', guardianId)
    .where('student_id', '=', studentId)
    .where('active', '=', 1)
    .where('restricted', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}
