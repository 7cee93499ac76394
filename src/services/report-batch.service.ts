/**
 * Family reports for a whole class or school as one job: one PDF per student and language,
 * written to a folder, with progress after each file. One browser serves every PDF; a student
 * whose report fails is recorded and the job goes on, so one bad record never stops a school's
 * reports. The CLI shows the progress on standard error; the web app can pass its own callback.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { logger } from '../logger.js';
import { familyReportPdf } from '../reports/family/family-report.js';
import { reportLanguagesOf } from '../reports/family/family-report.model.js';
import type { ReportLang } from '../reports/i18n/index.js';
import type { PaperSize } from '../reports/pdf.js';
import { listReportStudents, loadFamilyReportData } from '../store/family-report.queries.js';
import type { Database } from '../store/schema.js';

/** Whose reports to make: the students enrolled in a class now, or every student of a school. */
export type BatchScope = { readonly classId: string } | { readonly schoolId: string };

/** One language for everyone, or each guardian's preferred language ("guardian"). */
export type BatchLang = ReportLang | 'guardian';

/** A batch of family reports to write. */
export interface FamilyBatchRequest {
  readonly scope: BatchScope;
  readonly lang: BatchLang;
  /** An existing folder the PDFs are written to, named SOURCEID-LANG.pdf. */
  readonly outDir: string;
  readonly today?: string;
  readonly from?: string;
  readonly to?: string;
  readonly paper?: PaperSize;
}

/** One report of the batch, after it was written or failed. */
export interface BatchProgress {
  /** How many reports are done, this one included (1-based). */
  readonly done: number;
  readonly total: number;
  readonly studentId: string;
  readonly sourceId: string;
  readonly lang: ReportLang | null;
  readonly file: string | null;
  /** Null when the report was written. */
  readonly problem: string | null;
}

/** A report that could not be made, with the reason. */
export interface BatchFailure {
  readonly studentId: string;
  readonly sourceId: string;
  readonly lang: ReportLang | null;
  readonly problem: string;
}

/** What a batch did. */
export interface BatchResult {
  readonly written: readonly string[];
  readonly failures: readonly BatchFailure[];
}

interface Job {
  readonly studentId: string;
  readonly sourceId: string;
  readonly lang: ReportLang | null;
  /** A problem found while planning (the student's record could not be read). */
  readonly problem: string | null;
}

const log = logger('report');

/**
 * Writes the family reports of a class or school, one PDF per student and language, and
 * calls `onProgress` after each one. Failures are returned, never thrown.
 */
export async function generateFamilyReports(
  db: Kysely<Database>,
  request: FamilyBatchRequest,
  onProgress: (progress: BatchProgress) => void = () => undefined,
): Promise<BatchResult> {
  const jobs = await planJobs(db, request);
  const written: string[] = [];
  const failures: BatchFailure[] = [];

  for (const [index, job] of jobs.entries()) {
    const outcome = await runJob(db, job, request);
    if (outcome.file) written.push(outcome.file);
    else failures.push({ ...job, problem: outcome.problem ?? 'unknown problem' });

    onProgress({
      done: index + 1,
      total: jobs.length,
      studentId: job.studentId,
      sourceId: job.sourceId,
      lang: job.lang,
      file: outcome.file,
      problem: outcome.file ? null : (outcome.problem ?? 'unknown problem'),
    });
  }
  log.info({ written: written.length, failed: failures.length }, 'family report batch done');
  return { written, failures };
}

/** The reports to make: each student in the scope, once per language. */
async function planJobs(db: Kysely<Database>, request: FamilyBatchRequest): Promise<Job[]> {
  const students = await listReportStudents(db, request.scope);
  const jobs: Job[] = [];

  for (const student of students) {
    try {
      const languages = await languagesFor(db, student.id, request.lang);
      jobs.push(
        ...languages.map((lang) => ({
          studentId: student.id,
          sourceId: student.sourceId,
          lang,
          problem: null,
        })),
      );
    } catch (error) {
      jobs.push({
        studentId: student.id,
        sourceId: student.sourceId,
        lang: null,
        problem: messageOf(error),
      });
    }
  }
  return jobs;
}

async function languagesFor(
  db: Kysely<Database>,
  studentId: string,
  lang: BatchLang,
): Promise<ReportLang[]> {
  if (lang !== 'guardian') return [lang];

  const data = await loadFamilyReportData(db, studentId);
  return data ? reportLanguagesOf(data) : ['en'];
}

async function runJob(
  db: Kysely<Database>,
  job: Job,
  request: FamilyBatchRequest,
): Promise<{ file: string | null; problem: string | null }> {
  if (job.problem !== null || job.lang === null) return { file: null, problem: job.problem };

  try {
    const pdf = await familyReportPdf(db, job.studentId, { ...request, lang: job.lang });
    if (!pdf) return { file: null, problem: 'the student no longer exists' };

    const file = path.join(request.outDir, reportFileName(job.sourceId, job.lang));
    await fs.writeFile(file, pdf);
    return { file, problem: null };
  } catch (error) {
    return { file: null, problem: messageOf(error) };
  }
}

/**
 * The file name of one report: the student's identifier, made safe for any file system
 * (letters, digits, dot, dash and underscore kept; anything else becomes "_"), and the language.
 * Example: reportFileName("604 822/a", "es") is "604_822_a-es.pdf".
 */
export function reportFileName(sourceId: string, lang: ReportLang): string {
  const safe = sourceId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return `${safe}-${lang}.pdf`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
