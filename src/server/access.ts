/**
 * Who may see what, in one place. Every route declares an access rule; `guard` enforces it
 * before the handler runs, and the app refuses any route that declared none (default deny).
 *
 * - administrator: with no organization, every student and class; else those of their school
 *   or district (the district's schools);
 * - teacher: students enrolled today in a class of a current term that they teach;
 * - special educator: their caseload (IEPs naming them case manager), plus their classes;
 * - related-service provider: the IEP goals they collect data for, and nothing else;
 * - guardian: their own children, while the link is active, not restricted and not only as
 *   an emergency contact;
 * - student: only themself.
 * Every answer is read from the database on each request, so access changes at once. A record
 * the viewer may not see answers 404 exactly like one that does not exist, and is logged.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Viewer } from '../services/auth.service.js';
import {
  classExists,
  classInOrg,
  collectsForGoal,
  hasActiveGuardianship,
  isCaseManagerOf,
  schoolExists,
  schoolInOrg,
  staffTeachesClass,
  staffTeachesStudent,
  studentExists,
  studentInOrg,
  studentOfEvidence,
  studentOfGoal,
} from '../store/access.repository.js';
import { hasPermission } from '../store/account.repository.js';
import { appendAudit } from '../store/audit.repository.js';
import type { Database, Permission, Role } from '../store/schema.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';

/** The roles of school staff (everyone but families and students). */
export const STAFF_ROLES: readonly Role[] = [
  'admin',
  'teacher',
  'special_educator',
  'related_service_provider',
];

/** The rule a route declares. `roles` narrows a rule to some roles; `permission` adds a grant. */
export type AccessRule =
  /** Anyone, signed in or not (sign-in page, health, static files, calculators). */
  | { readonly kind: 'public' }
  /** Any signed-in viewer, optionally only some roles or holders of a permission. */
  | {
      readonly kind: 'signed-in';
      readonly roles?: readonly Role[];
      readonly permission?: Permission;
    }
  /** A viewer who may see the student named by the path parameter. */
  | { readonly kind: 'student'; readonly param: string; readonly roles?: readonly Role[] }
  /** A viewer who may see the class (its roster and grid) named by the path parameter. */
  | { readonly kind: 'class'; readonly param: string; readonly permission?: Permission }
  /** Staff of the class named by the path parameter: they may record evidence in it. */
  | { readonly kind: 'class-staff'; readonly param: string }
  /** An administrator of the school named by the path parameter. */
  | { readonly kind: 'school'; readonly param: string; readonly permission?: Permission }
  /** A viewer who may see the IEP goal named by the path parameter. */
  | { readonly kind: 'goal'; readonly param: string }
  /** Staff who may see the student the evidence (path parameter, a number) is about. */
  | { readonly kind: 'evidence'; readonly param: string };

/** The current day, "2026-10-02", against which enrollments and terms are checked. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True when the viewer may see the student's record. */
export async function maySeeStudent(
  db: Kysely<Database>,
  viewer: Viewer,
  studentId: string,
): Promise<boolean> {
  const person = viewer.personId;
  switch (viewer.role) {
    case 'admin':
      return viewer.orgId === null
        ? studentExists(db, studentId)
        : studentInOrg(db, studentId, viewer.orgId);
    case 'teacher':
      return person !== null && staffTeachesStudent(db, person, studentId, today());
    case 'special_educator':
      return (
        person !== null &&
        ((await isCaseManagerOf(db, person, studentId)) ||
          (await staffTeachesStudent(db, person, studentId, today())))
      );
    case 'related_service_provider':
      return false;
    case 'guardian':
      return person !== null && hasActiveGuardianship(db, person, studentId);
    case 'student':
      return person === studentId && studentExists(db, studentId);
  }
}

/** True when the viewer may see a class's roster and grid. */
export async function maySeeClass(
  db: Kysely<Database>,
  viewer: Viewer,
  classId: string,
): Promise<boolean> {
  switch (viewer.role) {
    case 'admin':
      return viewer.orgId === null
        ? classExists(db, classId)
        : classInOrg(db, classId, viewer.orgId);
    case 'teacher':
    case 'special_educator':
      return viewer.personId !== null && staffTeachesClass(db, viewer.personId, classId, today());
    case 'related_service_provider':
    case 'guardian':
    case 'student':
      return false;
  }
}

/** True when the viewer may record evidence in the class: its current teachers and co-teachers. */
export async function mayRecordInClass(
  db: Kysely<Database>,
  viewer: Viewer,
  classId: string,
): Promise<boolean> {
  const staffRole = viewer.role === 'teacher' || viewer.role === 'special_educator';
  return (
    staffRole &&
    viewer.personId !== null &&
    staffTeachesClass(db, viewer.personId, classId, today())
  );
}

/** True when the viewer administers the school (or every school). */
export async function mayAdministerSchool(
  db: Kysely<Database>,
  viewer: Viewer,
  schoolId: string,
): Promise<boolean> {
  if (viewer.role !== 'admin') return false;
  return viewer.orgId === null
    ? schoolExists(db, schoolId)
    : schoolInOrg(db, schoolId, viewer.orgId);
}

/**
 * True when the viewer may see an IEP goal: staff and guardians who may see its student (not
 * the student: the IEP is a staff and family document), and the providers who collect its data.
 */
export async function maySeeGoal(
  db: Kysely<Database>,
  viewer: Viewer,
  goalId: string,
): Promise<boolean> {
  const studentId = await studentOfGoal(db, goalId);
  if (studentId === undefined || viewer.role === 'student') return false;
  if (viewer.role === 'related_service_provider' || viewer.role === 'special_educator') {
    const collects =
      viewer.personId !== null && (await collectsForGoal(db, viewer.personId, goalId));
    if (collects) return true;
  }
  return maySeeStudent(db, viewer, studentId);
}

/** True when the viewer is staff who may see the student the evidence is about. */
export async function maySeeEvidence(
  db: Kysely<Database>,
  viewer: Viewer,
  evidenceId: string,
): Promise<boolean> {
  if (!/^\d{1,15}$/.test(evidenceId) || !STAFF_ROLES.includes(viewer.role)) return false;
  const studentId = await studentOfEvidence(db, Number(evidenceId));
  return studentId !== undefined && maySeeStudent(db, viewer, studentId);
}

/** The signed-in viewer; throws `unauthenticated` when there is none. */
export function requireViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.get('viewer');
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
}

/**
 * Middleware enforcing one rule: records it on the context, requires a viewer unless the rule
 * is public, and answers 404 (logged in the audit log) when the rule refuses.
 */
export function guard(rule: AccessRule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('accessRule', rule);
    if (rule.kind === 'public') return next();

    const viewer = requireViewer(c);
    if (!(await allows(c, viewer, rule))) {
      await auditDenied(c, viewer, rule);
      throw new AppError('not_found');
    }
    return next();
  };
}

async function allows(c: Context<AppEnv>, viewer: Viewer, rule: AccessRule): Promise<boolean> {
  const db = c.get('store').db;
  if ('roles' in rule && rule.roles && !rule.roles.includes(viewer.role)) return false;
  if ('permission' in rule && rule.permission) {
    if (!(await hasPermission(db, viewer.accountId, rule.permission))) return false;
  }

  const param = 'param' in rule ? (c.req.param(rule.param) ?? '') : '';
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'student':
      return maySeeStudent(db, viewer, param);
    case 'class':
      return maySeeClass(db, viewer, param);
    case 'class-staff':
      return mayRecordInClass(db, viewer, param);
    case 'school':
      return mayAdministerSchool(db, viewer, param);
    case 'goal':
      return maySeeGoal(db, viewer, param);
    case 'evidence':
      return maySeeEvidence(db, viewer, param);
  }
}

async function auditDenied(c: Context<AppEnv>, viewer: Viewer, rule: AccessRule): Promise<void> {
  const entityId = 'param' in rule ? (c.req.param(rule.param) ?? null) : null;
  await appendAudit(c.get('store').db, {
    at: new Date().toISOString(),
    account_id: viewer.accountId,
    action: 'access-denied',
    entity: rule.kind,
    entity_id: entityId?.slice(0, 200) ?? null,
    student_id: rule.kind === 'student' ? (entityId?.slice(0, 200) ?? null) : null,
    request_id: c.get('requestId'),
    detail_json: JSON.stringify({ method: c.req.method }),
  });
}

/** Appends an audit row for the current request (detail: counts, ids and codes only). */
export async function audit(
  c: Context<AppEnv>,
  action: string,
  entity: string,
  entityId: string | null,
  studentId: string | null,
  detail: Readonly<Record<string, string | number | boolean | null>> | null = null,
): Promise<void> {
  await appendAudit(c.get('store').db, {
    at: new Date().toISOString(),
    account_id: c.get('viewer')?.accountId ?? null,
    action,
    entity,
    entity_id: entityId,
    student_id: studentId,
    request_id: c.get('requestId'),
    detail_json: detail ? JSON.stringify(detail) : null,
  });
}
