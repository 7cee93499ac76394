/** `/`: each role's home page. */
import type { Context } from 'hono';
import {
  listCaseload,
  listChildrenOfGuardian,
  listClassesOfStaff,
  listSchoolsWithCounts,
} from '../store/roster.repository.js';
import {
  AdminHome,
  GuardianHome,
  SpecialEducatorHome,
  TeacherHome,
} from '../web/views/home.view.js';
import { requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';
import { familyReportHref, showStudentPage } from './student.routes.js';

async function showHome(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const person = viewer.personId ?? '';

  switch (viewer.role) {
    case 'teacher': {
      const classes = await listClassesOfStaff(db, person);
      return renderPage(c, <TeacherHome {...frameOf(c, 'My classes')} classes={classes} />);
    }
    case 'special_educator': {
      const [caseload, classes] = [
        await listCaseload(db, person),
        await listClassesOfStaff(db, person),
      ];
      const frame = frameOf(c, 'My caseload and classes');
      return renderPage(
        c,
        <SpecialEducatorHome {...frame} caseload={caseload} classes={classes} />,
      );
    }
    case 'guardian': {
      const children = await listChildrenOfGuardian(db, person);
      const frame = frameOf(c, 'My children');
      return renderPage(
        c,
        <GuardianHome {...frame} linkedStudents={children} reportHref={familyReportHref} />,
      );
    }
    case 'student':
      return showStudentPage(c, person, 'My standards');
    case 'admin': {
      const schools = await listSchoolsWithCounts(db, viewer.orgId);
      return renderPage(c, <AdminHome {...frameOf(c, 'Schools')} schools={schools} />);
    }
  }
}

export const homeRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/', access: { kind: 'signed-in' }, handler: showHome },
];
