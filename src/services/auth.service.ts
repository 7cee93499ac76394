/**
 * Password sign-in and server-side sessions. Passwords are hashed with argon2id; a session is
 * a random token in an HttpOnly cookie whose SHA-256 is the row id in `auth_sessions`, with an
 * idle timeout and an absolute lifetime. The CSRF token of a session is derived from its token,
 * so it needs no storage and changes with every new session.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import {
  deleteSession,
  findActiveAccountByUsername,
  findSessionWithAccount,
  insertSession,
  touchSession,
} from '../store/account.repository.js';
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

/** The outcome of a sign-in: a new session token, or a refusal that says nothing more. */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly accountId: string }
  | { readonly ok: false; readonly accountId: string | null };

/**
 * Checks a username and password and, when they match an active account, opens a session.
 * An unknown username still costs one hash verification, so timing does not tell whether
 * the account exists.
 */
export async function signIn(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
): Promise<SignInResult> {
  const account = await findActiveAccountByUsername(db, username.trim().toLowerCase());
  decoyHash ??= hash(randomBytes(16).toString('hex'));
  const matches = await verify(account?.password_hash ?? (await decoyHash), password).catch(
    () => false,
  );
  if (!account || !matches) return { ok: false, accountId: account?.id ?? null };

  const token = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: sessionIdOf(token),
    account_id: account.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS).toISOString(),
  });
  return { ok: true, token, accountId: account.id };
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
