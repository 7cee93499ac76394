/**
 * The mastery pages: "How mastery is calculated" for every signed-in viewer; the mastery
 * detail of a student on a standard under the student's access rule (staff may set evidence
 * aside and override the level there); and the settings pages where a class's teacher or an
 * administrator chooses the calculation method, and an administrator the scale and the course
 * summary. Every settings change first shows how many students and results it recalculates
 * (the engine's dry run); every change is a CSRF-checked POST, audited, answered by a redirect.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { explainMethods } from '../domain/mastery/methods-explained.js';
import { METHOD_PARAMETERS } from '../domain/mastery/methods.js';
import { checkPolicy, policyId, type ScopedPolicy } from '../domain/mastery/policy.js';
import { MASTERY_METHODS, type CalculationPolicy } from '../domain/mastery/types.js';
import { DEFAULT_SCALE, nearestScoped, type ScopeContext } from '../domain/scale.js';
import type { Viewer } from '../services/auth.service.js';
import { masteryDetail, setEvidenceExcluded } from '../services/mastery-detail.service.js';
import {
  classSettings,
  offeredScalesById,
  orgSettings,
  policyInForce,
  scopedScale,
} from '../services/mastery-settings.service.js';
import {
  clearOverride,
  setCourseSummary,
  setOverride,
  setPolicy,
  setScale,
  type ChangeOutcome,
} from '../services/mastery.service.js';
import { loadPolicies, loadScales } from '../store/mastery.repository.js';
import { listClassesInOrg, organizationKind } from '../store/mastery-web.repository.js';
import { findStudent, listSchoolsWithCounts } from '../store/roster.repository.js';
import type { Role } from '../store/schema.js';
import type { Audience } from '../web/views/calculation.view.js';
import { policyText } from '../web/views/calculation.view.js';
import { MasteryDetailPage, masteryDetailHref } from '../web/views/mastery-detail.view.js';
import { MasteryHelpPage } from '../web/views/mastery-help.view.js';
import {
  ClassSettingsPage,
  ConfirmChangePage,
  countText,
  inForceText,
  OrgSettingsPage,
  type ConfirmModel,
} from '../web/views/mastery-settings.view.js';
import { audit, mayRecordInClass, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

type Problems = Readonly<Record<string, string>>;

const STAFF_ROLES: readonly Role[] = ['admin', 'teacher', 'special_educator'];

/** Whose words a page uses for a viewer. */
export function audienceOf(role: Role): Audience {
  if (role === 'student') return 'student';
  if (role === 'guardian') return 'family';
  return 'staff';
}

async function showHelp(c: Context<AppEnv>): Promise<Response> {
  const scales = await loadScales(c.get('store').db);
  const model = { methods: explainMethods(), scale: nearestScoped(scales, {}) ?? DEFAULT_SCALE };
  return renderPage(
    c,
    <MasteryHelpPage {...frameOf(c, 'How mastery is calculated')} model={model} />,
  );
}

// The mastery detail page and its staff actions.

const DETAIL_NOTICES: Readonly<Record<string, string>> = {
  excluded: 'Saved. The evidence is set aside, kept and shown, and the level is recalculated.',
  included: 'Saved. The evidence counts again and the level is recalculated.',
  override: 'Saved. The level is set by hand and marked on every page.',
  cleared: 'Saved. The override is cleared; the calculated level shows again.',
};

function pairOf(c: Context<AppEnv>) {
  return { studentId: c.req.param('studentId') ?? '', standardId: c.req.param('standardId') ?? '' };
}

async function showDetail(
  c: Context<AppEnv>,
  errors: Problems = {},
  status: 200 | 400 = 200,
): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const { studentId, standardId } = pairOf(c);
  const student = await findStudent(db, studentId);
  const audience = audienceOf(viewer.role);
  const releasedOnly = audience !== 'staff';
  const detail = student ? await masteryDetail(db, studentId, standardId, { releasedOnly }) : null;
  if (!student || !detail) throw new AppError('not_found');

  await audit(c, 'view', 'mastery', standardId, studentId);
  const model = {
    student,
    detail,
    audience,
    canChange: STAFF_ROLES.includes(viewer.role),
    notice: DETAIL_NOTICES[c.req.query('done') ?? ''] ?? null,
    errors,
  };
  const title = `${student.givenName} ${student.familyName}: mastery detail`;
  return renderPage(c, <MasteryDetailPage {...frameOf(c, title)} model={model} />, status);
}

/** Staff who may see the student (the route's rule) may change their mastery; others get 404. */
function requireStaff(c: Context<AppEnv>): Viewer {
  const viewer = requireViewer(c);
  if (!STAFF_ROLES.includes(viewer.role)) throw new AppError('not_found');
  return viewer;
}

const reasonField = z
  .string({ error: 'Say why' })
  .trim()
  .min(1, 'Say why, in a few words')
  .max(500, 'Keep the reason under 500 characters');

const excludeSchema = z.strictObject({ reason: reasonField });
const overrideSchema = z.strictObject({
  levelValue: z.coerce.number({ error: 'Choose a level' }).finite('Choose a level'),
  reason: reasonField,
});

function evidenceIdOf(c: Context<AppEnv>): number {
  const id = Number(c.req.param('evidenceId'));
  if (!Number.isInteger(id) || id < 1) throw new AppError('not_found');
  return id;
}

async function changeExclusion(c: Context<AppEnv>, excluded: boolean): Promise<Response> {
  const viewer = requireStaff(c);
  const pair = pairOf(c);
  let reason: string | null = null;
  if (excluded) {
    const form = await readForm(c, excludeSchema);
    if (!form.ok) return showDetail(c, form.errors, 400);
    reason = form.data.reason;
  }

  const change = { ...pair, evidenceId: evidenceIdOf(c), excluded, reason };
  const actor = { accountId: viewer.accountId, requestId: c.get('requestId') };
  if (!(await setEvidenceExcluded(c.get('store').db, change, actor))) {
    throw new AppError('not_found');
  }
  const done = excluded ? 'excluded' : 'included';
  return c.redirect(`${masteryDetailHref(pair.studentId, pair.standardId)}?done=${done}`, 303);
}

async function saveOverride(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireStaff(c);
  const form = await readForm(c, overrideSchema);
  if (!form.ok) return showDetail(c, form.errors, 400);

  const pair = pairOf(c);
  const input = { ...pair, ...form.data, by: viewer.personId ?? viewer.accountId };
  const result = await setOverride(c.get('store').db, input);
  if (!result.ok) return showDetail(c, problemsOf(result.problems), 400);

  await audit(c, 'override-set', 'mastery', pair.standardId, pair.studentId);
  return c.redirect(`${masteryDetailHref(pair.studentId, pair.standardId)}?done=override`, 303);
}

async function removeOverride(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireStaff(c);
  const pair = pairOf(c);
  await clearOverride(c.get('store').db, pair, viewer.personId ?? viewer.accountId);

  await audit(c, 'override-clear', 'mastery', pair.standardId, pair.studentId);
  return c.redirect(`${masteryDetailHref(pair.studentId, pair.standardId)}?done=cleared`, 303);
}

/** Problems as sentences "field: message" keyed by field. */
function problemsOf(problems: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    problems.map((problem, index) => [problem.split(':')[0] ?? String(index), problem]),
  );
}

// Settings: methods, scales, course summary.

const optionalNumber = z
  .string()
  .trim()
  .optional()
  .transform((text) => (text === undefined || text === '' ? null : Number(text)))
  .refine((value) => value === null || Number.isFinite(value), 'Enter a number');

const policyFields = {
  method: z.enum(MASTERY_METHODS, { error: 'Choose a method' }),
  param: optionalNumber,
  minEvidence: z.coerce.number({ error: 'Enter a whole number' }).int('Enter a whole number'),
  confirm: z.literal('yes').optional(),
};

const classPolicySchema = z.strictObject({
  ...policyFields,
  scopeKind: z.enum(['course', 'standard']),
  standardId: z.string().optional(),
});

const orgPolicySchema = z.strictObject({
  ...policyFields,
  scopeKind: z.enum(['district', 'school']),
  scopeId: z.string().optional(),
});

const scaleSchema = z.strictObject({
  scopeKind: z.enum(['school', 'course']),
  scopeId: z.string().min(1),
  baseScaleId: z.string().min(1, 'Choose a scale'),
  masteryValue: z.coerce.number({ error: 'Choose the mastery level' }),
  confirm: z.literal('yes').optional(),
});

const courseSummarySchema = z.strictObject({
  schoolId: z.string().min(1),
  enabled: z.enum(['yes', 'no']),
});

/** The policy a form asks for; a method without a parameter ignores one sent. */
function policyOfForm(form: {
  readonly method: CalculationPolicy['method'];
  readonly param: number | null;
  readonly minEvidence: number;
}): CalculationPolicy {
  const param = METHOD_PARAMETERS[form.method] === null ? null : form.param;
  return { method: form.method, param, minEvidence: form.minEvidence };
}

async function mayConfigureClass(c: Context<AppEnv>, classId: string): Promise<boolean> {
  const viewer = requireViewer(c);
  return viewer.role === 'admin' || mayRecordInClass(c.get('store').db, viewer, classId);
}

async function showClassSettings(
  c: Context<AppEnv>,
  errors: Problems = {},
  status: 200 | 400 = 200,
): Promise<Response> {
  const classId = c.req.param('classId') ?? '';
  const settings = await classSettings(c.get('store').db, classId);
  if (!settings || !(await mayConfigureClass(c, classId))) throw new AppError('not_found');

  const model = {
    settings,
    isAdmin: requireViewer(c).role === 'admin',
    notice: recalculatedNotice(c),
    errors,
  };
  const frame = frameOf(c, `Mastery settings: ${settings.scope.title}`);
  return renderPage(c, <ClassSettingsPage {...frame} model={model} />, status);
}

async function changeClassPolicy(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const classId = c.req.param('classId') ?? '';
  const settings = await classSettings(c.get('store').db, classId);
  if (!settings || !(await mayConfigureClass(c, classId))) throw new AppError('not_found');

  const form = await readForm(c, classPolicySchema);
  if (!form.ok) return showClassSettings(c, form.errors, 400);

  const { scopeKind, standardId, confirm } = form.data;
  const standard = settings.standards.find((s) => s.standard.id === standardId)?.standard;
  if (scopeKind === 'standard' && (viewer.role !== 'admin' || !standard)) {
    throw new AppError('not_found');
  }
  const scopeId = scopeKind === 'course' ? classId : (standard?.id ?? '');
  const what =
    scopeKind === 'course'
      ? `the class ${settings.scope.title}`
      : `the standard ${standard?.code ?? scopeId} (in every class)`;
  return applyPolicy(c, {
    scope: { scopeKind, scopeId },
    context:
      scopeKind === 'course'
        ? { courseIds: [classId], schoolId: settings.scope.schoolId }
        : { standardId: scopeId, schoolId: settings.scope.schoolId },
    policy: policyOfForm(form.data),
    what,
    confirmed: confirm === 'yes',
    action: `/classes/${classId}/mastery-settings/policy`,
    fields: scopeKind === 'standard' ? { scopeKind, standardId: scopeId } : { scopeKind },
    backHref: `/classes/${classId}/mastery-settings`,
    onProblems: (problems) => showClassSettings(c, problems, 400),
  });
}

/** One policy change on its way: confirmed or to confirm. */
interface PolicyRequest {
  readonly scope: Pick<ScopedPolicy, 'scopeKind' | 'scopeId'>;
  /** Where the scope sits, to say which policy is in force before the change. */
  readonly context: ScopeContext;
  readonly policy: CalculationPolicy;
  readonly what: string;
  readonly confirmed: boolean;
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly backHref: string;
  readonly onProblems: (problems: Problems) => Promise<Response>;
}

/** Shows the dry run's confirmation, or applies a confirmed change and reports the counts. */
async function applyPolicy(c: Context<AppEnv>, request: PolicyRequest): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const problems = checkPolicy(request.policy);
  if (problems.length > 0) return request.onProblems(problemsOf(problems));

  const change = { ...request.scope, ...request.policy, by: viewer.personId ?? viewer.accountId };
  const outcome = await setPolicy(db, change, { dryRun: !request.confirmed });
  if (!outcome.ok) return request.onProblems(problemsOf(outcome.problems));
  if (!request.confirmed) {
    const before = policyInForce(await loadPolicies(db), request.context);
    return confirmPage(c, outcome, {
      heading: 'Change the calculation method',
      change:
        `Change the calculation method for ${request.what} from ` +
        `${inForceText(before)} to ${policyText(request.policy)}.`,
      action: request.action,
      fields: { ...request.fields, ...policyFieldsOf(request.policy) },
      cancelHref: request.backHref,
    });
  }

  await audit(c, 'update', 'calculation-policy', policyId(request.scope), null);
  return c.redirect(`${request.backHref}?${countsQuery(outcome)}`, 303);
}

function policyFieldsOf(policy: CalculationPolicy): Record<string, string> {
  return {
    method: policy.method,
    param: policy.param === null ? '' : String(policy.param),
    minEvidence: String(policy.minEvidence),
  };
}

function confirmPage(
  c: Context<AppEnv>,
  outcome: ChangeOutcome,
  text: Omit<ConfirmModel, 'students' | 'results'>,
): Response | Promise<Response> {
  const counts = outcome.ok ? outcome : { students: 0, results: 0 };
  const model = { ...text, students: counts.students, results: counts.results };
  return renderPage(c, <ConfirmChangePage {...frameOf(c, text.heading)} model={model} />);
}

function countsQuery(outcome: ChangeOutcome): string {
  if (!outcome.ok) return '';
  return new URLSearchParams({
    recalculated: String(outcome.results),
    students: String(outcome.students),
    changed: String(outcome.changed),
  }).toString();
}

/** "Saved. Recalculated 5 results of 3 students; 2 changed." from the redirect's query. */
function recalculatedNotice(c: Context<AppEnv>): string | null {
  const results = Number(c.req.query('recalculated'));
  const students = Number(c.req.query('students'));
  const changed = Number(c.req.query('changed'));
  if (![results, students, changed].every(Number.isInteger)) return null;
  if (c.req.query('recalculated') === undefined) return null;
  return (
    `Saved. Recalculated ${countText(results, 'result')} of ${countText(students, 'student')}; ` +
    `${changed} changed.`
  );
}

// The administrator's settings.

async function adminScope(c: Context<AppEnv>) {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const orgKind = viewer.orgId === null ? null : await organizationKind(db, viewer.orgId);
  const districtAllowed = viewer.orgId === null || orgKind === 'district';
  return { viewer, db, districtAllowed };
}

async function showOrgSettings(
  c: Context<AppEnv>,
  errors: Problems = {},
  status: 200 | 400 = 200,
): Promise<Response> {
  const { viewer, db, districtAllowed } = await adminScope(c);
  const settings = await orgSettings(db, viewer.orgId, districtAllowed);
  const notice = c.req.query('summary')
    ? 'Saved. The course summary setting is changed.'
    : recalculatedNotice(c);
  const model = { settings, notice, errors };
  return renderPage(
    c,
    <OrgSettingsPage {...frameOf(c, 'Mastery settings')} model={model} />,
    status,
  );
}

async function schoolInScope(c: Context<AppEnv>, schoolId: string) {
  const { viewer, db } = await adminScope(c);
  const schools = await listSchoolsWithCounts(db, viewer.orgId);
  const school = schools.find((s) => s.id === schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}

async function changeOrgPolicy(c: Context<AppEnv>): Promise<Response> {
  const { districtAllowed } = await adminScope(c);
  const form = await readForm(c, orgPolicySchema);
  if (!form.ok) return showOrgSettings(c, form.errors, 400);

  const { scopeKind, scopeId, confirm } = form.data;
  if (scopeKind === 'district' && !districtAllowed) throw new AppError('not_found');
  const school = scopeKind === 'school' ? await schoolInScope(c, scopeId ?? '') : null;
  return applyPolicy(c, {
    scope: { scopeKind, scopeId: school?.id ?? null },
    context: school ? { schoolId: school.id } : {},
    policy: policyOfForm(form.data),
    what: school ? `the school ${school.name}` : 'the district',
    confirmed: confirm === 'yes',
    action: '/admin/mastery/policy',
    fields: school ? { scopeKind, scopeId: school.id } : { scopeKind },
    backHref: '/admin/mastery',
    onProblems: (problems) => showOrgSettings(c, problems, 400),
  });
}

async function changeScale(c: Context<AppEnv>): Promise<Response> {
  const { db } = await adminScope(c);
  const form = await readForm(c, scaleSchema);
  if (!form.ok) return showOrgSettings(c, form.errors, 400);

  const { scopeKind, scopeId, baseScaleId, masteryValue, confirm } = form.data;
  const name = await scaleScopeName(c, scopeKind, scopeId);
  const base = (await offeredScalesById(db)).get(baseScaleId);
  if (!base) return showOrgSettings(c, { baseScaleId: 'baseScaleId: choose a scale' }, 400);

  const scale = scopedScale(base, { kind: scopeKind, id: scopeId }, masteryValue);
  const outcome = await setScale(db, { scale, scopeKind, scopeId }, { dryRun: confirm !== 'yes' });
  if (!outcome.ok) return showOrgSettings(c, problemsOf(outcome.problems), 400);
  if (confirm !== 'yes') {
    return confirmPage(c, outcome, {
      heading: 'Change the proficiency scale',
      change: `Put ${name} on the scale “${scale.name}”.`,
      action: '/admin/mastery/scale',
      fields: { scopeKind, scopeId, baseScaleId, masteryValue: String(masteryValue) },
      cancelHref: '/admin/mastery',
    });
  }

  await audit(c, 'update', 'proficiency-scale', scale.id, null);
  return c.redirect(`/admin/mastery?${countsQuery(outcome)}`, 303);
}

async function scaleScopeName(
  c: Context<AppEnv>,
  kind: 'school' | 'course',
  id: string,
): Promise<string> {
  if (kind === 'school') return `the school ${(await schoolInScope(c, id)).name}`;

  const { viewer, db } = await adminScope(c);
  const found = (await listClassesInOrg(db, viewer.orgId)).find((k) => k.classId === id);
  if (!found) throw new AppError('not_found');
  return `the class ${found.title}`;
}

async function toggleCourseSummary(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c, courseSummarySchema);
  if (!form.ok) return showOrgSettings(c, form.errors, 400);

  const school = await schoolInScope(c, form.data.schoolId);
  await setCourseSummary(c.get('store').db, school.id, form.data.enabled === 'yes');
  await audit(c, 'update', 'course-summary', school.id, null);
  return c.redirect('/admin/mastery?summary=saved', 303);
}

const STUDENT = { kind: 'student', param: 'studentId' } as const;
const ADMIN = { kind: 'signed-in', roles: ['admin'] } as const;
const DETAIL = '/students/:studentId/mastery/:standardId';

export const masteryRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/mastery/how', access: { kind: 'signed-in' }, handler: showHelp },
  { method: 'get', path: DETAIL, access: STUDENT, handler: (c) => showDetail(c) },
  {
    method: 'post',
    path: `${DETAIL}/evidence/:evidenceId/exclude`,
    access: STUDENT,
    handler: (c) => changeExclusion(c, true),
  },
  {
    method: 'post',
    path: `${DETAIL}/evidence/:evidenceId/include`,
    access: STUDENT,
    handler: (c) => changeExclusion(c, false),
  },
  { method: 'post', path: `${DETAIL}/override`, access: STUDENT, handler: saveOverride },
  { method: 'post', path: `${DETAIL}/override/clear`, access: STUDENT, handler: removeOverride },
  {
    method: 'get',
    path: '/classes/:classId/mastery-settings',
    access: { kind: 'class', param: 'classId' },
    handler: (c) => showClassSettings(c),
  },
  {
    method: 'post',
    path: '/classes/:classId/mastery-settings/policy',
    access: { kind: 'class', param: 'classId' },
    handler: changeClassPolicy,
  },
  { method: 'get', path: '/admin/mastery', access: ADMIN, handler: (c) => showOrgSettings(c) },
  { method: 'post', path: '/admin/mastery/policy', access: ADMIN, handler: changeOrgPolicy },
  { method: 'post', path: '/admin/mastery/scale', access: ADMIN, handler: changeScale },
  {
    method: 'post',
    path: '/admin/mastery/course-summary',
    access: ADMIN,
    handler: toggleCourseSummary,
  },
];
