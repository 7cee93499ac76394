/**
 * IEP data collection for staff: the caseload dashboard, a goal's graph and decision, the
 * quick-entry form for a session, saving a session (the graph and decision are computed again
 * from the stored sessions on the next view, so they change at once), and phase changes.
 * A goal answers 404 unless the viewer may see its student or collects data for it.
 */
import type { Context } from 'hono';
import { loadCaseload } from '../services/caseload.service.js';
import { readGoal } from '../services/iep.service.js';
import {
  goalProgress,
  recordDataSession,
  recordPhaseChange,
} from '../services/progress-monitoring.service.js';
import { collectsForGoal, studentOfGoal } from '../store/access.repository.js';
import { findGoal, listDataSessions } from '../store/iep-records.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { CaseloadPage } from '../web/views/caseload.view.js';
import { CollectPage, GoalPage, type SessionLine } from '../web/views/goal.view.js';
import { audit, maySeeStudent, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { recordFromForm } from './quick-entry.form.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The settings a session can be collected in, first the most common. */
export const SESSION_SETTINGS = [
  'general education classroom',
  'resource room',
  'therapy room',
  'lunch or recess',
  'community',
] as const;

const STAFF_ROLES = ['teacher', 'special_educator', 'related_service_provider', 'admin'] as const;

async function showCaseload(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  if (!viewer.personId) throw new AppError('not_found');

  const day = today();
  const goals = await loadCaseload(c.get('store').db, viewer.personId, day);
  await audit(c, 'view', 'caseload', viewer.personId, null);
  const frame = { ...frameOf(c, 'My caseload'), current: 'caseload' as const };
  return renderPage(c, <CaseloadPage {...frame} model={{ today: day, goals }} />);
}

/** The goal and its student when the viewer may work with it; 404 otherwise. */
async function loadGoal(c: Context<AppEnv>) {
  const db = c.get('store').db;
  const viewer = requireViewer(c);
  const goalId = c.req.param('goalId') ?? '';
  const studentId = await studentOfGoal(db, goalId);
  const row = studentId ? await findGoal(db, goalId) : undefined;
  if (!studentId || !row) throw new AppError('not_found');

  const collects = viewer.personId !== null && (await collectsForGoal(db, viewer.personId, goalId));
  if (!collects && !(await maySeeStudent(db, viewer, studentId))) {
    throw new AppError('not_found');
  }
  const student = await findStudent(db, studentId);
  if (!student) throw new AppError('not_found');
  return { db, viewer, goal: readGoal(row), student };
}

async function showGoal(c: Context<AppEnv>): Promise<Response> {
  const { db, goal, student } = await loadGoal(c);
  const progress = await goalProgress(db, goal.id);
  const model = {
    studentId: student.id,
    studentName: `${student.givenName} ${student.familyName}`,
    goal,
    progress: progress.ok ? progress.value : null,
    sessions: await recentSessions(c, goal.id),
    notice: noticeOf(c.req.query()),
    today: today(),
    canCollect: true,
  };
  await audit(c, 'view', 'iep_goal', goal.id, student.id);
  const title = `${model.studentName}: ${goal.area}`;
  return renderPage(c, <GoalPage {...frameOf(c, title)} model={model} />);
}

function noticeOf(query: Record<string, string>): string | null {
  if (query.recorded) return 'Session saved. The graph and the decision rule are updated below.';
  if (query.phase) return 'Phase change saved. The trend starts again from it.';
  return null;
}

async function recentSessions(c: Context<AppEnv>, goalId: string): Promise<SessionLine[]> {
  const db = c.get('store').db;
  const rows = (await listDataSessions(db, goalId)).slice(-8).reverse();
  const people = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.collected_by).filter((x): x is string => !!x))) {
    const person = await db
      .selectFrom('people')
      .select(['given_name', 'family_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (person) people.set(id, `${person.given_name} ${person.family_name}`);
  }
  return rows.map((row) => ({
    date: row.session_date,
    value: row.value === null ? null : Number(row.value),
    setting: row.setting,
    collectedBy: row.collected_by ? (people.get(row.collected_by) ?? null) : null,
    note: row.note,
  }));
}

async function showCollect(
  c: Context<AppEnv>,
  values: Record<string, string> = {},
  error: { field: string; message: string } | null = null,
): Promise<Response> {
  const { goal, student, viewer } = await loadGoal(c);
  const model = {
    studentName: `${student.givenName} ${student.familyName}`,
    goal,
    collectorName: viewer.displayName,
    today: today(),
    settings: SESSION_SETTINGS,
    values,
    error,
  };
  const page = <CollectPage {...frameOf(c, `Collect: ${goal.area}`)} model={model} />;
  return renderPage(c, page, error ? 400 : 200);
}

async function saveSession(c: Context<AppEnv>): Promise<Response> {
  const { db, goal, viewer } = await loadGoal(c);
  const fields = textFields(await c.req.parseBody());
  const read = recordFromForm(goal, fields);
  if (!read.ok) return showCollect(c, fields, read);

  const outcome = await recordDataSession(
    db,
    {
      goalId: goal.id,
      date: fields.date || today(),
      setting: fields.setting || null,
      collectedBy: viewer.personId,
      note: fields.note?.trim() || null,
      record: read.record,
    },
    actorOf(c),
    new Date(),
  );
  if (!outcome.ok) {
    const message = outcome.kind === 'invalid' ? outcome.problems.join('; ') : 'Not saved.';
    return showCollect(c, fields, { field: '_form', message });
  }
  return c.redirect(`/goals/${goal.id}?recorded=1#graph`, 303);
}

async function savePhaseChange(c: Context<AppEnv>): Promise<Response> {
  const { db, goal } = await loadGoal(c);
  const fields = textFields(await c.req.parseBody());
  const outcome = await recordPhaseChange(
    db,
    { goalId: goal.id, date: fields.date ?? '', label: fields.label ?? '' },
    actorOf(c),
    new Date(),
  );
  if (!outcome.ok) {
    const message = outcome.kind === 'invalid' ? outcome.problems.join('; ') : undefined;
    throw new AppError('invalid_input', message);
  }
  return c.redirect(`/goals/${goal.id}?phase=1#graph`, 303);
}

function actorOf(c: Context<AppEnv>) {
  const viewer = requireViewer(c);
  return { personId: viewer.personId, accountId: viewer.accountId, requestId: c.get('requestId') };
}

function textFields(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string] => entry[0] !== '_csrf' && typeof entry[1] === 'string',
    ),
  );
}

const staff = { kind: 'signed-in', roles: STAFF_ROLES } as const;

export const caseloadRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/caseload', access: staff, handler: showCaseload },
  { method: 'get', path: '/goals/:goalId', access: staff, handler: showGoal },
  { method: 'get', path: '/goals/:goalId/collect', access: staff, handler: (c) => showCollect(c) },
  { method: 'post', path: '/goals/:goalId/sessions', access: staff, handler: saveSession },
  { method: 'post', path: '/goals/:goalId/phase-changes', access: staff, handler: savePhaseChange },
];
