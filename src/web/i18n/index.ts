/**
 * The app frame in the report languages: the navigation, the language settings page and the
 * report page's tools, for a family reading in English, Spanish, Vietnamese, Simplified
 * Chinese or Arabic. The languages and their direction are the reports' (src/reports/i18n);
 * the messages are ICU MessageFormat, formatted with intl-messageformat.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import {
  directionOf,
  htmlLangOf,
  type ReportLang,
  type TextDirection,
} from '../../reports/i18n/index.js';
import { ar } from './ar.js';
import { en, type UiCatalog, type UiKey } from './en.js';
import { es } from './es.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

export type { UiKey } from './en.js';

const catalogs: Readonly<Record<ReportLang, UiCatalog>> = { en, es, vi, zh, ar };

/** Formats one message of the app frame in one language. */
export type UiTranslate = (
  key: UiKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

/** Each language's name written in that language, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<ReportLang, string>> = {
  en: 'English',
  es: 'Español',
  vi: 'Tiếng Việt',
  zh: '中文（简体）',
  ar: 'العربية',
};

/** The language a page is in: the code, the tag for its lang attribute and its direction. */
export interface PageLanguage {
  readonly lang: ReportLang;
  readonly htmlLang: string;
  readonly dir: TextDirection;
  readonly t: UiTranslate;
}

/** Everything a page needs to be written in `lang`. */
export function pageLanguage(lang: ReportLang): PageLanguage {
  return { lang, htmlLang: htmlLangOf(lang), dir: directionOf(lang), t: uiTranslator(lang) };
}

/** A formatter for the app frame's messages in one language; patterns are cached per key. */
export function uiTranslator(lang: ReportLang): UiTranslate {
  const catalog = catalogs[lang];
  const cache = new Map<UiKey, IntlMessageFormat>();
  return (key, values) => {
    let format = cache.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[key], lang);
      cache.set(key, format);
    }
    return String(format.format(values));
  };
}
