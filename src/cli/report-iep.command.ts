/**
 * `trellis report iep-progress --student ID [--lang xx] [--from --to] --out FILE [--html]`:
 * writes one student's periodic IEP progress report. The period defaults to the latest
 * progress-reporting period that has ended. Bad options or an unknown student end with one
 * line on standard error and exit status 1.
 */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { iepProgressReportHtml, iepProgressReportPdf } from '../reports/iep/iep-progress-report.js';
import { REPORT_LANGUAGES, type ReportLang } from '../reports/i18n/index.js';
import { findStudentBySourceId } from '../store/family-report.queries.js';
import { checkedLang, checkedOutPath, checkedPeriod, fail, withStore } from './report-options.js';

interface IepOptions {
  readonly student: string;
  readonly lang?: string;
  readonly out: string;
  readonly html?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly date?: string;
}

/** Adds `report iep-progress` to the report command group. */
export function registerIepProgressCommand(report: Command): void {
  report
    .command('iep-progress')
    .description("write one student's periodic IEP progress report as a PDF (or HTML)")
    .requiredOption('--student <id>', "the student's identifier from the import")
    .option('--lang <lang>', `${REPORT_LANGUAGES.join(', ')}; default: the guardian's`)
    .requiredOption('--out <file>', 'where to write the report')
    .option('--html', 'write HTML instead of PDF')
    .option('--from <date>', 'first day of the reporting period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the reporting period (YYYY-MM-DD)')
    .option('--date <date>', 'the day the report is made and sent (default: today)')
    .action(async (options: IepOptions) => {
      const period = checkedPeriod(options);
      const lang = checkedLang(options.lang, false) as ReportLang | undefined;
      const out = await checkedOutPath(options.out);

      const problem = await withStore(async (db) => {
        const studentId = await findStudentBySourceId(db, options.student);
        if (studentId === null) return `--student: no student with identifier "${options.student}"`;

        const request = Object.fromEntries(
          Object.entries({ ...period, lang }).filter(([, value]) => value !== undefined),
        );
        const report = options.html
          ? await iepProgressReportHtml(db, studentId, request)
          : await iepProgressReportPdf(db, studentId, request);
        await fs.writeFile(out, report ?? '');
        return null;
      }).catch((error: Error) => error.message);

      if (problem !== null) fail(problem);
      console.log(`IEP progress report for student ${options.student} written to ${out}`);
    });
}
