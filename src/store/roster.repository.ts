/**
 * Organizations, people, classes and the links between them: writes used by the demo school
 * and the test factories, and the reads behind each role's home page.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  AcademicSessionTable,
  ClassStaffTable,
  ClassStandardTable,
  ClassTable,
  Database,
  EnrollmentTable,
  GuardianshipTable,
  OrganizationTable,
  PersonTable,
} from './schema.js';

/** The rows one roster write may carry; each list may be empty. */
export interface RosterRows {
  readonly organizations?: ReadonlyArray<Insertable<OrganizationTable>>;
  readonly sessions?: ReadonlyArray<Insertable<AcademicSessionTable>>;
  readonly people?: ReadonlyArray<Insertable<PersonTable>>;
  readonly guardianships?: ReadonlyArray<Insertable<GuardianshipTable>>;
  readonly classes?: ReadonlyArray<Insertable<ClassTable>>;
  readonly classStaff?: ReadonlyArray<Insertable<ClassStaffTable>>;
  readonly enrollments?: ReadonlyArray<Insertable<EnrollmentTable>>;
  readonly classStandards?: ReadonlyArray<Insertable<ClassStandardTable>>;
}

/** Inserts roster rows in dependency order (organizations first, links last). */
export async function insertRoster(db: Kysely<Database>, rows: RosterRows): Promise<void> {
  await insertAll(db, 'organizations', rows.organizations);
  await insertAll(db, 'academic_sessions', rows.sessions);
  await insertAll(db, 'people', rows.people);
  await insertAll(db, 'guardianships', rows.guardianships);
  await insertAll(db, 'classes', rows.classes);
  await insertAll(db, 'class_staff', rows.classStaff);
  await insertAll(db, 'enrollments', rows.enrollments);
  await insertAll(db, 'class_standards', rows.classStandards);
}

async function insertAll<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>> | undefined,
): Promise<void> {
  if (!rows || rows.length === 0) return;
  await db.insertInto(table).values(rows).execute();
}

/** How many organizations exist: zero means a new, empty database. */
export async function countOrganizations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One class summary line on a home page. */
export interface ClassSummary {
  readonly id: string;
  readonly title: string;
  readonly subject: string | null;
  readonly gradeLevel: string | null;
  readonly studentCount: number;
}

/** The classes a staff member is on the staff of, by title. */
export async function listClassesOfStaff(
  db: Kysely<Database>,
  staffId: string,
): Promise<ClassSummary[]> {
  const rows = await db
    .selectFrom('classes as c')
    .innerJoin('class_staff as cs', 'cs.class_id', 'c.id')
    .select(['c.id', 'c.title', 'c.subject', 'c.grade_level as gradeLevel'])
    .select((eb) =>
      eb
        .selectFrom('enrollments as e')
        .whereRef('e.class_id', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('studentCount'),
    )
    .where('cs.staff_id', '=', staffId)
    .orderBy('c.title')
    .execute();
  return rows.map((row) => ({ ...row, studentCount: Number(row.studentCount ?? 0) }));
}

/** One student line in a list. */
export interface StudentSummary {
  readonly id: string;
  readonly sourceId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly gradeLevel: string | null;
  readonly schoolName: string | null;
}

const studentColumns = [
  'p.id',
  'p.source_id as sourceId',
  'p.given_name as givenName',
  'p.family_name as familyName',
  'p.grade_level as gradeLevel',
  'o.name as schoolName',
] as const;

/** The students whose IEP names `staffId` as case manager, by family name. */
export async function listCaseload(
  db: Kysely<Database>,
  staffId: string,
): Promise<StudentSummary[]> {
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(studentColumns)
    .where('p.id', 'in', (eb) =>
      eb.selectFrom('ieps').select('student_id').where('case_manager_id', '=', staffId),
    )
    .execute();
  return sortByName(rows);
}

/** A guardian's children through active, unrestricted links (not as emergency contact). */
export async function listChildrenOfGuardian(
  db: Kysely<Database>,
  guardianId: string,
): Promise<StudentSummary[]> {
  return db
    .selectFrom('people as p')
    .innerJoin('guardianships as g', 'g.student_id', 'p.id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(studentColumns)
    .where('g.guardian_id', '=', guardianId)
    .where('g.active', '=', 1)
    .where('g.restricted', '=', 0)
    .where('g.emergency_contact', '=', 0)
    .orderBy('p.given_name')
    .execute();
}

/** One student by id, or undefined. */
export async function findStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<StudentSummary | undefined> {
  return db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(studentColumns)
    .where('p.id', '=', studentId)
    .where('p.kind', '=', 'student')
    .executeTakeFirst();
}

/** One school line on the administrator's home page. */
export interface SchoolSummary {
  readonly id: string;
  readonly name: string;
  readonly districtName: string | null;
  readonly studentCount: number;
}

/**
 * Schools with their student counts: every school when `orgId` is null, else the school
 * `orgId` or the schools of district `orgId`.
 */
export async function listSchoolsWithCounts(
  db: Kysely<Database>,
  orgId: string | null,
): Promise<SchoolSummary[]> {
  let query = db
    .selectFrom('organizations as o')
    .leftJoin('organizations as d', 'd.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'd.name as districtName'])
    .select((eb) =>
      eb
        .selectFrom('people as p')
        .whereRef('p.school_id', '=', 'o.id')
        .where('p.kind', '=', 'student')
        .select(eb.fn.countAll<number>().as('n'))
        .as('studentCount'),
    )
    .where('o.kind', '=', 'school');
  if (orgId !== null) {
    query = query.where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]));
  }
  const rows = await query.orderBy('d.name').orderBy('o.name').execute();
  return rows.map((row) => ({ ...row, studentCount: Number(row.studentCount ?? 0) }));
}

/**
 * Students whose name contains `text` (any case) or whose id or source id equals it, within
 * `orgId` as in `listSchoolsWithCounts`; at most `limit`, by family name.
 */
export async function searchStudents(
  db: Kysely<Database>,
  text: string,
  orgId: string | null,
  limit = 50,
): Promise<StudentSummary[]> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  let query = db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(studentColumns)
    .where('p.kind', '=', 'student')
    .where((eb) =>
      eb.or([
        eb('p.id', '=', text),
        eb('p.source_id', '=', text),
        eb(sql`lower(p.given_name || ' ' || p.family_name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  if (orgId !== null) {
    query = query.where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]));
  }
  return query.orderBy('p.family_name').orderBy('p.given_name').limit(limit).execute();
}

/** A class heading: title, subject, grade and school. */
export async function findClass(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('classes as c')
    .leftJoin('organizations as o', 'o.id', 'c.school_id')
    .select(['c.id', 'c.title', 'c.subject', 'c.grade_level as gradeLevel', 'o.name as schoolName'])
    .where('c.id', '=', classId)
    .executeTakeFirst();
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Sorts students by family then given name the way people read names ("Álvarez" near "Alba"). */
export function sortByName<T extends StudentSummary>(students: readonly T[]): T[] {
  return [...students].sort(
    (a, b) =>
      byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName),
  );
}

/** The students currently enrolled in a class on `today`, by family then given name. */
export async function listClassStudents(
  db: Kysely<Database>,
  classId: string,
  today: string,
): Promise<StudentSummary[]> {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('enrollments as e', 'e.student_id', 'p.id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(studentColumns)
    .where('e.class_id', '=', classId)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]))
    .execute();
  return sortByName(rows);
}

/** The ids of students with an IEP among `studentIds`. */
export async function studentsWithIep(
  db: Kysely<Database>,
  studentIds: readonly string[],
): Promise<Set<string>> {
  if (studentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('ieps')
    .select('student_id')
    .distinct()
    .where('student_id', 'in', studentIds)
    .execute();
  return new Set(rows.map((row) => row.student_id));
}
