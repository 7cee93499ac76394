/**
 * Factories for synthetic people, classes, standards and evidence, for any store or server
 * test. Each call makes new rows with unique ids and invented names; pass fields to override.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/services/auth.service.js';
import { refreshMastery } from '../../src/services/mastery.service.js';
import { insertAccount } from '../../src/store/account.repository.js';
import { insertEvidence } from '../../src/store/gradebook.repository.js';
import { ensureDefaultScale } from '../../src/store/mastery.repository.js';
import { insertRoster } from '../../src/store/roster.repository.js';
import type { Database, Role } from '../../src/store/schema.js';

type Db = Kysely<Database>;

let counter = 0;
function next(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}`;
}

/** A district with one school. */
export async function makeSchool(db: Db, name = 'Maple Creek Elementary (test)') {
  const districtId = randomUUID();
  const schoolId = randomUUID();
  await insertRoster(db, {
    organizations: [
      {
        id: districtId,
        source_id: next('DIST'),
        name: `${name} district`,
        kind: 'district',
        parent_id: null,
      },
      { id: schoolId, source_id: next('SCH'), name, kind: 'school', parent_id: districtId },
    ],
  });
  return { districtId, schoolId };
}

/** A person of any kind at a school. */
export async function makePerson(
  db: Db,
  fields: {
    readonly kind: 'student' | 'staff' | 'guardian';
    readonly schoolId: string | null;
    readonly givenName?: string;
    readonly familyName?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await insertRoster(db, {
    people: [
      {
        id,
        source_id: next(fields.kind.toUpperCase()),
        kind: fields.kind,
        given_name: fields.givenName ?? 'Test',
        family_name: fields.familyName ?? `Person ${counter}`,
        grade_level: fields.kind === 'student' ? '5' : null,
        preferred_language: 'en',
        school_id: fields.schoolId,
      },
    ],
  });
  return id;
}

/** A sign-in for a person; returns the username and password to sign in with. */
export async function makeAccount(
  db: Db,
  fields: { readonly role: Role; readonly personId: string | null; readonly orgId?: string | null },
) {
  const username = next(fields.role).toLowerCase();
  const password = `pw-${randomUUID()}`;
  const accountId = randomUUID();
  await insertAccount(db, {
    id: accountId,
    person_id: fields.personId,
    username,
    password_hash: await hashPassword(password),
    role: fields.role,
    org_id: fields.orgId ?? null,
    created_at: new Date().toISOString(),
  });
  return { accountId, username, password };
}

/** Links a guardian to a child. */
export async function linkGuardian(
  db: Db,
  guardianId: string,
  studentId: string,
  fields: { readonly active?: 0 | 1; readonly restricted?: 0 | 1 } = {},
): Promise<void> {
  await insertRoster(db, {
    guardianships: [
      {
        guardian_id: guardianId,
        student_id: studentId,
        relation: 'guardian',
        active: fields.active ?? 1,
        restricted: fields.restricted ?? 0,
      },
    ],
  });
}

/** A framework with standards coded "TEST.<n>", in list order. */
export async function makeStandards(db: Db, count: number): Promise<string[]> {
  const frameworkId = randomUUID();
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      source_id: next('FW'),
      title: 'Test framework',
      source_format: 'test',
    })
    .execute();

  const ids = Array.from({ length: count }, () => randomUUID());
  await db
    .insertInto('standards')
    .values(
      ids.map((id, i) => ({
        id,
        framework_id: frameworkId,
        source_id: next('STD'),
        code: `TEST.${counter}.${i + 1}`,
        statement: `Test standard ${i + 1}`,
        list_order: i,
      })),
    )
    .execute();
  return ids;
}

/** A class at a school with its staff, students and standards. */
export async function makeClass(
  db: Db,
  fields: {
    readonly schoolId: string;
    readonly staffIds: readonly string[];
    readonly studentIds: readonly string[];
    readonly standardIds: readonly string[];
    readonly title?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await insertRoster(db, {
    classes: [
      {
        id,
        source_id: next('CLASS'),
        school_id: fields.schoolId,
        title: fields.title ?? 'Test class',
      },
    ],
    classStaff: fields.staffIds.map((staffId) => ({
      class_id: id,
      staff_id: staffId,
      role: 'teacher',
    })),
    enrollments: fields.studentIds.map((studentId) => ({
      class_id: id,
      student_id: studentId,
      begin_date: '2026-08-31',
      end_date: null,
    })),
    classStandards: fields.standardIds.map((standardId, i) => ({
      class_id: id,
      standard_id: standardId,
      list_order: i,
    })),
  });
  return id;
}

/** Evidence for one student on one standard, then the pair's mastery refreshed. */
export async function makeEvidence(
  db: Db,
  fields: {
    readonly studentId: string;
    readonly standardId: string;
    readonly score: number;
    readonly observedAt?: string;
    readonly format?: string;
  },
): Promise<number> {
  await ensureDefaultScale(db);
  const [id] = await insertEvidence(db, [
    {
      student_id: fields.studentId,
      standard_id: fields.standardId,
      score: fields.score,
      observed_at: fields.observedAt ?? '2026-10-01',
      recorded_at: new Date().toISOString(),
      format: fields.format ?? 'written',
      strength: 'Clear steps.',
      next_step: 'Check with an estimate.',
      origin: 'test',
    },
  ]);
  await refreshMastery(db, [{ studentId: fields.studentId, standardId: fields.standardId }]);
  return id!;
}
