import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  checkScale,
  DEFAULT_SCALE,
  formatScore,
  levelFor,
  nearestScoped,
  type ProficiencyScale,
} from '../../../src/domain/scale.js';

/** WCAG relative luminance of a #rrggbb color. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('DEFAULT_SCALE', () => {
  it('has four levels, 3 Proficient as the mastery threshold', () => {
    expect(DEFAULT_SCALE.levels.map((l) => `${l.value} ${l.label}`)).toEqual([
      '1 Beginning',
      '2 Developing',
      '3 Proficient',
      '4 Extending',
    ]);
    expect(DEFAULT_SCALE.levels.filter((l) => l.isMastery).map((l) => l.value)).toEqual([3]);
    expect(checkScale(DEFAULT_SCALE)).toEqual([]);
  });

  it('uses colors on which dark text passes WCAG AA contrast', () => {
    for (const level of DEFAULT_SCALE.levels)
      expect(contrast(level.color, '#1a1a1a')).toBeGreaterThan(4.5);
  });

  it('words every level for students as "I can ..."', () => {
    for (const level of DEFAULT_SCALE.levels) expect(level.studentWording).toMatch(/^I can /);
  });

  it('runs scores from 0 to 4 with the threshold at 3', () => {
    expect(boundsOf(DEFAULT_SCALE)).toEqual({ min: 0, max: 4, mastery: 3 });
  });
});

describe('checkScale', () => {
  const level = DEFAULT_SCALE.levels[0]!;

  it('reports values that do not increase and a missing mastery level', () => {
    const scale: ProficiencyScale = {
      id: 's',
      name: 'bad',
      levels: [1, 3, 2].map((value) => ({ ...level, value, isMastery: false })),
    };
    expect(checkScale(scale)).toEqual([
      "levels[2].value: 2 is not above the previous level's 3",
      'levels: no level is the mastery threshold; mark exactly one',
    ]);
  });

  it('reports two mastery levels, a blank label and an empty scale', () => {
    const two: ProficiencyScale = {
      id: 's',
      name: 'two',
      levels: [
        { ...level, value: 1, isMastery: true, label: ' ' },
        { ...level, value: 2, isMastery: true },
      ],
    };
    expect(checkScale(two)).toEqual([
      'levels[0].label: must not be blank',
      'levels: 2 levels are marked as the mastery threshold; mark one',
    ]);
    expect(checkScale({ id: 'e', name: 'empty', levels: [] })).toEqual([
      'levels: a scale needs at least one level',
    ]);
  });
});

describe('levelFor', () => {
  it.each([
    [0.99, null],
    [1, 'Beginning'],
    [2.99, 'Developing'],
    [3, 'Proficient'],
    [3.5275, 'Proficient'],
    [4, 'Extending'],
    [null, null],
  ])('reads %s as %s (the highest level at or below the score)', (score, label) => {
    expect(levelFor(DEFAULT_SCALE, score)?.label ?? null).toBe(label);
  });
});

describe('formatScore', () => {
  it.each([
    [2.675, '2.68'],
    [1.005, '1.01'],
    [3.5275, '3.53'],
    [3, '3.00'],
    [0, '0.00'],
    [2.6749, '2.67'],
    [10 / 3, '3.33'],
  ])('shows %s as %s (half up on the decimal value)', (score, shown) => {
    expect(formatScore(score)).toBe(shown);
  });
});

describe('nearestScoped', () => {
  const district = { scopeKind: 'district', scopeId: null, name: 'district' } as const;
  const school = { scopeKind: 'school', scopeId: 'sch1', name: 'school' } as const;
  const course = { scopeKind: 'course', scopeId: 'c1', name: 'course' } as const;
  const framework = { scopeKind: 'framework', scopeId: 'fw1', name: 'framework' } as const;
  const all = [district, school, course, framework];

  it.each([
    [{ frameworkId: 'fw1', courseIds: ['c1'], schoolId: 'sch1' }, 'framework'],
    [{ frameworkId: 'fw2', courseIds: ['c1'], schoolId: 'sch1' }, 'course'],
    [{ frameworkId: 'fw2', courseIds: ['c2'], schoolId: 'sch1' }, 'school'],
    [{ frameworkId: 'fw2', courseIds: [], schoolId: 'sch2' }, 'district'],
  ])('picks the nearest setting for %o: %s', (context, name) => {
    expect(nearestScoped(all, context)?.name).toBe(name);
  });

  it('answers null when nothing applies', () => {
    expect(nearestScoped([school], { schoolId: 'other' })).toBeNull();
  });

  it('prefers a standard setting over everything else', () => {
    const standard = { scopeKind: 'standard', scopeId: 'st1', name: 'standard' } as const;
    expect(nearestScoped([...all, standard], { standardId: 'st1', frameworkId: 'fw1' })?.name).toBe(
      'standard',
    );
  });
});
