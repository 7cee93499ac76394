/**
 * Bulk export of mastery as CSV for a class or a school. It needs the `bulk-export` permission
 * on top of seeing the class (or administering the school), is rate limited per account, and
 * every export is audited with its row count and size.
 */
import type { Context } from 'hono';
import {
  classMasteryCsv,
  EXPORT_ACTION,
  mayExportNow,
  schoolMasteryCsv,
  type CsvExport,
} from '../services/export.service.js';
import { audit, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import type { RouteSpec } from './route.js';

async function sendExport(
  c: Context<AppEnv>,
  scope: 'class' | 'school',
  id: string,
  make: () => Promise<CsvExport>,
): Promise<Response> {
  const viewer = requireViewer(c);
  if (!(await mayExportNow(c.get('store').db, viewer.accountId, new Date()))) {
    throw new AppError('rate_limited', 'You have made many exports in the last hour. Try later.');
  }

  const result = await make();
  const bytes = Buffer.byteLength(result.csv);
  await audit(c, EXPORT_ACTION, scope, id, null, { scope, rows: result.rows, bytes });
  return c.body(result.csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${scope}-mastery.csv"`,
  });
}

async function exportClass(c: Context<AppEnv>): Promise<Response> {
  const classId = c.req.param('classId') ?? '';
  return sendExport(c, 'class', classId, () =>
    classMasteryCsv(c.get('store').db, classId, today()),
  );
}

async function exportSchool(c: Context<AppEnv>): Promise<Response> {
  const schoolId = c.req.param('schoolId') ?? '';
  return sendExport(c, 'school', schoolId, () => schoolMasteryCsv(c.get('store').db, schoolId));
}

export const exportRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/classes/:classId/mastery.csv',
    access: { kind: 'class', param: 'classId', permission: 'bulk-export' },
    handler: exportClass,
  },
  {
    method: 'get',
    path: '/schools/:schoolId/mastery.csv',
    access: { kind: 'school', param: 'schoolId', permission: 'bulk-export' },
    handler: exportSchool,
  },
];
