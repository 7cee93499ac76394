import { describe, expect, it } from 'vitest';
import {
  buildFamilyReportModel,
  preferredReportLang,
  reportLanguagesOf,
  storedText,
  type PeriodLevel,
} from '../../../src/reports/family/family-report.model.js';
import { addDays, isIsoDay, resolvePeriod } from '../../../src/reports/family/report-period.js';
import type { ReportGuardian } from '../../../src/store/family-report.queries.js';
import { reportData, standardAt } from './family-report.fixture.js';

const today = '2026-10-20';
const period = { from: '2026-10-01', to: '2026-10-31', source: 'given' } as const;

function level(code: string, startLevel: number | null, endLevel: number | null): PeriodLevel {
  return {
    standardId: `std-${code}`,
    startLevel,
    startMastered: startLevel !== null && startLevel >= 3,
    endLevel,
    endMastered: endLevel !== null && endLevel >= 3,
  };
}

function guardian(id: string, preferredLanguage: string): ReportGuardian {
  return { id, givenName: 'G', familyName: 'H', preferredLanguage };
}

describe('family report period', () => {
  it('shows each standard’s level at the period start, exactly as the engine gave it', () => {
    const data = reportData({
      standards: [standardAt('A.1', 2), standardAt('A.2', 4), standardAt('A.3', 1)],
    });
    const periodLevels = [level('A.1', 1, 2), level('A.2', 3, 4), level('A.3', null, 1)];
    const model = buildFamilyReportModel(data, { lang: 'en', today, period, periodLevels });

    expect(
      model.standards.map((line) => [
        line.code,
        line.started?.value ?? null,
        line.startKind,
        line.startLabel,
        line.startNote,
        line.now?.value,
        line.track,
      ]),
    ).toEqual([
      ['A.1', 1, 'period', 'Start of this period', null, 2, 'on-track'],
      ['A.2', 3, 'period', 'Start of this period', null, 4, 'reached'],
      ['A.3', null, null, 'Start of this period', 'Not checked before this period', 1, 'too-soon'],
    ]);
    expect(model.periodText).toBe('This report covers October 1, 2026 to October 31, 2026.');
  });

  it('celebrates only standards that reached the goal during the period', () => {
    const data = reportData({
      standards: [
        standardAt('B.1', 3),
        standardAt('B.2', 4),
        standardAt('B.3', 4),
        standardAt('B.4', 2),
      ],
    });
    const periodLevels = [
      level('B.1', 2, 3),
      level('B.2', 3, 4),
      level('B.3', null, 4),
      level('B.4', 1, 2),
    ];
    const model = buildFamilyReportModel(data, { lang: 'en', today, period, periodLevels });

    expect(model.milestones.map((line) => [line.code, line.now?.label.text])).toEqual([
      ['B.1', 'Proficient'],
      ['B.3', 'Extending'],
    ]);
    expect(model.milestoneText).toBe('Rosa reached the goal in 2 new skills. Well done!');
  });

  it('reads the level at the period end when the period ended before the report day', () => {
    const data = reportData({ standards: [standardAt('C.1', 4)] });
    const past = { from: '2026-09-01', to: '2026-09-30', source: 'given' } as const;
    const model = buildFamilyReportModel(data, {
      lang: 'en',
      today,
      period: past,
      periodLevels: [level('C.1', 1, 2)],
    });

    expect([model.standards[0]?.now?.value, model.standards[0]?.track]).toEqual([2, 'on-track']);
    expect(model.milestones).toEqual([]);
  });

  it('says a standard is off track when its level has not gone up since the start', () => {
    const data = reportData({ standards: [standardAt('D.1', 2)] });
    const model = buildFamilyReportModel(data, {
      lang: 'en',
      today,
      period,
      periodLevels: [level('D.1', 2, 2)],
    });

    expect(model.standards[0]?.trackText).toBe('Not yet. More practice will help.');
  });

  it('compares the first and last scores of the period when there is no start level', () => {
    const rising = standardAt('E.1', 3, {
      scores: [
        { score: 1, observedAt: '2026-10-02' },
        { score: 3, observedAt: '2026-10-12' },
      ],
      mastery: { method: 'most_recent', score: 2, levelValue: 2, evidenceCount: 2 },
    });
    const model = buildFamilyReportModel(reportData({ standards: [rising] }), {
      lang: 'en',
      today,
      period,
      periodLevels: [level('E.1', null, 2)],
    });

    expect(model.standards[0]?.track).toBe('on-track');
  });
});

describe('report language and translations', () => {
  it('picks the first guardian’s language, then the student’s, then English', () => {
    const twoParents = reportData({ guardians: [guardian('g1', 'ar'), guardian('g2', 'es-MX')] });
    const noLanguage = reportData({ guardians: [guardian('g1', 'fr')] });
    const none = reportData({
      guardians: [],
      student: { ...reportData().student, preferredLanguage: 'Klingon' },
    });

    expect(preferredReportLang(twoParents)).toBe('ar');
    expect(reportLanguagesOf(twoParents)).toEqual(['ar', 'es']);
    expect(reportLanguagesOf(noLanguage)).toEqual(['es']);
    expect(reportLanguagesOf(none)).toEqual(['en']);
  });

  it('shows a person’s translation of a standard and marks the rest as English', () => {
    const data = reportData({
      translations: [
        {
          entity: 'standard',
          entityId: 'std-CCSS.Math.Content.5.MD.C.5',
          field: 'family_wording',
          lang: 'vi',
          text: 'Tính thể tích của một cái hộp bằng phép nhân.',
        },
      ],
    });
    const model = buildFamilyReportModel(data, { lang: 'vi', today });

    expect(model.standards.map((line) => [line.title.text, line.title.untranslated])).toEqual([
      ['Tính thể tích của một cái hộp bằng phép nhân.', false],
      ['Family wording of CCSS.Math.Content.5.NBT.A.3.', true],
      ['Family wording of CCSS.Math.Content.5.NF.A.1.', true],
    ]);
  });

  it('never uses a translation into another language or a blank one', () => {
    const key = { entity: 'iep_goal', id: 'g1', field: 'statement' };
    const rows = [
      { entity: 'iep_goal', entityId: 'g1', field: 'statement', lang: 'es', text: 'Meta.' },
      { entity: 'iep_goal', entityId: 'g1', field: 'statement', lang: 'zh-Hans', text: ' ' },
    ];

    expect(storedText('Goal.', rows, key, 'zh')).toEqual({
      text: 'Goal.',
      lang: 'en',
      untranslated: true,
    });
    expect(storedText('Goal.', rows, key, 'es').text).toBe('Meta.');
    expect(storedText('Goal.', rows, key, 'en').untranslated).toBe(false);
  });
});

describe('reporting period', () => {
  const sessions = [
    { id: 'y', name: 'Year', startDate: '2026-08-20', endDate: '2027-06-10' },
    { id: 't', name: 'Autumn', startDate: '2026-08-20', endDate: '2026-12-18' },
  ];

  it('uses the dates asked for, filling a missing end with the report day', () => {
    expect(resolvePeriod({ from: '2026-09-01', to: '2026-09-30' }, sessions, today)).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
      source: 'given',
    });
    expect(resolvePeriod({ from: '2026-09-01' }, sessions, today).to).toBe(today);
    expect(resolvePeriod({ to: '2026-09-30' }, sessions, today).from).toBe('2026-07-03');
  });

  it('defaults to the shortest academic session covering the report day', () => {
    expect(resolvePeriod({}, sessions, today)).toEqual({
      from: '2026-08-20',
      to: '2026-12-18',
      source: 'session',
    });
  });

  it('falls back to the last 90 days, the report day included', () => {
    expect(resolvePeriod({}, [], today)).toEqual({
      from: '2026-07-23',
      to: '2026-10-20',
      source: 'recent',
    });
  });

  it('counts days across months and checks calendar days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(['2026-02-28', '2026-02-30', '2026-2-1', 'soon'].map(isIsoDay)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
