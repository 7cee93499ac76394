/**
 * The standards a class works on, in the order its gradebook shows them. A class with no rows
 * here shows the standards its tasks have evidence on.
 */
import type { Kysely } from 'kysely';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `class_standards` (class, standard, list order). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('class_standards')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('class_standards_pkey', ['class_id', 'standard_id'])
    .execute();
}
