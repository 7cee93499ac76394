/**
 * Families join by invitation. Staff who may see a student (an administrator, or a teacher or
 * case manager of that student) invite one guardian of that one student; the link carries a
 * random token that is stored only as its SHA-256, works once, and expires. Accepting it
 * creates the guardian's account with a checked password and links them to that child only.
 * An unknown, used, revoked or expired link all answer the same "not valid" page.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertAccount, usernameTaken } from '../store/account.repository.js';
import {
  findInvitationByTokenHash,
  insertInvitation,
  markInvitationAccepted,
} from '../store/invitation.repository.js';
import { insertRoster } from '../store/roster.repository.js';
import type { Database } from '../store/schema.js';
import { hashPassword } from './auth.service.js';
import { passwordProblem } from './password-policy.js';

type Db = Kysely<Database>;

/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 14;

/** Who is invited, for which student, by which account. */
export interface InvitationRequest {
  readonly studentId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly relation: string | null;
  readonly createdBy: string;
}

/** A new invitation: its id, the token for the link (shown once), and when it expires. */
export interface NewInvitation {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: string;
}

/** The stored form of an invitation token. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates an invitation; the caller has checked that the inviter may see the student. */
export async function createInvitation(
  db: Db,
  request: InvitationRequest,
  now: Date,
): Promise<NewInvitation> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 86_400_000).toISOString();
  await insertInvitation(db, {
    id,
    token_hash: tokenHashOf(token),
    student_id: request.studentId,
    guardian_id: null,
    given_name: request.givenName,
    family_name: request.familyName,
    relation: request.relation,
    created_by: request.createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { id, token, expiresAt };
}

/** An invitation that can still be accepted, as the acceptance page shows it. */
export interface OpenInvitation {
  readonly id: string;
  readonly studentId: string;
  readonly studentGivenName: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** The open invitation behind a token, or null (unknown, used, revoked and expired alike). */
export async function findOpenInvitation(
  db: Db,
  token: string,
  now: Date,
): Promise<OpenInvitation | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await findInvitationByTokenHash(db, tokenHashOf(token));
  if (!row || row.accepted_at || row.revoked_at) return null;
  if (now.getTime() >= Date.parse(row.expires_at)) return null;
  return {
    id: row.id,
    studentId: row.student_id,
    studentGivenName: row.studentGivenName,
    givenName: row.given_name,
    familyName: row.family_name,
  };
}

/** The outcome of accepting: the new account, or problems by form field. */
export type AcceptResult =
  | { readonly ok: true; readonly accountId: string; readonly studentId: string }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * Accepts an invitation: creates the guardian, the link to the one student, and the account,
 * in one transaction that also marks the invitation used (a second use finds it used).
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  choice: { readonly username: string; readonly password: string },
  now: Date,
): Promise<AcceptResult | null> {
  const invitation = await findOpenInvitation(db, token, now);
  if (!invitation) return null;

  const username = choice.username.trim().toLowerCase();
  const problem = passwordProblem(choice.password, username);
  if (problem) return { ok: false, errors: { password: problem } };
  if (await usernameTaken(db, username)) {
    return { ok: false, errors: { username: 'That username is taken. Choose another.' } };
  }

  const passwordHash = await hashPassword(choice.password);
  return db.transaction().execute(async (trx) => {
    const row = (await findInvitationByTokenHash(trx, tokenHashOf(token)))!;
    const guardianId = row.guardian_id ?? (await newGuardian(trx, row));
    const accountId = randomUUID();
    await insertAccount(trx, {
      id: accountId,
      person_id: guardianId,
      username,
      password_hash: passwordHash,
      role: 'guardian',
      org_id: null,
      created_at: now.toISOString(),
    });
    if (!(await markInvitationAccepted(trx, row.id, accountId, now.toISOString()))) {
      throw new Error('invitation used twice at once');
    }
    await insertRoster(trx, {
      guardianships: [
        { guardian_id: guardianId, student_id: row.student_id, relation: row.relation },
      ],
    });
    return { ok: true, accountId, studentId: row.student_id };
  });
}

async function newGuardian(
  db: Db,
  invitation: {
    readonly id: string;
    readonly given_name: string;
    readonly family_name: string;
    readonly studentSchoolId: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await insertRoster(db, {
    people: [
      {
        id,
        source_id: `INVITATION-${invitation.id}`,
        kind: 'guardian',
        given_name: invitation.given_name,
        family_name: invitation.family_name,
        school_id: invitation.studentSchoolId,
      },
    ],
  });
  return id;
}
