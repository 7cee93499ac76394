import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyReportHtml } from '../../src/reports/family/family-report.js';
import {
  findStudentBySourceId,
  loadFamilyReportData,
  type FamilyReportData,
} from '../../src/store/family-report.queries.js';
import {
  seedReportStudent,
  seedStandard,
  seedStudent,
  seedEvidence,
} from '../support/report-seed.js';
import { createTestStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let data: FamilyReportData;

beforeAll(async () => {
  store = await createTestStore();
  const studentId = await seedReportStudent(store.db);
  data = (await loadFamilyReportData(store.db, studentId))!;
});

afterAll(async () => {
  await store.destroy();
});

function standardByCode(code: string) {
  return data.standards.find((standard) => standard.code === code);
}

describe('family report queries', () => {
  it('finds a student by the identifier from the import, or by id', async () => {
    expect(await findStudentBySourceId(store.db, '604822')).toBe('student-rosa');
    expect(await findStudentBySourceId(store.db, 'student-rosa')).toBe('student-rosa');
    expect(await findStudentBySourceId(store.db, '999999')).toBeNull();
  });

  it('answers null for a student that does not exist', async () => {
    expect(await loadFamilyReportData(store.db, 'student-nobody')).toBeNull();
    expect(await familyReportHtml(store.db, 'student-nobody')).toBeNull();
  });

  it('reads the student with grade, school and preferred language', () => {
    expect(data.student).toEqual({
      id: 'student-rosa',
      sourceId: '604822',
      givenName: 'Rosa',
      familyName: 'Quill',
      gradeLevel: '5',
      schoolId: 'school-maple',
      schoolName: 'Maple Grove Elementary',
      preferredLanguage: 'es',
    });
  });

  it('shows Ed-Fi evidence through the Common Core standard it is aligned to', () => {
    expect(data.standards.map((standard) => standard.code).sort()).toEqual([
      'CCSS.Math.Content.5.MD.C.5',
      'CCSS.Math.Content.5.NBT.A.3',
      'CCSS.Math.Content.5.NF.A.1',
    ]);
    expect(standardByCode('CCSS.Math.Content.5.NBT.A.3')).toMatchObject({
      standardId: 'edfi-cc-5-nbt-3',
      frameworkId: 'ccss-math',
      statement: 'Read, write, and compare decimals to thousandths.',
      familyWording: 'Reads, writes and compares decimals like 0.125.',
      mastery: { method: 'decaying_average', score: 3.125, levelValue: 3, evidenceCount: 2 },
    });
  });

  it('falls back to the statement when a standard has no family wording', () => {
    expect(standardByCode('CCSS.Math.Content.5.NF.A.1')?.familyWording).toBe(
      'Add and subtract fractions with unlike denominators (including mixed numbers).',
    );
  });

  it('takes the latest strength and next step and the first score, leaving out excluded evidence', () => {
    expect(standardByCode('CCSS.Math.Content.5.NBT.A.3')?.feedback).toEqual({
      evidenceCount: 2,
      firstScore: 2,
      lastObservedAt: '2026-10-14',
      strength: 'Compared 0.45 and 0.405 and explained why.',
      nextStep: 'Practice writing decimals in words.',
    });
    expect(standardByCode('CCSS.Math.Content.5.NF.A.1')?.feedback).toMatchObject({
      evidenceCount: 1,
      nextStep: 'Find a common denominator first.',
    });
  });

  it('reads the IEP with its dates, setting and goals in area order', () => {
    expect(data.ieps).toHaveLength(1);
    expect(data.ieps[0]).toMatchObject({
      beginDate: '2026-09-08',
      endDate: '2027-09-07',
      reviewDate: '2027-08-20',
      setting: 'General education classroom with pull-out support',
    });
    expect(
      data.ieps[0]?.goals.map((goal) => [goal.area, goal.baselineValue, goal.targetValue]),
    ).toEqual([
      ['Math problem solving', 40, 80],
      ['Reading fluency', 72, 95],
    ]);
  });

  it('reads stored proficiency scales with their levels lowest first', async () => {
    await store.db
      .insertInto('proficiency_scales')
      .values({ id: 'maple-scale', name: 'Maple', scope_kind: 'school', scope_id: 'school-maple' })
      .execute();
    const level = {
      scale_id: 'maple-scale',
      descriptor: 'd',
      color: '#eeeeee',
      student_wording: 's',
    };
    await store.db
      .insertInto('scale_levels')
      .values([
        { ...level, value: 2, label: 'Got it', family_wording: 'Has it.', is_mastery: 1 },
        { ...level, value: 1, label: 'Not yet', family_wording: 'Not yet.', is_mastery: 0 },
      ])
      .execute();

    const reloaded = await loadFamilyReportData(store.db, 'student-rosa');
    const maple = reloaded?.scales.find((scale) => scale.id === 'maple-scale');
    expect(maple).toMatchObject({ scopeKind: 'school', scopeId: 'school-maple' });
    expect(maple?.levels.map((l) => [l.value, l.label, l.isMastery])).toEqual([
      [1, 'Not yet', false],
      [2, 'Got it', true],
    ]);
  });

  it('follows an alignment written in either direction', async () => {
    const student = await seedStudent(store.db, {
      id: 'student-tam',
      given: 'Tam',
      family: 'Ostrander',
    });
    await seedStandard(store.db, {
      id: 'ccss-5-oa-a-1',
      frameworkId: 'ccss-math',
      code: 'CCSS.Math.Content.5.OA.A.1',
      statement: 'Use parentheses, brackets, or braces in numerical expressions.',
    });
    await seedStandard(store.db, {
      id: 'edfi-cc-5-oa-1',
      frameworkId: 'edfi-grand-bend',
      code: 'CC.5.OA.1',
      statement: 'Ed-Fi copy of 5.OA.1.',
    });
    await store.db
      .insertInto('standard_alignments')
      .values({
        standard_id: 'ccss-5-oa-a-1',
        aligned_standard_id: 'edfi-cc-5-oa-1',
        kind: 'exactMatchOf',
      })
      .execute();
    await seedEvidence(store.db, {
      studentId: student,
      standardId: 'edfi-cc-5-oa-1',
      score: 2,
      observedAt: '2026-10-01',
    });

    const tam = await loadFamilyReportData(store.db, student);
    expect(tam?.standards.map((s) => [s.code, s.mastery, s.feedback.evidenceCount])).toEqual([
      ['CCSS.Math.Content.5.OA.A.1', null, 1],
    ]);
    expect(tam?.ieps).toEqual([]);
  });

  it('renders the report in the preferred language when none is asked for', async () => {
    const html = await familyReportHtml(store.db, 'student-rosa', { today: '2026-10-20' });

    expect(html).toContain('<html lang="es" dir="ltr">');
    expect(html).toContain('CCSS.Math.Content.5.NBT.A.3');
    expect(html).toContain('20 de octubre de 2026');
  });
});
