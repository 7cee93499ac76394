/**
 * Helpers for the importer tests: a snapshot of every table an import writes (to show that a
 * second run, or a failed one, changes nothing), and copies of the fixture folder with one
 * file broken.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

const TABLES = [
  'organizations',
  'people',
  'ieps',
  'frameworks',
  'standards',
  'standard_alignments',
  'pending_alignments',
  'academic_sessions',
  'classes',
  'enrollments',
  'tasks',
  'task_scores',
  'evidence',
  'mastery_results',
  'audit_log',
] as const;

/** Every row of every imported table, in a stable order, as JSON text per table. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db,
    );
    result[table] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .join('\n');
  }
  return result;
}

/** Row counts of the imported tables. */
export async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    result[table] = Number(rows[0]?.n);
  }
  return result;
}

/**
 * A folder that links to every file of `source` except `file`, which is replaced by
 * `change(original text)`. Answers the folder; the caller removes it.
 */
export function brokenCopy(source: string, file: string, change: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-broken-'));
  for (const name of fs.readdirSync(source)) {
    if (name === file) continue;
    fs.symlinkSync(path.join(source, name), path.join(dir, name));
  }
  fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(source, file), 'utf8')));
  return dir;
}
