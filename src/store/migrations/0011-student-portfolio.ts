/**
 * The student's own space and the portfolio:
 * - `self_assessments`: a student's rating of themself on a standard (a value on the scale)
 *   with a short "why"; every rating is kept, the newest is shown;
 * - `student_goals`: goals a student sets for themself, ticked off when done;
 * - `iep_goal_student_wordings`: an IEP goal said in the student's words, written by staff;
 *   only goals with one appear on the student's checklist;
 * - `evidence_reflections`: the student's short reflection on one piece of evidence;
 * - `portfolio_artifacts`: a piece of work (a file stored under a generated name outside the
 *   web root), dated, with its setting and reflection, whether the student chose it to show
 *   their progress and in which order, whether it is shared with the family, and a teacher's
 *   endorsement;
 * - `portfolio_artifact_links`: the standards and IEP goals an artifact shows;
 * - `portfolio_endorsements`: the evidence an endorsement wrote, one row per linked standard.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the self-assessment, goal, reflection and portfolio tables. */
export async function up(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await createStudentTables(db, ctx);
  await createPortfolioTables(db);
}

async function createStudentTables(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await ctx
    .serialId(db.schema.createTable('self_assessments'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('level_value', 'double precision', (c) => c.notNull())
    .addColumn('why', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('self_assessments_student')
    .on('self_assessments')
    .columns(['student_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('student_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();

  await db.schema
    .createTable('iep_goal_student_wordings')
    .addColumn('goal_id', 'text', (c) => c.primaryKey().references('iep_goals.id'))
    .addColumn('wording', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence_reflections')
    .addColumn('evidence_id', 'integer', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createPortfolioTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('portfolio_artifacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('reflection', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('chosen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('list_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shared_by', 'text')
    .addColumn('shared_at', 'text')
    .addColumn('endorsed_by', 'text')
    .addColumn('endorsed_at', 'text')
    .addColumn('endorsement_score', 'double precision')
    .addColumn('endorsement_strength', 'text')
    .addColumn('endorsement_next_step', 'text')
    .execute();
  await db.schema
    .createIndex('portfolio_artifacts_student')
    .on('portfolio_artifacts')
    .columns(['student_id', 'list_order'])
    .execute();

  await db.schema
    .createTable('portfolio_artifact_links')
    .addColumn('artifact_id', 'text', (c) => c.notNull().references('portfolio_artifacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_artifact_links_pkey', ['artifact_id', 'kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('portfolio_endorsements')
    .addColumn('artifact_id', 'text', (c) => c.notNull().references('portfolio_artifacts.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id'))
    .addPrimaryKeyConstraint('portfolio_endorsements_pkey', ['artifact_id', 'evidence_id'])
    .execute();
}
