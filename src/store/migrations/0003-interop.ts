/**
 * What the importers need beyond the first schema: the raw scores of students on tasks
 * (gradebook grades, assessment and objective results with their performance level), and the
 * CASE associations whose other end is in a framework not yet imported.
 */
import type { Kysely } from 'kysely';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `task_scores` and `pending_alignments`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('task_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('score', 'double precision')
    .addColumn('max_score', 'double precision')
    .addColumn('level_label', 'text')
    .addColumn('status', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('observed_at', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_scores_student_idx')
    .on('task_scores')
    .column('student_id')
    .execute();

  await db.schema
    .createTable('pending_alignments')
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('target_identifier', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_uri', 'text')
    .addPrimaryKeyConstraint('pending_alignments_pkey', ['standard_id', 'target_identifier'])
    .execute();
}
