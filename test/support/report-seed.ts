/**
 * Small factories for report tests: a school, a synthetic student, standards (with an Ed-Fi
 * style code aligned to a Common Core one), evidence with feedback, mastery results and an IEP
 * with goals. Every person here is made up.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

type Db = Kysely<Database>;

/** Inserts a school; returns its id. */
export async function seedSchool(db: Db, id = 'school-maple', name = 'Maple Grove Elementary') {
  await db
    .insertInto('organizations')
    .values({ id, source_id: id, name, kind: 'school', parent_id: null })
    .execute();
  return id;
}

/** Inserts a student; returns the id. */
export async function seedStudent(
  db: Db,
  values: { id: string; sourceId?: string; given: string; family: string; lang?: string },
  schoolId: string | null = null,
): Promise<string> {
  await db
    .insertInto('people')
    .values({
      id: values.id,
      source_id: values.sourceId ?? values.id,
      kind: 'student',
      given_name: values.given,
      family_name: values.family,
      email: null,
      grade_level: '5',
      preferred_language: values.lang ?? 'en',
      school_id: schoolId,
    })
    .execute();
  return values.id;
}

/** Inserts a framework if it is not there yet. */
export async function seedFramework(db: Db, id: string, title = id): Promise<string> {
  const found = await db
    .selectFrom('frameworks')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) {
    await db
      .insertInto('frameworks')
      .values({
        id,
        source_id: id,
        title,
        creator: null,
        subject: 'Math',
        version: null,
        source_format: 'test',
      })
      .execute();
  }
  return id;
}

/** Inserts a standard; returns its id. */
export async function seedStandard(
  db: Db,
  values: {
    id: string;
    frameworkId: string;
    code: string;
    statement: string;
    familyWording?: string;
  },
): Promise<string> {
  await seedFramework(db, values.frameworkId);
  await db
    .insertInto('standards')
    .values({
      id: values.id,
      framework_id: values.frameworkId,
      source_id: values.id,
      code: values.code,
      statement: values.statement,
      student_wording: null,
      family_wording: values.familyWording ?? null,
      parent_id: null,
      item_type: 'Standard',
      grade_levels: '05',
      list_order: null,
    })
    .execute();
  return values.id;
}

/** Inserts one piece of evidence with feedback. */
export async function seedEvidence(
  db: Db,
  values: {
    studentId: string;
    standardId: string;
    score: number | null;
    observedAt: string;
    strength?: string | null;
    nextStep?: string | null;
    excluded?: 0 | 1;
  },
): Promise<void> {
  await db
    .insertInto('evidence')
    .values({
      source_id: null,
      student_id: values.studentId,
      standard_id: values.standardId,
      task_id: null,
      revises_id: null,
      score: values.score,
      observed_at: values.observedAt,
      recorded_at: `${values.observedAt}T12:00:00.000Z`,
      judged_by: null,
      format: 'written',
      strength: values.strength ?? null,
      next_step: values.nextStep ?? null,
      supports: null,
      excluded: values.excluded ?? 0,
      exclusion_reason: null,
      origin: 'test',
    })
    .execute();
}

/** Inserts a mastery result. */
export async function seedMastery(
  db: Db,
  values: {
    studentId: string;
    standardId: string;
    score: number | null;
    level: number | null;
    count: number;
  },
): Promise<void> {
  await db
    .insertInto('mastery_results')
    .values({
      student_id: values.studentId,
      standard_id: values.standardId,
      method: 'decaying_average',
      param: 0.65,
      score: values.score,
      level_value: values.level,
      evidence_count: values.count,
      computed_at: '2026-10-20T08:00:00.000Z',
    })
    .execute();
}

/** Inserts an IEP with goals; returns the IEP id. */
export async function seedIep(
  db: Db,
  studentId: string,
  goals: ReadonlyArray<{ area: string; statement: string; baseline: number; target: number }>,
): Promise<string> {
  const id = `iep-${studentId}`;
  await db
    .insertInto('ieps')
    .values({
      id,
      source_id: id,
      student_id: studentId,
      begin_date: '2026-09-08',
      end_date: '2027-09-07',
      review_date: '2027-08-20',
      reevaluation_date: null,
      setting: 'General education classroom with pull-out support',
      disability: null,
      case_manager_id: null,
      service_hours_per_week: 3,
      present_levels: null,
    })
    .execute();

  for (const [index, goal] of goals.entries()) {
    await db
      .insertInto('iep_goals')
      .values({
        id: `${id}-goal-${index + 1}`,
        iep_id: id,
        area: goal.area,
        statement: goal.statement,
        baseline_date: '2026-09-15',
        baseline_value: goal.baseline,
        baseline_method: 'probe',
        target_value: goal.target,
        goal_date: '2027-06-11',
        measurement_type: 'percent_correct',
        direction: 'increase',
        criterion_json: null,
      })
      .execute();
  }
  return id;
}

/** The hostile feedback the view tests keep inert. */
export const HOSTILE_TEXT = '<script>alert(1)</script> {{7*7}} ${7*7}';

/**
 * A whole report's worth of rows for one synthetic student, Rosa Quill (source id 604822):
 * three Common Core standards at levels 1, 3 and 4 (one reached through an Ed-Fi code aligned
 * to it), feedback on each, one excluded piece of evidence, and an IEP with two goals.
 * Returns the student's id.
 */
export async function seedReportStudent(db: Db, lang = 'es'): Promise<string> {
  const school = await seedSchool(db);
  const student = await seedStudent(
    db,
    { id: 'student-rosa', sourceId: '604822', given: 'Rosa', family: 'Quill', lang },
    school,
  );

  await seedStandard(db, {
    id: 'ccss-5-nbt-a-3',
    frameworkId: 'ccss-math',
    code: 'CCSS.Math.Content.5.NBT.A.3',
    statement: 'Read, write, and compare decimals to thousandths.',
    familyWording: 'Reads, writes and compares decimals like 0.125.',
  });
  await seedStandard(db, {
    id: 'edfi-cc-5-nbt-3',
    frameworkId: 'edfi-grand-bend',
    code: 'CC.5.NBT.3',
    statement: 'Read, write, and compare decimals to thousandths (Ed-Fi copy).',
  });
  await db
    .insertInto('standard_alignments')
    .values({
      standard_id: 'edfi-cc-5-nbt-3',
      aligned_standard_id: 'ccss-5-nbt-a-3',
      kind: 'exactMatchOf',
    })
    .execute();
  await seedStandard(db, {
    id: 'ccss-5-nf-a-1',
    frameworkId: 'ccss-math',
    code: 'CCSS.Math.Content.5.NF.A.1',
    statement: 'Add and subtract fractions with unlike denominators (including mixed numbers).',
  });
  await seedStandard(db, {
    id: 'ccss-5-md-c-5',
    frameworkId: 'ccss-math',
    code: 'CCSS.Math.Content.5.MD.C.5',
    statement: 'Relate volume to the operations of multiplication and addition.',
    familyWording: 'Finds the volume of a box by multiplying.',
  });

  await seedEvidence(db, {
    studentId: student,
    standardId: 'edfi-cc-5-nbt-3',
    score: 2,
    observedAt: '2026-09-20',
  });
  await seedEvidence(db, {
    studentId: student,
    standardId: 'edfi-cc-5-nbt-3',
    score: 3,
    observedAt: '2026-10-14',
    strength: 'Compared 0.45 and 0.405 and explained why.',
    nextStep: 'Practice writing decimals in words.',
  });
  await seedMastery(db, {
    studentId: student,
    standardId: 'edfi-cc-5-nbt-3',
    score: 3.125,
    level: 3,
    count: 2,
  });

  await seedEvidence(db, {
    studentId: student,
    standardId: 'ccss-5-nf-a-1',
    score: 1,
    observedAt: '2026-10-02',
    strength: HOSTILE_TEXT,
    nextStep: 'Find a common denominator first.',
  });
  await seedEvidence(db, {
    studentId: student,
    standardId: 'ccss-5-nf-a-1',
    score: 4,
    observedAt: '2026-10-09',
    nextStep: 'Ignored: this evidence is excluded.',
    excluded: 1,
  });
  await seedMastery(db, {
    studentId: student,
    standardId: 'ccss-5-nf-a-1',
    score: 1,
    level: 1,
    count: 1,
  });

  await seedEvidence(db, {
    studentId: student,
    standardId: 'ccss-5-md-c-5',
    score: 4,
    observedAt: '2026-10-16',
    strength: 'Built a box from cubes and found its volume two ways.',
    nextStep: 'Try boxes made of two parts.',
  });
  await seedMastery(db, {
    studentId: student,
    standardId: 'ccss-5-md-c-5',
    score: 4,
    level: 4,
    count: 1,
  });

  await seedIep(db, student, [
    {
      area: 'Reading fluency',
      statement: 'Rosa will read a grade 4 passage aloud with 95% accuracy in 4 of 5 tries.',
      baseline: 72,
      target: 95,
    },
    {
      area: 'Math problem solving',
      statement: 'Rosa will solve two-step word problems with 80% accuracy.',
      baseline: 40,
      target: 80,
    },
  ]);
  return student;
}

/** A guardian of a student with a preferred language; returns the guardian's id. */
export async function seedGuardian(
  db: Db,
  studentId: string,
  values: { id: string; given: string; family: string; lang: string; restricted?: 0 | 1 },
): Promise<string> {
  await db
    .insertInto('people')
    .values({
      id: values.id,
      source_id: values.id,
      kind: 'guardian',
      given_name: values.given,
      family_name: values.family,
      email: null,
      grade_level: null,
      preferred_language: values.lang,
      school_id: null,
    })
    .execute();
  await db
    .insertInto('guardianships')
    .values({
      guardian_id: values.id,
      student_id: studentId,
      relation: 'parent',
      restricted: values.restricted ?? 0,
    })
    .execute();
  return values.id;
}

/**
 * Everything around Rosa a family report's period, contact and languages read: the autumn
 * term 2026-09-01..2026-12-18, a math class taught by Ms. Imani Okafor (with a co-teacher),
 * the school's phone, email and booking link, a guardian who reads Arabic, and a Spanish
 * translation of the volume standard's family wording. Call after seedReportStudent.
 */
export async function seedReportContext(db: Db, studentId = 'student-rosa'): Promise<void> {
  await db
    .insertInto('academic_sessions')
    .values([
      {
        id: 'session-2026',
        source_id: 'session-2026',
        org_id: 'school-maple',
        name: 'School year 2026-2027',
        kind: 'schoolYear',
        start_date: '2026-08-24',
        end_date: '2027-06-11',
      },
      {
        id: 'term-autumn-2026',
        source_id: 'term-autumn-2026',
        org_id: 'school-maple',
        name: 'Autumn term 2026',
        kind: 'term',
        start_date: '2026-09-01',
        end_date: '2026-12-18',
      },
    ])
    .execute();

  const staff = (id: string, given: string, family: string, email: string) => ({
    id,
    source_id: id,
    kind: 'staff' as const,
    given_name: given,
    family_name: family,
    email,
    grade_level: null,
    preferred_language: 'en',
    school_id: 'school-maple',
  });
  await db
    .insertInto('people')
    .values([
      staff('staff-okafor', 'Imani', 'Okafor', 'i.okafor@maple.example.org'),
      staff('staff-lund', 'Petra', 'Lund', 'p.lund@maple.example.org'),
    ])
    .execute();
  await db
    .insertInto('classes')
    .values({
      id: 'class-math-5a',
      source_id: 'MATH-5A',
      school_id: 'school-maple',
      session_id: 'term-autumn-2026',
      title: 'Math 5A',
      course_code: 'MATH5',
      subject: 'Math',
      grade_level: '5',
    })
    .execute();
  await db
    .insertInto('class_staff')
    .values([
      { class_id: 'class-math-5a', staff_id: 'staff-lund', role: 'co-teacher' },
      { class_id: 'class-math-5a', staff_id: 'staff-okafor', role: 'teacher' },
    ])
    .execute();
  await db
    .insertInto('enrollments')
    .values({ class_id: 'class-math-5a', student_id: studentId, begin_date: null, end_date: null })
    .execute();

  await db
    .insertInto('school_contacts')
    .values({
      school_id: 'school-maple',
      phone: '+1 555 0100',
      email: 'office@maple.example.org',
      conference_url: 'https://maple.example.org/meet',
    })
    .execute();
  await seedGuardian(db, studentId, {
    id: 'guardian-samira',
    given: 'Samira',
    family: 'Quill',
    lang: 'ar',
  });
  await db
    .insertInto('text_translations')
    .values({
      entity: 'standard',
      entity_id: 'ccss-5-md-c-5',
      field: 'family_wording',
      lang: 'es',
      text: 'Halla el volumen de una caja multiplicando.',
      translated_by: 'staff-okafor',
      updated_at: '2026-10-01T00:00:00.000Z',
    })
    .execute();
}
