/**
 * The rule for new passwords (sign-up through an invitation, a password change): long enough,
 * not too long to hash, and not a common password, also not one dressed up with a few digits
 * or symbols around it ("Sunshine2024!" is "sunshine"). The list of common passwords is the
 * 49,233-entry "passwords-common" dictionary of the MIT-licensed @zxcvbn-ts/language-common
 * package (gathered by the zxcvbn-ts project from public breach corpora).
 */
import { dictionary } from '@zxcvbn-ts/language-common';

/** Fewest characters a new password may have. */
export const MIN_PASSWORD_LENGTH = 10;

/** Most characters a new password may have (argon2 hashes any length; forms stay bounded). */
export const MAX_PASSWORD_LENGTH = 200;

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * The core of a password without the digits and symbols people put around a word:
 * "!!Sunshine2024!" gives "sunshine"; "123456789012" gives "" (all digits).
 */
export function passwordCore(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[\d\W_]+/u, '')
    .replace(/[\d\W_]+$/u, '');
}

/**
 * What is wrong with a new password, as a message for the form, or null when it may be used.
 * `username` is refused inside the password too.
 */
export function passwordProblem(password: string, username = ''): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;

  const lower = password.toLowerCase();
  const core = passwordCore(password);
  const list = commonPasswords();
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || /^(.)\1+$/u.test(password)) {
    return 'That password is on a list of common passwords. Choose another.';
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return 'Do not use your username in the password.';
  return null;
}
