/**
 * Families join by invitation: staff who may see a student (an administrator, a teacher or case
 * manager of the student) create a single-use link for one guardian of that student; the
 * guardian opens it, chooses a username and a checked password, and is signed in, linked to
 * that child only. A link that cannot be used answers 404 whatever the reason.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { openSession } from '../services/auth.service.js';
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
} from '../services/invitation.service.js';
import { MAX_PASSWORD_LENGTH } from '../services/password-policy.js';
import { appendAudit } from '../store/audit.repository.js';
import { findStudent } from '../store/roster.repository.js';
import {
  AcceptInvitationPage,
  InvalidInvitationPage,
  InvitationCreatedPage,
  InviteFormPage,
} from '../web/views/invitation.view.js';
import { audit, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { issuePresessionCookie, setSessionCookie } from './middleware/session.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

const name = (label: string) =>
  z.string().trim().min(1, `Enter the ${label}`).max(100, `Keep the ${label} under 100 characters`);

/** The staff form: who is invited. */
export const inviteSchema = z.strictObject({
  givenName: name('given name'),
  familyName: name('family name'),
  relation: z
    .string()
    .trim()
    .max(60, 'Keep this under 60 characters')
    .transform((text) => (text === '' ? null : text))
    .optional()
    .default(''),
});

/** The family member's form: the sign-in they choose. */
export const acceptSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,60}$/, 'Use 3 to 60 letters, digits, dots, dashes or underscores'),
  password: z.string().max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
});

async function studentOf(c: Context<AppEnv>) {
  const studentId = c.req.param('studentId') ?? '';
  const student = await findStudent(c.get('store').db, studentId);
  if (!student) throw new AppError('not_found');
  return { studentId, studentName: `${student.givenName} ${student.familyName}` };
}

async function showInviteForm(c: Context<AppEnv>): Promise<Response> {
  const student = await studentOf(c);
  const frame = frameOf(c, 'Invite a family member');
  return renderPage(c, <InviteFormPage {...frame} {...student} values={{}} errors={{}} />);
}

async function submitInvite(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const student = await studentOf(c);
  const form = await readForm(c, inviteSchema);
  if (!form.ok) {
    const frame = frameOf(c, 'Invite a family member');
    const page = (
      <InviteFormPage {...frame} {...student} values={form.values} errors={form.errors} />
    );
    return renderPage(c, page, 400);
  }

  const request = {
    ...form.data,
    relation: form.data.relation ?? null,
    studentId: student.studentId,
  };
  const invitation = await createInvitation(
    c.get('store').db,
    { ...request, createdBy: viewer.accountId },
    new Date(),
  );
  await audit(c, 'create', 'invitation', invitation.id, student.studentId);

  const link = `${new URL(c.req.url).origin}/invitations/${invitation.token}`;
  const page = (
    <InvitationCreatedPage
      {...frameOf(c, 'Invitation ready')}
      {...student}
      inviteeName={`${form.data.givenName} ${form.data.familyName}`}
      link={link}
      expiresOn={invitation.expiresAt.slice(0, 10)}
    />
  );
  return renderPage(c, page);
}

async function showAcceptance(c: Context<AppEnv>): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const invitation = await findOpenInvitation(c.get('store').db, token, new Date());
  if (!invitation) return invalid(c);
  issuePresessionCookie(c);
  return renderAcceptance(c, token, invitation, {}, {}, 200);
}

function renderAcceptance(
  c: Context<AppEnv>,
  token: string,
  invitation: {
    readonly givenName: string;
    readonly familyName: string;
    readonly studentGivenName: string;
  },
  values: Readonly<Record<string, string>>,
  errors: Readonly<Record<string, string>>,
  status: 200 | 400,
): Response | Promise<Response> {
  const page = (
    <AcceptInvitationPage
      {...frameOf(c, 'Join Trellis')}
      token={token}
      inviteeName={`${invitation.givenName} ${invitation.familyName}`}
      studentGivenName={invitation.studentGivenName}
      values={values}
      errors={errors}
    />
  );
  return renderPage(c, page, status);
}

function invalid(c: Context<AppEnv>): Response | Promise<Response> {
  return renderPage(c, <InvalidInvitationPage {...frameOf(c, 'Invitation')} />, 404);
}

async function submitAcceptance(c: Context<AppEnv>): Promise<Response> {
  const db = c.get('store').db;
  const token = c.req.param('token') ?? '';
  const invitation = await findOpenInvitation(db, token, new Date());
  if (!invitation) return invalid(c);

  const form = await readForm(c, acceptSchema);
  const values = { username: form.ok ? form.data.username : (form.values.username ?? '') };
  if (!form.ok) return renderAcceptance(c, token, invitation, values, form.errors, 400);

  const result = await acceptInvitation(db, token, form.data, new Date());
  if (!result) return invalid(c);
  if (!result.ok) return renderAcceptance(c, token, invitation, values, result.errors, 400);

  const session = await openSession(db, result.accountId, new Date());
  setSessionCookie(c, session);
  await appendAudit(db, {
    at: new Date().toISOString(),
    account_id: result.accountId,
    action: 'invitation-accepted',
    entity: 'invitation',
    entity_id: invitation.id,
    student_id: result.studentId,
    request_id: c.get('requestId'),
    detail_json: null,
  });
  return c.redirect('/', 303);
}

const STAFF_OF_STUDENT = {
  kind: 'student',
  param: 'studentId',
  roles: ['admin', 'teacher', 'special_educator'],
} as const;

export const invitationRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/invitations/new',
    access: STAFF_OF_STUDENT,
    handler: showInviteForm,
  },
  {
    method: 'post',
    path: '/students/:studentId/invitations',
    access: STAFF_OF_STUDENT,
    handler: submitInvite,
  },
  {
    method: 'get',
    path: '/invitations/:token',
    access: { kind: 'public' },
    handler: showAcceptance,
  },
  {
    method: 'post',
    path: '/invitations/:token',
    access: { kind: 'public' },
    handler: submitAcceptance,
  },
];
