/**
 * The IEP goal page for staff (`/iep-goals/:goalId`): graph, decision, criterion status, phase
 * changes, every data session with correct and void, reports, and the trend and decision rule
 * settings. Families and students read goals on the IEP page instead, so the goal page answers
 * them 404. Changes need a special educator or administrator who may see the goal.
 */
import type { Context } from 'hono';
import { criterionSentences } from '../domain/criterion/criterion-sentence.js';
import type { DecisionRule } from '../domain/progress/decision-rules.js';
import { readGoal, updateGoalSettings, type Failure } from '../services/iep.service.js';
import { mayEditIepOf } from '../services/iep-pages.service.js';
import {
  correctDataSession,
  goalProgress,
  progressCodeSet,
  recordPhaseChange,
  voidDataSession,
} from '../services/progress-monitoring.service.js';
import * as records from '../store/iep-records.repository.js';
import { listAllDataSessions, namesOf } from '../store/iep-web.repository.js';
import { formatDay } from '../web/views/levels.js';
import { IepGoalPage, type GoalReportRow, type SessionRow } from '../web/views/iep-goal.view.js';
import { audit, requireViewer, today, STAFF_ROLES } from './access.js';
import { caseloadRoutes } from './caseload.routes.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { formFields, one } from './iep.form.js';
import { actorOf } from './iep.routes.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The goal of the path for staff; 404 for everyone else (the access rule checked the rest). */
async function goalOfPath(c: Context<AppEnv>) {
  const viewer = requireViewer(c);
  if (!STAFF_ROLES.includes(viewer.role)) throw new AppError('not_found');
  const db = c.get('store').db;
  const row = await records.findGoal(db, c.req.param('goalId') ?? '');
  const owner = row && (await records.findGoalOwner(db, row.id));
  if (!row || !owner) throw new AppError('not_found');
  return { db, goal: readGoal(row), studentId: owner.studentId };
}

/** Case managers and team members of the goal's IEP, and administrators, manage a goal. */
function canManage(
  c: Context<AppEnv>,
  found: { readonly studentId: string; readonly goal: { readonly iepId: string } },
): Promise<boolean> {
  return mayEditIepOf(c.get('store').db, requireViewer(c), found.studentId, found.goal.iepId);
}

async function requireManager(c: Context<AppEnv>) {
  const found = await goalOfPath(c);
  if (!(await canManage(c, found))) throw new AppError('not_found');
  return found;
}

const NOTICES: Readonly<Record<string, string>> = {
  phase: 'Phase change saved: the trend and the decision start again from it.',
  settings: 'Settings saved: the trend and the decision below use them.',
  void: 'Session voided: it is left out of the graph and kept in the history.',
  restore: 'Session restored.',
  correct: 'Correction saved; the earlier values are kept in the history.',
};

async function showGoal(c: Context<AppEnv>): Promise<Response> {
  const found = await goalOfPath(c);
  const { db, goal, studentId } = found;
  const progress = await goalProgress(db, goal.id);
  const names = await namesOf(db, [studentId]);
  const model = {
    studentId,
    studentName: names.get(studentId) ?? '',
    goal,
    criterion: goal.criterion ? criterionSentences(goal.criterion) : null,
    progress: progress.ok ? progress.value : null,
    sessions: await sessionRows(c, goal.id),
    reports: await reportRows(c, goal.id),
    canManage: await canManage(c, found),
    collectHref: quickEntryHref(goal.id, goal.collectionType !== null),
    notice: NOTICES[c.req.query('saved') ?? ''] ?? null,
    today: today(),
  };
  await audit(c, 'view', 'iep_goal', goal.id, studentId);
  const title = `${model.studentName}: ${goal.area}`;
  return renderPage(c, <IepGoalPage {...frameOf(c, title)} model={model} />);
}

/** The teacher workspace's quick-entry page for the goal, when that page exists. */
function quickEntryHref(goalId: string, collects: boolean): string | null {
  const exists = caseloadRoutes.some(
    (r) => r.method === 'get' && r.path === '/goals/:goalId/collect',
  );
  return exists && collects ? `/goals/${goalId}/collect` : null;
}

async function sessionRows(c: Context<AppEnv>, goalId: string): Promise<SessionRow[]> {
  const db = c.get('store').db;
  const rows = await listAllDataSessions(db, goalId);
  const names = await namesOf(
    db,
    rows.flatMap((r) => (r.collected_by ? [r.collected_by] : [])),
  );
  const out: SessionRow[] = [];
  for (const row of rows) {
    const history = await records.listHistory(db, 'data_session', row.id);
    out.push({
      id: row.id,
      date: row.session_date,
      value: valueText(row),
      setting: row.setting,
      collectedBy: row.collected_by ? (names.get(row.collected_by) ?? null) : null,
      note: row.note,
      voided: row.voided_at !== null,
      version: row.version,
      history: history.map((h) => `${h.change} on ${h.changed_at.slice(0, 10)}${changeText(h)}`),
    });
  }
  return out;
}

function valueText(row: records.DataSessionRow): string {
  if (row.value === null) return `no value (${row.gap_reason ?? 'gap'})`;
  const value = Math.round(Number(row.value) * 100) / 100;
  return row.correct !== null && row.trials !== null
    ? `${value} (${row.correct} of ${row.trials})`
    : String(value);
}

function changeText(row: records.HistoryRow): string {
  if (row.change === 'create' || row.old_json === null) return '';
  const old = JSON.parse(row.old_json) as Record<string, unknown>;
  const fields = Object.keys(old).filter((k) => !k.startsWith('voided'));
  return fields.length > 0 ? `: ${fields.map((k) => `${k} was ${String(old[k])}`).join(', ')}` : '';
}

async function reportRows(c: Context<AppEnv>, goalId: string): Promise<GoalReportRow[]> {
  const db = c.get('store').db;
  const reports = await records.listReportsOfGoals(db, [goalId]);
  const owner = await records.findGoalOwner(db, goalId);
  const codes = await progressCodeSet(db, owner?.districtId ?? null);
  const label = (code: string) => codes.find((c) => c.code === code)?.label ?? code;
  return reports.map((r) => ({
    period: `${formatDay(r.period_start)} to ${formatDay(r.period_end)}`,
    suggested: label(r.suggested_code),
    confirmed: r.confirmed_code === null ? null : label(r.confirmed_code),
    overrideReason: r.override_reason,
    sentAt: r.sent_at,
  }));
}

function refuse(failure: Failure<unknown>): never {
  if (failure.kind === 'not_found') throw new AppError('not_found');
  if (failure.kind === 'conflict') throw new AppError('conflict', `Not saved: ${failure.message}.`);
  throw new AppError('invalid_input', `Not saved: ${failure.problems.join('; ')}.`);
}

async function savePhaseChange(c: Context<AppEnv>): Promise<Response> {
  const { db, goal } = await requireManager(c);
  const fields = formFields(await c.req.parseBody());
  const saved = await recordPhaseChange(
    db,
    { goalId: goal.id, date: one(fields, 'date'), label: one(fields, 'label') },
    actorOf(c),
    new Date(),
  );
  if (!saved.ok) refuse(saved);
  return c.redirect(`/iep-goals/${goal.id}?saved=phase#graph`, 303);
}

async function saveSettings(c: Context<AppEnv>): Promise<Response> {
  const { db, goal } = await requireManager(c);
  const fields = formFields(await c.req.parseBody());
  const size = Number(one(fields, 'ruleSize'));
  if (!Number.isInteger(size) || size < 1 || size > 50) {
    throw new AppError('invalid_input', 'Points the rule needs: expected a whole number, 1 to 50.');
  }
  const rule: DecisionRule =
    one(fields, 'ruleKind') === 'trend'
      ? { kind: 'trend', minPoints: size }
      : { kind: 'consecutive', points: size };
  const saved = await updateGoalSettings(
    db,
    goal.id,
    {
      expectedVersion: Number(one(fields, 'expectedVersion')),
      trendMethod: one(fields, 'trendMethod') === 'tukey' ? 'tukey' : 'ols',
      decisionRule: rule,
    },
    actorOf(c),
    new Date(),
  );
  if (!saved.ok) refuse(saved);
  return c.redirect(`/iep-goals/${goal.id}?saved=settings#decision`, 303);
}

async function sessionOfPath(c: Context<AppEnv>) {
  const found = await requireManager(c);
  const session = await records.findDataSession(found.db, c.req.param('sessionId') ?? '');
  if (!session || session.goal_id !== found.goal.id) throw new AppError('not_found');
  return { ...found, session };
}

async function saveVoid(c: Context<AppEnv>): Promise<Response> {
  const { db, goal, session } = await sessionOfPath(c);
  const fields = formFields(await c.req.parseBody());
  const restore = one(fields, 'restore') === '1';
  const saved = await voidDataSession(
    db,
    session.id,
    Number(one(fields, 'expectedVersion')),
    actorOf(c),
    new Date(),
    restore,
  );
  if (!saved.ok) refuse(saved);
  return c.redirect(`/iep-goals/${goal.id}?saved=${restore ? 'restore' : 'void'}#sessions`, 303);
}

async function saveCorrection(c: Context<AppEnv>): Promise<Response> {
  const { db, goal, session } = await sessionOfPath(c);
  const fields = formFields(await c.req.parseBody());
  const saved = await correctDataSession(
    db,
    session.id,
    {
      expectedVersion: Number(one(fields, 'expectedVersion')),
      date: one(fields, 'date'),
      setting: one(fields, 'setting') || null,
      note: one(fields, 'note') || null,
    },
    actorOf(c),
    new Date(),
  );
  if (!saved.ok) refuse(saved);
  return c.redirect(`/iep-goals/${goal.id}?saved=correct#sessions`, 303);
}

const seeGoal = { kind: 'goal', param: 'goalId' } as const;

export const iepGoalRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/iep-goals/:goalId', access: seeGoal, handler: showGoal },
  {
    method: 'post',
    path: '/iep-goals/:goalId/phase-changes',
    access: seeGoal,
    handler: savePhaseChange,
  },
  { method: 'post', path: '/iep-goals/:goalId/settings', access: seeGoal, handler: saveSettings },
  {
    method: 'post',
    path: '/iep-goals/:goalId/sessions/:sessionId/void',
    access: seeGoal,
    handler: saveVoid,
  },
  {
    method: 'post',
    path: '/iep-goals/:goalId/sessions/:sessionId/correct',
    access: seeGoal,
    handler: saveCorrection,
  },
];
