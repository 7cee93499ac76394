/**
 * A fresh, migrated database for one test file. SQLite by default (a file in a temporary
 * folder); PostgreSQL when TEST_DATABASE_URL is a postgres:// URL, in which case a new database
 * is created beside it and dropped afterwards, so test files never see each other's rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate, openStore, type Store } from '../../src/store/database.js';

export interface TestStore extends Store {
  /** The URL of this test's own database. */
  readonly url: string;
  /** Closes and removes the test database. */
  destroy(): Promise<void>;
}

/** The kind of database the store and server tests run on in this process. */
export const testDatabaseKind = /^postgres/.test(process.env.TEST_DATABASE_URL ?? '')
  ? 'postgres'
  : 'sqlite';

export async function createTestStore(): Promise<TestStore> {
  const base = process.env.TEST_DATABASE_URL ?? '';
  return /^postgres/.test(base) ? createPostgresStore(base) : createSqliteStore();
}

async function createSqliteStore(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-'));
  const url = path.join(dir, 'test.sqlite');
  const store = openStore(url);
  await migrate(store);
  return {
    ...store,
    url,
    destroy: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresStore(base: string): Promise<TestStore> {
  const name = `trellis_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(base, `create database ${name}`);
  const url = withDatabase(base, name);
  const store = openStore(url);
  await migrate(store);
  return {
    ...store,
    url,
    destroy: async () => {
      await store.close();
      // The pool's end resolves before its sockets close; a forced drop would then kill
      // backends still closing and their clients would raise an unhandled FATAL 57P01.
      await untilNoSessions(base, name);
      await adminQuery(base, `drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Waits (up to two seconds) until no session is connected to the database `name`. */
async function untilNoSessions(base: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const { rows } = await client.query<{ n: string }>(
        'select count(*) as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (Number(rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
