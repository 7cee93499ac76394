import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';
import { en } from '../../../src/reports/i18n/en.js';
import { ar } from '../../../src/reports/i18n/ar.js';
import { es } from '../../../src/reports/i18n/es.js';
import {
  directionOf,
  formatDate,
  formatNumber,
  htmlLangOf,
  reportLangOf,
  REPORT_LANGUAGES,
  translator,
} from '../../../src/reports/i18n/index.js';
import { vi } from '../../../src/reports/i18n/vi.js';
import { zh } from '../../../src/reports/i18n/zh.js';

const CATALOGS = { en, es, vi, zh, ar } as const;

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
  number: 2,
  value: '60%',
  low: '40%',
  high: '60%',
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
  it('has every English key in each language, and nothing else', () => {
    expect(REPORT_LANGUAGES).toEqual(['en', 'es', 'vi', 'zh', 'ar']);
    for (const catalog of [es, vi, zh, ar]) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    }
  });

  it('leaves no message untranslated: no other language repeats an English sentence', () => {
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      if (lang === 'en') continue;
      const repeated = Object.entries(catalog).filter(
        ([key, text]) => text === en[key as keyof typeof en] && /[a-z]{4}/.test(text),
      );
      expect(
        repeated.map(([key]) => key),
        lang,
      ).toEqual(lang === 'vi' ? ['family.contact.email'] : []);
    }
  });

  it('parses and formats every message in every language', () => {
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
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
    expect(translator('vi')('family.standard.basis', { count: 1 })).toBe('Dựa trên 1 bài làm.');
    expect(translator('zh')('family.standard.basis', { count: 3 })).toBe('根据3份作业。');
  });

  it('uses all six Arabic plural forms for counted work', () => {
    const t = translator('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t('family.standard.basis', { count }));

    expect(forms).toEqual([
      'بناءً على 0 عمل.',
      'بناءً على عمل واحد.',
      'بناءً على عملين.',
      'بناءً على 3 أعمال.',
      'بناءً على 11 عملًا.',
      'بناءً على 100 عمل.',
    ]);
  });

  it('reads stored language preferences as report languages', () => {
    expect(
      ['es', 'es-MX', 'spa', 'Spanish', 'Español', 'en', 'fr', '', null].map(reportLangOf),
    ).toEqual(['es', 'es', 'es', 'es', 'es', 'en', null, null, null]);
    expect(
      [
        'vi',
        'Vietnamese',
        'zh-Hans',
        'zh-CN',
        'Chinese',
        'zh-Hant',
        'zh-TW',
        'ar-EG',
        'Arabic',
      ].map(reportLangOf),
    ).toEqual(['vi', 'vi', 'zh', 'zh', 'zh', null, null, 'ar', 'ar']);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(REPORT_LANGUAGES.map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'rtl']);
  });

  it('declares Chinese pages as Simplified script', () => {
    expect(REPORT_LANGUAGES.map(htmlLangOf)).toEqual(['en', 'es', 'vi', 'zh-Hans', 'ar']);
  });

  it('formats dates and numbers by the language’s rules', () => {
    expect(formatDate('2026-10-02', 'es')).toBe('2 de octubre de 2026');
    expect(formatDate('2026-10-02T23:30:00.000Z', 'en')).toBe('October 2, 2026');
    expect(formatNumber(2.675, 'en')).toBe('2.68');
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
    expect(formatDate('2026-10-02', 'vi')).toBe('2 tháng 10, 2026');
    expect(formatDate('2026-10-02', 'zh')).toBe('2026年10月2日');
    expect(formatDate('2026-10-02', 'ar')).toBe('2 أكتوبر 2026');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(3.5, 'ar')).toBe('3.5');
  });
});
