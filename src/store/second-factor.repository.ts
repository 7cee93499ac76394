/**
 * TOTP secrets and recovery codes. A secret counts once a code from the person's app was
 * verified (`confirmed_at`); the last accepted time step is kept so no code works twice.
 * Recovery codes are stored as SHA-256 hashes and used once.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TotpCredentialTable } from './schema.js';

type Db = Kysely<Database>;

export type TotpCredential = Selectable<TotpCredentialTable>;

/** The account's TOTP credential (confirmed or not), or undefined. */
export async function findTotp(db: Db, accountId: string): Promise<TotpCredential | undefined> {
  return db
    .selectFrom('totp_credentials')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** Starts enrolment with a new secret, replacing an unconfirmed one. */
export async function saveUnconfirmedTotp(
  db: Db,
  accountId: string,
  secret: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('totp_credentials').where('account_id', '=', accountId).execute();
  await db
    .insertInto('totp_credentials')
    .values({ account_id: accountId, secret, created_at: at, confirmed_at: null })
    .execute();
}

/** Confirms the secret and records the time step of the code that confirmed it. */
export async function confirmTotp(
  db: Db,
  accountId: string,
  timeStep: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('totp_credentials')
    .set({ confirmed_at: at, last_time_step: timeStep })
    .where('account_id', '=', accountId)
    .execute();
}

/**
 * Records that a code of `timeStep` was used, only if it is newer than the last one: answers
 * false when the step was already used (a replayed code).
 */
export async function useTimeStep(db: Db, accountId: string, timeStep: number): Promise<boolean> {
  const result = await db
    .updateTable('totp_credentials')
    .set({ last_time_step: timeStep })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the account's recovery codes with new ones (already hashed). */
export async function replaceRecoveryCodes(
  db: Db,
  accountId: string,
  codeHashes: readonly string[],
  at: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at: at })))
    .execute();
}

/** Uses one recovery code; answers false when it is unknown or was used before. */
export async function useRecoveryCode(
  db: Db,
  accountId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many unused recovery codes the account has left. */
export async function countRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
