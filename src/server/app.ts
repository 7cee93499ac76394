/**
 * The Trellis web app: middleware in order (request id and log line, security headers, session,
 * CSRF, default deny), then every feature's routes, each behind its declared access rule.
 * `createApp` is all a test needs: `createApp({ store }).request('/api/health')`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { logger } from '../logger.js';
import type { Store } from '../store/database.js';
import { adminRoutes } from './admin.routes.js';
import { apiRoutes } from './api.routes.js';
import { authRoutes } from './auth.routes.js';
import { classRoutes } from './class.routes.js';
import type { AppEnv } from './env.js';
import { AppError, handleError, handleNotFound } from './errors.js';
import { homeRoutes } from './home.routes.js';
import { csrf } from './middleware/csrf.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { session } from './middleware/session.js';
import { mountRoutes, type RouteSpec } from './route.js';
import { staticRoutes } from './static.routes.js';
import { studentRoutes } from './student.routes.js';
import type { OidcSettings } from '../services/oidc.service.js';
import { accountRoutes } from './account.routes.js';
import { clientAddressOf } from './client-address.js';
import { evidenceApiRoutes } from './evidence-api.routes.js';
import { exportRoutes } from './export.routes.js';
import { invitationRoutes } from './invitation.routes.js';
import { lookupRoutes } from './lookup.routes.js';
import { recordsRoutes } from './records.routes.js';
import { taskRoutes } from './task.routes.js';
import { caseloadRoutes } from './caseload.routes.js';
import { profileRoutes } from './profile.routes.js';
import { masteryRoutes } from './mastery.routes.js';
import { portfolioRoutes, portfolioUploadLimit } from './portfolio.routes.js';
import { studentDashboardRoutes } from './student-dashboard.routes.js';
import { iepRoutes } from './iep.routes.js';
import { iepGoalRoutes } from './iep-goal.routes.js';
import { progressReportRoutes } from './progress-report.routes.js';
import { familyReportRoutes } from './family-report.routes.js';
import { reportJobRoutes } from './report-job.routes.js';
import { iepProgressRoutes } from './iep-progress.routes.js';

/** Every route of the app, for mounting and for tests that walk all routes. */
export const ROUTES: readonly RouteSpec[] = [
  ...staticRoutes,
  ...apiRoutes,
  ...authRoutes,
  ...homeRoutes,
  ...classRoutes,
  ...studentRoutes,
  ...adminRoutes,
  ...taskRoutes,
  ...caseloadRoutes,
  ...profileRoutes,
  ...masteryRoutes,
  ...accountRoutes,
  ...invitationRoutes,
  ...recordsRoutes,
  ...exportRoutes,
  ...evidenceApiRoutes,
  ...lookupRoutes,
  ...studentDashboardRoutes,
  ...portfolioRoutes,
  ...iepRoutes,
  ...iepGoalRoutes,
  ...progressReportRoutes,
  ...familyReportRoutes,
  ...reportJobRoutes,
  ...iepProgressRoutes,
];

/** What the app needs from outside. */
export interface AppDeps {
  readonly store: Store;
  /** The district's OpenID provider; without it only password sign-in is offered. */
  readonly oidc?: OidcSettings | null;
  /** Believe X-Forwarded-For for the client address (only behind a proxy that sets it). */
  readonly trustProxy?: boolean;
}

/** Builds the app over one store. */
export function createApp({ store, oidc = null, trustProxy = false }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use('*', requestLog(), securityHeaders());
  app.use('*', async (c, next) => {
    c.set('store', store);
    c.set('oidc', oidc);
    c.set('clientAddress', clientAddressOf(c, trustProxy));
    await next();
  });
  // Before the CSRF check reads the body: an upload over the size limit is refused unread.
  app.use('/students/:studentId/portfolio', portfolioUploadLimit());
  app.use('*', session(), csrf(), defaultDeny());

  mountRoutes(app, ROUTES);
  return app;
}

/**
 * Refuses any answer from a route that declared no access rule: the safety net behind the
 * required `access` field of every RouteSpec.
 */
function defaultDeny(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get('accessRule') === undefined && c.res.ok) {
      logger('http').error({ requestId: c.get('requestId') }, 'route without an access rule');
      c.res = await handleError(new AppError('not_found'), c);
    }
  };
}
