/**
 * What sign-in keeps in the database, so several servers behind a load balancer agree: failed
 * attempts for throttling, second-factor challenges waiting for a code, OpenID sign-ins under
 * way, and the links from an OpenID identity to an account. Keys and tokens are stored only
 * as SHA-256 hashes.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OidcRequestTable, SignInChallengeTable } from './schema.js';

type Db = Kysely<Database>;

/** Records one failed sign-in under a throttle key. */
export async function recordSignInFailure(db: Db, key: string, at: string): Promise<void> {
  await db.insertInto('sign_in_failures').values({ key, at }).execute();
}

/** How many failures a key has since `since` (an ISO instant). */
export async function countSignInFailures(db: Db, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets a key's failures (after a successful sign-in of that account). */
export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

/** Forgets failures older than `before`, so the table stays small. */
export async function pruneSignInFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
}

export type SignInChallenge = Selectable<SignInChallengeTable>;

/** Stores a challenge: the password matched, the second factor is awaited. */
export async function insertChallenge(
  db: Db,
  challenge: Insertable<SignInChallengeTable>,
): Promise<void> {
  await db.insertInto('sign_in_challenges').values(challenge).execute();
}

/** A challenge by id, or undefined. */
export async function findChallenge(db: Db, id: string): Promise<SignInChallenge | undefined> {
  return db.selectFrom('sign_in_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts one wrong code against a challenge; answers the new count. */
export async function countChallengeFailure(db: Db, id: string): Promise<number> {
  await db
    .updateTable('sign_in_challenges')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', id)
    .execute();
  return (await findChallenge(db, id))?.failures ?? 0;
}

/** Ends a challenge (answered, expired or given up). */
export async function deleteChallenge(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', id).execute();
}

/** Stores an OpenID sign-in under way. */
export async function insertOidcRequest(db: Db, request: OidcRequestTable): Promise<void> {
  await db.insertInto('oidc_requests').values(request).execute();
}

/** Takes an OpenID sign-in under way: reads and deletes it, so its state is used once. */
export async function takeOidcRequest(
  db: Db,
  id: string,
): Promise<Selectable<OidcRequestTable> | undefined> {
  const row = await db
    .selectFrom('oidc_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row) await db.deleteFrom('oidc_requests').where('id', '=', id).execute();
  return row;
}

/** The active account linked to an OpenID identity, or undefined. */
export async function findAccountByIdentity(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('account_identities as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select(['a.id', 'a.role', 'a.active'])
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
}

/** Links an OpenID identity to an account. */
export async function linkIdentity(
  db: Db,
  link: { issuer: string; subject: string; accountId: string; at: string },
): Promise<void> {
  await db
    .insertInto('account_identities')
    .values({
      issuer: link.issuer,
      subject: link.subject,
      account_id: link.accountId,
      linked_at: link.at,
    })
    .execute();
}
