/**
 * The ordered list of migrations. A migration is written once for both dialects; the context
 * carries the few column shapes that differ. Add a file `NNNN-name.ts` and list it here.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../../config.js';
import * as initial from './0001-initial.js';

export interface MigrationContext {
  readonly kind: DatabaseKind;
  /** Adds an auto-increasing integer primary key named `id`. */
  serialId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
}

interface MigrationModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

const migrations: ReadonlyArray<readonly [string, MigrationModule]> = [['0001-initial', initial]];

/** The name of the newest migration: the schema version a fully migrated database has. */
export const LATEST_MIGRATION = migrations.at(-1)![0];

/** Migrations in the shape Kysely's Migrator expects, bound to one dialect. */
export function migrationsFor(kind: DatabaseKind): Record<string, Migration> {
  const ctx: MigrationContext = {
    kind,
    serialId: (table) =>
      kind === 'postgres'
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  };
  return Object.fromEntries(
    migrations.map(([name, module]) => [name, { up: (db) => module.up(db, ctx) }]),
  );
}
