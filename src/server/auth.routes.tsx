/**
 * Sign-in and sign-out. A failed sign-in answers the same whether or not the account exists,
 * and so does a throttled one; a successful one always starts a new session, after the second
 * factor when the account has or needs one; sign-out deletes the session on the server. Staff
 * may instead sign in through the district's OpenID provider when one is set up.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { checkPassword, openSession, signOut } from '../services/auth.service.js';
import { beginOidcSignIn, finishOidcSignIn } from '../services/oidc.service.js';
import {
  beginEnrolment,
  confirmEnrolment,
  endChallenge,
  failChallenge,
  openChallenge,
  secondFactorNeed,
  startChallenge,
  verifySecondFactor,
} from '../services/second-factor.service.js';
import { findAccount } from '../store/account.repository.js';
import { appendAudit } from '../store/audit.repository.js';
import type { SignInChallenge } from '../store/sign-in.repository.js';
import { EnrolPage, RecoveryCodesPage, SecondFactorPage } from '../web/views/account.view.js';
import { SignInPage } from '../web/views/sign-in.view.js';
import { audit } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import {
  clearSessionCookie,
  issuePresessionCookie,
  overHttps,
  SESSION_COOKIE,
  setSessionCookie,
} from './middleware/session.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The one message for every failed sign-in. */
export const SIGN_IN_FAILED = 'That username and password do not match. Check both and try again.';

/** The one message for a throttled sign-in, known account or not. */
export const SIGN_IN_THROTTLED =
  'Too many sign-in attempts for this username or from this network. Wait 15 minutes and try again.';

const CHALLENGE_COOKIE = 'trellis_challenge';

const signInSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter your username').max(200),
  password: z.string().min(1, 'Enter your password').max(1000),
});

const codeSchema = z.strictObject({ code: z.string().trim().min(1, 'Enter the code').max(40) });

async function showSignIn(c: Context<AppEnv>): Promise<Response> {
  if (c.get('viewer')) return c.redirect('/', 303);
  issuePresessionCookie(c);
  return renderPage(c, <SignInPage {...frameOf(c, 'Sign in')} oidcLabel={oidcLabel(c)} />);
}

function oidcLabel(c: Context<AppEnv>): string | null {
  const oidc = c.get('oidc');
  return oidc ? (oidc.label ?? 'Sign in with your district account') : null;
}

async function submitSignIn(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c, signInSchema);
  if (!form.ok) return refuse(c, form.values.username ?? '', SIGN_IN_FAILED, 401);

  const db = c.get('store').db;
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await signOut(db, previous);

  const now = new Date();
  const attempt = { ...form.data, address: c.get('clientAddress') };
  const result = await checkPassword(db, attempt, now);
  const action = result.ok ? 'password-ok' : `sign-in-${result.reason}`;
  await auditSignIn(c, action, result.accountId);
  if (!result.ok) {
    const throttled = result.reason === 'throttled';
    const message = throttled ? SIGN_IN_THROTTLED : SIGN_IN_FAILED;
    return refuse(c, form.data.username, message, throttled ? 429 : 401);
  }

  if ((await secondFactorNeed(db, result.accountId)) === 'none') {
    await openSignedIn(c, result.accountId);
    return c.redirect('/', 303);
  }
  const token = await startChallenge(db, result.accountId, now);
  setCookie(c, CHALLENGE_COOKIE, token, {
    path: '/sign-in',
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps(c),
  });
  return c.redirect('/sign-in/second-factor', 303);
}

/** Opens a new session, writes the audit row, and sets the session cookie. */
async function openSignedIn(c: Context<AppEnv>, accountId: string): Promise<void> {
  const token = await openSession(c.get('store').db, accountId, new Date());
  await auditSignIn(c, 'sign-in', accountId);
  setSessionCookie(c, token);
  deleteCookie(c, CHALLENGE_COOKIE, { path: '/sign-in' });
}

async function auditSignIn(c: Context<AppEnv>, action: string, accountId: string | null) {
  await appendAudit(c.get('store').db, {
    at: new Date().toISOString(),
    account_id: accountId,
    action,
    entity: 'account',
    entity_id: accountId,
    student_id: null,
    request_id: c.get('requestId'),
    detail_json: null,
  });
}

function refuse(
  c: Context<AppEnv>,
  username: string,
  message: string,
  status: 401 | 429,
): Response | Promise<Response> {
  issuePresessionCookie(c);
  const page = (
    <SignInPage
      {...frameOf(c, 'Sign in')}
      error={message}
      username={username}
      oidcLabel={oidcLabel(c)}
    />
  );
  return renderPage(c, page, status);
}

async function challengeOf(c: Context<AppEnv>): Promise<SignInChallenge | null> {
  const token = getCookie(c, CHALLENGE_COOKIE);
  return token ? openChallenge(c.get('store').db, token, new Date()) : null;
}

async function showSecondFactor(c: Context<AppEnv>): Promise<Response> {
  const challenge = await challengeOf(c);
  if (!challenge) return c.redirect('/sign-in', 303);
  issuePresessionCookie(c);
  return renderCodeStep(c, challenge, undefined, 200);
}

async function renderCodeStep(
  c: Context<AppEnv>,
  challenge: SignInChallenge,
  error: string | undefined,
  status: 200 | 400,
): Promise<Response> {
  const db = c.get('store').db;
  const frame = frameOf(c, 'Enter your code');
  if ((await secondFactorNeed(db, challenge.account_id)) === 'verify') {
    return renderPage(c, <SecondFactorPage {...frame} error={error} />, status);
  }

  const account = (await findAccount(db, challenge.account_id))!;
  const enrolment = (await beginEnrolment(db, account, new Date()))!;
  const model = { ...enrolment, action: '/sign-in/second-factor', error };
  return renderPage(c, <EnrolPage {...frame} enrolment={model} />, status);
}

async function submitSecondFactor(c: Context<AppEnv>): Promise<Response> {
  const challenge = await challengeOf(c);
  if (!challenge) return c.redirect('/sign-in', 303);
  const form = await readForm(c, codeSchema);
  const code = form.ok ? form.data.code : '';

  const db = c.get('store').db;
  const now = new Date();
  if ((await secondFactorNeed(db, challenge.account_id)) === 'enrol') {
    const codes = await confirmEnrolment(db, challenge.account_id, code, now);
    if (!codes) return wrongCode(c, challenge);
    await endChallenge(db, challenge);
    await openSignedIn(c, challenge.account_id);
    const frame = frameOf(c, 'Your recovery codes');
    return renderPage(c, <RecoveryCodesPage {...frame} codes={codes} next="/" />);
  }

  const how = await verifySecondFactor(db, challenge.account_id, code, now);
  if (!how) return wrongCode(c, challenge);
  await endChallenge(db, challenge);
  await openSignedIn(c, challenge.account_id);
  return c.redirect('/', 303);
}

async function wrongCode(c: Context<AppEnv>, challenge: SignInChallenge): Promise<Response> {
  await auditSignIn(c, 'second-factor-failed', challenge.account_id);
  if (await failChallenge(c.get('store').db, challenge)) {
    deleteCookie(c, CHALLENGE_COOKIE, { path: '/sign-in' });
    return refuse(c, '', SIGN_IN_THROTTLED, 429);
  }
  return renderCodeStep(c, challenge, 'That code did not work. Try the newest code.', 400);
}

async function startOidc(c: Context<AppEnv>): Promise<Response> {
  const oidc = c.get('oidc');
  if (!oidc) throw new AppError('not_found');
  const url = await beginOidcSignIn(c.get('store').db, oidc, new Date());
  return c.redirect(url.href, 303);
}

async function oidcCallback(c: Context<AppEnv>): Promise<Response> {
  const oidc = c.get('oidc');
  if (!oidc) throw new AppError('not_found');
  const query = new URL(c.req.url).search;
  const result = await finishOidcSignIn(c.get('store').db, oidc, query, new Date());
  if (!result.ok) {
    await auditSignIn(c, `sign-in-oidc-${result.reason}`, null);
    const message = 'Sign-in through your district did not work. Try again or use a password.';
    return refuse(c, '', message, 401);
  }
  await openSignedIn(c, result.accountId);
  return c.redirect('/', 303);
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
  {
    method: 'get',
    path: '/sign-in/second-factor',
    access: { kind: 'public' },
    handler: showSecondFactor,
  },
  {
    method: 'post',
    path: '/sign-in/second-factor',
    access: { kind: 'public' },
    handler: submitSecondFactor,
  },
  { method: 'post', path: '/sign-in/oidc', access: { kind: 'public' }, handler: startOidc },
  {
    method: 'get',
    path: '/sign-in/oidc/callback',
    access: { kind: 'public' },
    handler: oidcCallback,
  },
  { method: 'post', path: '/sign-out', access: { kind: 'signed-in' }, handler: submitSignOut },
];
