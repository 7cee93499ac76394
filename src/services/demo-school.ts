/**
 * Seeds the synthetic demo school: a district, one elementary school, 24 fifth-graders, a Grade
 * 5 Math and a Grade 5 Reading class, plain-language standards, evidence with feedback across
 * the autumn term (with revisions), three students with IEPs, and one account per role. Every
 * person is invented. Seeding is deterministic: the same database content every time.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { insertAccount } from '../store/account.repository.js';
import { insertEvidence } from '../store/gradebook.repository.js';
import { ensureDefaultScale } from '../store/mastery.repository.js';
import { insertRoster } from '../store/roster.repository.js';
import type { Database, EvidenceTable, Role } from '../store/schema.js';
import { hashPassword } from './auth.service.js';
import {
  FEEDBACK,
  MATH_STANDARDS,
  MATH_TASKS,
  READING_STANDARDS,
  READING_TASKS,
  STUDENTS,
  SUPPORTS,
  type DemoStandard,
  type DemoTask,
} from './demo-school.data.js';
import { refreshMastery } from './mastery.service.js';
import { seedDemoWorkspace, type DemoWorkspace } from './demo-school-workspace.js';
import { seedIepProgressDemo } from './iep-demo.js';
import { seedDemoPortfolio } from './demo-portfolio.js';

/** One demo sign-in, printed by `npm start`. */
export interface DemoSignIn {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly who: string;
}

/** Ids of what was seeded, for the start-up banner and for tests. */
export interface DemoSchool {
  readonly districtId: string;
  readonly schoolId: string;
  readonly mathClassId: string;
  readonly readingClassId: string;
  /** Student ids by key "s01".."s24". */
  readonly studentIds: Readonly<Record<string, string>>;
  /** Standard ids by key ("nbt-a1", "rl-1", ...). */
  readonly standardIds: Readonly<Record<string, string>>;
  readonly signIns: readonly DemoSignIn[];
  /** Student key of the guardian's own child, and of the other family's child. */
  readonly guardianChildKey: string;
  readonly otherFamilyChildKey: string;
  readonly studentAccountKey: string;
  readonly iepStudentKeys: readonly string[];
  /** The workspace's demo tasks (see demo-school-workspace.ts). */
  readonly workspace: DemoWorkspace;
  /** The IEP goal the demo therapist collects data for (Hana's expressive language goal). */
  readonly therapistGoalId: string;
  /** Student key of the child of the Spanish-reading demo guardian ("parent-es"). */
  readonly spanishFamilyChildKey: string;
}

export const DEMO_SIGN_INS: readonly DemoSignIn[] = [
  { role: 'admin', username: 'admin', password: 'trellis-demo-admin', who: 'Helen Park' },
  { role: 'teacher', username: 'teacher', password: 'trellis-demo-teacher', who: 'Grace Adeyemi' },
  {
    role: 'special_educator',
    username: 'sped',
    password: 'trellis-demo-sped',
    who: 'Rosa Delgado',
  },
  {
    role: 'guardian',
    username: 'parent',
    password: 'trellis-demo-parent',
    who: 'Marisol Hernández',
  },
  { role: 'student', username: 'student', password: 'trellis-demo-student', who: 'Kofi Mensah' },
  {
    role: 'related_service_provider',
    username: 'therapist',
    password: 'trellis-demo-therapist',
    who: 'Tomas Lindqvist',
  },
  {
    role: 'guardian',
    username: 'parent-es',
    password: 'trellis-demo-parent-es',
    who: 'Lucía Quispe, reads Spanish',
  },
];

/**
 * The demo sign-ins as the start-up banner prints them, one line each, every column padded to
 * its longest entry so the columns line up whatever the names are.
 *
 * Example: usernames "admin" and "parent-es" give a username column 9 wide, so the lines read
 * "  administrator  admin     / ..." and "  parent (Spanish)  parent-es / ...".
 */
export function demoSignInLines(signIns: readonly DemoSignIn[] = DEMO_SIGN_INS): string[] {
  const width = (pick: (s: DemoSignIn) => string) =>
    Math.max(...signIns.map((s) => pick(s).length));
  const [role, username, password] = [
    width((s) => s.role),
    width((s) => s.username),
    width((s) => s.password),
  ];
  return signIns.map(
    (s) =>
      `  ${s.role.padEnd(role)}  ${s.username.padEnd(username)} / ${s.password.padEnd(password)}  (${s.who})`,
  );
}

const TERM = { start: '2026-08-31', end: '2026-12-18' } as const;
const GUARDIAN_CHILD = 's02';
const OTHER_FAMILY_CHILD = 's05';
const STUDENT_ACCOUNT = 's10';
const IEP_STUDENTS = ['s02', 's04', 's13'] as const;
/** The demo goal the therapist collects data for: Hana's expressive language goal. */
const THERAPIST_GOAL = 'hana-prompts';
/** Sofía, whose guardian Lucía reads Spanish and signs in as "parent-es". */
const SPANISH_FAMILY_CHILD = 's19';
/** How families reach the demo school: invented numbers and addresses on example.org. */
const SCHOOL_CONTACT = {
  phone: '+1 (541) 555-0142',
  email: 'office@juniper-hill.example.org',
  conference_url: 'https://juniper-hill.example.org/conferences',
} as const;

/** Seeds the demo school into an empty database and refreshes every mastery result. */
export async function seedDemoSchool(db: Kysely<Database>, now = new Date()): Promise<DemoSchool> {
  const ids = newIds();
  const hashes = await Promise.all(DEMO_SIGN_INS.map((signIn) => hashPassword(signIn.password)));
  let therapistGoalId = '';

  await db.transaction().execute(async (trx) => {
    await ensureDefaultScale(trx);
    await insertRosterRows(trx, ids);
    await insertStandardsAndTasks(trx, ids, now);
    await insertAccounts(trx, ids, hashes, now);
    await trx
      .insertInto('school_contacts')
      .values({ school_id: ids.school, ...SCHOOL_CONTACT })
      .execute();
    const iepDemo = await seedIepProgressDemo(trx, {
      studentIds: IEP_STUDENTS.map((key) => ids.students[key]!),
      caseManagerId: ids.staff.sped,
      schoolId: ids.school,
      now,
    });
    therapistGoalId = iepDemo.goalIds[THERAPIST_GOAL]!;
    await trx
      .insertInto('iep_goal_collectors')
      .values({ goal_id: therapistGoalId, person_id: ids.staff.therapist })
      .execute();

    const evidence = evidenceRows(ids, now);
    await insertRevisions(trx, evidence);
    await refreshMastery(trx, distinctPairs(evidence));
  });

  const workspace = await seedDemoWorkspace(
    db,
    {
      mathClassId: ids.mathClass,
      teacherId: ids.staff.teacher,
      studentIds: ids.students,
      standardIds: ids.standards,
    },
    now,
  );
  await seedDemoPortfolio(db, { studentIds: ids.students, standardIds: ids.standards }, now);

  return {
    districtId: ids.district,
    schoolId: ids.school,
    mathClassId: ids.mathClass,
    readingClassId: ids.readingClass,
    studentIds: ids.students,
    standardIds: ids.standards,
    signIns: DEMO_SIGN_INS,
    guardianChildKey: GUARDIAN_CHILD,
    otherFamilyChildKey: OTHER_FAMILY_CHILD,
    studentAccountKey: STUDENT_ACCOUNT,
    iepStudentKeys: IEP_STUDENTS,
    workspace,
    therapistGoalId,
    spanishFamilyChildKey: SPANISH_FAMILY_CHILD,
  };
}

interface DemoIds {
  readonly district: string;
  readonly school: string;
  readonly session: string;
  readonly framework: string;
  readonly mathClass: string;
  readonly readingClass: string;
  readonly staff: Readonly<Record<'admin' | 'teacher' | 'sped' | 'therapist', string>>;
  readonly guardians: Readonly<Record<'marisol' | 'vikram' | 'lucia', string>>;
  readonly students: Readonly<Record<string, string>>;
  readonly standards: Readonly<Record<string, string>>;
  readonly tasks: Readonly<Record<string, string>>;
}

function newIds(): DemoIds {
  const byKey = (keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, randomUUID()]));
  return {
    district: randomUUID(),
    school: randomUUID(),
    session: randomUUID(),
    framework: randomUUID(),
    mathClass: randomUUID(),
    readingClass: randomUUID(),
    staff: {
      admin: randomUUID(),
      teacher: randomUUID(),
      sped: randomUUID(),
      therapist: randomUUID(),
    },
    guardians: { marisol: randomUUID(), vikram: randomUUID(), lucia: randomUUID() },
    students: byKey(STUDENTS.map((s) => s.key)),
    standards: byKey([...MATH_STANDARDS, ...READING_STANDARDS].map((s) => s.key)),
    tasks: byKey([...MATH_TASKS, ...READING_TASKS].map((t) => t.key)),
  };
}

async function insertRosterRows(db: Kysely<Database>, ids: DemoIds): Promise<void> {
  const staff = (id: string, sourceId: string, given: string, family: string) => ({
    id,
    source_id: sourceId,
    kind: 'staff' as const,
    given_name: given,
    family_name: family,
    preferred_language: 'en',
    school_id: ids.school,
  });
  const guardian = (id: string, sourceId: string, given: string, family: string, lang: string) => ({
    id,
    source_id: sourceId,
    kind: 'guardian' as const,
    given_name: given,
    family_name: family,
    preferred_language: lang,
    school_id: ids.school,
  });

  await insertRoster(db, {
    organizations: [
      {
        id: ids.district,
        source_id: 'DEMO-DISTRICT',
        name: 'Riverbend Unified (demo)',
        kind: 'district',
        parent_id: null,
      },
      {
        id: ids.school,
        source_id: 'DEMO-SCHOOL',
        name: 'Juniper Hill Elementary (demo)',
        kind: 'school',
        parent_id: ids.district,
      },
    ],
    sessions: [
      {
        id: ids.session,
        source_id: 'DEMO-2026-AUTUMN',
        org_id: ids.school,
        name: 'Autumn term 2026',
        kind: 'term',
        start_date: TERM.start,
        end_date: TERM.end,
      },
    ],
    people: [
      staff(ids.staff.admin, 'DEMO-STAFF-ADMIN', 'Helen', 'Park'),
      staff(ids.staff.teacher, 'DEMO-STAFF-T1', 'Grace', 'Adeyemi'),
      staff(ids.staff.sped, 'DEMO-STAFF-SE1', 'Rosa', 'Delgado'),
      staff(ids.staff.therapist, 'DEMO-STAFF-SLP1', 'Tomas', 'Lindqvist'),
      // The demo parent reads English until they choose another language in the app.
      guardian(ids.guardians.marisol, 'DEMO-G-01', 'Marisol', 'Hernández', 'en'),
      guardian(ids.guardians.vikram, 'DEMO-G-02', 'Vikram', 'Raman', 'en'),
      guardian(ids.guardians.lucia, 'DEMO-G-03', 'Lucía', 'Quispe', 'es'),
      ...STUDENTS.map((s) => ({
        id: ids.students[s.key]!,
        source_id: `DEMO-${s.key.toUpperCase()}`,
        kind: 'student' as const,
        given_name: s.givenName,
        family_name: s.familyName,
        grade_level: '5',
        preferred_language: s.language,
        school_id: ids.school,
      })),
    ],
    guardianships: [
      {
        guardian_id: ids.guardians.marisol,
        student_id: ids.students[GUARDIAN_CHILD]!,
        relation: 'mother',
      },
      {
        guardian_id: ids.guardians.vikram,
        student_id: ids.students[OTHER_FAMILY_CHILD]!,
        relation: 'father',
      },
      {
        guardian_id: ids.guardians.lucia,
        student_id: ids.students[SPANISH_FAMILY_CHILD]!,
        relation: 'mother',
      },
    ],
    classes: [
      {
        id: ids.mathClass,
        source_id: 'DEMO-MATH-5',
        school_id: ids.school,
        session_id: ids.session,
        title: 'Grade 5 Math',
        course_code: 'MATH5',
        subject: 'Mathematics',
        grade_level: '5',
      },
      {
        id: ids.readingClass,
        source_id: 'DEMO-READ-5',
        school_id: ids.school,
        session_id: ids.session,
        title: 'Grade 5 Reading',
        course_code: 'ELA5',
        subject: 'English language arts',
        grade_level: '5',
      },
    ],
    classStaff: [
      { class_id: ids.mathClass, staff_id: ids.staff.teacher, role: 'teacher' },
      { class_id: ids.mathClass, staff_id: ids.staff.sped, role: 'co-teacher' },
      { class_id: ids.readingClass, staff_id: ids.staff.teacher, role: 'teacher' },
    ],
    enrollments: [ids.mathClass, ids.readingClass].flatMap((classId) =>
      STUDENTS.map((s) => ({
        class_id: classId,
        student_id: ids.students[s.key]!,
        begin_date: TERM.start,
        end_date: null,
      })),
    ),
  });
}

async function insertStandardsAndTasks(
  db: Kysely<Database>,
  ids: DemoIds,
  now: Date,
): Promise<void> {
  await db
    .insertInto('frameworks')
    .values({
      id: ids.framework,
      source_id: 'DEMO-CCSS-GRADE5-PLAIN',
      title: 'Common Core grade 5, plain-language edition (demo)',
      creator: 'Trellis demo',
      subject: 'Mathematics; English language arts',
      version: '1',
      source_format: 'demo',
    })
    .execute();

  const standardRow = (s: DemoStandard, order: number) => ({
    id: ids.standards[s.key]!,
    framework_id: ids.framework,
    source_id: s.code,
    code: s.code,
    statement: s.statement,
    student_wording: s.studentWording,
    family_wording: s.familyWording,
    item_type: 'Standard',
    grade_levels: '05',
    list_order: order,
  });
  const standards = [...MATH_STANDARDS, ...READING_STANDARDS];
  await db.insertInto('standards').values(standards.map(standardRow)).execute();

  const classOf = (t: DemoTask) => (MATH_TASKS.includes(t) ? ids.mathClass : ids.readingClass);
  const tasks = [...MATH_TASKS, ...READING_TASKS].map((t) => ({
    id: ids.tasks[t.key]!,
    source_id: `DEMO-TASK-${t.key}`,
    class_id: classOf(t),
    title: t.title,
    kind: t.kind,
    format: t.format,
    due_date: t.date,
    created_at: now.toISOString(),
  }));
  await db.insertInto('tasks').values(tasks).execute();

  await insertRoster(db, {
    classStandards: [
      ...MATH_STANDARDS.map((s, i) => ({
        class_id: ids.mathClass,
        standard_id: ids.standards[s.key]!,
        list_order: i,
      })),
      ...READING_STANDARDS.map((s, i) => ({
        class_id: ids.readingClass,
        standard_id: ids.standards[s.key]!,
        list_order: i,
      })),
    ],
  });
}

async function insertAccounts(
  db: Kysely<Database>,
  ids: DemoIds,
  hashes: readonly string[],
  now: Date,
): Promise<void> {
  const personOf: Record<Role, string> = {
    admin: ids.staff.admin,
    teacher: ids.staff.teacher,
    special_educator: ids.staff.sped,
    guardian: ids.guardians.marisol,
    student: ids.students[STUDENT_ACCOUNT]!,
    related_service_provider: ids.staff.therapist,
  };
  // Accounts beyond the first of their role name their person here.
  const personOfUsername: Readonly<Record<string, string>> = { 'parent-es': ids.guardians.lucia };
  for (const [index, signIn] of DEMO_SIGN_INS.entries()) {
    await insertAccount(db, {
      id: randomUUID(),
      person_id: personOfUsername[signIn.username] ?? personOf[signIn.role],
      username: signIn.username,
      password_hash: hashes[index]!,
      role: signIn.role,
      org_id: null,
      created_at: now.toISOString(),
    });
  }
}

/** A deterministic pseudo-random stream (mulberry32), so the demo is the same every time. */
function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlannedEvidence {
  readonly row: Insertable<EvidenceTable>;
  readonly key: string;
  /** The key of the attempt this one revises. */
  readonly revises?: string;
}

function evidenceRows(ids: DemoIds, now: Date): PlannedEvidence[] {
  const random = randomStream(20261003);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const planned: PlannedEvidence[] = [];

  for (const s of STUDENTS) {
    for (const [index, t] of [...MATH_TASKS, ...READING_TASKS].entries()) {
      // About one task in eight was missed (absence, not yet assessed).
      if (random() < 0.12) continue;
      const growth = (index % MATH_TASKS.length) * 0.04;
      const score = clampLevel(Math.round(s.typicalLevel - 0.4 + growth + (random() - 0.5) * 1.8));
      const band = score <= 1 ? 'low' : score <= 2 ? 'mid' : 'high';
      const isIep = (IEP_STUDENTS as readonly string[]).includes(s.key);
      const key = `${s.key}:${t.key}`;
      planned.push({
        key,
        row: {
          source_id: `DEMO-EV-${key}`,
          student_id: ids.students[s.key]!,
          standard_id: ids.standards[t.standardKey]!,
          task_id: ids.tasks[t.key]!,
          score,
          observed_at: t.date,
          recorded_at: now.toISOString(),
          judged_by: ids.staff.teacher,
          format: t.format,
          strength: pick(FEEDBACK[band].strengths),
          next_step: pick(FEEDBACK[band].nextSteps),
          supports: isIep ? 'Extra time; read aloud' : pick(SUPPORTS) || null,
          origin: 'demo',
        },
      });
    }
  }
  return [...planned, ...revisionsOf(planned, ids)];
}

/** Two students revise a low first attempt a week later, shown orally. */
function revisionsOf(planned: readonly PlannedEvidence[], ids: DemoIds): PlannedEvidence[] {
  const revisions: PlannedEvidence[] = [];
  for (const key of ['s02:frac-quiz', 's12:div-check', 's04:dec-quiz']) {
    const original = planned.find((p) => p.key === key);
    if (!original) continue;
    revisions.push({
      key: `${key}:revision`,
      revises: key,
      row: {
        ...original.row,
        source_id: `${original.row.source_id}-R1`,
        score: clampLevel((original.row.score ?? 1) + 1),
        observed_at: addDays(original.row.observed_at ?? TERM.start, 7),
        format: 'verbal',
        judged_by: ids.staff.teacher,
        strength: 'In the revision you explained each step aloud and fixed the earlier mistake.',
        next_step: 'Write the same steps down so you can use them on the next quiz.',
        supports: 'Small-group check-in',
      },
    });
  }
  return revisions;
}

/** Inserts first attempts, then revisions pointing at the attempt they revise. */
async function insertRevisions(
  db: Kysely<Database>,
  planned: readonly PlannedEvidence[],
): Promise<void> {
  const firsts = planned.filter((p) => p.revises === undefined);
  const firstIds = await insertEvidence(
    db,
    firsts.map((p) => p.row),
  );
  const idByKey = new Map(firsts.map((p, i) => [p.key, firstIds[i]!]));

  const revisions = planned.filter((p) => p.revises !== undefined);
  await insertEvidence(
    db,
    revisions.map((p) => ({ ...p.row, revises_id: idByKey.get(p.revises!) ?? null })),
  );
}

function distinctPairs(planned: readonly PlannedEvidence[]) {
  const seen = new Map<string, { studentId: string; standardId: string }>();
  for (const { row } of planned) {
    seen.set(`${row.student_id}|${row.standard_id}`, {
      studentId: row.student_id,
      standardId: row.standard_id,
    });
  }
  return [...seen.values()];
}

function clampLevel(value: number): number {
  return Math.min(4, Math.max(1, value));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
