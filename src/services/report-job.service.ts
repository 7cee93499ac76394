/**
 * Family reports of a whole class as one job, run in the server process. The web app queues
 * a job; the worker of the store claims it, makes the reports with generateFamilyReports (one
 * PDF per student and language), and after each one stores the PDF and the progress in the
 * database, where the status page reads it. PDFs live in the database rather than on one
 * server's disk, so any server can hand them out; the zip is built when it is downloaded.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import { logger } from '../logger.js';
import { isReportLang } from '../reports/i18n/index.js';
import type { Store } from '../store/database.js';
import {
  claimNextReportJob,
  finishReportJob,
  insertReportJob,
  insertReportJobFile,
  updateReportJobProgress,
  type ReportJobRow,
} from '../store/report-job.repository.js';
import type { Database } from '../store/schema.js';
import {
  generateFamilyReports,
  type BatchLang,
  type BatchProgress,
} from './report-batch.service.js';

type Db = Kysely<Database>;

/** The family reports of one class, asked for by one account. */
export interface ClassReportsRequest {
  readonly classId: string;
  readonly lang: BatchLang;
  readonly from: string | null;
  readonly to: string | null;
  readonly requestedBy: string;
}

/** A running job with no sign of life for this long may be taken over by another worker. */
const STALE_AFTER_MS = 5 * 60 * 1000;

const log = logger('report');

/** Queues the family reports of a class; answers the new job's id. */
export async function queueClassReports(
  db: Db,
  request: ClassReportsRequest,
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await insertReportJob(db, {
    id,
    kind: 'family-class',
    class_id: request.classId,
    lang: request.lang,
    period_from: request.from,
    period_to: request.to,
    requested_by: request.requestedBy,
    state: 'queued',
    created_at: now.toISOString(),
    started_at: null,
    heartbeat_at: null,
    finished_at: null,
    problem: null,
  });
  return id;
}

/**
 * The worker of one store: runs queued jobs one after another, in the server process. `wake`
 * after queueing a job; `idle` resolves once nothing is left to run (for tests and shutdown).
 */
export class ReportWorker {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly db: Db) {}

  /** Starts running queued jobs, or, when already running, looks again once it is done. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when the worker has nothing left to run. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        let job = await this.claim();
        while (job) {
          await runReportJob(this.db, job);
          job = await this.claim();
        }
      } catch (error) {
        log.error({ err: error }, 'report worker stopped on an unexpected error');
      }
    } while (this.again);
  }

  private claim(): Promise<ReportJobRow | undefined> {
    const now = Date.now();
    return claimNextReportJob(
      this.db,
      new Date(now).toISOString(),
      new Date(now - STALE_AFTER_MS).toISOString(),
    );
  }
}

const workers = new WeakMap<Store, ReportWorker>();

/** The one worker of a store in this process. */
export function reportWorkerFor(store: Store): ReportWorker {
  let worker = workers.get(store);
  if (!worker) {
    worker = new ReportWorker(store.db);
    workers.set(store, worker);
  }
  return worker;
}

/**
 * Runs one claimed job: makes its reports into a temporary folder, moves each PDF into the
 * database as soon as it is written, and records the progress after each one.
 */
export async function runReportJob(db: Db, job: ReportJobRow): Promise<void> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'trellis-report-job-'));
  let saving: Promise<void> = Promise.resolve();
  let failed = 0;

  try {
    await generateFamilyReports(
      db,
      {
        scope: { classId: job.class_id },
        lang: batchLangOf(job.lang),
        outDir: folder,
        ...periodOf(job),
      },
      (progress) => {
        if (progress.problem !== null) failed += 1;
        const counts = { total: progress.total, done: progress.done, failed };
        saving = saving.then(() => saveReport(db, job.id, progress, counts));
      },
    );
    await saving;
    await finishReportJob(db, job.id, 'done', null, new Date().toISOString());
    log.info({ jobId: job.id, failed }, 'report job done');
  } catch (error) {
    await saving.catch(() => undefined);
    const problem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    await finishReportJob(db, job.id, 'failed', problem, new Date().toISOString());
    log.error({ jobId: job.id, err: error }, 'report job failed');
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** Stores one finished report (the PDF read from its file, or its problem) and the counts. */
async function saveReport(
  db: Db,
  jobId: string,
  progress: BatchProgress,
  counts: { readonly total: number; readonly done: number; readonly failed: number },
): Promise<void> {
  const pdf = progress.file ? await fs.readFile(progress.file) : null;
  await insertReportJobFile(db, {
    id: randomUUID(),
    job_id: jobId,
    student_id: progress.studentId,
    lang: progress.lang,
    file_name: progress.file ? path.basename(progress.file) : progress.sourceId,
    list_order: progress.done,
    pdf,
    problem: progress.problem,
  });
  if (progress.file) await fs.rm(progress.file, { force: true });

  await updateReportJobProgress(db, jobId, counts, new Date().toISOString());
}

function batchLangOf(stored: string): BatchLang {
  return stored === 'guardian' || !isReportLang(stored) ? 'guardian' : stored;
}

function periodOf(job: ReportJobRow): { from?: string; to?: string } {
  return {
    ...(job.period_from ? { from: job.period_from } : {}),
    ...(job.period_to ? { to: job.period_to } : {}),
  };
}

/**
 * A zip of PDFs as a stream, entries stored without compression (a PDF is compressed
 * already) and dated `modified`. yazl writes the archive as it is read, with no dependency
 * beyond a CRC-32 helper, and is small enough to review.
 */
export function zipOfPdfs(
  files: ReadonlyArray<{ readonly fileName: string; readonly pdf: Buffer }>,
  modified: Date,
): ReadableStream<Uint8Array> {
  const zip = new ZipFile();
  for (const file of files) {
    zip.addBuffer(file.pdf, file.fileName, { compress: false, mtime: modified });
  }
  zip.end();
  return Readable.toWeb(Readable.from(zip.outputStream)) as ReadableStream<Uint8Array>;
}
