/**
 * Gives each request an id (echoed in `X-Request-Id`) and writes one log line per request:
 * method, route pattern, status and duration. No paths with ids, no query, no personal data.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { logger } from '../../logger.js';
import type { AppEnv } from '../env.js';

/** Where request lines go: the http logger, or a test's collector. */
export type RequestLogSink = Pick<ReturnType<typeof logger>, 'info'>;

/** Sets `requestId` and logs the request once it is answered. */
export function requestLog(log: RequestLogSink = logger('http')): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();

    await next();

    c.res.headers.set('X-Request-Id', requestId);
    log.info(
      {
        requestId,
        method: c.req.method,
        route: routePattern(c),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

function routePattern(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return handlers.at(-1)?.path ?? '(none)';
}
