/**
 * Security headers on every response: a content security policy with no inline script (unless
 * the route set its own, which also forbids script),
 * framing refused, no MIME sniffing, a strict referrer policy; and `Cache-Control: no-store`
 * on everything except static assets, since most pages carry student data.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the headers after the route has answered (errors included). */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();

    const headers = c.res.headers;
    // A route may set a stricter or document-specific policy (the family report does).
    if (!headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    // 'no-referrer' would make browsers send `Origin: null` on our own form posts.
    headers.set('Referrer-Policy', 'same-origin');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!new URL(c.req.url).pathname.startsWith('/static/')) {
      headers.set('Cache-Control', 'no-store');
    }
  };
}
