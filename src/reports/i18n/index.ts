/**
 * The report languages and their messages. To add a language (vi, zh, ar, ...), write its
 * catalog file beside en.ts and list it in `catalogs`; right-to-left languages also go in
 * `RTL_LANGUAGES`. Messages are ICU MessageFormat, formatted with intl-messageformat.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalog, type MessageKey } from './en.js';
import { es } from './es.js';

const catalogs = { en, es } satisfies Record<string, Catalog>;

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

/**
 * The report language for a stored preference, or null when there is none.
 * Accepts tags and names: "es", "es-MX", "spa", "Spanish" and "Español" all give "es".
 */
export function reportLangOf(preference: string | null | undefined): ReportLang | null {
  const value = (preference ?? '').trim().toLowerCase();
  const named: Readonly<Record<string, ReportLang>> = {
    english: 'en',
    eng: 'en',
    spanish: 'es',
    spa: 'es',
    español: 'es',
  };
  const tag = named[value] ?? value.split(/[-_]/)[0] ?? '';
  return isReportLang(tag) ? tag : null;
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
