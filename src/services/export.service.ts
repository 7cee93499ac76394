/**
 * Bulk export of mastery as CSV, for a class or a whole school. Exporting is its own
 * permission (granted per account), is rate limited per account through the audit log (so
 * every server counts the same exports), and each export is audited with its row count and
 * size, never its content. Every text cell is neutralized against spreadsheet formulas.
 */
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { csvRow } from '../interop/csv-cell.js';
import { countRecentAudit } from '../store/audit.repository.js';
import {
  listClassMasteryForExport,
  listSchoolMasteryForExport,
  type MasteryExportRow,
} from '../store/records.repository.js';
import type { Database } from '../store/schema.js';

/** Bulk exports one account may make within the window. */
export const EXPORT_LIMIT = 10;

/** The window the limit counts over. */
export const EXPORT_WINDOW_MS = 60 * 60 * 1000;

/** The audit action of a bulk export. */
export const EXPORT_ACTION = 'export-bulk';

const HEADER = [
  'student_id',
  'given_name',
  'family_name',
  'standard_code',
  'standard',
  'score',
  'level',
  'evidence_count',
  'computed_at',
];

/** True when the account has made fewer than EXPORT_LIMIT bulk exports in the window. */
export async function mayExportNow(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - EXPORT_WINDOW_MS).toISOString();
  return (await countRecentAudit(db, accountId, EXPORT_ACTION, since)) < EXPORT_LIMIT;
}

/** A finished export: the CSV text and how many data rows it holds. */
export interface CsvExport {
  readonly csv: string;
  readonly rows: number;
}

/** The mastery of a class's current students as CSV. */
export async function classMasteryCsv(
  db: Kysely<Database>,
  classId: string,
  today: string,
): Promise<CsvExport> {
  return toCsv(await listClassMasteryForExport(db, classId, today));
}

/** The mastery of a school's students as CSV. */
export async function schoolMasteryCsv(db: Kysely<Database>, schoolId: string): Promise<CsvExport> {
  return toCsv(await listSchoolMasteryForExport(db, schoolId));
}

/** Rows as CSV with a header line; text cells neutralized. */
export function toCsv(rows: readonly MasteryExportRow[]): CsvExport {
  const body = rows.map((row) =>
    csvRow([
      row.studentSourceId,
      row.givenName,
      row.familyName,
      row.standardCode,
      row.standardStatement,
      row.score,
      row.levelValue,
      row.evidenceCount,
      row.computedAt,
    ]),
  );
  return { csv: stringify([HEADER, ...body]), rows: rows.length };
}
