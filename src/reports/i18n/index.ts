/**
 * The report languages and their messages: English, Spanish, Vietnamese, Simplified Chinese
 * and Arabic (right to left). To add a language, write its catalog file beside en.ts and list
 * it in `catalogs`; right-to-left languages also go in `RTL_LANGUAGES`. Messages are ICU
 * MessageFormat, formatted with intl-messageformat, so plurals follow each language's rules.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './ar.js';
import { en, type Catalog, type MessageKey } from './en.js';
import { es } from './es.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

const catalogs = { en, es, vi, zh, ar } satisfies Record<string, Catalog>;

/** A language the reports are written in. */
export type ReportLang = keyof typeof catalogs;

/** Writing direction of a language. */
export type TextDirection = 'ltr' | 'rtl';

/** Every report language, English first. */
export const REPORT_LANGUAGES = Object.keys(catalogs) as ReadonlyArray<ReportLang>;

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** Values a message may interpolate. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Formats one message of a language. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** True when `value` names a report language ("es"). */
export function isReportLang(value: string): value is ReportLang {
  return Object.hasOwn(catalogs, value);
}

/** Language names and three-letter codes a stored preference may use instead of a tag. */
const NAMED_LANGUAGES: Readonly<Record<string, ReportLang>> = {
  english: 'en',
  eng: 'en',
  spanish: 'es',
  spa: 'es',
  español: 'es',
  vietnamese: 'vi',
  vie: 'vi',
  'tiếng việt': 'vi',
  chinese: 'zh',
  'simplified chinese': 'zh',
  'chinese (simplified)': 'zh',
  mandarin: 'zh',
  zho: 'zh',
  chi: 'zh',
  中文: 'zh',
  简体中文: 'zh',
  arabic: 'ar',
  ara: 'ar',
  العربية: 'ar',
};

/** Chinese tags written in Traditional characters: no report language reads them yet. */
const TRADITIONAL_CHINESE = /^zh[-_](hant|tw|hk|mo)\b/;

/**
 * The report language for a stored preference, or null when there is none.
 * Accepts tags and names: "es", "es-MX", "spa", "Spanish" and "Español" all give "es";
 * "zh", "zh-Hans", "zh-CN" and "Chinese" give "zh", but "zh-Hant" and "zh-TW" give null.
 */
export function reportLangOf(preference: string | null | undefined): ReportLang | null {
  const value = (preference ?? '').trim().toLowerCase();
  if (TRADITIONAL_CHINESE.test(value)) return null;

  const tag = NAMED_LANGUAGES[value] ?? value.split(/[-_]/)[0] ?? '';
  return isReportLang(tag) ? tag : null;
}

/**
 * The language tag a page declares (its lang attribute): the report language, with the
 * script for Chinese so readers and fonts pick Simplified characters.
 * Example: htmlLangOf("zh") is "zh-Hans"; htmlLangOf("es") is "es".
 */
export function htmlLangOf(lang: ReportLang): string {
  return lang === 'zh' ? 'zh-Hans' : lang;
}

/** Writing direction of a language: "rtl" for Arabic and the other right-to-left scripts. */
export function directionOf(lang: string): TextDirection {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** A message formatter for one language; formatted patterns are cached per key. */
export function translator(lang: ReportLang): Translate {
  const catalog: Catalog = catalogs[lang];
  const cache = new Map<MessageKey, IntlMessageFormat>();

  return (key, values) => {
    let format = cache.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[key], lang);
      cache.set(key, format);
    }
    return String(format.format(values));
  };
}

/**
 * A calendar date in the language's long form, read as a UTC day.
 * Example: formatDate("2026-10-02", "es") is "2 de octubre de 2026".
 */
export function formatDate(iso: string, lang: ReportLang): string {
  const day = new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
  if (Number.isNaN(day.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

/**
 * A number with at most two decimals, rounded half away from zero, in the language's digits.
 * Example: formatNumber(2.675, "en") is "2.68"; formatNumber(3.5, "es") is "3,5".
 */
export function formatNumber(value: number, lang: ReportLang): string {
  return new Intl.NumberFormat(lang, {
    maximumFractionDigits: 2,
    roundingMode: 'halfExpand',
  }).format(value);
}

/**
 * The mark between a label and its value: a full-width colon in Chinese, else a colon and a
 * space. Example: labelMark("zh") is "：".
 */
export function labelMark(lang: ReportLang): string {
  return lang === 'zh' ? '：' : ': ';
}
