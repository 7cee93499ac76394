import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyReportHtml, loadPeriodLevels } from '../../src/reports/family/family-report.js';
import {
  listReportStudents,
  loadFamilyReportData,
  loadReportSessions,
  type FamilyReportData,
} from '../../src/store/family-report.queries.js';
import {
  seedEvidence,
  seedGuardian,
  seedReportContext,
  seedReportStudent,
  seedStandard,
  seedStudent,
} from '../support/report-seed.js';
import { createTestStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let data: FamilyReportData;

beforeAll(async () => {
  store = await createTestStore();
  await seedReportStudent(store.db);
  await seedReportContext(store.db);
  data = (await loadFamilyReportData(store.db, 'student-rosa'))!;
});

afterAll(async () => {
  await store.destroy();
});

describe('family report period, contact and languages', () => {
  it('reads the guardians, the class teachers (teacher first) and the school contact', () => {
    expect(data.guardians).toEqual([
      { id: 'guardian-samira', givenName: 'Samira', familyName: 'Quill', preferredLanguage: 'ar' },
    ]);
    expect(data.teachers?.map((teacher) => [teacher.name, teacher.email])).toEqual([
      ['Imani Okafor', 'i.okafor@maple.example.org'],
      ['Petra Lund', 'p.lund@maple.example.org'],
    ]);
    expect(data.contact).toEqual({
      phone: '+1 555 0100',
      email: 'office@maple.example.org',
      conferenceUrl: 'https://maple.example.org/meet',
    });
  });

  it('reads translations of the shown standards and each scored piece of evidence', () => {
    expect(data.translations).toEqual([
      {
        entity: 'standard',
        entityId: 'ccss-5-md-c-5',
        field: 'family_wording',
        lang: 'es',
        text: 'Halla el volumen de una caja multiplicando.',
      },
    ]);
    const decimals = data.standards.find((s) => s.standardId === 'edfi-cc-5-nbt-3');
    expect(decimals?.shownId).toBe('ccss-5-nbt-a-3');
    expect(decimals?.scores).toEqual([
      { score: 2, observedAt: '2026-09-20' },
      { score: 3, observedAt: '2026-10-14' },
    ]);
  });

  it('reads the levels at the start and end of October from the mastery engine', async () => {
    const levels = await loadPeriodLevels(store.db, data, {
      from: '2026-10-01',
      to: '2026-10-31',
      source: 'given',
    });

    expect(
      [...levels]
        .sort((a, b) => a.standardId.localeCompare(b.standardId))
        .map((row) => [row.standardId, row.startLevel, row.endLevel, row.endMastered]),
    ).toEqual(EXPECTED_OCTOBER_LEVELS);
  });

  it('lists the sessions with dates for choosing the period', async () => {
    expect((await loadReportSessions(store.db, 'school-maple')).map((s) => s.id).sort()).toEqual([
      'session-2026',
      'term-autumn-2026',
    ]);
  });

  it('writes the report in the guardian’s language for the term covering the report day', async () => {
    const html = (await familyReportHtml(store.db, 'student-rosa', { today: '2026-10-20' }))!;

    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('يغطي هذا التقرير الفترة من 1 سبتمبر 2026 إلى 18 ديسمبر 2026.');
    expect(html).toContain('Imani Okafor (Math 5A)');
  });

  it('uses a person’s translation of a standard in Spanish', async () => {
    const html = (await familyReportHtml(store.db, 'student-rosa', {
      lang: 'es',
      today: '2026-10-20',
    }))!;

    expect(html).toContain('Halla el volumen de una caja multiplicando.');
    expect(html).not.toContain('Finds the volume of a box by multiplying. <span class="untr');
  });

  it('celebrates a standard that crossed the goal in the period, not one that was there before', async () => {
    const html = (await familyReportHtml(store.db, 'student-rosa', {
      lang: 'en',
      today: '2026-10-20',
      from: '2026-10-01',
      to: '2026-10-31',
    }))!;
    const celebration = html.slice(
      html.indexOf('class="milestones"'),
      html.indexOf('class="legend"'),
    );

    expect(celebration).toContain('Reads, writes and compares decimals like 0.125.');
    expect(celebration).toContain('Finds the volume of a box by multiplying.');
    expect(celebration).not.toContain('Add and subtract fractions');
  });

  it('lists the students of a class or a school in identifier order', async () => {
    await seedStudent(
      store.db,
      { id: 'student-ana', sourceId: '100001', given: 'Ana', family: 'Bo' },
      'school-maple',
    );
    await seedGuardian(store.db, 'student-ana', {
      id: 'g-ana',
      given: 'L',
      family: 'Bo',
      lang: 'vi',
      restricted: 1,
    });
    await seedStandard(store.db, {
      id: 'x-1',
      frameworkId: 'ccss-math',
      code: 'X.1',
      statement: 'X.',
    });
    await seedEvidence(store.db, {
      studentId: 'student-ana',
      standardId: 'x-1',
      score: 2,
      observedAt: '2026-10-03',
    });

    expect(await listReportStudents(store.db, { classId: 'class-math-5a' })).toEqual([
      { id: 'student-rosa', sourceId: '604822' },
    ]);
    expect(await listReportStudents(store.db, { schoolId: 'school-maple' })).toEqual([
      { id: 'student-ana', sourceId: '100001' },
      { id: 'student-rosa', sourceId: '604822' },
    ]);
    expect((await loadFamilyReportData(store.db, 'student-ana'))?.guardians).toEqual([]);
  });
});

/**
 * Under the default decaying average (weight 0.65 on the newer score): volume 4 on Oct 16 only
 * (no level before October); fractions 1 on Oct 2 (the excluded 4 does not count); decimals 2
 * on Sep 20, so 2 at the start, and 2 · 0.35 + 3 · 0.65 = 2.65, level 2, at the end.
 */
const EXPECTED_OCTOBER_LEVELS = [
  ['ccss-5-md-c-5', null, 4, true],
  ['ccss-5-nf-a-1', null, 1, false],
  ['edfi-cc-5-nbt-3', 2, 2, false],
];
