/** The administrator's student search, by name or id, within the organization they administer. */
import type { Context } from 'hono';
import { searchStudents } from '../store/roster.repository.js';
import { StudentSearchPage } from '../web/views/home.view.js';
import { audit, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

async function showSearch(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const query = (c.req.query('q') ?? '').trim().slice(0, 100);
  const results =
    query.length >= 2 ? await searchStudents(c.get('store').db, query, viewer.orgId) : null;

  // The query is free text (often a name), so the audit row records only that a search ran.
  if (results) await audit(c, 'search', 'student', null, null);
  const frame = frameOf(c, 'Find a student');
  return renderPage(c, <StudentSearchPage {...frame} query={query} results={results} />);
}

export const adminRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/admin/students',
    access: { kind: 'signed-in', roles: ['admin'] },
    handler: showSearch,
  },
];
