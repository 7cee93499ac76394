/**
 * `trellis report family`: family reports as PDF (or HTML with --html).
 * - One student: `--student ID --out FILE` (ID is the identifier from the import, such as an
 *   Ed-Fi StudentUniqueId).
 * - A class or school: `--class ID | --school ID --out-dir DIR`, one PDF per student and
 *   language, progress on standard error ("3 of 12"), failures listed at the end.
 * `--lang xx` picks the language; `--lang guardian` (the default) uses each guardian's
 * preferred language. `--from`/`--to` set the reporting period. Bad options, an unknown
 * student, class or school, an unwritable path or any failed report end with exit status 1.
 */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { familyReportHtml, familyReportPdf } from '../reports/family/family-report.js';
import { REPORT_LANGUAGES, type ReportLang } from '../reports/i18n/index.js';
import {
  generateFamilyReports,
  type BatchProgress,
  type BatchScope,
} from '../services/report-batch.service.js';
import { findScopeId, findStudentBySourceId } from '../store/family-report.queries.js';
import type { Database } from '../store/schema.js';
import { registerIepProgressCommand } from './report-iep.command.js';
import {
  checkedFolder,
  checkedLang,
  checkedOutPath,
  checkedPeriod,
  fail,
  withStore,
  type PeriodOptions,
} from './report-options.js';

interface FamilyOptions {
  readonly student?: string;
  readonly class?: string;
  readonly school?: string;
  readonly lang?: string;
  readonly out?: string;
  readonly outDir?: string;
  readonly html?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly date?: string;
}

/** Adds the `report` command group to the program. */
export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('write reports for families and staff');
  report
    .command('family')
    .description('write family reports: one student (--student) or a class or school as a batch')
    .option('--student <id>', "one student's identifier from the import")
    .option('--class <id>', 'every student enrolled in this class (with --out-dir)')
    .option('--school <id>', 'every student of this school (with --out-dir)')
    .option('--lang <lang>', `${REPORT_LANGUAGES.join(', ')} or guardian (default: guardian)`)
    .option('--out <file>', 'where to write one report')
    .option('--out-dir <dir>', 'the folder a batch writes its PDFs to')
    .option('--html', 'write HTML instead of PDF (one student only)')
    .option('--from <date>', 'first day of the reporting period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the reporting period (YYYY-MM-DD)')
    .option('--date <date>', 'the day the report is dated (default: today)')
    .action(async (options: FamilyOptions) => {
      const period = checkedPeriod(options);
      if (options.student !== undefined) return runSingle(options, period);
      return runBatch(options, period);
    });
  registerIepProgressCommand(report);
}

async function runSingle(options: FamilyOptions, period: PeriodOptions): Promise<void> {
  if (options.class !== undefined || options.school !== undefined) {
    fail('--student: give one of --student, --class or --school');
  }
  if (options.out === undefined) fail('--out: say where to write the report (--out report.pdf)');
  const lang = checkedLang(options.lang, false) as ReportLang | undefined;
  const out = await checkedOutPath(options.out);

  const outcome = await withStore((db) =>
    writeFamilyReport(db, options.student!, { ...period, lang }, out, options.html === true),
  );
  if (!outcome.ok) fail(outcome.problem);
  console.log(`family report for student ${options.student} written to ${out}`);
}

async function runBatch(options: FamilyOptions, period: PeriodOptions): Promise<void> {
  const scopeOption = checkedScope(options);
  if (options.html) fail('--html: a batch writes PDFs; use --html with --student');
  if (options.outDir === undefined) fail('--out-dir: say which folder the PDFs go to');
  const outDir = await checkedFolder(options.outDir, '--out-dir');
  const lang = checkedLang(options.lang, true) ?? 'guardian';

  const outcome = await withStore(async (db) => {
    const scope = await resolveScope(db, scopeOption);
    if (!scope)
      return {
        ok: false as const,
        problem: `--${scopeOption.kind}: no ${scopeOption.kind} "${scopeOption.id}"`,
      };
    const result = await generateFamilyReports(
      db,
      { scope, lang, outDir, ...period },
      showProgress,
    );
    return { ok: true as const, result };
  });
  if (!outcome.ok) fail(outcome.problem);

  const { written, failures } = outcome.result;
  console.log(`${written.length} family reports written to ${outDir}`);
  if (failures.length === 0) return;
  process.stderr.write(`trellis report: ${failures.length} failed:\n`);
  for (const failure of failures) {
    process.stderr.write(`  ${failure.sourceId} (${failure.lang ?? '?'}): ${failure.problem}\n`);
  }
  process.exit(1);
}

function showProgress(progress: BatchProgress): void {
  const what = `${progress.sourceId} (${progress.lang ?? '?'})`;
  const outcome = progress.problem === null ? 'done' : `failed: ${progress.problem}`;
  process.stderr.write(`${progress.done} of ${progress.total}: ${what} ${outcome}\n`);
}

type ScopeOption = { readonly kind: 'class' | 'school'; readonly id: string };

function checkedScope(options: FamilyOptions): ScopeOption {
  if (options.class !== undefined && options.school !== undefined) {
    return fail('--class: give either --class or --school, not both');
  }
  if (options.class !== undefined) return { kind: 'class', id: options.class };
  if (options.school !== undefined) return { kind: 'school', id: options.school };
  return fail('--student: say whose report to write (--student, --class or --school)');
}

async function resolveScope(db: Kysely<Database>, option: ScopeOption): Promise<BatchScope | null> {
  const id = await findScopeId(db, option.kind, option.id);
  if (id === null) return null;
  return option.kind === 'class' ? { classId: id } : { schoolId: id };
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Renders and writes the report; an unknown student or a failed write comes back as a problem. */
async function writeFamilyReport(
  db: Kysely<Database>,
  sourceId: string,
  request: PeriodOptions & { lang?: ReportLang },
  out: string,
  asHtml: boolean,
): Promise<Outcome> {
  try {
    const studentId = await findStudentBySourceId(db, sourceId);
    const report = studentId === null ? null : await render(db, studentId, request, asHtml);
    if (report === null)
      return { ok: false, problem: `--student: no student with identifier "${sourceId}"` };

    await fs.writeFile(out, report);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

function render(
  db: Kysely<Database>,
  studentId: string,
  request: PeriodOptions & { lang?: ReportLang },
  asHtml: boolean,
): Promise<string | Buffer | null> {
  const clean = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
  return asHtml ? familyReportHtml(db, studentId, clean) : familyReportPdf(db, studentId, clean);
}
