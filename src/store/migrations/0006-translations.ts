/**
 * What family reports in several languages need beyond the IEP tables:
 * - `text_translations`: a translation of one stored text (a standard's family wording or an
 *   IEP goal's statement, area, ...) into one language, written by a person. A report shows it
 *   when present and otherwise shows the English text marked as English.
 * - `school_contacts`: how a family reaches a school (phone, email) and books a conference
 *   (a booking link), one row per school.
 */
import type { Kysely } from 'kysely';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `text_translations` and `school_contacts`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('text_translations')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('translated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_translations_pkey', ['entity', 'entity_id', 'field', 'lang'])
    .execute();

  await db.schema
    .createTable('school_contacts')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('conference_url', 'text')
    .execute();
}
