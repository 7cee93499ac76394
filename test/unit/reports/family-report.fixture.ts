/**
 * A family report's stored data as plain values, for the pure model and view tests: a
 * synthetic student with three standards at levels 1, 3 and 4 and an IEP with one goal.
 */
import type { FamilyReportData, ReportStandard } from '../../../src/store/family-report.queries.js';

/** Feedback that must stay inert text wherever it is shown. */
export const HOSTILE = '<script>alert(1)</script> {{7*7}}';

/** One standard with a mastery result and feedback. */
export function standardAt(
  code: string,
  level: number | null,
  overrides: Partial<ReportStandard> = {},
): ReportStandard {
  return {
    standardId: `std-${code}`,
    frameworkId: 'ccss-math',
    code,
    statement: `Statement of ${code}.`,
    familyWording: `Family wording of ${code}.`,
    listOrder: null,
    mastery: { method: 'decaying_average', score: level, levelValue: level, evidenceCount: 2 },
    feedback: {
      evidenceCount: 2,
      firstScore: 2,
      lastObservedAt: '2026-10-14',
      strength: `Strength on ${code}.`,
      nextStep: `Next step on ${code}.`,
    },
    ...overrides,
  };
}

/** Rosa Quill: fractions at 1, decimals at 3 (score 3.125), volume at 4, and an IEP. */
export function reportData(overrides: Partial<FamilyReportData> = {}): FamilyReportData {
  return {
    student: {
      id: 'student-rosa',
      sourceId: '604822',
      givenName: 'Rosa',
      familyName: 'Quill',
      gradeLevel: '5',
      schoolId: 'school-maple',
      schoolName: 'Maple Grove Elementary',
      preferredLanguage: 'es',
    },
    standards: [
      standardAt('CCSS.Math.Content.5.NF.A.1', 1, {
        feedback: {
          evidenceCount: 1,
          firstScore: 1,
          lastObservedAt: '2026-10-02',
          strength: HOSTILE,
          nextStep: 'Find a common denominator first.',
        },
      }),
      standardAt('CCSS.Math.Content.5.NBT.A.3', 3, {
        mastery: { method: 'decaying_average', score: 3.125, levelValue: 3, evidenceCount: 2 },
      }),
      standardAt('CCSS.Math.Content.5.MD.C.5', 4),
    ],
    scales: [],
    ieps: [
      {
        id: 'iep-rosa',
        beginDate: '2026-09-08',
        endDate: '2027-09-07',
        reviewDate: '2027-08-20',
        setting: 'General education classroom',
        goals: [
          {
            id: 'goal-1',
            area: 'Math problem solving',
            statement: 'Rosa will solve two-step word problems with 80% accuracy.',
            measurementType: 'percent_correct',
            direction: 'increase',
            baselineValue: 40,
            baselineDate: '2026-09-15',
            targetValue: 80,
            goalDate: '2027-06-11',
          },
        ],
      },
    ],
    ...overrides,
  };
}
