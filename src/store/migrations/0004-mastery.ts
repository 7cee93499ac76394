/**
 * What the mastery engine stores beyond the first schema: the calculation policy chosen for a
 * district, school, course or standard; teachers' overrides of a computed level (kept, never
 * deleted, so a cleared override still shows in the history); each school's choice to show a
 * course summary level; and on each stored result the scale it was read on and whether it
 * reaches mastery.
 */
import type { Kysely } from 'kysely';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the policy, override and setting tables and widens `mastery_results`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calculation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('param', 'double precision')
    .addColumn('min_evidence', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('mastery_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('level_value', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('basis_evidence_id', 'integer')
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_by', 'text')
    .execute();
  await db.schema
    .createIndex('mastery_overrides_pair_idx')
    .on('mastery_overrides')
    .columns(['student_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('school_mastery_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('course_summary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('mastery_results').addColumn('scale_id', 'text').execute();
  await db.schema
    .alterTable('mastery_results')
    .addColumn('mastered', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
