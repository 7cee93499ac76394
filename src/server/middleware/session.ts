/**
 * Reads the session cookie and sets `viewer`, `sessionToken` and `csrfToken` for the request.
 * Without a session, the CSRF token is the pre-session one from its own cookie (set by the
 * sign-in page), so even the sign-in form is protected.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ABSOLUTE_LIFETIME_MS, csrfTokenFor, resolveSession } from '../../services/auth.service.js';
import type { AppEnv } from '../env.js';

export const SESSION_COOKIE = 'trellis_session';
export const PRESESSION_COOKIE = 'trellis_presession';

/** True when the request reached us over HTTPS (directly or through a proxy that says so). */
export function overHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Resolves the viewer from the session cookie. */
export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const viewer = token ? await resolveSession(c.get('store').db, token, new Date()) : null;
    if (token && !viewer) deleteCookie(c, SESSION_COOKIE, { path: '/' });

    c.set('viewer', viewer);
    c.set('sessionToken', viewer ? token : null);
    c.set('csrfToken', viewer && token ? csrfTokenFor(token) : presessionToken(c));
    return next();
  };
}

/** Sets the session cookie after a successful sign-in and clears the pre-session one. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps(c),
    maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000),
  });
  deleteCookie(c, PRESESSION_COOKIE, { path: '/' });
}

/** Clears the session cookie (the server-side row is deleted by the caller). */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

function presessionToken(c: Context<AppEnv>): string {
  const existing = getCookie(c, PRESESSION_COOKIE);
  return existing && /^[\w-]{20,}$/.test(existing)
    ? existing
    : randomBytes(24).toString('base64url');
}

/**
 * Hands the pre-session CSRF token to the browser (the sign-in page calls this), unless the
 * browser already holds it or a session is open.
 */
export function issuePresessionCookie(c: Context<AppEnv>): void {
  if (c.get('viewer') || getCookie(c, PRESESSION_COOKIE) === c.get('csrfToken')) return;
  setCookie(c, PRESESSION_COOKIE, c.get('csrfToken'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(c),
  });
}
