/**
 * The IEP pages: a student's IEP (read by the case manager, teachers, the family and the
 * student, each seeing what is theirs to see), writing an IEP, adding a goal and amending (a
 * new version each time; earlier versions kept), and goal attainment scaling reviews.
 * Every route sits under the "may see this student" rule; changes also need the viewer to be
 * an administrator or a special educator on the IEP (see `mayEditIepOf`). Each view and
 * change is written to the audit log.
 */
import type { Context } from 'hono';
import { checkCriterionRequest } from '../domain/criterion/criterion.calculator.js';
import { criterionSentences } from '../domain/criterion/criterion-sentence.js';
import { listGasReviewViews, recordGasReview } from '../services/gas.service.js';
import { amendIep, createIep, getIep, type Actor, type Failure } from '../services/iep.service.js';
import { loadIepOverview, mayEditIepOf } from '../services/iep-pages.service.js';
import { progressCodeSet } from '../services/progress-monitoring.service.js';
import * as records from '../store/iep-records.repository.js';
import {
  listIepIdsOfStudent,
  listStaffOfSchool,
  personFacts,
} from '../store/iep-web.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { GasPage } from '../web/views/progress-report.view.js';
import {
  AmendPage,
  EMPTY_FORM,
  NewGoalPage,
  NewIepPage,
  type FormState,
} from '../web/views/iep-form.view.js';
import { IepPage, sentReportOf, type IepReading } from '../web/views/iep.view.js';
import { audit, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import {
  fieldOfProblem,
  firstValues,
  formFields,
  goalCount,
  goalFromForm,
  iepFromForm,
  one,
  accommodationsFromForm,
  servicesFromForm,
  type FormFields,
} from './iep.form.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The actor of a change made through this request. */
export function actorOf(c: Context<AppEnv>): Actor {
  const viewer = requireViewer(c);
  return { personId: viewer.personId, accountId: viewer.accountId, requestId: c.get('requestId') };
}

/** The student named by the path, with a display name; 404 when there is none. */
async function studentOf(c: Context<AppEnv>) {
  const studentId = c.req.param('studentId') ?? '';
  const student = await findStudent(c.get('store').db, studentId);
  if (!student) throw new AppError('not_found');
  return { studentId, studentName: `${student.givenName} ${student.familyName}` };
}

/** The IEP named by the path when it belongs to the student named by the path; else 404. */
async function iepOfPath(c: Context<AppEnv>): Promise<records.IepRow> {
  const iep = await records.findIep(c.get('store').db, c.req.param('iepId') ?? '');
  if (!iep || iep.student_id !== c.req.param('studentId')) throw new AppError('not_found');
  return iep;
}

/** Refuses (404, like a record the viewer may not see) unless the viewer may edit. */
async function requireEditor(c: Context<AppEnv>, iepId: string | null): Promise<void> {
  const allowed = await mayEditIepOf(
    c.get('store').db,
    requireViewer(c),
    c.req.param('studentId') ?? '',
    iepId,
  );
  if (!allowed) throw new AppError('not_found');
}

function readingOf(c: Context<AppEnv>, canEdit: boolean): IepReading {
  const role = requireViewer(c).role;
  if (role === 'guardian' || role === 'student') return 'family';
  return canEdit || role === 'admin' || role === 'special_educator' ? 'manager' : 'staff';
}

const NOTICES: Readonly<Record<string, string>> = {
  created: 'The IEP was saved as version 1.',
  amended: 'The amendment was saved as a new version; the earlier version is kept.',
  goal: 'The goal was added in a new version of the IEP.',
};

async function showIep(c: Context<AppEnv>): Promise<Response> {
  const db = c.get('store').db;
  const { studentId, studentName } = await studentOf(c);
  const ieps = await listIepIdsOfStudent(db, studentId);
  const chosen = ieps.find((i) => i.id === c.req.query('iep')) ?? ieps[0];
  const version = Number(c.req.query('version')) || undefined;
  const overview = chosen ? await loadIepOverview(db, chosen.id, version) : null;
  if (chosen && !overview) throw new AppError('not_found');

  const canEdit = await mayEditIepOf(db, requireViewer(c), studentId, chosen?.id ?? null);
  const reading = readingOf(c, canEdit);
  const model = {
    studentId,
    studentName,
    overview,
    otherIeps: ieps
      .filter((i) => i.id !== chosen?.id)
      .map((i) => ({ id: i.id, label: `IEP ${i.begin_date ?? ''} to ${i.end_date ?? ''}` })),
    reading,
    canEdit: canEdit && (overview?.isCurrent ?? true),
    lang: await languageOf(c),
    sentReports: reading === 'family' && overview ? await sentReports(c, overview) : [],
    notice: NOTICES[c.req.query('saved') ?? ''] ?? null,
  };
  await audit(c, 'view', 'iep', chosen?.id ?? null, studentId);
  return renderPage(c, <IepPage {...frameOf(c, `${studentName}: IEP`)} model={model} />);
}

async function languageOf(c: Context<AppEnv>): Promise<'en' | 'es'> {
  const person = requireViewer(c).personId;
  const facts = person ? await personFacts(c.get('store').db, person) : undefined;
  return facts?.language.startsWith('es') ? 'es' : 'en';
}

async function sentReports(
  c: Context<AppEnv>,
  overview: NonNullable<Awaited<ReturnType<typeof loadIepOverview>>>,
) {
  const db = c.get('store').db;
  const goalIds = overview.goals.map((g) => g.goal.id);
  const owner = goalIds[0] ? await records.findGoalOwner(db, goalIds[0]) : undefined;
  const codes = await progressCodeSet(db, owner?.districtId ?? null);
  const labels = new Map(codes.map((code) => [code.code, code.label]));
  const reports = await records.listReportsOfGoals(db, goalIds);
  return reports.flatMap((r) => sentReportOf(r, labels) ?? []);
}

/** Reads the criterion of each goal fieldset for the "check the criteria" preview. */
function previewsOf(fields: FormFields): FormState['previews'] {
  const previews: Record<number, ReturnType<typeof criterionSentences> | string> = {};
  for (let i = 0; i < goalCount(fields); i += 1) {
    const goal = goalFromForm(fields, i);
    const checked = checkCriterionRequest({ criterion: goal.criterion, sessions: [] });
    previews[i] = checked.ok
      ? criterionSentences(checked.value.criterion)
      : `The criterion is not complete yet: ${checked.problem}`;
  }
  return previews;
}

function stateOf(fields: FormFields, failure?: Failure): FormState {
  const problems =
    failure?.kind === 'invalid'
      ? failure.problems.map((p) => ({ field: fieldOfProblem(p), message: plainProblem(p) }))
      : failure?.kind === 'conflict'
        ? [{ field: '_form', message: `Not saved: ${failure.message}. Reload and try again.` }]
        : [];
  return { values: firstValues(fields), multi: fields, problems, previews: {} };
}

/** "goals[0].target.date: expected ..." → "Goal 1, target date: expected ...". */
function plainProblem(problem: string): string {
  return problem
    .replace(/^(?:new)?[gG]oals\[(\d+)\]\./, (_, i: string) => `Goal ${Number(i) + 1}, `)
    .replace(
      /^(accommodations|services)\[(\d+)\]\./,
      (_, what: string, i: string) =>
        `${what === 'services' ? 'Service' : 'Accommodation'} ${Number(i) + 1}, `,
    );
}

async function staffFor(c: Context<AppEnv>, studentId: string) {
  const db = c.get('store').db;
  const facts = await personFacts(db, studentId);
  return listStaffOfSchool(db, facts?.schoolId ?? null);
}

function goalSlotsOf(c: Context<AppEnv>): number {
  const asked = Number(c.req.query('goals'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 8 ? asked : 1;
}

async function showNewIep(
  c: Context<AppEnv>,
  state: FormState = EMPTY_FORM,
  slots = goalSlotsOf(c),
  status: 200 | 400 = 200,
): Promise<Response> {
  const { studentId, studentName } = await studentOf(c);
  await requireEditor(c, null);
  const viewer = requireViewer(c);
  const day = today();
  const model = {
    studentId,
    studentName,
    staff: await staffFor(c, studentId),
    goalSlots: slots,
    state,
    defaults: {
      beginDate: day,
      caseManagerId: viewer.role === 'special_educator' ? (viewer.personId ?? '') : '',
      'g0.baselineDate': day,
    },
  };
  const page = <NewIepPage {...frameOf(c, `${studentName}: write an IEP`)} model={model} />;
  return renderPage(c, page, status);
}

async function saveNewIep(c: Context<AppEnv>): Promise<Response> {
  const { studentId } = await studentOf(c);
  await requireEditor(c, null);
  const fields = formFields(await c.req.parseBody({ all: true }));
  const intent = one(fields, 'intent');
  if (intent === 'more') {
    return showNewIep(c, stateOf(fields), goalCount(fields) + 1);
  }
  if (intent === 'preview') {
    return showNewIep(c, { ...stateOf(fields), previews: previewsOf(fields) }, goalCount(fields));
  }

  const created = await createIep(
    c.get('store').db,
    iepFromForm(fields, studentId),
    actorOf(c),
    new Date(),
  );
  if (!created.ok) return showNewIep(c, stateOf(fields, created), goalCount(fields), 400);
  return c.redirect(`/students/${studentId}/iep?iep=${created.value.iepId}&saved=created`, 303);
}

async function showNewGoal(
  c: Context<AppEnv>,
  state: FormState = EMPTY_FORM,
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const { studentId, studentName } = await studentOf(c);
  const iep = await iepOfPath(c);
  await requireEditor(c, iep.id);
  const current = await getIep(c.get('store').db, iep.id);
  if (!current.ok) throw new AppError('not_found');

  const model = {
    studentId,
    studentName,
    iepId: iep.id,
    versionNumber: current.value.version.number,
    staff: await staffFor(c, studentId),
    state,
    defaults: { effectiveDate: today(), 'g0.baselineDate': today() },
  };
  const page = <NewGoalPage {...frameOf(c, `${studentName}: add a goal`)} model={model} />;
  return renderPage(c, page, status);
}

async function saveNewGoal(c: Context<AppEnv>): Promise<Response> {
  const { studentId } = await studentOf(c);
  const iep = await iepOfPath(c);
  await requireEditor(c, iep.id);
  const fields = formFields(await c.req.parseBody({ all: true }));
  if (one(fields, 'intent') === 'preview') {
    return showNewGoal(c, { ...stateOf(fields), previews: previewsOf(fields) });
  }

  const goal = goalFromForm(fields, 0);
  const amended = await amendIep(
    c.get('store').db,
    iep.id,
    {
      expectedVersion: Number(one(fields, 'expectedVersion')),
      effectiveDate: one(fields, 'effectiveDate') || undefined,
      reason: one(fields, 'reason') || `Goal added: ${goal.area ?? ''}`.trim(),
      newGoals: [goal],
    },
    actorOf(c),
    new Date(),
  );
  if (!amended.ok) {
    return showNewGoal(c, stateOf(fields, amended), amended.kind === 'conflict' ? 409 : 400);
  }
  return c.redirect(`/students/${studentId}/iep?iep=${iep.id}&saved=goal`, 303);
}

async function showAmend(
  c: Context<AppEnv>,
  state: FormState = EMPTY_FORM,
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const { studentId, studentName } = await studentOf(c);
  const iep = await iepOfPath(c);
  await requireEditor(c, iep.id);
  const read = await getIep(c.get('store').db, iep.id);
  if (!read.ok) throw new AppError('not_found');
  const current = read.value;

  const goals = (await records.listCurrentGoals(c.get('store').db, iep.id)).map((g) => ({
    id: g.id,
    area: g.area,
    version: g.version,
    statement: g.statement,
    targetValue: Number(g.target_value ?? 0),
    targetDate: g.goal_date ?? '',
  }));
  const model = {
    studentId,
    studentName,
    iepId: iep.id,
    versionNumber: current.version.number,
    staff: await staffFor(c, studentId),
    goals,
    accommodationRows: current.accommodations.length,
    serviceRows: current.services.length,
    state,
    defaults: amendDefaults(current, goals),
  };
  return renderPage(
    c,
    <AmendPage {...frameOf(c, `${studentName}: amend`)} model={model} />,
    status,
  );
}

function amendDefaults(
  current: Extract<Awaited<ReturnType<typeof getIep>>, { ok: true }>['value'],
  goals: ReadonlyArray<{ statement: string; targetValue: number; targetDate: string }>,
): Record<string, string> {
  const v = current.version;
  const values: Record<string, string> = {
    effectiveDate: today(),
    endDate: v.end_date,
    annualReviewDate: v.annual_review_date,
    reevaluationDate: v.reevaluation_date,
    caseManagerId: v.case_manager_id ?? '',
    presentLevels: v.present_levels,
  };
  goals.forEach((g, i) => {
    values[`goal${i}.statement`] = g.statement;
    values[`goal${i}.targetValue`] = String(g.targetValue);
    values[`goal${i}.targetDate`] = g.targetDate;
  });
  current.accommodations.forEach((a, i) => {
    Object.assign(values, {
      [`acc${i}.kind`]: a.kind,
      [`acc${i}.description`]: a.description,
      [`acc${i}.settings`]: a.settings,
      [`acc${i}.frequency`]: a.frequency,
      [`acc${i}.provider`]: a.provider,
    });
  });
  current.services.forEach((s, i) => {
    Object.assign(values, {
      [`svc${i}.service`]: s.service,
      [`svc${i}.minutes`]: String(s.minutes),
      [`svc${i}.per`]: s.per,
      [`svc${i}.setting`]: s.setting,
      [`svc${i}.provider`]: s.provider,
    });
  });
  return values;
}

async function saveAmend(c: Context<AppEnv>): Promise<Response> {
  const { studentId } = await studentOf(c);
  const iep = await iepOfPath(c);
  await requireEditor(c, iep.id);
  const fields = formFields(await c.req.parseBody({ all: true }));
  const db = c.get('store').db;

  const amended = await amendIep(
    db,
    iep.id,
    amendmentOf(fields, await records.listCurrentGoals(db, iep.id)),
    actorOf(c),
    new Date(),
  );
  if (!amended.ok) {
    return showAmend(c, stateOf(fields, amended), amended.kind === 'conflict' ? 409 : 400);
  }
  return c.redirect(`/students/${studentId}/iep?iep=${iep.id}&saved=amended`, 303);
}

const PLAN_FIELDS = [
  'endDate',
  'annualReviewDate',
  'reevaluationDate',
  'caseManagerId',
  'presentLevels',
] as const;

/** The amendment the form describes: plan fields, goal changes and endings, the lists. */
function amendmentOf(fields: FormFields, goals: readonly records.IepGoalRow[]) {
  const goalChanges = [];
  const endGoalIds: string[] = [];
  for (let i = 0; fields[`goal${i}.id`] !== undefined; i += 1) {
    const goal = goals.find((g) => g.id === one(fields, `goal${i}.id`));
    if (!goal) continue;
    if (one(fields, `goal${i}.end`) === '1') {
      endGoalIds.push(goal.id);
      continue;
    }
    const changes = goalChangesOf(fields, i, goal);
    if (Object.keys(changes).length > 0) {
      goalChanges.push({
        goalId: goal.id,
        expectedVersion: Number(one(fields, `goal${i}.version`)),
        changes,
      });
    }
  }
  const plan: Record<string, string> = {};
  for (const name of PLAN_FIELDS) {
    if (one(fields, name) !== '') plan[name] = one(fields, name);
  }
  return {
    expectedVersion: Number(one(fields, 'expectedVersion')),
    effectiveDate: one(fields, 'effectiveDate') || undefined,
    reason: one(fields, 'reason') || undefined,
    plan,
    accommodations: accommodationsFromForm(fields),
    services: servicesFromForm(fields),
    goalChanges,
    endGoalIds,
  };
}

function goalChangesOf(
  fields: FormFields,
  index: number,
  goal: records.IepGoalRow,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const statement = one(fields, `goal${index}.statement`);
  if (statement && statement !== goal.statement) changes.statement = statement;
  const value = Number(one(fields, `goal${index}.targetValue`));
  const date = one(fields, `goal${index}.targetDate`);
  if (value !== Number(goal.target_value) || date !== goal.goal_date) {
    changes.target = { value, date };
  }
  return changes;
}

async function showGas(
  c: Context<AppEnv>,
  problem: string | null = null,
  status: 200 | 400 = 200,
): Promise<Response> {
  const { studentId, studentName } = await studentOf(c);
  const iep = await iepOfPath(c);
  const db = c.get('store').db;
  const goals = await records.listCurrentGoals(db, iep.id);
  const model = {
    studentId,
    studentName,
    iepId: iep.id,
    goals: goals.map((g) => ({ id: g.id, area: g.area })),
    reviews: await listGasReviewViews(db, iep.id),
    canEdit: await mayEditIepOf(db, requireViewer(c), studentId, iep.id),
    today: today(),
    problem,
  };
  await audit(c, 'view', 'iep_gas', iep.id, studentId);
  const page = <GasPage {...frameOf(c, `${studentName}: goal attainment scaling`)} model={model} />;
  return renderPage(c, page, status);
}

async function saveGas(c: Context<AppEnv>): Promise<Response> {
  const { studentId } = await studentOf(c);
  const iep = await iepOfPath(c);
  await requireEditor(c, iep.id);
  const fields = formFields(await c.req.parseBody({ all: true }));

  const levels = [];
  for (let i = 0; fields[`goal${i}.id`] !== undefined; i += 1) {
    const level = one(fields, `goal${i}.level`);
    if (level === '') continue;
    levels.push({
      goalId: one(fields, `goal${i}.id`),
      level: Number(level),
      weight: Number(one(fields, `goal${i}.weight`) || '1'),
    });
  }
  const rho = one(fields, 'rho');
  const saved = await recordGasReview(
    c.get('store').db,
    iep.id,
    {
      reviewDate: one(fields, 'reviewDate'),
      ...(rho === '' ? {} : { rho: Number(rho) }),
      note: one(fields, 'note') || null,
      levels,
    },
    actorOf(c),
    new Date(),
  );
  if (!saved.ok) {
    const message = saved.kind === 'invalid' ? saved.problems.join('; ') : 'Not saved.';
    return showGas(c, `Not saved: ${message}`, 400);
  }
  return c.redirect(`/students/${studentId}/iep/${iep.id}/gas`, 303);
}

const seeStudent = { kind: 'student', param: 'studentId' } as const;
const editors = {
  kind: 'student',
  param: 'studentId',
  roles: ['special_educator', 'admin'],
} as const;
const staffOfStudent = {
  kind: 'student',
  param: 'studentId',
  roles: ['special_educator', 'admin', 'teacher'],
} as const;

export const iepRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/students/:studentId/iep', access: seeStudent, handler: showIep },
  {
    method: 'get',
    path: '/students/:studentId/iep/new',
    access: editors,
    handler: (c) => showNewIep(c),
  },
  { method: 'post', path: '/students/:studentId/iep/new', access: editors, handler: saveNewIep },
  {
    method: 'get',
    path: '/students/:studentId/iep/:iepId/goals/new',
    access: editors,
    handler: (c) => showNewGoal(c),
  },
  {
    method: 'post',
    path: '/students/:studentId/iep/:iepId/goals/new',
    access: editors,
    handler: saveNewGoal,
  },
  {
    method: 'get',
    path: '/students/:studentId/iep/:iepId/amend',
    access: editors,
    handler: (c) => showAmend(c),
  },
  {
    method: 'post',
    path: '/students/:studentId/iep/:iepId/amend',
    access: editors,
    handler: saveAmend,
  },
  {
    method: 'get',
    path: '/students/:studentId/iep/:iepId/gas',
    access: staffOfStudent,
    handler: (c) => showGas(c),
  },
  {
    method: 'post',
    path: '/students/:studentId/iep/:iepId/gas',
    access: editors,
    handler: saveGas,
  },
];
