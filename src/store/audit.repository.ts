/**
 * The append-only audit log. Rows name who did what to which record, when (UTC); they never
 * hold grade values, free text or secrets. This module offers appending and reading only, and
 * the database refuses UPDATE and DELETE on the table (triggers from migration 0007).
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';

export type AuditEntry = Omit<Insertable<AuditLogTable>, 'id'>;

/** One stored audit row with the account's username and role. */
export type AuditRow = Selectable<AuditLogTable> & {
  readonly username: string | null;
  readonly role: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
};

/**
 * Detail keys whose last word names a grade, free text or a secret ("score", "newValue",
 * "password"): refused in `detail_json`. Counts such as "task scores" are allowed.
 */
const FORBIDDEN_DETAIL_WORDS: ReadonlySet<string> = new Set([
  'score',
  'grade',
  'level',
  'value',
  'password',
  'secret',
  'token',
  'statement',
  'feedback',
  'note',
  'text',
  'name',
  'email',
]);

/** The last word of a key: "newScore" gives "score", "task scores" gives "scores". */
function lastWord(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
  return (words.filter(Boolean).at(-1) ?? '').toLowerCase();
}

/** Detail values are counts, flags, ids and codes: a string with a space is free text. */
const ALLOWED_DETAIL_STRING = /^[\w.:@/-]{0,120}$/;

/**
 * Appends one audit row. `detail_json` may hold only an object of counts, flags, ids and codes
 * under harmless keys; anything else is a bug in the caller and throws.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  if (entry.detail_json) checkDetail(entry.detail_json);
  await db.insertInto('audit_log').values(entry).execute();
}

function checkDetail(json: string): void {
  const detail = JSON.parse(json) as Record<string, unknown>;
  for (const [key, value] of Object.entries(detail)) {
    const harmless =
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null ||
      (typeof value === 'string' && ALLOWED_DETAIL_STRING.test(value));
    if (FORBIDDEN_DETAIL_WORDS.has(lastWord(key)) || !harmless) {
      throw new Error(`audit detail may not hold "${key}"`);
    }
  }
}

/** The audit rows about one student, newest first, optionally only some actions. */
export async function listAuditOfStudent(
  db: Kysely<Database>,
  studentId: string,
  actions?: readonly string[],
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log as l')
    .leftJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .selectAll('l')
    .select(['a.username', 'a.role', 'p.given_name as givenName', 'p.family_name as familyName'])
    .where('l.student_id', '=', studentId);
  if (actions) query = query.where('l.action', 'in', actions);
  return query.orderBy('l.id', 'desc').limit(1000).execute();
}

/** How many rows of `action` the account wrote since `since` (for rate limits). */
export async function countRecentAudit(
  db: Kysely<Database>,
  accountId: string,
  action: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('action', '=', action)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
