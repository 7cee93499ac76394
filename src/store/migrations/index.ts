/**
 * The ordered list of migrations. A migration is written once for both dialects; the context
 * carries the few column shapes that differ. Add a file `NNNN-name.ts` and list it here.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../../config.js';
import * as initial from './0001-initial.js';
import * as classStandards from './0002-class-standards.js';
import * as interop from './0003-interop.js';
import * as mastery from './0004-mastery.js';
import * as iepProgress from './0005-iep-progress.js';
import * as translations from './0006-translations.js';
import * as security from './0007-security.js';
import * as workspace from './0008-workspace.js';
import * as iepWeb from './0010-iep-web.js';
import * as studentPortfolio from './0011-student-portfolio.js';
import * as reportWeb from './0012-report-web.js';

export interface MigrationContext {
  readonly kind: DatabaseKind;
  /** Adds an auto-increasing integer primary key named `id`. */
  serialId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
}

interface MigrationModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

const migrations: ReadonlyArray<readonly [string, MigrationModule]> = [
  ['0001-initial', initial],
  ['0002-class-standards', classStandards],
  ['0003-interop', interop],
  ['0004-mastery', mastery],
  ['0005-iep-progress', iepProgress],
  ['0006-translations', translations],
  ['0007-security', security],
  ['0008-workspace', workspace],
  ['0010-iep-web', iepWeb],
  ['0011-student-portfolio', studentPortfolio],
  ['0012-report-web', reportWeb],
];

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
