/**
 * A class's family reports as one job: the page to start one, the job page with its progress
 * (polled by htmx), and the downloads (a zip of every PDF, or one PDF). Every route is under
 * the class's access rule, and a job or file of another class answers 404.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { REPORT_LANGUAGES } from '../reports/i18n/index.js';
import { queueClassReports, reportWorkerFor, zipOfPdfs } from '../services/report-job.service.js';
import {
  findReportJob,
  findReportJobPdf,
  listReportJobFiles,
  listReportJobPdfs,
  listReportJobsOfClass,
  type ReportJobRow,
} from '../store/report-job.repository.js';
import { findClass } from '../store/roster.repository.js';
import {
  ClassReportsPage,
  finished,
  JobDownloads,
  JobHint,
  JobProgress,
  jobPath,
  ReportJobPage,
  type JobClass,
} from '../web/views/report-jobs.view.js';
import { audit, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf, renderPage } from './render.js';
import { isoDay } from './report-page.js';
import type { RouteSpec } from './route.js';

const optionalDay = z.string().transform((value, ctx) => {
  if (value.trim() === '') return null;
  const day = isoDay(value.trim());
  if (!day) ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-10-02.' });
  return day;
});

const jobSchema = z
  .strictObject({
    lang: z.enum(['guardian', ...REPORT_LANGUAGES], { error: 'Choose a language.' }),
    from: optionalDay.default(''),
    to: optionalDay.default(''),
  })
  .refine((job) => !job.from || !job.to || job.from <= job.to, {
    path: ['to'],
    message: 'The period must end on or after the day it starts.',
  });

async function classOf(c: Context<AppEnv>): Promise<JobClass> {
  const klass = await findClass(c.get('store').db, c.req.param('classId') ?? '');
  if (!klass) throw new AppError('not_found');
  return { id: klass.id, title: klass.title, schoolName: klass.schoolName ?? null };
}

async function jobOf(c: Context<AppEnv>, klass: JobClass): Promise<ReportJobRow> {
  const job = await findReportJob(c.get('store').db, c.req.param('jobId') ?? '', klass.id);
  if (!job) throw new AppError('not_found');
  return job;
}

async function showClassReports(
  c: Context<AppEnv>,
  errors?: Readonly<Record<string, string>>,
): Promise<Response> {
  const klass = await classOf(c);
  const jobs = await listReportJobsOfClass(c.get('store').db, klass.id);
  const frame = frameOf(c, `Family reports: ${klass.title}`);
  const page = <ClassReportsPage {...frame} klass={klass} jobs={jobs} errors={errors} />;
  return renderPage(c, page, errors ? 400 : 200);
}

async function startJob(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const klass = await classOf(c);
  const form = await readForm(c, jobSchema);
  if (!form.ok) return showClassReports(c, form.errors);

  const store = c.get('store');
  const jobId = await queueClassReports(store.db, {
    classId: klass.id,
    lang: form.data.lang,
    from: form.data.from,
    to: form.data.to,
    requestedBy: viewer.accountId,
  });
  reportWorkerFor(store).wake();

  await audit(c, 'create', 'report-job', jobId, null, { classId: klass.id, lang: form.data.lang });
  return c.redirect(jobPath(klass.id, jobId), 303);
}

async function showJob(c: Context<AppEnv>): Promise<Response> {
  const klass = await classOf(c);
  const job = await jobOf(c, klass);
  const files = finished(job) ? await listReportJobFiles(c.get('store').db, job.id) : [];
  const frame = frameOf(c, `Family reports: ${klass.title}`);
  return renderPage(c, <ReportJobPage {...frame} klass={klass} job={job} files={files} />);
}

/** The progress fragment htmx polls; status 286 once the job has ended stops the polling. */
async function showJobStatus(c: Context<AppEnv>): Promise<Response> {
  const klass = await classOf(c);
  const job = await jobOf(c, klass);
  if (!finished(job)) return c.html(<JobProgress job={job} />);

  const files = await listReportJobFiles(c.get('store').db, job.id);
  const fragment = (
    <>
      <JobProgress job={job} />
      <JobHint klass={klass} job={job} outOfBand={true} />
      <JobDownloads klass={klass} job={job} files={files} outOfBand={true} />
    </>
  );
  return c.html(fragment, 286 as 200);
}

async function downloadZip(c: Context<AppEnv>): Promise<Response> {
  const klass = await classOf(c);
  const job = await jobOf(c, klass);
  if (job.state !== 'done') throw new AppError('not_found');

  const pdfs = await listReportJobPdfs(c.get('store').db, job.id);
  await audit(c, 'export', 'report-job-zip', job.id, null, { files: pdfs.length });
  const modified = new Date(job.finished_at ?? job.created_at);
  return c.body(zipOfPdfs(pdfs, modified), 200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="family-reports-${job.created_at.slice(0, 10)}.zip"`,
  });
}

async function downloadFile(c: Context<AppEnv>): Promise<Response> {
  const klass = await classOf(c);
  const job = await jobOf(c, klass);
  const file = await findReportJobPdf(c.get('store').db, job.id, c.req.param('fileId') ?? '');
  if (!file) throw new AppError('not_found');

  await audit(c, 'export', 'family-report-pdf', job.id, file.studentId, { job: true });
  return c.body(new Uint8Array(file.pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

const CLASS = { kind: 'class', param: 'classId' } as const;
const JOB = '/classes/:classId/family-reports/jobs/:jobId';

export const reportJobRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/classes/:classId/family-reports',
    access: CLASS,
    handler: (c) => showClassReports(c),
  },
  { method: 'post', path: '/classes/:classId/family-reports', access: CLASS, handler: startJob },
  { method: 'get', path: JOB, access: CLASS, handler: showJob },
  { method: 'get', path: `${JOB}/status`, access: CLASS, handler: showJobStatus },
  { method: 'get', path: `${JOB}/reports.zip`, access: CLASS, handler: downloadZip },
  { method: 'get', path: `${JOB}/files/:fileId`, access: CLASS, handler: downloadFile },
];
