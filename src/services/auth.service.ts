/**
 * Password sign-in and server-side sessions. Passwords are hashed with argon2id; a session is
 * a random token in an HttpOnly cookie whose SHA-256 is the row id in `auth_sessions`, with an
 * idle timeout and an absolute lifetime. The CSRF token of a session is derived from its token,
 * so it needs no storage and changes with every new session.
 *
 * Failed sign-ins are counted in the database per name typed and per address (both hashed),
 * so every server behind a load balancer applies the same throttle, and an unknown name is
 * throttled exactly like a known one.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import {
  deleteSession,
  deleteSessionsOfAccount,
  findActiveAccountByUsername,
  findSessionWithAccount,
  insertSession,
  setAccountActive,
  touchSession,
} from '../store/account.repository.js';
import {
  clearSignInFailures,
  countSignInFailures,
  pruneSignInFailures,
  recordSignInFailure,
} from '../store/sign-in.repository.js';
import type { Database, Role } from '../store/schema.js';

/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 60 * 60 * 1000;

/** A session ends this long after sign-in, however active. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** `last_seen_at` is written at most this often, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The signed-in person making a request. */
export interface Viewer {
  readonly accountId: string;
  readonly sessionId: string;
  readonly username: string;
  readonly role: Role;
  /** The person record behind the account (staff, guardian or student). */
  readonly personId: string | null;
  /** For an administrator: the school or district administered; null means every one. */
  readonly orgId: string | null;
  readonly displayName: string;
}

/** Hashes a password with argon2id (the library's default algorithm, with its defaults). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoyHash: Promise<string> | undefined;

/** Failed sign-ins are counted over this window. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Failures per name typed within the window before sign-in is refused for that name. */
export const ACCOUNT_FAILURE_LIMIT = 5;

/** Failures per client address within the window before that address is refused. */
export const ADDRESS_FAILURE_LIMIT = 30;

/**
 * The outcome of checking a password: the account when it matched, `refused` (wrong name or
 * password, never saying which) or `throttled` (too many failures; no password was checked).
 */
export type PasswordCheck =
  | { readonly ok: true; readonly accountId: string; readonly role: Role }
  | {
      readonly ok: false;
      readonly reason: 'refused' | 'throttled';
      readonly accountId: string | null;
    };

/** The throttle keys of a sign-in: hashes of the lower-cased name typed and of the address. */
export function throttleKeys(username: string, address: string): readonly [string, string] {
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');
  return [`account:${digest(username.trim().toLowerCase())}`, `address:${digest(address)}`];
}

/**
 * Checks a username and password against the active accounts, under the throttle. An unknown
 * username still costs one hash verification, so timing does not tell whether it exists.
 */
export async function checkPassword(
  db: Kysely<Database>,
  attempt: { readonly username: string; readonly password: string; readonly address: string },
  now: Date,
): Promise<PasswordCheck> {
  const [accountKey, addressKey] = throttleKeys(attempt.username, attempt.address);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const account = await findActiveAccountByUsername(db, attempt.username.trim().toLowerCase());
  // Without a known address (no socket, as in app.request), only the name is throttled.
  const byAddress = attempt.address !== 'unknown';
  if (
    (await countSignInFailures(db, accountKey, since)) >= ACCOUNT_FAILURE_LIMIT ||
    (byAddress && (await countSignInFailures(db, addressKey, since)) >= ADDRESS_FAILURE_LIMIT)
  ) {
    return { ok: false, reason: 'throttled', accountId: account?.id ?? null };
  }

  decoyHash ??= hash(randomBytes(16).toString('hex'));
  const stored = account?.password_hash ?? (await decoyHash);
  const matches = await verify(stored, attempt.password).catch(() => false);
  if (!account || !matches) {
    await recordSignInFailure(db, accountKey, now.toISOString());
    if (byAddress) await recordSignInFailure(db, addressKey, now.toISOString());
    await pruneSignInFailures(db, new Date(now.getTime() - 24 * 3600 * 1000).toISOString());
    return { ok: false, reason: 'refused', accountId: account?.id ?? null };
  }

  await clearSignInFailures(db, accountKey);
  return { ok: true, accountId: account.id, role: account.role };
}

/** Opens a new session for an account; answers the token for the cookie. */
export async function openSession(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: sessionIdOf(token),
    account_id: accountId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS).toISOString(),
  });
  return token;
}

/** Ends every session of an account ("sign out everywhere"). */
export async function signOutEverywhere(db: Kysely<Database>, accountId: string): Promise<void> {
  await deleteSessionsOfAccount(db, accountId);
}

/**
 * Deactivates or reactivates an account. Deactivating ends its sessions in the same
 * transaction, so its next request is already signed out. Answers false for an unknown account.
 */
export async function setAccountActivity(
  db: Kysely<Database>,
  accountId: string,
  active: boolean,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await setAccountActive(trx, accountId, active ? 1 : 0);
    if (found && !active) await deleteSessionsOfAccount(trx, accountId);
    return found;
  });
}

/**
 * The viewer behind a session token, or null when the token is unknown, idle too long, past
 * its absolute lifetime, or its account is inactive. An expired session is deleted.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Viewer | null> {
  const sessionId = sessionIdOf(token);
  const row = await findSessionWithAccount(db, sessionId);
  if (!row) return null;

  const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
  if (idleSince > IDLE_TIMEOUT_MS || now.getTime() >= Date.parse(row.expiresAt)) {
    await deleteSession(db, sessionId);
    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) await touchSession(db, sessionId, now.toISOString());

  const name = [row.givenName, row.familyName].filter(Boolean).join(' ');
  return {
    accountId: row.accountId,
    sessionId,
    username: row.username,
    role: row.role,
    personId: row.personId,
    orgId: row.orgId,
    displayName: name || row.username,
  };
}

/** Ends the session behind a token on the server. */
export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, sessionIdOf(token));
}

/** The stored id of a session token: its SHA-256 in hex. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: HMAC-SHA256 keyed by the session token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('trellis csrf').digest('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
