import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';
import { en } from '../../../src/reports/i18n/en.js';
import { es } from '../../../src/reports/i18n/es.js';
import {
  directionOf,
  formatDate,
  formatNumber,
  reportLangOf,
  translator,
} from '../../../src/reports/i18n/index.js';

const SAMPLE_VALUES = {
  name: 'Rosa',
  grade: 5,
  school: 'Maple Grove',
  date: 'October 2, 2026',
  met: 2,
  total: 3,
  goal: 'Proficient',
  count: 3,
  score: '3.25',
  max: '4',
  start: 'September 8, 2026',
  end: 'September 7, 2027',
  page: '1',
};

/** Syllables of an English word by vowel groups, less a silent final e (a common estimate). */
function syllables(word: string): number {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (lower.length <= 3) return 1;
  const groups = lower.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 1);
}

/**
 * Flesch-Kincaid grade level: 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
 * Each message counts as at least one sentence (labels such as "Next step" are one).
 */
function fleschKincaidGrade(messages: readonly string[]): number {
  let sentences = 0;
  let words = 0;
  let syllableCount = 0;
  for (const message of messages) {
    const found = message.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
    sentences += Math.max(1, (message.match(/[.!?](\s|$)/g) ?? []).length);
    words += found.length;
    syllableCount += found.reduce((sum, word) => sum + syllables(word), 0);
  }
  return 0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59;
}

describe('report messages', () => {
  it('has every English key in Spanish, and nothing else', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('parses and formats every message in both languages', () => {
    for (const [lang, catalog] of [
      ['en', en],
      ['es', es],
    ] as const) {
      for (const [key, pattern] of Object.entries(catalog)) {
        const text = new IntlMessageFormat(pattern, lang).format(SAMPLE_VALUES);
        expect(typeof text, `${lang} ${key}`).toBe('string');
      }
    }
  });

  it('keeps the fixed English text at or below a sixth-grade reading level', () => {
    const t = translator('en');
    const texts = (Object.keys(en) as Array<keyof typeof en>).map((key) => t(key, SAMPLE_VALUES));

    expect(fleschKincaidGrade(texts)).toBeLessThanOrEqual(6);
  });

  it('repeats the default scale words exactly in English', () => {
    const t = translator('en');

    for (const level of DEFAULT_SCALE.levels) {
      const key = `level.default.${level.value}` as 'level.default.1';
      expect(t(`${key}.label`)).toBe(level.label);
      expect(t(`${key}.family`)).toBe(level.familyWording);
    }
  });

  it('follows each language’s plural rules', () => {
    expect(translator('en')('family.standard.basis', { count: 1 })).toBe(
      'Based on 1 piece of work.',
    );
    expect(translator('es')('family.standard.basis', { count: 4 })).toBe('Según 4 trabajos.');
  });

  it('reads stored language preferences as report languages', () => {
    expect(
      ['es', 'es-MX', 'spa', 'Spanish', 'Español', 'en', 'fr', '', null].map(reportLangOf),
    ).toEqual(['es', 'es', 'es', 'es', 'es', 'en', null, null, null]);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect([directionOf('ar'), directionOf('en'), directionOf('es')]).toEqual([
      'rtl',
      'ltr',
      'ltr',
    ]);
  });

  it('formats dates and numbers by the language’s rules', () => {
    expect(formatDate('2026-10-02', 'es')).toBe('2 de octubre de 2026');
    expect(formatDate('2026-10-02T23:30:00.000Z', 'en')).toBe('October 2, 2026');
    expect(formatNumber(2.675, 'en')).toBe('2.68');
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
  });
});
