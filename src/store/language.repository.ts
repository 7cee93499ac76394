/** A person's preferred language (people.preferred_language), read and changed. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The stored preference of a person ("es", "es-MX", "Spanish"...), or null without one. */
export async function findPreferredLanguage(
  db: Kysely<Database>,
  personId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('preferred_language')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.preferred_language ?? null;
}

/** Stores a person's preferred language; false when there is no such person. */
export async function savePreferredLanguage(
  db: Kysely<Database>,
  personId: string,
  lang: string,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ preferred_language: lang })
    .where('id', '=', personId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
