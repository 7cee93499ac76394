/**
 * Sign-in and sign-out. A failed sign-in answers the same whether or not the account exists;
 * a successful one always starts a new session; sign-out deletes the session on the server.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { signIn, signOut } from '../services/auth.service.js';
import { appendAudit } from '../store/audit.repository.js';
import { SignInPage } from '../web/views/sign-in.view.js';
import { audit } from './access.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import {
  clearSessionCookie,
  issuePresessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from './middleware/session.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The one message for every failed sign-in. */
export const SIGN_IN_FAILED = 'That username and password do not match. Check both and try again.';

const signInSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter your username').max(200),
  password: z.string().min(1, 'Enter your password').max(1000),
});

async function showSignIn(c: Context<AppEnv>): Promise<Response> {
  if (c.get('viewer')) return c.redirect('/', 303);
  issuePresessionCookie(c);
  return renderPage(c, <SignInPage {...frameOf(c, 'Sign in')} />);
}

async function submitSignIn(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c, signInSchema);
  if (!form.ok) return refuse(c, form.values.username ?? '');

  const db = c.get('store').db;
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await signOut(db, previous);

  const result = await signIn(db, form.data.username, form.data.password, new Date());
  await appendAudit(db, {
    at: new Date().toISOString(),
    account_id: result.accountId,
    action: result.ok ? 'sign-in' : 'sign-in-failed',
    entity: 'account',
    entity_id: result.accountId,
    student_id: null,
    request_id: c.get('requestId'),
    detail_json: null,
  });
  if (!result.ok) return refuse(c, form.data.username);

  setSessionCookie(c, result.token);
  return c.redirect('/', 303);
}

function refuse(c: Context<AppEnv>, username: string): Response | Promise<Response> {
  issuePresessionCookie(c);
  const page = <SignInPage {...frameOf(c, 'Sign in')} error={SIGN_IN_FAILED} username={username} />;
  return renderPage(c, page, 401);
}

async function submitSignOut(c: Context<AppEnv>): Promise<Response> {
  const token = c.get('sessionToken');
  await audit(c, 'sign-out', 'account', c.get('viewer')?.accountId ?? null, null);
  if (token) await signOut(c.get('store').db, token);
  clearSessionCookie(c);
  return c.redirect('/sign-in', 303);
}

export const authRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/sign-in', access: { kind: 'public' }, handler: showSignIn },
  { method: 'post', path: '/sign-in', access: { kind: 'public' }, handler: submitSignIn },
  { method: 'post', path: '/sign-out', access: { kind: 'signed-in' }, handler: submitSignOut },
];
