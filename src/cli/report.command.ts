/**
 * `trellis report family --student ID [--lang en|es] --out FILE [--html]`: writes one
 * student's family report as a PDF (or as HTML with --html). ID is the student's identifier
 * from the import, such as an Ed-Fi StudentUniqueId. An unknown student, language or an
 * unwritable path ends with one line on standard error and exit status 1.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config.js';
import { familyReportHtml, familyReportPdf } from '../reports/family/family-report.js';
import { isReportLang, REPORT_LANGUAGES, type ReportLang } from '../reports/i18n/index.js';
import { closePdfBrowser } from '../reports/pdf.js';
import { migrate, openStore } from '../store/database.js';
import { findStudentBySourceId } from '../store/family-report.queries.js';
import type { Database } from '../store/schema.js';

interface FamilyOptions {
  readonly student: string;
  readonly lang?: string;
  readonly out: string;
  readonly html?: boolean;
}

/** Adds the `report` command group to the program. */
export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('write reports for families and staff');
  report
    .command('family')
    .description("write one student's family report as a PDF (or HTML with --html)")
    .requiredOption('--student <id>', "the student's identifier from the import")
    .option('--lang <lang>', `report language (${REPORT_LANGUAGES.join(', ')}); default: preferred`)
    .requiredOption('--out <file>', 'where to write the report')
    .option('--html', 'write HTML instead of PDF')
    .action(async (options: FamilyOptions) => {
      const lang = checkedLang(options.lang);
      const out = await checkedOutPath(options.out);
      const outcome = await writeFamilyReport(options.student, lang, out, options.html === true);
      if (!outcome.ok) fail(outcome.problem);
      console.log(`family report for student ${options.student} written to ${out}`);
    });
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Renders and writes the report; an unknown student or a failed write comes back as a problem. */
async function writeFamilyReport(
  sourceId: string,
  lang: ReportLang | undefined,
  out: string,
  asHtml: boolean,
): Promise<Outcome> {
  const store = openStore(loadConfig().databaseUrl);
  try {
    await migrate(store);
    const studentId = await findStudentBySourceId(store.db, sourceId);
    const request = lang ? { lang } : {};
    const report = studentId === null ? null : await render(store.db, studentId, request, asHtml);
    if (report === null)
      return { ok: false, problem: `--student: no student with identifier "${sourceId}"` };

    await fs.writeFile(out, report);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  } finally {
    await closePdfBrowser();
    await store.close();
  }
}

function render(
  db: Kysely<Database>,
  studentId: string,
  request: { lang?: ReportLang },
  asHtml: boolean,
): Promise<string | Buffer | null> {
  return asHtml
    ? familyReportHtml(db, studentId, request)
    : familyReportPdf(db, studentId, request);
}

function checkedLang(lang: string | undefined): ReportLang | undefined {
  if (lang === undefined) return undefined;
  if (isReportLang(lang)) return lang;
  return fail(`--lang: "${lang}" is not a report language; choose ${REPORT_LANGUAGES.join(', ')}`);
}

/** The output path, absolute, after checking its folder exists and can be written to. */
async function checkedOutPath(out: string): Promise<string> {
  const file = path.resolve(out);
  const folder = path.dirname(file);
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) return fail(`--out: the folder ${folder} does not exist`);

  await fs
    .access(folder, fs.constants.W_OK)
    .catch(() => fail(`--out: the folder ${folder} cannot be written to`));
  return file;
}

function fail(message: string): never {
  process.stderr.write(`trellis report: ${message}\n`);
  process.exit(1);
}
