/**
 * The relationships access rules are decided on: who teaches which class and when, whose IEP
 * names whom as case manager, who collects data for which goal, which guardian links are
 * active. Each function answers one question with one query; the rules that combine them live
 * in src/server/access.ts. Every answer is read at request time, so a change to a class, a
 * caseload or a guardian link changes access at once.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** True when a student with this id exists. */
export async function studentExists(db: Db, studentId: string): Promise<boolean> {
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
export async function studentInOrg(db: Db, studentId: string, orgId: string): Promise<boolean> {
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
export async function classInOrg(db: Db, classId: string, orgId: string): Promise<boolean> {
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
export async function classExists(db: Db, classId: string): Promise<boolean> {
  const row = await db
    .selectFrom('classes')
    .select('id')
    .where('id', '=', classId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the school is `orgId` itself or one of district `orgId`'s schools. */
export async function schoolInOrg(db: Db, schoolId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizations as o')
    .select('o.id')
    .where('o.id', '=', schoolId)
    .where('o.kind', '=', 'school')
    .where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a school with this id exists. */
export async function schoolExists(db: Db, schoolId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', schoolId)
    .where('kind', '=', 'school')
    .executeTakeFirst();
  return row !== undefined;
}

/** True when `staffId` is on the staff of the class and the class's term is not over. */
export async function staffTeachesClass(
  db: Db,
  staffId: string,
  classId: string,
  today: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('class_staff as cs')
    .innerJoin('classes as c', 'c.id', 'cs.class_id')
    .leftJoin('academic_sessions as s', 's.id', 'c.session_id')
    .select('cs.class_id')
    .where('cs.class_id', '=', classId)
    .where('cs.staff_id', '=', staffId)
    .where(termIsCurrent(today))
    .executeTakeFirst();
  return row !== undefined;
}

/** The class's term (joined as `s`, when it has one) has begun and has not ended on `today`. */
function termIsCurrent(today: string) {
  return sql<boolean>`((s.start_date is null or s.start_date <= ${today})
    and (s.end_date is null or s.end_date >= ${today}))`;
}

/**
 * True when the student is enrolled on `today` (begun, not ended) in a class of a current term
 * that `staffId` teaches; with `classId`, only in that class.
 */
export async function staffTeachesStudent(
  db: Db,
  staffId: string,
  studentId: string,
  today: string,
  classId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('enrollments as e')
    .innerJoin('class_staff as cs', 'cs.class_id', 'e.class_id')
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .leftJoin('academic_sessions as s', 's.id', 'c.session_id')
    .select('e.student_id')
    .where('cs.staff_id', '=', staffId)
    .where('e.student_id', '=', studentId)
    .where((eb) => eb.or([eb('e.begin_date', 'is', null), eb('e.begin_date', '<=', today)]))
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]))
    .where(termIsCurrent(today));
  if (classId !== undefined) query = query.where('e.class_id', '=', classId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** True when an IEP of the student names `staffId` as its case manager. */
export async function isCaseManagerOf(
  db: Db,
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

/** True when the guardian's link is active, not restricted, and not only an emergency contact. */
export async function hasActiveGuardianship(
  db: Db,
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
    .where('emergency_contact', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** The student an IEP goal belongs to, or undefined for an unknown goal. */
export async function studentOfGoal(db: Db, goalId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select('i.student_id')
    .where('g.id', '=', goalId)
    .executeTakeFirst();
  return row?.student_id;
}

/** True when `staffId` collects data for the goal (a related-service provider's link). */
export async function collectsForGoal(db: Db, staffId: string, goalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('iep_goal_collectors')
    .select('goal_id')
    .where('goal_id', '=', goalId)
    .where('person_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The student a piece of evidence is about, or undefined for unknown (or deleted) evidence. */
export async function studentOfEvidence(db: Db, evidenceId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('evidence')
    .select('student_id')
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return row?.student_id;
}

/** One reason an account may see a student, for the administrator's "who has access" list. */
export interface AccessGrant {
  readonly accountId: string;
  readonly username: string;
  readonly role: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly active: boolean;
  /** Why: "teaches Grade 5 Math", "case manager", "administrator of the district", ... */
  readonly reason: string;
}

const accountColumns = [
  'a.id as accountId',
  'a.username',
  'a.role',
  'a.active',
  'p.given_name as givenName',
  'p.family_name as familyName',
] as const;

/** Teachers and co-teachers of the student's current classes, with the class title. */
export async function listTeachingGrants(
  db: Db,
  studentId: string,
  today: string,
): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .leftJoin('academic_sessions as s', 's.id', 'c.session_id')
    .innerJoin('class_staff as cs', 'cs.class_id', 'e.class_id')
    .innerJoin('accounts as a', 'a.person_id', 'cs.staff_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(accountColumns)
    .select(['c.title', 'cs.role as classRole'])
    .where('e.student_id', '=', studentId)
    .where('a.role', 'in', ['teacher', 'special_educator'])
    .where((eb) => eb.or([eb('e.begin_date', 'is', null), eb('e.begin_date', '<=', today)]))
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]))
    .where(termIsCurrent(today))
    .execute();
  return rows.map((row) => grant(row, `${row.classRole} of ${row.title}`));
}

/** Case managers of the student's IEPs and the providers who collect data for its goals. */
export async function listIepGrants(db: Db, studentId: string): Promise<AccessGrant[]> {
  const managers = await db
    .selectFrom('ieps as i')
    .innerJoin('accounts as a', 'a.person_id', 'i.case_manager_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(accountColumns)
    .where('i.student_id', '=', studentId)
    .where('a.role', '=', 'special_educator')
    .execute();
  const collectors = await db
    .selectFrom('iep_goal_collectors as gc')
    .innerJoin('iep_goals as g', 'g.id', 'gc.goal_id')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('accounts as a', 'a.person_id', 'gc.person_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(accountColumns)
    .select('g.area')
    .where('i.student_id', '=', studentId)
    .execute();
  return [
    ...managers.map((row) => grant(row, 'case manager on the IEP')),
    ...collectors.map((row) => grant(row, `collects data for the goal "${row.area}"`)),
  ];
}

/** Guardians with a link to the student, with the link's state in the reason. */
export async function listGuardianGrants(db: Db, studentId: string): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('accounts as a', 'a.person_id', 'g.guardian_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(accountColumns)
    .select(['g.relation', 'g.active as linkActive', 'g.restricted', 'g.emergency_contact'])
    .where('g.student_id', '=', studentId)
    .execute();
  return rows.map((row) => {
    const refused =
      row.emergency_contact === 1
        ? 'emergency contact only: no access'
        : row.restricted === 1
          ? 'link restricted: no access'
          : row.linkActive === 0
            ? 'link ended: no access'
            : null;
    return grant(row, refused ?? `guardian (${row.relation ?? 'family'})`);
  });
}

/** Administrators whose organization covers the student's school (or who have none). */
export async function listAdminGrants(db: Db, studentId: string): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as org', 'org.id', 'a.org_id')
    .select(accountColumns)
    .select('org.name as orgName')
    .where('a.role', '=', 'admin')
    .where((eb) =>
      eb.or([
        eb('a.org_id', 'is', null),
        eb(
          'a.org_id',
          'in',
          eb
            .selectFrom('people as s')
            .innerJoin('organizations as o', 'o.id', 's.school_id')
            .select('o.id')
            .where('s.id', '=', studentId),
        ),
        eb(
          'a.org_id',
          'in',
          eb
            .selectFrom('people as s')
            .innerJoin('organizations as o', 'o.id', 's.school_id')
            .select('o.parent_id')
            .where('s.id', '=', studentId)
            .where('o.parent_id', 'is not', null)
            .$narrowType<{ parent_id: string }>(),
        ),
      ]),
    )
    .execute();
  return rows.map((row) =>
    grant(row, row.orgName ? `administrator of ${row.orgName}` : 'system administrator'),
  );
}

/** The student's own sign-in, if there is one. */
export async function listSelfGrants(db: Db, studentId: string): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(accountColumns)
    .where('a.person_id', '=', studentId)
    .where('a.role', '=', 'student')
    .execute();
  return rows.map((row) => grant(row, 'the student themself'));
}

function grant(
  row: {
    accountId: string;
    username: string;
    role: string;
    active: number;
    givenName: string | null;
    familyName: string | null;
  },
  reason: string,
): AccessGrant {
  return {
    accountId: row.accountId,
    username: row.username,
    role: row.role,
    givenName: row.givenName,
    familyName: row.familyName,
    active: row.active === 1,
    reason,
  };
}

/** One IEP goal a provider serves, for their home page. */
export interface ServedGoal {
  readonly goalId: string;
  readonly area: string;
  readonly studentGivenName: string;
  readonly studentFamilyName: string;
}

/** The goals `staffId` collects data for, by student then area. */
export async function listGoalsServedBy(db: Db, staffId: string): Promise<ServedGoal[]> {
  return db
    .selectFrom('iep_goal_collectors as gc')
    .innerJoin('iep_goals as g', 'g.id', 'gc.goal_id')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('people as p', 'p.id', 'i.student_id')
    .select([
      'g.id as goalId',
      'g.area',
      'p.given_name as studentGivenName',
      'p.family_name as studentFamilyName',
    ])
    .where('gc.person_id', '=', staffId)
    .orderBy('p.family_name')
    .orderBy('g.area')
    .execute();
}
