/**
 * What the report commands share: checking the language, period and output options (each
 * problem ends the command with one line naming the option, and exit status 1), and opening
 * the store for one command.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config.js';
import { isIsoDay } from '../reports/family/report-period.js';
import { REPORT_LANGUAGES, reportLangOf } from '../reports/i18n/index.js';
import { closePdfBrowser } from '../reports/pdf.js';
import type { BatchLang } from '../services/report-batch.service.js';
import { migrate, openStore } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** The dates and day shared by every report command. */
export interface PeriodOptions {
  readonly from?: string;
  readonly to?: string;
  readonly today?: string;
}

/** Opens the configured store, migrates it, runs `work`, and closes the browser and store. */
export async function withStore<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const store = openStore(loadConfig().databaseUrl);
  try {
    await migrate(store);
    return await work(store.db);
  } finally {
    await closePdfBrowser();
    await store.close();
  }
}

/**
 * The language option: a report language ("es", "zh-Hans"), "guardian" where allowed, or
 * undefined when absent. Anything else ends the command with a message.
 */
export function checkedLang(
  lang: string | undefined,
  allowGuardian: boolean,
): BatchLang | undefined {
  if (lang === undefined) return undefined;
  if (lang === 'guardian' && allowGuardian) return 'guardian';
  const found = /^[a-z]{2}([-_][A-Za-z]{2,4})?$/.test(lang) ? reportLangOf(lang) : null;
  if (found) return found;
  const choices = [...REPORT_LANGUAGES, ...(allowGuardian ? ['guardian'] : [])].join(', ');
  return fail(`--lang: "${lang}" is not a report language; choose ${choices}`);
}

/** The --from, --to and --date options, checked as calendar days in order. */
export function checkedPeriod(options: {
  from?: string;
  to?: string;
  date?: string;
}): PeriodOptions {
  for (const name of ['from', 'to', 'date'] as const) {
    const value = options[name];
    if (value !== undefined && !isIsoDay(value)) {
      fail(`--${name}: "${value}" is not a date; write it as YYYY-MM-DD`);
    }
  }
  if (options.from && options.to && options.from > options.to) {
    fail(`--from: ${options.from} is after --to ${options.to}`);
  }
  return { from: options.from, to: options.to, today: options.date };
}

/** The output path, absolute, after checking its folder exists and can be written to. */
export async function checkedOutPath(out: string): Promise<string> {
  const file = path.resolve(out);
  await checkedFolder(path.dirname(file), '--out');
  return file;
}

/** The folder, absolute, after checking it exists and can be written to. */
export async function checkedFolder(folder: string, option: string): Promise<string> {
  const absolute = path.resolve(folder);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat?.isDirectory()) return fail(`${option}: the folder ${absolute} does not exist`);

  await fs
    .access(absolute, fs.constants.W_OK)
    .catch(() => fail(`${option}: the folder ${absolute} cannot be written to`));
  return absolute;
}

/** Ends the command with one line on standard error and exit status 1. */
export function fail(message: string): never {
  process.stderr.write(`trellis report: ${message}\n`);
  process.exit(1);
}
