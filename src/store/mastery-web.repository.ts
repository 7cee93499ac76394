/**
 * The reads and writes behind the mastery pages of the web app: setting a piece of evidence
 * aside (or counting it again), the scopes a class sits in, and the classes and standards the
 * settings pages list. A cell's evidence is read by listCellEvidence (workspace.repository).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** A standard as the mastery pages name it, with its parent in the framework. */
export interface StandardInfo {
  readonly id: string;
  readonly code: string | null;
  readonly statement: string;
  readonly studentWording: string | null;
  readonly familyWording: string | null;
  readonly parentId: string | null;
}

/** Standards by id, in the order of their codes. */
export async function findStandards(db: Db, ids: readonly string[]): Promise<StandardInfo[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('standards')
    .select([
      'id',
      'code',
      'statement',
      'student_wording as studentWording',
      'family_wording as familyWording',
      'parent_id as parentId',
    ])
    .where('id', 'in', ids)
    .orderBy('code')
    .execute();
}

/**
 * Sets one piece of evidence aside (kept and shown, not counted) with a reason, or counts it
 * again; the row's version goes up. Returns false when the evidence is not this student's on
 * this standard.
 */
export async function saveEvidenceExclusion(
  db: Db,
  target: { readonly evidenceId: number; readonly studentId: string; readonly standardId: string },
  exclusion: { readonly excluded: boolean; readonly reason: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('evidence')
    .set((eb) => ({
      excluded: exclusion.excluded ? 1 : 0,
      exclusion_reason: exclusion.excluded ? exclusion.reason : null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', target.evidenceId)
    .where('student_id', '=', target.studentId)
    .where('standard_id', '=', target.standardId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The school (and its district) a class belongs to. */
export interface ClassScope {
  readonly classId: string;
  readonly title: string;
  readonly schoolId: string | null;
  readonly schoolName: string | null;
  readonly districtId: string | null;
}

/** A class with its school and district, or undefined. */
export async function findClassScope(db: Db, classId: string): Promise<ClassScope | undefined> {
  return db
    .selectFrom('classes as c')
    .leftJoin('organizations as s', 's.id', 'c.school_id')
    .select([
      'c.id as classId',
      'c.title',
      'c.school_id as schoolId',
      's.name as schoolName',
      's.parent_id as districtId',
    ])
    .where('c.id', '=', classId)
    .executeTakeFirst();
}

/**
 * The classes an administrator may configure: every class when `orgId` is null, else those of
 * the school `orgId` or of the district `orgId`'s schools; by school, then title.
 */
export async function listClassesInOrg(db: Db, orgId: string | null): Promise<ClassScope[]> {
  let query = db
    .selectFrom('classes as c')
    .leftJoin('organizations as s', 's.id', 'c.school_id')
    .select([
      'c.id as classId',
      'c.title',
      'c.school_id as schoolId',
      's.name as schoolName',
      's.parent_id as districtId',
    ]);
  if (orgId !== null) {
    query = query.where((eb) => eb.or([eb('s.id', '=', orgId), eb('s.parent_id', '=', orgId)]));
  }
  return query.orderBy('s.name').orderBy('c.title').execute();
}

/** The classes a student is enrolled in on `day`, by title. */
export async function listClassesOfStudent(
  db: Db,
  studentId: string,
  day: string,
): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .select(['c.id', 'c.title'])
    .where('e.student_id', '=', studentId)
    .where((eb) => eb.or([eb('e.begin_date', 'is', null), eb('e.begin_date', '<=', day)]))
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', day)]))
    .orderBy('c.title')
    .execute();
}

/** The kind of an organization ("school", "district"), or null when it does not exist. */
export async function organizationKind(db: Db, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('kind')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.kind ?? null;
}
