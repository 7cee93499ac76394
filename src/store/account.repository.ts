/**
 * Accounts, their permissions and their server-side sessions. A session row is keyed by the SHA-256 of the
 * session token; the token itself lives only in the browser's cookie.
 */
import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Nullable,
  type Selectable,
} from 'kysely';
import type {
  AccountTable,
  AuthSessionTable,
  Database,
  Flag,
  OrganizationTable,
  Permission,
  PersonTable,
  Role,
} from './schema.js';

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

/** One line of the administrator's account list. */
export interface AccountSummary {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly active: boolean;
  readonly createdAt: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly schoolName: string | null;
}

/** The columns the account list may be sorted by (an allow-list: nothing else reaches SQL). */
export const ACCOUNT_SORTS = ['username', 'role', 'created', 'name'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const SORT_COLUMNS = {
  username: 'a.username',
  role: 'a.role',
  created: 'a.created_at',
  name: 'p.family_name',
} as const satisfies Record<AccountSort, string>;

/**
 * Accounts an administrator of `orgId` manages (every account when null): accounts of that
 * organization or of people at its schools; optionally one role, sorted by an allowed column.
 */
export async function listAccounts(
  db: Kysely<Database>,
  filter: { readonly orgId: string | null; readonly role?: Role; readonly sort?: AccountSort },
): Promise<AccountSummary[]> {
  let query = db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select([
      'a.id',
      'a.username',
      'a.role',
      'a.active',
      'a.created_at as createdAt',
      'p.given_name as givenName',
      'p.family_name as familyName',
      'o.name as schoolName',
    ]);
  if (filter.orgId !== null) query = query.where((eb) => inOrg(eb, filter.orgId!));
  if (filter.role) query = query.where('a.role', '=', filter.role);
  const rows = await query
    .orderBy(SORT_COLUMNS[filter.sort ?? 'username'])
    .orderBy('a.username')
    .execute();
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

function inOrg(
  eb: ExpressionBuilder<
    Database & { a: AccountTable; p: Nullable<PersonTable>; o: Nullable<OrganizationTable> },
    'a' | 'p' | 'o'
  >,
  orgId: string,
) {
  return eb.or([eb('a.org_id', '=', orgId), eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]);
}

/** One account by id, with the school or district it belongs to, or undefined. */
export async function findAccount(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select([
      'a.id',
      'a.username',
      'a.role',
      'a.active',
      'a.org_id as orgId',
      'a.person_id as personId',
      'p.school_id as schoolId',
      'p.email',
      'o.parent_id as districtId',
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

/** True when the account belongs to `orgId` (itself, one of its schools, or a school's person). */
export async function accountInOrg(
  db: Kysely<Database>,
  accountId: string,
  orgId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select('a.id')
    .where('a.id', '=', accountId)
    .where((eb) => inOrg(eb, orgId))
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets an account active or inactive; answers false when there is no such account. */
export async function setAccountActive(
  db: Kysely<Database>,
  accountId: string,
  active: Flag,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ active })
    .where('id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** True when an account with this username exists (active or not). */
export async function usernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/** The active staff account of the person with this e-mail address (any case), if exactly one. */
export async function findActiveStaffAccountByEmail(db: Kysely<Database>, email: string) {
  const rows = await db
    .selectFrom('accounts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id'])
    .where(sql<string>`lower(p.email)`, '=', email.toLowerCase())
    .where('p.kind', '=', 'staff')
    .where('a.active', '=', 1)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/** True when the account holds the permission. */
export async function hasPermission(
  db: Kysely<Database>,
  accountId: string,
  permission: Permission,
): Promise<boolean> {
  const row = await db
    .selectFrom('account_permissions')
    .select('account_id')
    .where('account_id', '=', accountId)
    .where('permission', '=', permission)
    .executeTakeFirst();
  return row !== undefined;
}

/** Grants a permission (again granting it changes nothing). */
export async function grantPermission(
  db: Kysely<Database>,
  grant: { accountId: string; permission: Permission; grantedBy: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('account_permissions')
    .values({
      account_id: grant.accountId,
      permission: grant.permission,
      granted_by: grant.grantedBy,
      granted_at: grant.at,
    })
    .onConflict((oc) => oc.columns(['account_id', 'permission']).doNothing())
    .execute();
}
