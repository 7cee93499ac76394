/**
 * Small JSON lookups for pages: student autocomplete (only students the viewer may see) and one
 * IEP goal (for the providers who serve it). Search text is never written to the audit log.
 */
import type { Context } from 'hono';
import { searchStudents } from '../store/roster.repository.js';
import { audit, maySeeStudent, requireViewer, STAFF_ROLES } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import type { RouteSpec } from './route.js';

/** `GET /api/students?q=`: up to 10 students matching the text whom the viewer may see. */
async function autocomplete(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const query = (c.req.query('q') ?? '').trim().slice(0, 100);
  if (query.length < 2) return c.json({ students: [] });

  const candidates = await searchStudents(
    db,
    query,
    viewer.role === 'admin' ? viewer.orgId : null,
    200,
  );
  const visible = [];
  for (const student of candidates) {
    if (visible.length === 10) break;
    if (await maySeeStudent(db, viewer, student.id)) visible.push(student);
  }
  await audit(c, 'search', 'student', null, null, { count: visible.length });
  return c.json({
    students: visible.map((s) => ({ id: s.id, name: `${s.givenName} ${s.familyName}` })),
  });
}

/** `GET /api/goals/:goalId`: the goal's wording and measurement (no other IEP content). */
async function showGoal(c: Context<AppEnv>): Promise<Response> {
  const goalId = c.req.param('goalId') ?? '';
  const goal = await c
    .get('store')
    .db.selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select([
      'g.id',
      'g.area',
      'g.statement',
      'g.measurement_type as measurementType',
      'g.baseline_value as baseline',
      'g.target_value as target',
      'g.goal_date as goalDate',
      'i.student_id as studentId',
    ])
    .where('g.id', '=', goalId)
    .executeTakeFirst();
  if (!goal) throw new AppError('not_found');
  await audit(c, 'view', 'iep-goal', goal.id, goal.studentId);
  return c.json({ goal });
}

export const lookupRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/api/students',
    access: { kind: 'signed-in', roles: STAFF_ROLES },
    handler: autocomplete,
  },
  {
    method: 'get',
    path: '/api/goals/:goalId',
    access: { kind: 'goal', param: 'goalId' },
    handler: showGoal,
  },
];
