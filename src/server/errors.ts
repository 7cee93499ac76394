/**
 * The closed set of application errors, each with an HTTP status and a stable code, and the
 * one handler that turns them into answers. "Not found" and "not allowed" are one error, so a
 * probe for another student's record learns nothing.
 */
import type { Context } from 'hono';
import { logger } from '../logger.js';
import type { AppEnv } from './env.js';
import { renderErrorPage } from './render.js';

/** Every expected failure the app answers, with its status. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'The request was not valid.',
  unauthenticated: 'Please sign in.',
  csrf_failed: 'This form expired or came from another site. Reload the page and try again.',
  not_found: 'We could not find that page.',
  conflict: 'Someone else changed this record. Reload to see the current value.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
};

/** An expected failure: thrown by routes and middleware, answered by `handleError`. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message = DEFAULT_MESSAGES[code]) {
    super(message);
    this.code = code;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

/** True when the request asks for JSON (the API), so errors answer in JSON too. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/');
}

/** The one error handler: an AppError answers with its status; anything else is a 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response | Promise<Response> {
  const known = error instanceof AppError ? error : null;
  if (!known) {
    logger('http').error({ requestId: c.get('requestId'), err: error }, 'unexpected error');
  }

  const code = known?.code ?? 'internal_error';
  const status = known?.status ?? 500;
  const message = known?.message ?? 'Something went wrong on our side. Please try again.';
  if (known?.code === 'unauthenticated' && !wantsJson(c)) return c.redirect('/sign-in', 303);

  if (wantsJson(c)) return c.json({ error: { code, message } }, status);
  return renderErrorPage(c, status, message);
}

/** The answer for a path no route matches: the same as for a record the viewer may not see. */
export function handleNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  return handleError(new AppError('not_found'), c);
}
