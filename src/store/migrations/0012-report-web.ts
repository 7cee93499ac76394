/**
 * Family reports made in the web app as one job per class:
 * - `report_jobs`: one request ("every report of this class, in each family's language"),
 *   with its progress (done of total), its state, and when it ran;
 * - `report_job_files`: one PDF per student and language, kept in the database (bytea on
 *   PostgreSQL, blob on SQLite) so any server behind a load balancer can hand it out.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `report_jobs` and `report_job_files`. */
export async function up(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('report_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('report_jobs_class_idx')
    .on('report_jobs')
    .columns(['class_id', 'created_at'])
    .execute();
  await db.schema.createIndex('report_jobs_state_idx').on('report_jobs').column('state').execute();

  await db.schema
    .createTable('report_job_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('report_jobs.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('lang', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addColumn('pdf', ctx.kind === 'postgres' ? 'bytea' : 'blob')
    .addColumn('problem', 'text')
    .execute();
  await db.schema
    .createIndex('report_job_files_job_idx')
    .on('report_job_files')
    .columns(['job_id', 'list_order'])
    .execute();
}
