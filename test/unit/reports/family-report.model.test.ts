import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';
import {
  buildFamilyReportModel,
  localScore,
  reportScale,
} from '../../../src/reports/family/family-report.model.js';
import type { ScopedScale } from '../../../src/store/family-report.queries.js';
import { HOSTILE, reportData, standardAt } from './family-report.fixture.js';

const today = '2026-10-20';

describe('family report model', () => {
  it('leads with how many skills reached the goal', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });

    expect(model.summary).toBe('Rosa has reached the goal in 2 of 3 skills.');
    expect(model.reportDate).toBe('October 20, 2026');
    expect(model.grade?.text).toBe('Grade 5');
  });

  it('shows each standard at levels 1, 3 and 4 with its word, symbol and goal status', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });
    const byCode = new Map(model.standards.map((line) => [line.code, line]));

    const fractions = byCode.get('CCSS.Math.Content.5.NF.A.1');
    expect([fractions?.now?.label.text, fractions?.now?.symbol, fractions?.status]).toEqual([
      'Beginning',
      '○',
      'not-yet',
    ]);
    expect(fractions?.statusText).toBe('Not at the goal yet');

    const decimals = byCode.get('CCSS.Math.Content.5.NBT.A.3');
    expect([decimals?.now?.label.text, decimals?.now?.symbol, decimals?.status]).toEqual([
      'Proficient',
      '◕',
      'met',
    ]);
    expect(decimals?.started?.label.text).toBe('Developing');

    const volume = byCode.get('CCSS.Math.Content.5.MD.C.5');
    expect([volume?.now?.label.text, volume?.now?.symbol, volume?.statusText]).toEqual([
      'Extending',
      '●',
      'Goal reached',
    ]);
  });

  it('lists standards in code order, reading numbers as numbers', () => {
    const data = reportData({
      standards: [
        standardAt('5.NBT.A.10', 2),
        standardAt('5.NBT.A.3', 2),
        standardAt('5.MD.C.5', 2),
      ],
    });
    const model = buildFamilyReportModel(data, { lang: 'en', today });

    expect(model.standards.map((line) => line.code)).toEqual([
      '5.MD.C.5',
      '5.NBT.A.3',
      '5.NBT.A.10',
    ]);
  });

  it('explains every level of the scale in the legend and marks the goal', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });

    expect(model.legend.map((badge) => [badge.label.text, badge.symbol, badge.isGoal])).toEqual([
      ['Beginning', '○', false],
      ['Developing', '◔', false],
      ['Proficient', '◕', true],
      ['Extending', '●', false],
    ]);
    expect(model.legend[0]?.meaning.text).toBe(DEFAULT_SCALE.levels[0]?.familyWording);
    expect(model.goalLevel.label.text).toBe('Proficient');
  });

  it('says how much work a level rests on, with the score to two decimals half up', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });
    const decimals = model.standards.find((line) => line.code === 'CCSS.Math.Content.5.NBT.A.3');

    expect(decimals?.basis).toBe(
      'Based on 2 pieces of work. Last checked: October 14, 2026. Score: 3.13 out of 4.',
    );
  });

  it('keeps feedback exactly as the teacher wrote it', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });
    const fractions = model.standards.find((line) => line.code === 'CCSS.Math.Content.5.NF.A.1');

    expect(fractions?.strength).toBe(HOSTILE);
    expect(fractions?.nextStep).toBe('Find a common denominator first.');
  });

  it('shows a standard with evidence but no score as having no level yet', () => {
    const unscored = standardAt('5.G.A.1', null, { mastery: null });
    const model = buildFamilyReportModel(reportData({ standards: [unscored] }), {
      lang: 'en',
      today,
    });

    expect(model.standards[0]?.now).toBeNull();
    expect(model.standards[0]?.statusText).toBe('No level yet');
    expect(model.summary).toBe('There is no work to report yet.');
  });

  it('sums up the IEP goals with baseline, target and goal date', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today });

    expect(model.iep?.dates).toBe('Plan dates: September 8, 2026 to September 7, 2027.');
    expect(model.iep?.review).toBe('Next review: August 20, 2027.');
    expect(model.iep?.goals[0]).toMatchObject({
      area: { text: 'Math problem solving', untranslated: false },
      baseline: '40%',
      target: '80%',
      goalDate: 'June 11, 2027',
    });
  });

  it('has no IEP section for a student without an IEP', () => {
    const model = buildFamilyReportModel(reportData({ ieps: [] }), { lang: 'en', today });

    expect(model.iep).toBeNull();
  });

  it('writes Spanish and marks stored English text as untranslated', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'es', today });

    expect(model.summary).toBe('Rosa alcanzó la meta en 2 de 3 destrezas.');
    expect(model.reportDate).toBe('20 de octubre de 2026');
    expect(model.legend.map((badge) => badge.label.text)).toEqual([
      'Inicial',
      'En desarrollo',
      'Competente',
      'Avanzado',
    ]);
    expect(model.standards[0]?.title).toEqual({
      text: 'Family wording of CCSS.Math.Content.5.MD.C.5.',
      lang: 'en',
      untranslated: true,
    });
    expect(model.standards[1]?.basis).toContain('Puntuación: 3,13 de 4.');
    expect(model.iep?.goals[0]?.baseline).toBe('40\u00a0%');
    expect(model.hasUntranslated).toBe(true);
  });

  it('reads levels on the stored scale nearest to the school instead of the default', () => {
    const school: ScopedScale = {
      id: 'maple-scale',
      name: 'Maple three levels',
      scopeKind: 'school',
      scopeId: 'school-maple',
      levels: [
        { ...DEFAULT_SCALE.levels[0]!, value: 1, label: 'Not yet', isMastery: false },
        { ...DEFAULT_SCALE.levels[0]!, value: 2, label: 'Got it', isMastery: true },
        { ...DEFAULT_SCALE.levels[0]!, value: 3, label: 'Beyond', isMastery: false },
      ],
    };
    const data = reportData({
      scales: [{ ...school, id: 'district', scopeKind: 'district' }, school],
    });
    const model = buildFamilyReportModel(data, { lang: 'en', today });

    expect(reportScale(data).id).toBe('maple-scale');
    expect(model.legend.map((badge) => [badge.label.text, badge.symbol])).toEqual([
      ['Not yet', '○'],
      ['Got it', '◑'],
      ['Beyond', '●'],
    ]);
    expect(model.standards.map((line) => line.statusText)).toEqual([
      'Goal reached',
      'Goal reached',
      'Not at the goal yet',
    ]);
  });

  it('formats scores half up with the decimal mark of the language', () => {
    expect(localScore(2.675, 'en')).toBe('2.68');
    expect(localScore(3, 'en')).toBe('3.00');
    expect(localScore(3.125, 'es')).toBe('3,13');
  });
});
