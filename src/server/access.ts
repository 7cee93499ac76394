/**
 * Who may see what, in one place. Every route declares an access rule; `guard` enforces it
 * before the handler runs, and the app refuses any route that declared none (default deny).
 *
 * - administrator: with no organization, every student and class; else those of their school
 *   or district (the district's schools);
 * - teacher: students currently enrolled in classes they teach (class_staff);
 * - special educator: students whose IEP names them case manager, plus their classes' students;
 * - guardian: their own children, while the link is active and not restricted;
 * - student: only themself.
 * A record the viewer may not see answers 404 exactly like one that does not exist.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Viewer } from '../services/auth.service.js';
import {
  classExists,
  classInOrg,
  hasActiveGuardianship,
  isCaseManagerOf,
  staffTeachesClass,
  staffTeachesStudent,
  studentExists,
  studentInOrg,
} from '../store/access.repository.js';
import { appendAudit } from '../store/audit.repository.js';
import type { Database, Role } from '../store/schema.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';

/** The rule a route declares. */
export type AccessRule =
  /** Anyone, signed in or not (sign-in page, health, static files, calculators). */
  | { readonly kind: 'public' }
  /** Any signed-in viewer, optionally only some roles. */
  | { readonly kind: 'signed-in'; readonly roles?: readonly Role[] }
  /** A viewer who may see the student named by the path parameter. */
  | { readonly kind: 'student'; readonly param: string }
  /** A viewer who may see the class (its roster and grid) named by the path parameter. */
  | { readonly kind: 'class'; readonly param: string }
  /** Staff of the class named by the path parameter: they may record evidence in it. */
  | { readonly kind: 'class-staff'; readonly param: string };

/** The current day, "2026-10-02", against which enrollments are checked. */
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
      return viewer.personId !== null && staffTeachesClass(db, viewer.personId, classId);
    case 'guardian':
    case 'student':
      return false;
  }
}

/** True when the viewer may record evidence in the class: its teachers and co-teachers. */
export async function mayRecordInClass(
  db: Kysely<Database>,
  viewer: Viewer,
  classId: string,
): Promise<boolean> {
  const staffRole = viewer.role === 'teacher' || viewer.role === 'special_educator';
  return staffRole && viewer.personId !== null && staffTeachesClass(db, viewer.personId, classId);
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
  switch (rule.kind) {
    case 'public':
      return true;
    case 'signed-in':
      return rule.roles === undefined || rule.roles.includes(viewer.role);
    case 'student':
      return maySeeStudent(db, viewer, c.req.param(rule.param) ?? '');
    case 'class':
      return maySeeClass(db, viewer, c.req.param(rule.param) ?? '');
    case 'class-staff':
      return mayRecordInClass(db, viewer, c.req.param(rule.param) ?? '');
  }
}

async function auditDenied(c: Context<AppEnv>, viewer: Viewer, rule: AccessRule): Promise<void> {
  const entityId = 'param' in rule ? (c.req.param(rule.param) ?? null) : null;
  await appendAudit(c.get('store').db, {
    at: new Date().toISOString(),
    account_id: viewer.accountId,
    action: 'access-denied',
    entity: rule.kind,
    entity_id: entityId,
    student_id: rule.kind === 'student' ? entityId : null,
    request_id: c.get('requestId'),
    detail_json: null,
  });
}

/** Appends an audit row for the current request. */
export async function audit(
  c: Context<AppEnv>,
  action: string,
  entity: string,
  entityId: string | null,
  studentId: string | null,
): Promise<void> {
  await appendAudit(c.get('store').db, {
    at: new Date().toISOString(),
    account_id: c.get('viewer')?.accountId ?? null,
    action,
    entity,
    entity_id: entityId,
    student_id: studentId,
    request_id: c.get('requestId'),
    detail_json: null,
  });
}
