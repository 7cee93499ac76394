/**
 * The SQL of report jobs: queue a job, let one worker claim it, record its progress and its
 * PDFs, and read them back for the status page and the downloads. A job is claimed by a
 * conditional update, so two servers never run the same job at once.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ReportJobFileTable, ReportJobTable } from './schema.js';

type Db = Kysely<Database>;

/** A stored job. */
export type ReportJobRow = Selectable<ReportJobTable>;

/** One report of a job as the status page lists it: no PDF bytes, the student's name. */
export interface ReportJobFileEntry {
  readonly id: string;
  readonly studentId: string;
  readonly studentName: string;
  readonly lang: string | null;
  readonly fileName: string;
  readonly written: boolean;
  readonly problem: string | null;
}

/** Queues a job. */
export async function insertReportJob(db: Db, row: Insertable<ReportJobTable>): Promise<void> {
  await db.insertInto('report_jobs').values(row).execute();
}

/** A job of a class, or undefined when the class has no job with that id. */
export async function findReportJob(
  db: Db,
  jobId: string,
  classId: string,
): Promise<ReportJobRow | undefined> {
  return db
    .selectFrom('report_jobs')
    .selectAll()
    .where('id', '=', jobId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}

/** The newest jobs of a class, newest first. */
export async function listReportJobsOfClass(
  db: Db,
  classId: string,
  limit = 10,
): Promise<ReportJobRow[]> {
  return db
    .selectFrom('report_jobs')
    .selectAll()
    .where('class_id', '=', classId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims the oldest job waiting to run (queued, or running with no sign of life since
 * `staleBefore`): marks it running for this worker and answers it, or undefined when none.
 */
export async function claimNextReportJob(
  db: Db,
  now: string,
  staleBefore: string,
): Promise<ReportJobRow | undefined> {
  const candidate = await db
    .selectFrom('report_jobs')
    .select(['id', 'state', 'heartbeat_at'])
    .where((eb) =>
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!candidate) return undefined;

  const claimed = await db
    .updateTable('report_jobs')
    .set({ state: 'running', started_at: now, heartbeat_at: now, done: 0, failed: 0 })
    .where('id', '=', candidate.id)
    .where('state', '=', candidate.state)
    .where((eb) =>
      candidate.heartbeat_at === null
        ? eb('heartbeat_at', 'is', null)
        : eb('heartbeat_at', '=', candidate.heartbeat_at),
    )
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return undefined;

  await db.deleteFrom('report_job_files').where('job_id', '=', candidate.id).execute();
  return db.selectFrom('report_jobs').selectAll().where('id', '=', candidate.id).executeTakeFirst();
}

/** Records how far a running job has got. */
export async function updateReportJobProgress(
  db: Db,
  jobId: string,
  progress: { readonly total: number; readonly done: number; readonly failed: number },
  now: string,
): Promise<void> {
  await db
    .updateTable('report_jobs')
    .set({ ...progress, heartbeat_at: now })
    .where('id', '=', jobId)
    .execute();
}

/** Ends a job: done (some reports may have failed one by one) or failed as a whole. */
export async function finishReportJob(
  db: Db,
  jobId: string,
  state: 'done' | 'failed',
  problem: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('report_jobs')
    .set({ state, problem, finished_at: now, heartbeat_at: now })
    .where('id', '=', jobId)
    .execute();
}

/** Stores one report of a job (its PDF, or the problem that stopped it). */
export async function insertReportJobFile(
  db: Db,
  row: Insertable<ReportJobFileTable>,
): Promise<void> {
  await db.insertInto('report_job_files').values(row).execute();
}

/** The reports of a job in the order they were made, without their bytes. */
export async function listReportJobFiles(db: Db, jobId: string): Promise<ReportJobFileEntry[]> {
  const rows = await db
    .selectFrom('report_job_files as f')
    .innerJoin('people as p', 'p.id', 'f.student_id')
    .select(['f.id', 'f.student_id', 'f.lang', 'f.file_name', 'f.problem'])
    .select(['p.given_name', 'p.family_name'])
    .select((eb) => eb('f.pdf', 'is not', null).as('written'))
    .where('f.job_id', '=', jobId)
    .orderBy('f.list_order')
    .execute();

  return rows.map((row) => ({
    id: row.id,
    studentId: row.student_id,
    studentName: `${row.given_name} ${row.family_name}`,
    lang: row.lang,
    fileName: row.file_name,
    written: Boolean(row.written),
    problem: row.problem,
  }));
}

/** One written PDF of a job, or undefined. */
export async function findReportJobPdf(
  db: Db,
  jobId: string,
  fileId: string,
): Promise<{ fileName: string; studentId: string; pdf: Buffer } | undefined> {
  const row = await db
    .selectFrom('report_job_files')
    .select(['file_name', 'student_id', 'pdf'])
    .where('job_id', '=', jobId)
    .where('id', '=', fileId)
    .where('pdf', 'is not', null)
    .executeTakeFirst();
  return row?.pdf
    ? { fileName: row.file_name, studentId: row.student_id, pdf: row.pdf }
    : undefined;
}

/** Every written PDF of a job, in order, for the zip. */
export async function listReportJobPdfs(
  db: Db,
  jobId: string,
): Promise<Array<{ fileName: string; pdf: Buffer }>> {
  const rows = await db
    .selectFrom('report_job_files')
    .select(['file_name', 'pdf'])
    .where('job_id', '=', jobId)
    .where('pdf', 'is not', null)
    .orderBy('list_order')
    .execute();
  return rows.flatMap((row) => (row.pdf ? [{ fileName: row.file_name, pdf: row.pdf }] : []));
}
