/**
 * The access matrix: every route the Hono app registered, for every role, on the role's own
 * student, another student of the same school, and a student of another school, against the
 * expected answer in ACCESS_TABLE below. A route without an entry fails the build, and so does
 * a registered route that did not declare an access rule.
 *
 * "Y" means the request is let through (any answer but 404, and no server error); "N" means it
 * answers 404 exactly like a record that does not exist. GET routes run in full on the real
 * app; POST routes run on the real app with an empty form, so a let-through request stops at
 * validation instead of changing records. Entries for routes another part of the app has not
 * mounted yet do no harm; a registered route without an entry fails.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { createApp, ROUTES } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { deleteRestorably } from '../../src/store/deleted-records.repository.js';
import { makeEvidence } from '../support/factories.js';
import {
  ACTORS,
  browserFor,
  buildSecurityWorld,
  TARGETS,
  type Actor,
  type SecurityWorld,
  type Target,
} from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

/** Allowed (Y) or not (N) on [own student, same school, other school]. */
type Answer = 'Y' | 'N';
type Row = readonly [Answer, Answer, Answer];
type Profile = Readonly<Record<Actor, Row>>;

const ALL: Row = ['Y', 'Y', 'Y'];
const NONE: Row = ['N', 'N', 'N'];
const OWN: Row = ['Y', 'N', 'N'];
const SCHOOL: Row = ['Y', 'Y', 'N'];

const profile = (rows: Partial<Record<Actor, Row>>): Profile =>
  Object.fromEntries(ACTORS.map((actor) => [actor, rows[actor] ?? NONE])) as Profile;

/** Keeps a profile's rows for some actors; the others get NONE. */
const only = (base: Profile, actors: readonly Actor[]): Profile =>
  profile(Object.fromEntries(actors.map((actor) => [actor, base[actor]])));

/** Every signed-in person, whatever the target (their own pages). */
const ANY_SIGNED_IN = profile(Object.fromEntries(ACTORS.map((a) => [a, ALL])));
/** Administrators only, target-free pages. */
const ADMINS = profile({ admin: ALL, exporter: ALL });
/** Staff of any kind, target-free pages. */
const STAFF = profile({
  admin: ALL,
  exporter: ALL,
  teacher: ALL,
  special_educator: ALL,
  related_service_provider: ALL,
});
/** A student's record: their school's administrators, teachers, case manager, family, self. */
const STUDENT = profile({
  admin: SCHOOL,
  exporter: SCHOOL,
  teacher: OWN,
  special_educator: OWN,
  guardian: OWN,
  student: OWN,
});
/** Staff pages about a student (profile, mastery overrides): STUDENT without family or self. */
const STUDENT_STAFF = only(STUDENT, ['admin', 'exporter', 'teacher', 'special_educator']);
/** A class's grid: its school's administrators and its teachers. */
const CLASS = profile({ admin: SCHOOL, exporter: SCHOOL, teacher: OWN });
/** Recording in a class: its teachers only. */
const CLASS_STAFF = profile({ teacher: OWN });
/** Bulk export: holders of the permission who may see the class or school. */
const EXPORT = profile({ exporter: SCHOOL });
/** An IEP goal: the student's staff and family, and the provider who collects its data. */
const GOAL = profile({
  admin: SCHOOL,
  exporter: SCHOOL,
  teacher: OWN,
  special_educator: OWN,
  related_service_provider: OWN,
  guardian: OWN,
});
/** Evidence through the API: staff who may see the student. */
const EVIDENCE = only(STUDENT, ['admin', 'exporter', 'teacher', 'special_educator']);
/** Accounts an administrator manages: those of their district or school. */
const ADMIN_ACCOUNTS = profile({ admin: SCHOOL, exporter: SCHOOL });
/** A goal page for staff: as GOAL without the family. */
const STAFF_GOAL = only(GOAL, [
  'admin',
  'exporter',
  'teacher',
  'special_educator',
  'related_service_provider',
]);

/** What the table says of one route. */
interface Expectation {
  readonly profile: Profile | 'public';
  /** The route answers 404 for a let-through request too, because the world has no such item. */
  readonly itemMissing?: boolean;
}

const PUBLIC: Expectation = { profile: 'public' };
const e = (p: Profile, itemMissing = false): Expectation => ({ profile: p, itemMissing });

/** The expected answers, by "METHOD path". Add a line here with every new route. */
const ACCESS_TABLE: Readonly<Record<string, Expectation>> = {
  'GET /static/app.css': PUBLIC,
  'GET /static/grid.js': PUBLIC,
  'GET /static/task-grid.js': PUBLIC,
  'GET /static/iep-collect.js': PUBLIC,
  'GET /static/htmx.min.js': PUBLIC,
  'GET /static/family-report.css': PUBLIC,
  'GET /static/iep-progress-report.css': PUBLIC,
  'GET /api/health': PUBLIC,
  'POST /api/calc/:kind': PUBLIC,
  'GET /sign-in': PUBLIC,
  'POST /sign-in': PUBLIC,
  'GET /sign-in/second-factor': PUBLIC,
  'POST /sign-in/second-factor': PUBLIC,
  'POST /sign-in/oidc': PUBLIC,
  'GET /sign-in/oidc/callback': PUBLIC,
  'GET /invitations/:token': PUBLIC,
  'POST /invitations/:token': PUBLIC,
  'POST /sign-out': e(ANY_SIGNED_IN),
  'GET /': e(ANY_SIGNED_IN),
  'GET /mastery/how': e(ANY_SIGNED_IN),
  'GET /account': e(ANY_SIGNED_IN),
  'GET /settings/language': e(only(ANY_SIGNED_IN, ['guardian', 'emergency_contact'])),
  'POST /settings/language': e(only(ANY_SIGNED_IN, ['guardian', 'emergency_contact'])),
  'POST /account/sign-out-everywhere': e(ANY_SIGNED_IN),
  'POST /account/second-factor': e(ANY_SIGNED_IN),
  'POST /account/second-factor/confirm': e(ANY_SIGNED_IN),
  'POST /account/recovery-codes': e(ANY_SIGNED_IN),
  'GET /classes/:classId': e(CLASS),
  'GET /classes/:classId/cells/:studentId/:standardId': e(CLASS),
  'GET /classes/:classId/evidence/new': e(CLASS_STAFF),
  'POST /classes/:classId/evidence': e(CLASS_STAFF),
  'GET /classes/:classId/tasks': e(CLASS_STAFF),
  'GET /classes/:classId/tasks/new': e(CLASS_STAFF),
  'POST /classes/:classId/tasks': e(CLASS_STAFF),
  'GET /classes/:classId/tasks/:taskId': e(CLASS_STAFF),
  'POST /classes/:classId/tasks/:taskId/attempts': e(CLASS_STAFF),
  'POST /classes/:classId/tasks/:taskId/revisions': e(CLASS_STAFF, true),
  'POST /classes/:classId/tasks/:taskId/plans': e(CLASS_STAFF),
  'POST /classes/:classId/comments': e(CLASS_STAFF),
  'GET /classes/:classId/mastery-settings': e(CLASS),
  'POST /classes/:classId/mastery-settings/policy': e(CLASS),
  'GET /classes/:classId/family-reports': e(CLASS),
  'POST /classes/:classId/family-reports': e(CLASS),
  'GET /classes/:classId/family-reports/jobs/:jobId': e(CLASS, true),
  'GET /classes/:classId/family-reports/jobs/:jobId/status': e(CLASS, true),
  'GET /classes/:classId/family-reports/jobs/:jobId/reports.zip': e(CLASS, true),
  'GET /classes/:classId/family-reports/jobs/:jobId/files/:fileId': e(CLASS, true),
  'GET /classes/:classId/mastery.csv': e(EXPORT),
  'GET /schools/:schoolId/mastery.csv': e(EXPORT),
  'GET /students/:studentId': e(STUDENT),
  'GET /students/:studentId/report': e(STUDENT),
  'GET /students/:studentId/report.pdf': e(STUDENT),
  'GET /students/:studentId/profile': e(STUDENT_STAFF),
  'GET /students/:studentId/mastery/:standardId': e(STUDENT),
  'POST /students/:studentId/mastery/:standardId/evidence/:evidenceId/exclude': e(STUDENT_STAFF),
  'POST /students/:studentId/mastery/:standardId/evidence/:evidenceId/include': e(STUDENT_STAFF),
  'POST /students/:studentId/mastery/:standardId/override': e(STUDENT_STAFF),
  'POST /students/:studentId/mastery/:standardId/override/clear': e(STUDENT_STAFF),
  'GET /students/:studentId/iep-progress': e(
    only(STUDENT, ['admin', 'exporter', 'special_educator', 'teacher']),
  ),
  'GET /students/:studentId/iep-progress.pdf': e(
    only(STUDENT, ['admin', 'exporter', 'special_educator', 'teacher']),
  ),
  'POST /students/:studentId/iep-progress/sent': e(
    only(STUDENT, ['admin', 'exporter', 'special_educator']),
  ),
  'GET /students/:studentId/invitations/new': e(
    only(STUDENT, ['admin', 'exporter', 'teacher', 'special_educator']),
  ),
  'POST /students/:studentId/invitations': e(
    only(STUDENT, ['admin', 'exporter', 'teacher', 'special_educator']),
  ),
  'GET /students/:studentId/access': e(only(STUDENT, ['admin', 'exporter'])),
  'GET /students/:studentId/disclosures': e(only(STUDENT, ['admin', 'exporter', 'guardian'])),
  'GET /students/:studentId/records.json': e(only(STUDENT, ['admin', 'exporter', 'guardian'])),
  'GET /students/:studentId/records.pdf': e(only(STUDENT, ['admin', 'exporter', 'guardian'])),
  'GET /students/:studentId/dashboard': e(only(STUDENT, ['student'])),
  'POST /students/:studentId/self-assessments': e(only(STUDENT, ['student'])),
  'POST /students/:studentId/goals': e(only(STUDENT, ['student'])),
  'POST /students/:studentId/goals/:goalId': e(only(STUDENT, ['student'])),
  'POST /students/:studentId/evidence/:evidenceId/reflection': e(only(STUDENT, ['student'])),
  'GET /students/:studentId/portfolio': e(STUDENT),
  'POST /students/:studentId/portfolio': e(
    only(STUDENT, ['student', 'teacher', 'special_educator', 'admin', 'exporter']),
  ),
  'GET /students/:studentId/portfolio/:artifactId/file': e(STUDENT, true),
  'POST /students/:studentId/portfolio/:artifactId/move': e(only(STUDENT, ['student']), true),
  'POST /students/:studentId/portfolio/:artifactId/choose': e(only(STUDENT, ['student']), true),
  'POST /students/:studentId/portfolio/:artifactId/share': e(
    only(STUDENT, ['student', 'teacher', 'special_educator', 'admin', 'exporter']),
    true,
  ),
  'POST /students/:studentId/portfolio/:artifactId/endorse': e(
    only(STUDENT, ['teacher', 'special_educator']),
    true,
  ),
  'GET /students/:studentId/iep': e(STUDENT, true),
  'GET /students/:studentId/iep/new': e(only(STUDENT, ['special_educator', 'admin', 'exporter'])),
  'POST /students/:studentId/iep/new': e(only(STUDENT, ['special_educator', 'admin', 'exporter'])),
  'GET /students/:studentId/iep/:iepId/goals/new': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'POST /students/:studentId/iep/:iepId/goals/new': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'GET /students/:studentId/iep/:iepId/amend': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'POST /students/:studentId/iep/:iepId/amend': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'GET /students/:studentId/iep/:iepId/gas': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter', 'teacher']),
  ),
  'POST /students/:studentId/iep/:iepId/gas': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'GET /students/:studentId/iep/:iepId/progress': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter', 'teacher']),
  ),
  'POST /students/:studentId/iep/:iepId/progress/:goalId': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'POST /students/:studentId/iep/:iepId/progress/:goalId/sent': e(
    only(STUDENT, ['special_educator', 'admin', 'exporter']),
    true,
  ),
  'GET /iep-goals/:goalId': e(STAFF_GOAL),
  'POST /iep-goals/:goalId/phase-changes': e(STAFF_GOAL, true),
  'POST /iep-goals/:goalId/settings': e(STAFF_GOAL, true),
  'POST /iep-goals/:goalId/sessions/:sessionId/void': e(GOAL, true),
  'POST /iep-goals/:goalId/sessions/:sessionId/correct': e(GOAL, true),
  'GET /caseload': e(only(STAFF, ['teacher', 'special_educator', 'related_service_provider'])),
  'GET /goals/:goalId': e(STAFF_GOAL),
  'GET /goals/:goalId/collect': e(STAFF_GOAL),
  'POST /goals/:goalId/sessions': e(STAFF_GOAL),
  'POST /goals/:goalId/phase-changes': e(STAFF_GOAL),
  'GET /progress-reports': e(only(STAFF, ['special_educator', 'admin', 'exporter'])),
  'GET /admin/students': e(ADMINS),
  'GET /admin/mastery': e(ADMINS),
  'POST /admin/mastery/policy': e(ADMINS),
  'POST /admin/mastery/scale': e(ADMINS),
  'POST /admin/mastery/course-summary': e(ADMINS),
  'GET /admin/progress-codes': e(ADMINS),
  'POST /admin/progress-codes': e(ADMINS),
  'GET /admin/accounts': e(ADMINS),
  'POST /admin/accounts/:accountId/deactivate': e(ADMIN_ACCOUNTS),
  'POST /admin/accounts/:accountId/reactivate': e(ADMIN_ACCOUNTS),
  'POST /admin/security': e(ADMINS),
  'GET /api/evidence/:evidenceId': e(EVIDENCE),
  'POST /api/evidence/:evidenceId': e(EVIDENCE),
  'GET /api/evidence/:evidenceId/history': e(EVIDENCE),
  'POST /api/evidence/:evidenceId/delete': e(EVIDENCE),
  'POST /api/deleted/:deletedId/restore': e(EVIDENCE),
  'GET /api/students': e(STAFF),
  'GET /api/goals/:goalId': e(GOAL),
};

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });
});
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

const keyOf = (route: { method: string; path: string }) =>
  `${route.method.toUpperCase()} ${route.path}`;

/** The value of one path parameter for a target; fresh rows where a request may use one up. */
async function paramValue(name: string, target: Target): Promise<string> {
  const records = world.targets[target];
  switch (name) {
    case 'studentId':
      return records.studentId;
    case 'classId':
      return records.classId;
    case 'schoolId':
      return records.schoolId;
    case 'goalId':
      return records.goalId;
    case 'iepId':
      return records.iepId;
    case 'standardId':
      return records.standardId;
    case 'taskId':
      return records.taskId;
    case 'accountId':
      return records.accountId;
    case 'evidenceId':
      return String(await freshEvidence(target));
    case 'deletedId':
      return String(await freshDeleted(target));
    case 'kind':
      return 'mastery';
    case 'jobId':
    case 'fileId':
    case 'artifactId':
    case 'sessionId':
      return `none-${randomUUID()}`;
    default:
      return `missing-${name}`;
  }
}

function freshEvidence(target: Target): Promise<number> {
  const { studentId, standardId } = world.targets[target];
  return makeEvidence(store.db, { studentId, standardId, score: 2 });
}

async function freshDeleted(target: Target): Promise<number> {
  const id = await freshEvidence(target);
  const at = new Date().toISOString();
  const result = await deleteRestorably(
    store.db,
    { table: 'evidence', id },
    { accountId: null, at, purgeAfter: '2999-01-01T00:00:00.000Z' },
  );
  if (!result.ok) throw new Error('could not prepare a deleted record');
  return result.deletedId;
}

async function concretePath(path: string, target: Target | 'missing'): Promise<string> {
  let result = path;
  for (const match of path.matchAll(/:(\w+)/g)) {
    const value =
      target === 'missing' ? `no-such-${randomUUID()}` : await paramValue(match[1]!, target);
    result = result.replace(match[0], value);
  }
  return result;
}

async function send(method: string, path: string, actor: Actor | null): Promise<Response> {
  // A fresh session per request: "sign out everywhere" must not end the sessions of later checks.
  const browser =
    actor === null ? null : await browserFor(store.db, world.accounts[actor].accountId);
  const headers: Record<string, string> = browser ? { cookie: browser.cookie } : {};
  if (method === 'get') return app.request(path, { headers });
  return app.request(path, {
    method: 'POST',
    headers: {
      ...headers,
      origin: 'http://localhost',
      'x-csrf-token': browser?.csrf ?? '',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: '',
  });
}

/** The body with per-request tokens and ids blanked, to compare two 404 answers. */
const normalized = (body: string) => body.replaceAll(/[\w-]{20,}/g, 'TOKEN');

describe(`access rules of every registered route on ${testDatabaseKind}`, () => {
  it('registers only the routes of ROUTES, each behind a declared access rule', () => {
    const declared = new Set(ROUTES.map(keyOf));
    const registered = app.routes.filter((r) => r.method !== 'ALL').map(keyOf);
    expect(registered.filter((key) => !declared.has(key))).toEqual([]);
    const kinds = [
      'public',
      'signed-in',
      'student',
      'class',
      'class-staff',
      'school',
      'goal',
      'evidence',
    ];
    expect(ROUTES.filter((r) => !kinds.includes(r.access?.kind))).toEqual([]);
  });

  it('has an entry in the access table for every registered route', () => {
    const registered = new Set(app.routes.filter((r) => r.method !== 'ALL').map(keyOf));
    const missing = [...registered].filter((key) => ACCESS_TABLE[key] === undefined);
    expect(missing, `routes without an entry in ACCESS_TABLE: ${missing.join(', ')}`).toEqual([]);
  });

  const checked = ROUTES.filter(
    (route) => ACCESS_TABLE[keyOf(route)]?.profile !== 'public' && ACCESS_TABLE[keyOf(route)],
  );
  it.each(checked.map((route) => [keyOf(route), route] as const))(
    '%s answers each role as the table says',
    async (key, route) => {
      const expectation = ACCESS_TABLE[key]!;
      const table = expectation.profile as Profile;
      const problems: string[] = [];

      for (const actor of ACTORS) {
        for (const [index, target] of TARGETS.entries()) {
          const path = await concretePath(route.path, target);
          const response = await send(route.method, path, actor);
          const allowed = table[actor][index] === 'Y';
          const status = response.status;
          const body = await response.text();
          if (status >= 500) problems.push(`${actor} on ${target}: ${status}`);
          else if (allowed && status === 404 && !expectation.itemMissing)
            problems.push(`${actor} on ${target}: 404, expected access`);
          else if (!allowed && status !== 404)
            problems.push(`${actor} on ${target}: ${status}, expected 404`);
          else if (!allowed && route.method === 'get') {
            const missing = await send(
              route.method,
              await concretePath(route.path, 'missing'),
              actor,
            );
            if (normalized(await missing.text()) !== normalized(body)) {
              problems.push(`${actor} on ${target}: the refusal differs from a missing record`);
            }
          }
        }
      }
      if (route.method === 'get') {
        const signedOut = await send('get', await concretePath(route.path, 'own'), null);
        if (![303, 401].includes(signedOut.status))
          problems.push(`signed out: ${signedOut.status}`);
      }
      expect(problems, problems.join('; ')).toEqual([]);
    },
  );
});

describe('search and autocomplete show only students the viewer may see', () => {
  it.each(ACTORS.filter((a) => STAFF[a][0] === 'Y'))('autocomplete for %s', async (actor) => {
    const response = await send('get', '/api/students?q=test', actor);
    const found = ((await response.json()) as { students: Array<{ id: string }> }).students.map(
      (s) => s.id,
    );
    for (const [index, target] of TARGETS.entries()) {
      const expected = STUDENT[actor][index] === 'Y';
      expect(found.includes(world.targets[target].studentId), `${actor} finds ${target}`).toBe(
        expected,
      );
    }
  });

  it('limits the administrator search to their district', async () => {
    const html = await (await send('get', '/admin/students?q=test', 'admin')).text();
    expect(html).toContain(world.targets.own.studentId);
    expect(html).toContain(world.targets.same.studentId);
    expect(html).not.toContain(world.targets.other.studentId);
  });
});
