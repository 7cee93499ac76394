/**
 * Opens the database named by a URL (SQLite file path or postgres:// URL), migrates it, and
 * closes it. The rest of the store works on the returned Kysely instance alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import { databaseKindOf, type DatabaseKind } from '../config.js';
import type { Database } from './schema.js';
import { LATEST_MIGRATION, migrationsFor } from './migrations/index.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and other int8 values as text; ours fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens (and for SQLite, creates) the database at `url`. Does not migrate. */
export function openStore(url: string): Store {
  const kind = databaseKindOf(url);
  const db = new Kysely<Database>({
    dialect: kind === 'postgres' ? postgresDialect(url) : sqliteDialect(url),
  });
  return { db, kind, close: () => db.destroy() };
}

function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

function postgresDialect(url: string): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

/** Applies every pending migration; returns the version the database is now at. */
export async function migrate(store: Store): Promise<string> {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(migrationsFor(store.kind)),
  };
  const migrator = new Migrator({ db: store.db, provider });
  const { error } = await migrator.migrateToLatest();
  if (error instanceof Error) throw error;
  if (error) throw new Error('migration failed', { cause: error });
  return LATEST_MIGRATION;
}

/** The newest migration applied to this database, or null for an empty one. */
export async function schemaVersion(store: Store): Promise<string | null> {
  const result = await sql<{
    name: string;
  }>`select name from kysely_migration order by name desc limit 1`
    .execute(store.db)
    .catch(() => null);
  return result?.rows[0]?.name ?? null;
}
