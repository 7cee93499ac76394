/**
 * A person's own account (sign out everywhere, the second factor, recovery codes) and the
 * administrator's accounts page (list, deactivate, reactivate, security settings). An
 * administrator acts only on accounts of their school or district; any other answers 404.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { setAccountActivity, signOutEverywhere } from '../services/auth.service.js';
import {
  beginEnrolment,
  confirmEnrolment,
  newRecoveryCodes,
  recoveryCodesLeft,
  secondFactorNeed,
} from '../services/second-factor.service.js';
import {
  ACCOUNT_SORTS,
  accountInOrg,
  findAccount,
  listAccounts,
} from '../store/account.repository.js';
import { findTotp } from '../store/second-factor.repository.js';
import { saveSecuritySettings, securitySettingsFor } from '../store/settings.repository.js';
import { AccountPage, EnrolPage, RecoveryCodesPage } from '../web/views/account.view.js';
import { AccountsPage } from '../web/views/accounts-admin.view.js';
import { audit, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { clearSessionCookie } from './middleware/session.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

const ROLES = [
  'admin',
  'teacher',
  'special_educator',
  'related_service_provider',
  'guardian',
  'student',
] as const;

/** The account list's query: role and sort come from allow-lists, anything else is refused. */
const listQuerySchema = z.strictObject({
  role: z.enum(ROLES).or(z.literal('')).optional(),
  sort: z.enum(ACCOUNT_SORTS).optional(),
  notice: z.enum(['deactivated', 'reactivated', 'saved']).optional(),
});

const NOTICES = {
  deactivated: 'The account was deactivated and its sessions ended.',
  reactivated: 'The account was reactivated.',
  saved: 'The security settings were saved.',
} as const;

const settingsSchema = z.strictObject({
  requireStaffTotp: z.literal('1').optional(),
  retentionDays: z.coerce.number().int().min(1, 'At least 1 day').max(3650, 'At most 3650 days'),
});

const codeSchema = z.strictObject({ code: z.string().trim().min(1, 'Enter the code').max(40) });

async function showAccount(c: Context<AppEnv>, notice?: string): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const totp = await findTotp(db, viewer.accountId);
  const page = (
    <AccountPage
      {...frameOf(c, 'My account')}
      totpOn={Boolean(totp?.confirmed_at)}
      recoveryLeft={await recoveryCodesLeft(db, viewer.accountId)}
      notice={notice}
    />
  );
  return renderPage(c, page);
}

async function submitSignOutEverywhere(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  await signOutEverywhere(c.get('store').db, viewer.accountId);
  await audit(c, 'sign-out-everywhere', 'account', viewer.accountId, null);
  clearSessionCookie(c);
  return c.redirect('/sign-in', 303);
}

async function startEnrolment(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const enrolment = await beginEnrolment(
    c.get('store').db,
    { id: viewer.accountId, username: viewer.username },
    new Date(),
  );
  if (!enrolment) return c.redirect('/account', 303);
  const model = { ...enrolment, action: '/account/second-factor/confirm' };
  return renderPage(c, <EnrolPage {...frameOf(c, 'Set up your app')} enrolment={model} />);
}

async function confirmAccountEnrolment(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const form = await readForm(c, codeSchema);
  const codes = form.ok
    ? await confirmEnrolment(db, viewer.accountId, form.data.code, new Date())
    : null;
  if (!codes) {
    const enrolment = await beginEnrolment(
      db,
      { id: viewer.accountId, username: viewer.username },
      new Date(),
    );
    if (!enrolment) return c.redirect('/account', 303);
    const model = {
      ...enrolment,
      action: '/account/second-factor/confirm',
      error: 'That code did not work. Try the newest code.',
    };
    return renderPage(c, <EnrolPage {...frameOf(c, 'Set up your app')} enrolment={model} />, 400);
  }
  await audit(c, 'second-factor-enrolled', 'account', viewer.accountId, null);
  const frame = frameOf(c, 'Your recovery codes');
  return renderPage(c, <RecoveryCodesPage {...frame} codes={codes} next="/account" />);
}

async function regenerateRecoveryCodes(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  if ((await secondFactorNeed(db, viewer.accountId)) !== 'verify') {
    throw new AppError('invalid_input', 'Set up an authenticator app first.');
  }
  const codes = await newRecoveryCodes(db, viewer.accountId, new Date());
  await audit(c, 'recovery-codes-replaced', 'account', viewer.accountId, null);
  const frame = frameOf(c, 'Your recovery codes');
  return renderPage(c, <RecoveryCodesPage {...frame} codes={codes} next="/account" />);
}

async function showAccounts(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const query = listQuerySchema.safeParse(c.req.query());
  if (!query.success) throw new AppError('invalid_input', 'Unknown role or sort order.');

  const db = c.get('store').db;
  const role = query.data.role || null;
  const sort = query.data.sort ?? 'username';
  const model = {
    accounts: await listAccounts(db, { orgId: viewer.orgId, role: role ?? undefined, sort }),
    role,
    sort,
    selfId: viewer.accountId,
    settings: await securitySettingsFor(db, [viewer.orgId]),
    notice: query.data.notice ? NOTICES[query.data.notice] : undefined,
  };
  return renderPage(c, <AccountsPage {...frameOf(c, 'Accounts')} model={model} />);
}

/** Deactivates or reactivates an account the administrator manages; 404 for any other. */
function changeActivity(active: boolean) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const viewer = requireViewer(c);
    const db = c.get('store').db;
    const accountId = c.req.param('accountId') ?? '';
    const managed = viewer.orgId === null || (await accountInOrg(db, accountId, viewer.orgId));
    if (!managed || !(await findAccount(db, accountId))) throw new AppError('not_found');
    if (accountId === viewer.accountId) {
      throw new AppError('invalid_input', 'You cannot deactivate your own account.');
    }

    await setAccountActivity(db, accountId, active);
    await audit(
      c,
      active ? 'account-reactivated' : 'account-deactivated',
      'account',
      accountId,
      null,
    );
    return c.redirect(`/admin/accounts?notice=${active ? 'reactivated' : 'deactivated'}`, 303);
  };
}

async function saveSettings(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const form = await readForm(c, settingsSchema);
  if (!form.ok) throw new AppError('invalid_input', Object.values(form.errors).join(' '));

  const settings = {
    requireStaffTotp: form.data.requireStaffTotp === '1',
    retentionDays: form.data.retentionDays,
  };
  const by = { accountId: viewer.accountId, at: new Date().toISOString() };
  await saveSecuritySettings(c.get('store').db, viewer.orgId ?? '*', settings, by);
  await audit(c, 'settings-changed', 'security-settings', viewer.orgId ?? '*', null);
  return c.redirect('/admin/accounts?notice=saved', 303);
}

const ADMIN = { kind: 'signed-in', roles: ['admin'] } as const;

export const accountRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/account',
    access: { kind: 'signed-in' },
    handler: (c) => showAccount(c),
  },
  {
    method: 'post',
    path: '/account/sign-out-everywhere',
    access: { kind: 'signed-in' },
    handler: submitSignOutEverywhere,
  },
  {
    method: 'post',
    path: '/account/second-factor',
    access: { kind: 'signed-in' },
    handler: startEnrolment,
  },
  {
    method: 'post',
    path: '/account/second-factor/confirm',
    access: { kind: 'signed-in' },
    handler: confirmAccountEnrolment,
  },
  {
    method: 'post',
    path: '/account/recovery-codes',
    access: { kind: 'signed-in' },
    handler: regenerateRecoveryCodes,
  },
  { method: 'get', path: '/admin/accounts', access: ADMIN, handler: showAccounts },
  {
    method: 'post',
    path: '/admin/accounts/:accountId/deactivate',
    access: ADMIN,
    handler: changeActivity(false),
  },
  {
    method: 'post',
    path: '/admin/accounts/:accountId/reactivate',
    access: ADMIN,
    handler: changeActivity(true),
  },
  { method: 'post', path: '/admin/security', access: ADMIN, handler: saveSettings },
];
