/** Turning a page component into an HTML answer with the doctype and the viewer's frame. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { PageFrame } from '../web/views/layout.js';
import { ErrorPage } from '../web/views/error.view.js';
import type { AppEnv } from './env.js';

type Status = 200 | 400 | 401 | 403 | 404 | 409 | 429 | 500;

/** The frame every page needs from the request: the viewer and the CSRF token. */
export function frameOf(c: Context<AppEnv>, title: string): PageFrame {
  return { title, viewer: c.get('viewer') ?? null, csrfToken: c.get('csrfToken') ?? '' };
}

/** Answers with a whole HTML document. */
export function renderPage(
  c: Context<AppEnv>,
  page: JSX.Element,
  status: Status = 200,
): Response | Promise<Response> {
  return c.html(html`<!doctype html>${page}`, status);
}

/** The error page for a status and message. */
export function renderErrorPage(
  c: Context<AppEnv>,
  status: number,
  message: string,
): Response | Promise<Response> {
  const known = ([400, 401, 403, 404, 409, 429, 500] as const).find((s) => s === status) ?? 500;
  return renderPage(
    c,
    <ErrorPage {...frameOf(c, 'Error')} status={known} message={message} />,
    known,
  );
}
