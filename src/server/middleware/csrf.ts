/**
 * Cross-site request forgery protection for every state-changing request: the Origin (or,
 * without it, Sec-Fetch-Site) must be this site, and the request must carry the CSRF token of
 * its session, in the `_csrf` form field or the `X-CSRF-Token` header. GET and HEAD never
 * change anything and pass through.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sameSecret } from '../../services/auth.service.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths that change nothing and read no cookies: calculators answer pure computations. */
const EXEMPT_PREFIXES = ['/api/calc/'];

/** Refuses state-changing requests from other sites or without the session's token. */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (SAFE_METHODS.has(c.req.method) || EXEMPT_PREFIXES.some((p) => path.startsWith(p))) {
      return next();
    }

    if (!sameOrigin(c)) throw new AppError('csrf_failed');
    const sent = c.req.header('x-csrf-token') ?? (await formToken(c));
    if (!sent || !sameSecret(sent, c.get('csrfToken'))) throw new AppError('csrf_failed');
    return next();
  };
}

function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  if (origin) return origin === new URL(c.req.url).origin || origin === forwardedOrigin(c);
  return c.req.header('sec-fetch-site') !== 'cross-site';
}

/** The origin a proxy in front of us reports (Host and X-Forwarded-Proto). */
function forwardedOrigin(c: Context<AppEnv>): string | null {
  const host = c.req.header('host');
  return host ? `${c.req.header('x-forwarded-proto') ?? 'http'}://${host}` : null;
}

async function formToken(c: Context<AppEnv>): Promise<string | null> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/')) {
    return null;
  }
  const body = await c.req.parseBody();
  const token = body['_csrf'];
  return typeof token === 'string' ? token : null;
}
