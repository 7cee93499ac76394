/**
 * The student page and the family report, both under the "may see this student" rule. Each
 * view is written to the audit log (who, which student; never the grades).
 */
import type { Context } from 'hono';
import { familyReportHtml, familyReportPdf } from '../reports/family/family-report.js';
import { reportLangOf } from '../reports/i18n/index.js';
import {
  listDefaultScaleLevels,
  listEvidenceOfStudent,
  listMastery,
  listStandardsOfStudent,
} from '../store/gradebook.repository.js';
import { listIepsOfStudent } from '../store/iep.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { StudentPage } from '../web/views/student.view.js';
import { audit } from './access.js';
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
    evidence: await listEvidenceOfStudent(db, studentId),
    levels: await listDefaultScaleLevels(db),
    ieps: c.get('viewer')?.role === 'student' ? [] : await listIepsOfStudent(db, studentId),
    familyReportHref: familyReportHref(studentId),
  };
  await audit(c, 'view', 'student', studentId, studentId);

  const frame = frameOf(c, title ?? `${student.givenName} ${student.familyName}`);
  return renderPage(c, <StudentPage {...frame} model={model} />);
}

/** A content security policy for the report document: its own inline styles, no scripts. */
const REPORT_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline' 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function showFamilyReport(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const html = await familyReportHtml(c.get('store').db, studentId, languageOf(c));
  if (html === null) throw new AppError('not_found');

  await audit(c, 'view', 'family-report', studentId, studentId);
  c.header('Content-Security-Policy', REPORT_POLICY);
  return c.html(html);
}

async function downloadFamilyReport(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const pdf = await familyReportPdf(c.get('store').db, studentId, languageOf(c));
  if (pdf === null) throw new AppError('not_found');

  await audit(c, 'export', 'family-report-pdf', studentId, studentId);
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': 'inline; filename="family-report.pdf"',
  });
}

function languageOf(c: Context<AppEnv>) {
  const lang = reportLangOf(c.req.query('lang') ?? '');
  return lang ? { lang } : {};
}

export const studentRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId',
    access: { kind: 'student', param: 'studentId' },
    handler: (c) => showStudentPage(c, c.req.param('studentId') ?? ''),
  },
  {
    method: 'get',
    path: '/students/:studentId/report',
    access: { kind: 'student', param: 'studentId' },
    handler: showFamilyReport,
  },
  {
    method: 'get',
    path: '/students/:studentId/report.pdf',
    access: { kind: 'student', param: 'studentId' },
    handler: downloadFamilyReport,
  },
];
