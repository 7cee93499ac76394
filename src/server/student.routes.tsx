/**
 * The student page and the family report, both under the "may see this student" rule. Each
 * view is written to the audit log (who, which student; never the grades).
 */
import type { Context } from 'hono';
import {
  listDefaultScaleLevels,
  listEvidenceOfStudent,
  listMastery,
  listStandardsOfStudent,
} from '../store/gradebook.repository.js';
import { listIepsOfStudent } from '../store/iep.repository.js';
import { studentMasteryPanels } from '../services/mastery-detail.service.js';
import { listUnreleasedEvidenceIds } from '../store/records.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { StudentPage } from '../web/views/student.view.js';
import { audit, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The link to a student's family report. */
export function familyReportHref(studentId: string): string {
  return `/students/${studentId}/report`;
}

/** Renders the page of a student the viewer has already been allowed to see. */
export async function showStudentPage(
  c: Context<AppEnv>,
  studentId: string,
  title?: string,
): Promise<Response> {
  const db = c.get('store').db;
  const student = await findStudent(db, studentId);
  if (!student) throw new AppError('not_found');

  const standards = await listStandardsOfStudent(db, studentId);
  const model = {
    student,
    standards,
    mastery: await listMastery(
      db,
      [studentId],
      standards.map((s) => s.id),
    ),
    evidence: await evidenceShownTo(c, studentId),
    levels: await listDefaultScaleLevels(db),
    ieps: c.get('viewer')?.role === 'student' ? [] : await listIepsOfStudent(db, studentId),
    familyReportHref: familyReportHref(studentId),
    asOfValue: asOfOf(c) ?? '',
    panels: await studentMasteryPanels(db, studentId, {
      asOf: asOfOf(c),
      today: today(),
      standardIds: standards.map((s) => s.id),
    }),
  };
  await audit(c, 'view', 'student', studentId, studentId);

  const frame = frameOf(c, title ?? `${student.givenName} ${student.familyName}`);
  return renderPage(c, <StudentPage {...frame} model={model} />);
}

/** The student's evidence; a student sees only released evidence, never excluded evidence. */
async function evidenceShownTo(c: Context<AppEnv>, studentId: string) {
  const db = c.get('store').db;
  const evidence = await listEvidenceOfStudent(db, studentId);
  if (c.get('viewer')?.role !== 'student') return evidence;
  const held = await listUnreleasedEvidenceIds(db, studentId);
  return evidence.filter((entry) => !held.has(entry.id) && entry.excluded === 0);
}

/** The "as of" date asked for on the student page ("2026-10-15"), or null. */
function asOfOf(c: Context<AppEnv>): string | null {
  const value = c.req.query('asOf') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

export const studentRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId',
    access: { kind: 'student', param: 'studentId' },
    handler: (c) => showStudentPage(c, c.req.param('studentId') ?? ''),
  },
  // The family report's page and PDF are in family-report.routes.tsx.
];
