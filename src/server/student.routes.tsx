/**
 * The student page under the "may see this student" rule. Staff see every result and field; a
 * family sees released results only and no staff-only fields; a student opening their own page
 * gets their dashboard. Each view is written to the audit log (who, which student; never the
 * grades).
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import {
  listDefaultScaleLevels,
  listEvidenceOfStudent,
  listMastery,
  listStandardsOfStudent,
  type MasteryCell,
} from '../store/gradebook.repository.js';
import { listIepsOfStudent } from '../store/iep.repository.js';
import {
  studentMasteryPanels,
  type StudentMasteryPanels,
} from '../services/mastery-detail.service.js';
import { explainMastery } from '../services/mastery.service.js';
import type { Database } from '../store/schema.js';
import { listUnreleasedEvidenceIds } from '../store/records.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { StudentPage } from '../web/views/student.view.js';
import { audit, today } from './access.js';
import { showStudentDashboard } from './student-dashboard.routes.js';
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
  const role = c.get('viewer')?.role;
  // A student's own page is their dashboard: released results only, no staff-only fields.
  if (role === 'student') return showStudentDashboard(c, studentId);
  const student = await findStudent(db, studentId);
  if (!student) throw new AppError('not_found');

  const standards = await listStandardsOfStudent(db, studentId);
  const standardIds = standards.map((s) => s.id);
  const staff = role !== 'guardian';
  const model = {
    student,
    standards,
    ...(staff
      ? await staffReading(c, studentId, standardIds)
      : await releasedReading(db, studentId, standardIds)),
    evidence: await evidenceShownTo(c, studentId),
    levels: await listDefaultScaleLevels(db),
    ieps: staff ? await listIepsOfStudent(db, studentId) : [],
    familyReportHref: familyReportHref(studentId),
    asOfValue: asOfOf(c) ?? '',
  };
  await audit(c, 'view', 'student', studentId, studentId);

  const frame = frameOf(c, title ?? `${student.givenName} ${student.familyName}`);
  return renderPage(c, <StudentPage {...frame} model={model} />);
}

/** Staff read the stored levels and every mastery panel (as of a date, rollups, overrides). */
async function staffReading(
  c: Context<AppEnv>,
  studentId: string,
  standardIds: readonly string[],
): Promise<{ mastery: readonly MasteryCell[]; panels: StudentMasteryPanels }> {
  const db = c.get('store').db;
  return {
    mastery: await listMastery(db, [studentId], standardIds),
    panels: await studentMasteryPanels(db, studentId, {
      asOf: asOfOf(c),
      today: today(),
      standardIds,
    }),
  };
}

/**
 * A family reads each level from released evidence only (the engine with held-back evidence
 * left out, a teacher's override standing), and no staff panels.
 */
async function releasedReading(
  db: Kysely<Database>,
  studentId: string,
  standardIds: readonly string[],
): Promise<{ mastery: readonly MasteryCell[]; panels: StudentMasteryPanels }> {
  const leaveOut = await listUnreleasedEvidenceIds(db, studentId);
  const options = { leaveOut, withoutReasons: true };
  const explained = await Promise.all(
    standardIds.map((id) => explainMastery(db, studentId, id, options)),
  );
  const mastery = explained.map((e) => ({
    studentId,
    standardId: e.standardId,
    score: e.score,
    levelValue: e.level?.value ?? null,
    evidenceCount: e.evidence.filter((entry) => entry.status === 'counted').length,
    method: e.policy.method,
  }));
  const overrides = new Map(
    explained.flatMap((e) => (e.override ? [[e.standardId, e.override] as const] : [])),
  );
  return { mastery, panels: { asOf: null, rollups: [], courseSummaries: [], overrides } };
}

/**
 * The student's evidence. A family sees only released evidence, never excluded evidence, and
 * no staff-only field (the supports given).
 */
async function evidenceShownTo(c: Context<AppEnv>, studentId: string) {
  const db = c.get('store').db;
  const evidence = await listEvidenceOfStudent(db, studentId);
  if (c.get('viewer')?.role !== 'guardian') return evidence;
  const held = await listUnreleasedEvidenceIds(db, studentId);
  return evidence
    .filter((entry) => !held.has(entry.id) && entry.excluded === 0)
    .map((entry) => ({ ...entry, supports: null }));
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
