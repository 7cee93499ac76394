/**
 * A small synthetic world for access and security tests: two schools in two districts and one
 * account per role, each related to student "own" in school A, with "same" (another student
 * of school A whom none of them serves) and "other" (a student of school B).
 *
 * - admin: district A; exporter: school A administrator with the bulk-export permission;
 * - teacher: teaches class A1 (own is enrolled); special_educator: own's case manager;
 * - related_service_provider: collects data for own's goal; guardian: own's parent;
 * - emergency_contact: listed for own only as an emergency contact; student: own themself.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { csrfTokenFor, openSession } from '../../src/services/auth.service.js';
import { grantPermission } from '../../src/store/account.repository.js';
import { insertIeps } from '../../src/store/iep.repository.js';
import type { Database, Role } from '../../src/store/schema.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from './factories.js';
import type { Browser } from './http.js';

type Db = Kysely<Database>;

/** The actors of the world, by name. */
export const ACTORS = [
  'admin',
  'exporter',
  'teacher',
  'special_educator',
  'related_service_provider',
  'guardian',
  'emergency_contact',
  'student',
] as const;
export type Actor = (typeof ACTORS)[number];

/** The three students every access question is asked about. */
export const TARGETS = ['own', 'same', 'other'] as const;
export type Target = (typeof TARGETS)[number];

/** What belongs to one target student: its school, class, goal, standard and task. */
export interface TargetRecords {
  readonly studentId: string;
  readonly schoolId: string;
  readonly classId: string;
  readonly goalId: string;
  readonly iepId: string;
  readonly standardId: string;
  readonly taskId: string;
  /** An account of a person at the target's school, for account routes. */
  readonly accountId: string;
}

export interface SecurityWorld {
  readonly districtA: string;
  readonly schoolA: string;
  readonly districtB: string;
  readonly schoolB: string;
  readonly targets: Readonly<Record<Target, TargetRecords>>;
  readonly accounts: Readonly<
    Record<
      Actor,
      { accountId: string; username: string; password: string; personId: string | null }
    >
  >;
}

const ROLE_OF: Record<Actor, Role> = {
  admin: 'admin',
  exporter: 'admin',
  teacher: 'teacher',
  special_educator: 'special_educator',
  related_service_provider: 'related_service_provider',
  guardian: 'guardian',
  emergency_contact: 'guardian',
  student: 'student',
};

/** Builds the world into an empty or shared database. */
export async function buildSecurityWorld(db: Db): Promise<SecurityWorld> {
  const a = await makeSchool(db, 'Alder School (test)');
  const b = await makeSchool(db, 'Birch School (test)');
  const person = (kind: 'student' | 'staff' | 'guardian', schoolId: string, family: string) =>
    makePerson(db, { kind, schoolId, givenName: 'Test', familyName: family });

  const students = {
    own: await person('student', a.schoolId, 'Own'),
    same: await person('student', a.schoolId, 'Same'),
    other: await person('student', b.schoolId, 'Other'),
  };
  const staff = {
    teacher: await person('staff', a.schoolId, 'Teacher'),
    otherTeacherA: await person('staff', a.schoolId, 'Colleague'),
    teacherB: await person('staff', b.schoolId, 'Faraway'),
    sped: await person('staff', a.schoolId, 'Caseload'),
    otherSped: await person('staff', a.schoolId, 'OtherCaseload'),
    provider: await person('staff', a.schoolId, 'Therapist'),
  };
  const guardian = await person('guardian', a.schoolId, 'Parent');
  const emergency = await person('guardian', a.schoolId, 'Neighbour');
  await linkGuardian(db, guardian, students.own);
  await db
    .insertInto('guardianships')
    .values({
      guardian_id: emergency,
      student_id: students.own,
      relation: 'neighbour',
      emergency_contact: 1,
    })
    .execute();

  const standards = await makeStandards(db, 3);
  const classes = {
    own: await makeClass(db, {
      schoolId: a.schoolId,
      staffIds: [staff.teacher],
      studentIds: [students.own],
      standardIds: [standards[0]!],
    }),
    same: await makeClass(db, {
      schoolId: a.schoolId,
      staffIds: [staff.otherTeacherA],
      studentIds: [students.same],
      standardIds: [standards[1]!],
    }),
    other: await makeClass(db, {
      schoolId: b.schoolId,
      staffIds: [staff.teacherB],
      studentIds: [students.other],
      standardIds: [standards[2]!],
    }),
  };
  const standardOf = { own: standards[0]!, same: standards[1]!, other: standards[2]! };
  for (const target of TARGETS) {
    await makeEvidence(db, {
      studentId: students[target],
      standardId: standardOf[target],
      score: 3,
    });
  }

  const { goals, ieps } = await makeIeps(db, students, {
    own: staff.sped,
    same: staff.otherSped,
    other: null,
  });
  await db
    .insertInto('iep_goal_collectors')
    .values({ goal_id: goals.own, person_id: staff.provider })
    .execute();
  const tasks = await makeTasks(db, classes);

  const personOf: Record<Actor, string | null> = {
    admin: null,
    exporter: null,
    teacher: staff.teacher,
    special_educator: staff.sped,
    related_service_provider: staff.provider,
    guardian,
    emergency_contact: emergency,
    student: students.own,
  };
  const orgOf: Partial<Record<Actor, string>> = { admin: a.districtId, exporter: a.schoolId };
  const accounts = {} as Record<Actor, SecurityWorld['accounts'][Actor]>;
  for (const actor of ACTORS) {
    const made = await makeAccount(db, {
      role: ROLE_OF[actor],
      personId: personOf[actor],
      orgId: orgOf[actor] ?? null,
    });
    accounts[actor] = { ...made, personId: personOf[actor] };
  }
  await grantPermission(db, {
    accountId: accounts.exporter.accountId,
    permission: 'bulk-export',
    grantedBy: null,
    at: new Date().toISOString(),
  });

  const spare = {
    own: await makeAccount(db, {
      role: 'teacher',
      personId: await person('staff', a.schoolId, 'SpareOwn'),
    }),
    same: await makeAccount(db, {
      role: 'teacher',
      personId: await person('staff', a.schoolId, 'SpareSame'),
    }),
    other: await makeAccount(db, {
      role: 'teacher',
      personId: await person('staff', b.schoolId, 'SpareOther'),
    }),
  };
  const schoolOf = { own: a.schoolId, same: a.schoolId, other: b.schoolId };
  const targets = Object.fromEntries(
    TARGETS.map((t) => [
      t,
      {
        studentId: students[t],
        schoolId: schoolOf[t],
        classId: classes[t],
        goalId: goals[t],
        iepId: ieps[t],
        standardId: standardOf[t],
        taskId: tasks[t],
        accountId: spare[t].accountId,
      },
    ]),
  ) as Record<Target, TargetRecords>;

  return {
    districtA: a.districtId,
    schoolA: a.schoolId,
    districtB: b.districtId,
    schoolB: b.schoolId,
    targets,
    accounts,
  };
}

async function makeIeps(
  db: Db,
  students: Readonly<Record<Target, string>>,
  managers: Readonly<Record<Target, string | null>>,
): Promise<{ goals: Record<Target, string>; ieps: Record<Target, string> }> {
  const goals = {} as Record<Target, string>;
  const ieps = {} as Record<Target, string>;
  for (const target of TARGETS) {
    const iepId = randomUUID();
    ieps[target] = iepId;
    goals[target] = randomUUID();
    await insertIeps(
      db,
      [
        {
          id: iepId,
          source_id: `IEP-${iepId}`,
          student_id: students[target],
          case_manager_id: managers[target],
          begin_date: '2026-01-05',
          end_date: '2027-01-04',
        },
      ],
      [
        {
          id: goals[target],
          iep_id: iepId,
          area: 'Reading fluency',
          statement: 'Reads 90 words correct per minute.',
          measurement_type: 'rate',
          direction: 'increase',
          baseline_value: 40,
          target_value: 90,
        },
      ],
    );
  }
  return { goals, ieps };
}

async function makeTasks(
  db: Db,
  classes: Readonly<Record<Target, string>>,
): Promise<Record<Target, string>> {
  const tasks = {} as Record<Target, string>;
  for (const target of TARGETS) {
    tasks[target] = randomUUID();
    await db
      .insertInto('tasks')
      .values({
        id: tasks[target],
        source_id: `TASK-${tasks[target]}`,
        class_id: classes[target],
        title: 'Test task',
        kind: 'quiz',
        format: 'written',
        due_date: null,
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  return tasks;
}

/** A browser signed in as the account, with a fresh session of its own (no sign-in form). */
export async function browserFor(db: Db, accountId: string): Promise<Browser> {
  const token = await openSession(db, accountId, new Date());
  return { cookie: `trellis_session=${token}`, csrf: csrfTokenFor(token) };
}
