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

/** Every route of the app, for mounting and for tests that walk all routes. */
export const ROUTES: readonly RouteSpec[] = [
  ...staticRoutes,
  ...apiRoutes,
  ...authRoutes,
  ...homeRoutes,
  ...classRoutes,
  ...studentRoutes,
  ...adminRoutes,
];

/** What the app needs from outside. */
export interface AppDeps {
  readonly store: Store;
}

/** Builds the app over one store. */
export function createApp({ store }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use('*', requestLog(), securityHeaders());
  app.use('*', async (c, next) => {
    c.set('store', store);
    await next();
  });
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
