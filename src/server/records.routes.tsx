/**
 * Records rights for one student: the administrator's "who has access and why, and who viewed
 * it"; the family's disclosure record; and the records request package (everything Trellis
 * holds about the child) as JSON and PDF. Each download is audited as an export.
 */
import type { Context } from 'hono';
import { buildRecordsPackage, listDisclosures, recordsPdf } from '../services/records.service.js';
import {
  listAdminGrants,
  listGuardianGrants,
  listIepGrants,
  listSelfGrants,
  listTeachingGrants,
} from '../store/access.repository.js';
import { listAuditOfStudent } from '../store/audit.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { DisclosurePage, StudentAccessPage } from '../web/views/records.view.js';
import { audit, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

async function studentOf(c: Context<AppEnv>) {
  const studentId = c.req.param('studentId') ?? '';
  const student = await findStudent(c.get('store').db, studentId);
  if (!student) throw new AppError('not_found');
  return { studentId, studentName: `${student.givenName} ${student.familyName}` };
}

async function showAccess(c: Context<AppEnv>): Promise<Response> {
  const db = c.get('store').db;
  const { studentId, studentName } = await studentOf(c);
  const grants = [
    ...(await listAdminGrants(db, studentId)),
    ...(await listTeachingGrants(db, studentId, today())),
    ...(await listIepGrants(db, studentId)),
    ...(await listGuardianGrants(db, studentId)),
    ...(await listSelfGrants(db, studentId)),
  ];
  const views = await listAuditOfStudent(db, studentId);
  await audit(c, 'view', 'student-access', studentId, studentId);

  const frame = frameOf(c, `Access to ${studentName}'s record`);
  const page = (
    <StudentAccessPage
      {...frame}
      studentId={studentId}
      studentName={studentName}
      grants={grants}
      views={views}
    />
  );
  return renderPage(c, page);
}

async function showDisclosures(c: Context<AppEnv>): Promise<Response> {
  const { studentId, studentName } = await studentOf(c);
  const rows = await listDisclosures(c.get('store').db, studentId);
  await audit(c, 'view', 'disclosures', studentId, studentId);
  const frame = frameOf(c, `Who has seen ${studentName}'s record`);
  const page = (
    <DisclosurePage {...frame} studentId={studentId} studentName={studentName} rows={rows} />
  );
  return renderPage(c, page);
}

async function loadPackage(c: Context<AppEnv>) {
  const studentId = c.req.param('studentId') ?? '';
  const pkg = await buildRecordsPackage(c.get('store').db, studentId, new Date());
  if (!pkg) throw new AppError('not_found');
  return { studentId, pkg };
}

async function downloadJson(c: Context<AppEnv>): Promise<Response> {
  const { studentId, pkg } = await loadPackage(c);
  const body = JSON.stringify(pkg, null, 2);
  await audit(c, 'export', 'records-json', studentId, studentId, { bytes: body.length });
  return c.body(body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': 'attachment; filename="trellis-records.json"',
  });
}

async function downloadPdf(c: Context<AppEnv>): Promise<Response> {
  const { studentId, pkg } = await loadPackage(c);
  const pdf = await recordsPdf(pkg);
  await audit(c, 'export', 'records-pdf', studentId, studentId, { bytes: pdf.length });
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': 'attachment; filename="trellis-records.pdf"',
  });
}

const FAMILY_OR_ADMIN = {
  kind: 'student',
  param: 'studentId',
  roles: ['guardian', 'admin'],
} as const;

export const recordsRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/access',
    access: { kind: 'student', param: 'studentId', roles: ['admin'] },
    handler: showAccess,
  },
  {
    method: 'get',
    path: '/students/:studentId/disclosures',
    access: FAMILY_OR_ADMIN,
    handler: showDisclosures,
  },
  {
    method: 'get',
    path: '/students/:studentId/records.json',
    access: FAMILY_OR_ADMIN,
    handler: downloadJson,
  },
  {
    method: 'get',
    path: '/students/:studentId/records.pdf',
    access: FAMILY_OR_ADMIN,
    handler: downloadPdf,
  },
];
