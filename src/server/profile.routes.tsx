/**
 * The student profile for staff: one page with mastery, IEP goals and graphs, supports and
 * review dates. Under the "may see this student" rule, and staff only: a guardian or the
 * student gets 404, like for a student they may not see.
 */
import type { Context } from 'hono';
import { loadStudentProfile } from '../services/student-profile.service.js';
import { findStudent } from '../store/roster.repository.js';
import { StudentProfilePage } from '../web/views/student-profile.view.js';
import { audit, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

async function showProfile(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  if (viewer.role === 'guardian' || viewer.role === 'student') throw new AppError('not_found');
  const db = c.get('store').db;
  const student = await findStudent(db, c.req.param('studentId') ?? '');
  if (!student) throw new AppError('not_found');

  const profile = await loadStudentProfile(db, student.id, today());
  await audit(c, 'view', 'student-profile', student.id, student.id);
  const title = `${student.givenName} ${student.familyName}: profile`;
  return renderPage(c, <StudentProfilePage {...frameOf(c, title)} model={{ student, profile }} />);
}

export const profileRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/profile',
    access: { kind: 'student', param: 'studentId' },
    handler: showProfile,
  },
];
