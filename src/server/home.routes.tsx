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
  ProviderHome,
  SpecialEducatorHome,
  TeacherHome,
} from '../web/views/home.view.js';
import { listGoalsServedBy } from '../store/access.repository.js';
import { hasPermission } from '../store/account.repository.js';
import { requireViewer, today } from './access.js';
import { loadCaseManagerDashboard } from '../services/iep-pages.service.js';
import { CaseManagerSection } from '../web/views/progress-report.view.js';
import type { AppEnv } from './env.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';
import { familyReportHref } from './student.routes.js';
import { showStudentDashboard } from './student-dashboard.routes.js';

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
      const dashboard = await loadCaseManagerDashboard(db, person, today());
      const attention = <CaseManagerSection dashboard={dashboard} />;
      return renderPage(
        c,
        <SpecialEducatorHome
          {...frame}
          caseload={caseload}
          classes={classes}
          attention={attention}
        />,
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
      return showStudentDashboard(c, person);
    case 'related_service_provider': {
      const goals = await listGoalsServedBy(db, person);
      return renderPage(c, <ProviderHome {...frameOf(c, 'Goals I serve')} goals={goals} />);
    }
    case 'admin': {
      const schools = await listSchoolsWithCounts(db, viewer.orgId);
      const canExport = await hasPermission(db, viewer.accountId, 'bulk-export');
      const frame = frameOf(c, 'Schools');
      return renderPage(c, <AdminHome {...frame} schools={schools} canExport={canExport} />);
    }
  }
}

export const homeRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/', access: { kind: 'signed-in' }, handler: showHome },
];
