/**
 * Goal attainment scaling reviews for IEPs: at a review the team scores each goal that suits
 * it from −2 (much less than expected) to +2 (much more than expected), with a weight, and the
 * GAS T-score of the set is computed from the stored levels (src/domain/gas). A review is
 * written once and never changed; a later review is a new row.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the GAS review and level tables. */
export async function up(db: AnyDb, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('iep_gas_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_id', 'text', (c) => c.notNull().references('ieps.id'))
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('rho', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('iep_gas_reviews_iep_idx')
    .on('iep_gas_reviews')
    .columns(['iep_id', 'review_date'])
    .execute();

  await db.schema
    .createTable('iep_gas_levels')
    .addColumn('review_id', 'text', (c) => c.notNull().references('iep_gas_reviews.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('iep_gas_levels_pkey', ['review_id', 'goal_id'])
    .execute();
}
