/**
 * The student's own dashboard and the changes a student makes on it: rating themself on a
 * standard, adding and ticking off personal goals, and reflecting on a piece of evidence.
 * Every route is for the student themself only (the "student" rule narrowed to the student
 * role); each change is audited and answers with the dashboard again, focus on the same form.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import {
  addPersonalGoal,
  loadStudentDashboard,
  recordSelfAssessment,
  reflectOnEvidence,
  tickPersonalGoal,
} from '../services/student-dashboard.service.js';
import { findStudent } from '../store/roster.repository.js';
import {
  StudentDashboardPage,
  type DashboardProblem,
} from '../web/views/student-dashboard.view.js';
import { audit } from './access.js';
import type { AccessRule } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The student themself, and nobody else. */
const ONLY_THE_STUDENT: AccessRule = { kind: 'student', param: 'studentId', roles: ['student'] };

const NOTICES: Readonly<Record<string, string>> = {
  rated: 'Your rating is saved.',
  goal: 'Your goal is added.',
  ticked: 'Your goal list is updated.',
  reflected: 'Your reflection is saved.',
};

/**
 * Renders the dashboard of the student `studentId` (the viewer themself). `?saved=` names the
 * change just made, `?focus=` the form to put focus back on.
 */
export async function showStudentDashboard(
  c: Context<AppEnv>,
  studentId: string,
  problem: DashboardProblem | null = null,
): Promise<Response> {
  const db = c.get('store').db;
  const student = await findStudent(db, studentId);
  if (!student) throw new AppError('not_found');

  const dashboard = await loadStudentDashboard(db, studentId);
  await audit(c, 'view', 'student-dashboard', studentId, studentId);
  const focus = problem?.form ?? c.req.query('focus') ?? null;
  const model = {
    studentId,
    givenName: student.givenName,
    dashboard,
    notice: problem ? null : (NOTICES[c.req.query('saved') ?? ''] ?? null),
    focus: focus && /^[\w:-]{1,120}$/.test(focus) ? focus : null,
    problem,
    csrf: c.get('csrfToken'),
  };
  const frame = frameOf(c, 'My dashboard');
  return renderPage(c, <StudentDashboardPage {...frame} model={model} />, problem ? 400 : 200);
}

/**
 * Back to the dashboard, naming the change and the form to focus again. No #fragment: a
 * fragment would stop the browser from moving focus to the autofocus button, and the focused
 * button is scrolled into view anyway.
 */
function backTo(c: Context<AppEnv>, saved: string, focus: string): Response {
  const query = new URLSearchParams({ saved, focus });
  return c.redirect(`/?${query.toString()}`, 303);
}

const selfAssessmentSchema = z.strictObject({
  standardId: z.string().min(1, 'Choose one of your standards.').max(200),
  levelValue: z.coerce.number({ error: 'Choose a level.' }),
  why: z.string().trim().max(500, 'Keep it under 500 letters.').optional(),
});

async function rateMyself(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const form = await readForm(c, selfAssessmentSchema);
  const standardId = form.ok ? form.data.standardId : (form.values.standardId ?? '');
  if (!form.ok)
    return showStudentDashboard(c, studentId, {
      form: `rate:${standardId}`,
      errors: levelError(form.errors),
    });

  const input = { ...form.data, why: form.data.why || null };
  const errors = await recordSelfAssessment(c.get('store').db, studentId, input, new Date());
  if (errors) return showStudentDashboard(c, studentId, { form: `rate:${standardId}`, errors });

  await audit(c, 'create', 'self-assessment', standardId, studentId);
  return backTo(c, 'rated', `rate:${standardId}`);
}

/** A missing level reads better than "expected number": the radio group is the field. */
function levelError(errors: Record<string, string>): Record<string, string> {
  return errors.levelValue ? { ...errors, levelValue: 'Choose a level.' } : errors;
}

const goalSchema = z.strictObject({
  text: z.string().trim().min(1, 'Write your goal first.').max(200, 'Keep it under 200 letters.'),
});

async function addGoal(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const form = await readForm(c, goalSchema);
  if (!form.ok) return showStudentDashboard(c, studentId, { form: 'goal', errors: form.errors });

  const goalId = await addPersonalGoal(c.get('store').db, studentId, form.data.text, new Date());
  await audit(c, 'create', 'student-goal', goalId, studentId);
  return backTo(c, 'goal', 'goal');
}

const tickSchema = z.strictObject({ done: z.enum(['0', '1']) });

async function tickGoal(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const goalId = c.req.param('goalId') ?? '';
  const form = await readForm(c, tickSchema);
  if (!form.ok) throw new AppError('invalid_input');

  const db = c.get('store').db;
  const done = form.data.done === '1';
  if (!(await tickPersonalGoal(db, studentId, goalId, done, new Date()))) {
    throw new AppError('not_found');
  }
  await audit(c, 'update', 'student-goal', goalId, studentId, { done });
  return backTo(c, 'ticked', `goal:${goalId}`);
}

const reflectionSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'Write a few words first.')
    .max(1000, 'Keep it under 1000 letters.'),
});

async function reflect(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const evidenceParam = c.req.param('evidenceId') ?? '';
  if (!/^\d{1,15}$/.test(evidenceParam)) throw new AppError('not_found');
  const form = await readForm(c, reflectionSchema);
  const focus = `reflect:${evidenceParam}`;
  if (!form.ok) return showStudentDashboard(c, studentId, { form: focus, errors: form.errors });

  const db = c.get('store').db;
  const saved = await reflectOnEvidence(
    db,
    studentId,
    Number(evidenceParam),
    form.data.text,
    new Date(),
  );
  if (!saved) throw new AppError('not_found');
  await audit(c, 'update', 'evidence-reflection', evidenceParam, studentId);
  return backTo(c, 'reflected', focus);
}

export const studentDashboardRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/dashboard',
    access: ONLY_THE_STUDENT,
    handler: (c) => showStudentDashboard(c, c.req.param('studentId') ?? ''),
  },
  {
    method: 'post',
    path: '/students/:studentId/self-assessments',
    access: ONLY_THE_STUDENT,
    handler: rateMyself,
  },
  {
    method: 'post',
    path: '/students/:studentId/goals',
    access: ONLY_THE_STUDENT,
    handler: addGoal,
  },
  {
    method: 'post',
    path: '/students/:studentId/goals/:goalId',
    access: ONLY_THE_STUDENT,
    handler: tickGoal,
  },
  {
    method: 'post',
    path: '/students/:studentId/evidence/:evidenceId/reflection',
    access: ONLY_THE_STUDENT,
    handler: reflect,
  },
];
