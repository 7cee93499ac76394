/**
 * Accounts and their server-side sessions. A session row is keyed by the SHA-256 of the
 * session token; the token itself lives only in the browser's cookie.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AccountTable, AuthSessionTable, Database } from './schema.js';

export type AuthSession = Selectable<AuthSessionTable>;

/** An active account with the given username, or undefined. */
export async function findActiveAccountByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<Selectable<AccountTable> | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Inserts one account (the password already hashed). */
export async function insertAccount(
  db: Kysely<Database>,
  account: Insertable<AccountTable>,
): Promise<void> {
  await db.insertInto('accounts').values(account).execute();
}

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, session: AuthSession): Promise<void> {
  await db.insertInto('auth_sessions').values(session).execute();
}

/** The session with this id together with its account, while the account is active. */
export async function findSessionWithAccount(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('auth_sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      's.id as sessionId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'a.id as accountId',
      'a.username',
      'a.role',
      'a.org_id as orgId',
      'a.person_id as personId',
      'p.given_name as givenName',
      'p.family_name as familyName',
    ])
    .where('s.id', '=', sessionId)
    .where('a.active', '=', 1)
    .executeTakeFirst();
}

/** Marks a session as used now. */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ last_seen_at: at })
    .where('id', '=', sessionId)
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of one account ("sign out everywhere", deactivation). */
export async function deleteSessionsOfAccount(
  db: Kysely<Database>,
  accountId: string,
): Promise<void> {
  await db.deleteFrom('auth_sessions').where('account_id', '=', accountId).execute();
}
