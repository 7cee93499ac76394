/**
 * The second factor: time-based one-time passwords (TOTP, RFC 6238: six digits from
 * HMAC-SHA1 of the 30-second time step, through otplib) and single-use recovery codes.
 *
 * Staff must use it when the district (or school) setting requires it; anyone may turn it on.
 * After the password matches, a short-lived challenge waits for the code; only then does a
 * session open. A code is accepted within one step either side of the server's clock and
 * never twice (the last accepted step is stored).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import { findAccount } from '../store/account.repository.js';
import {
  confirmTotp,
  countRecoveryCodes,
  findTotp,
  replaceRecoveryCodes,
  saveUnconfirmedTotp,
  useRecoveryCode,
  useTimeStep,
} from '../store/second-factor.repository.js';
import { securitySettingsFor } from '../store/settings.repository.js';
import {
  countChallengeFailure,
  deleteChallenge,
  findChallenge,
  insertChallenge,
  type SignInChallenge,
} from '../store/sign-in.repository.js';
import type { Database, Role } from '../store/schema.js';
import { sessionIdOf } from './auth.service.js';

type Db = Kysely<Database>;

/** How long a password-matched sign-in waits for its code. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

/** Wrong codes a challenge takes before it ends and the person starts again. */
export const CHALLENGE_FAILURE_LIMIT = 5;

/** How many recovery codes a person gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** The name authenticator apps show for the account. */
const ISSUER = 'Trellis';

/** What the account needs after its password matched. */
export type SecondFactorNeed = 'none' | 'verify' | 'enrol';

/** Roles that count as staff for the district's "staff must use a second factor" setting. */
const STAFF: readonly Role[] = ['admin', 'teacher', 'special_educator', 'related_service_provider'];

/**
 * `verify` when the account has a confirmed TOTP secret; `enrol` when it has none but is staff
 * in a district or school that requires one; else `none`.
 */
export async function secondFactorNeed(db: Db, accountId: string): Promise<SecondFactorNeed> {
  const totp = await findTotp(db, accountId);
  if (totp?.confirmed_at) return 'verify';

  const account = await findAccount(db, accountId);
  if (!account || !STAFF.includes(account.role)) return 'none';
  const orgs = [account.schoolId, account.districtId, account.orgId];
  const settings = await securitySettingsFor(db, orgs);
  return settings.requireStaffTotp ? 'enrol' : 'none';
}

/** Starts a challenge for an account whose password matched; answers its token. */
export async function startChallenge(db: Db, accountId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertChallenge(db, {
    id: sessionIdOf(token),
    account_id: accountId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS).toISOString(),
  });
  return token;
}

/** The open challenge behind a token, or null when unknown, expired or used up. */
export async function openChallenge(
  db: Db,
  token: string,
  now: Date,
): Promise<SignInChallenge | null> {
  const challenge = await findChallenge(db, sessionIdOf(token));
  if (!challenge) return null;
  const expired = now.getTime() >= Date.parse(challenge.expires_at);
  if (expired || challenge.failures >= CHALLENGE_FAILURE_LIMIT) {
    await deleteChallenge(db, challenge.id);
    return null;
  }
  return challenge;
}

/** Ends a challenge (after success, or when the person gives up). */
export async function endChallenge(db: Db, challenge: SignInChallenge): Promise<void> {
  await deleteChallenge(db, challenge.id);
}

/** Counts a wrong code; answers true when the challenge is now used up. */
export async function failChallenge(db: Db, challenge: SignInChallenge): Promise<boolean> {
  return (await countChallengeFailure(db, challenge.id)) >= CHALLENGE_FAILURE_LIMIT;
}

/** What a person needs to add Trellis to an authenticator app. */
export interface Enrolment {
  /** The secret in Base32, to type in by hand. */
  readonly secret: string;
  /** The otpauth:// URI the QR code holds. */
  readonly uri: string;
  /** The QR code as an SVG document. */
  readonly qrSvg: string;
}

/**
 * Starts (or restarts) enrolment: a new unconfirmed secret. An already confirmed secret is
 * kept: enrolment is then refused with null.
 */
export async function beginEnrolment(
  db: Db,
  account: { readonly id: string; readonly username: string },
  now: Date,
): Promise<Enrolment | null> {
  const existing = await findTotp(db, account.id);
  if (existing?.confirmed_at) return null;

  const secret = existing?.secret ?? generateSecret();
  if (!existing) await saveUnconfirmedTotp(db, account.id, secret, now.toISOString());
  return enrolmentOf(secret, account.username);
}

/** The enrolment details for a secret. */
export function enrolmentOf(secret: string, username: string): Enrolment {
  const uri = generateURI({ issuer: ISSUER, label: username, secret });
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/**
 * Confirms enrolment with a code from the app; answers the new recovery codes (shown once),
 * or null when the code is wrong.
 */
export async function confirmEnrolment(
  db: Db,
  accountId: string,
  code: string,
  now: Date,
): Promise<string[] | null> {
  const totp = await findTotp(db, accountId);
  if (!totp || totp.confirmed_at) return null;
  const step = await matchingStep(totp.secret, code, now);
  if (step === null) return null;

  await confirmTotp(db, accountId, step, now.toISOString());
  return newRecoveryCodes(db, accountId, now);
}

/** Replaces the account's recovery codes; answers the new codes in plain text, shown once. */
export async function newRecoveryCodes(db: Db, accountId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  await replaceRecoveryCodes(db, accountId, codes.map(hashCode), now.toISOString());
  return codes;
}

/**
 * Checks a code at sign-in: six digits from the app (each time step once), or an unused
 * recovery code. Answers how it matched, or null.
 */
export async function verifySecondFactor(
  db: Db,
  accountId: string,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery-code' | null> {
  const totp = await findTotp(db, accountId);
  if (!totp?.confirmed_at) return null;

  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = await matchingStep(totp.secret, compact, now);
    return step !== null && (await useTimeStep(db, accountId, step)) ? 'totp' : null;
  }
  const used = await useRecoveryCode(
    db,
    accountId,
    hashCode(normalizeRecovery(code)),
    now.toISOString(),
  );
  return used ? 'recovery-code' : null;
}

/** How many recovery codes the account has left. */
export function recoveryCodesLeft(db: Db, accountId: string): Promise<number> {
  return countRecoveryCodes(db, accountId);
}

/** The time step a code belongs to (within one step of `now`), or null when it matches none. */
async function matchingStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: 30 });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code such as "k7pq-m2xz-9hta": 12 characters from an alphabet without 0/o, 1/l/i. */
function recoveryCode(): string {
  const chars = Array.from(
    { length: 12 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  );
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function normalizeRecovery(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return [0, 4, 8].map((i) => plain.slice(i, i + 4)).join('-');
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
