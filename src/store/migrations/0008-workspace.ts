/**
 * The teacher and specialist workspace: what a task is aligned to (standards, and optionally a
 * rubric whose criteria each align to a standard), each student's attempts at a task with the
 * feedback given (a revision is a later attempt that supersedes the one it revises), the
 * evidence each scored cell of an attempt wrote, every saved version of an attempt (its
 * history), per-student plans for a task (another format offered, an extension, a
 * reassessment window), a teacher's own comment bank, and supports noted for a student
 * outside an IEP.
 *
 * An attempt carries a `version` for optimistic concurrency: a save names the version it read,
 * and a stale save is refused with the current value, never silently applied.
 */
import type { Kysely } from 'kysely';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the task alignment, attempt, plan, comment-bank and student-support tables. */
export async function up(db: AnyDb): Promise<void> {
  await createAlignmentTables(db);
  await createAttemptTables(db);
  await createPlanAndCommentTables(db);
}

async function createAlignmentTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('task_standards')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('task_standards_pkey', ['task_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('task_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_criteria_task')
    .on('task_criteria')
    .columns(['task_id', 'list_order'])
    .execute();
}

async function createAttemptTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('task_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('revises_attempt_id', 'text', (c) => c.references('task_attempts.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('strength', 'text')
    .addColumn('next_step', 'text')
    .addColumn('supports', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('task_attempts_number', ['task_id', 'student_id', 'number'])
    .execute();

  await db.schema
    .createTable('task_attempt_scores')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('task_attempts.id'))
    .addColumn('column_id', 'text', (c) => c.notNull())
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id'))
    .addPrimaryKeyConstraint('task_attempt_scores_pkey', ['attempt_id', 'column_id'])
    .execute();

  await db.schema
    .createTable('task_attempt_history')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('task_attempts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('old_json', 'text')
    .addColumn('new_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_attempt_history_pkey', ['attempt_id', 'version'])
    .execute();
}

async function createPlanAndCommentTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('task_student_plans')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('offered_format', 'text')
    .addColumn('due_date', 'text')
    .addColumn('reassess_from', 'text')
    .addColumn('reassess_until', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('task_student_plans_pkey', ['task_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('comment_bank')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('student_supports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('task_kinds', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
