/**
 * Invitations for guardians: one row per invitation, the token stored only as its SHA-256.
 * Accepting one links the guardian to that one student and marks the invitation used.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, InvitationTable } from './schema.js';

type Db = Kysely<Database>;

export type Invitation = Selectable<InvitationTable>;

/** Stores a new invitation. */
export async function insertInvitation(db: Db, row: Insertable<InvitationTable>): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** The invitation with this token hash, with the student's first name, or undefined. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('people as s', 's.id', 'i.student_id')
    .selectAll('i')
    .select(['s.given_name as studentGivenName', 's.school_id as studentSchoolId'])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Marks an invitation accepted, only if it is still open: answers false when someone used or
 * revoked it first (so a token works once even when two requests race).
 */
export async function markInvitationAccepted(
  db: Db,
  id: string,
  accountId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_account_id: accountId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes an open invitation; answers false when it was not open. */
export async function revokeInvitation(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The invitations for one student, newest first. */
export async function listInvitationsOfStudent(db: Db, studentId: string): Promise<Invitation[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** One invitation by id, or undefined. */
export async function findInvitation(db: Db, id: string): Promise<Invitation | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}
