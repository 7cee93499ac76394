/**
 * A records request: everything Trellis holds about one student, for their family (or an
 * administrator answering a request), as JSON and as a PDF printed from the same data. Each
 * download is written to the audit log as an export.
 */
import type { Kysely } from 'kysely';
import { renderPdf } from '../reports/pdf.js';
import { listAuditOfStudent, type AuditRow } from '../store/audit.repository.js';
import { loadStudentRecords, type StudentRecords } from '../store/records.repository.js';
import type { Database } from '../store/schema.js';
import { recordsDocument } from '../web/views/records.view.js';

/** The audit actions that count as a disclosure of the record to someone. */
export const DISCLOSURE_ACTIONS = ['view', 'export', 'create', 'update', 'delete', 'restore'];

/** The records package: stored rows by table, plus the disclosure record. */
export interface RecordsPackage extends StudentRecords {
  readonly generatedAt: string;
  readonly disclosures: ReadonlyArray<{
    readonly at: string;
    readonly who: string;
    readonly role: string | null;
    readonly action: string;
    readonly record: string | null;
  }>;
}

/** The disclosure record of a student: views, exports and changes, newest first. */
export async function listDisclosures(
  db: Kysely<Database>,
  studentId: string,
): Promise<AuditRow[]> {
  return listAuditOfStudent(db, studentId, DISCLOSURE_ACTIONS);
}

/** Builds the package, or null when there is no such student. */
export async function buildRecordsPackage(
  db: Kysely<Database>,
  studentId: string,
  now: Date,
): Promise<RecordsPackage | null> {
  const records = await loadStudentRecords(db, studentId);
  if (!records.student) return null;

  const disclosures = (await listDisclosures(db, studentId)).map((row) => ({
    at: row.at,
    who: [row.givenName, row.familyName].filter(Boolean).join(' ') || row.username || 'system',
    role: row.role,
    action: row.action,
    record: row.entity,
  }));
  return { ...records, generatedAt: now.toISOString(), disclosures };
}

/** The package as a PDF (Chromium through src/reports/pdf.ts). */
export async function recordsPdf(pkg: RecordsPackage): Promise<Buffer> {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const studentName = `${text(pkg.student?.given_name)} ${text(pkg.student?.family_name)}`;
  const sections: Array<readonly [string, readonly Record<string, unknown>[]]> = [
    ['Student', pkg.student ? [pkg.student] : []],
    ['Family links', pkg.guardians],
    ['Classes', pkg.enrollments],
    ['Evidence and feedback', pkg.evidence],
    ['Mastery', pkg.mastery],
    ['Mastery overrides', pkg.masteryOverrides],
    ['Task scores', pkg.taskScores],
    ['IEPs', pkg.ieps],
    ['IEP goals', pkg.iepGoals],
    ['IEP data sessions', pkg.dataSessions],
    ['Progress reports', pkg.progressReports],
    ['History of changes', pkg.changeHistory],
    ['Who has seen the record', pkg.disclosures],
  ];
  const html = recordsDocument({
    studentName: studentName.trim(),
    generatedAt: pkg.generatedAt,
    sections,
  });
  return renderPdf(html, { paper: 'Letter' });
}
