/**
 * The append-only audit log. Rows name who did what to which record; they never hold grade
 * values, free text or secrets.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';

export type AuditEntry = Omit<Insertable<AuditLogTable>, 'id'>;

/** Appends one audit row. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}
