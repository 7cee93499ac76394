/**
 * Reversible deletes. Deleting a row moves a copy of it into `deleted_records` with the day it
 * may be purged (the district's retention period after the delete); until then it can be put
 * back exactly as it was. A purge empties the copy and keeps the fact of the delete. Each step
 * writes a `change_history` row (the purge without any value).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, DeletedRecordTable } from './schema.js';
import { appendChange, type VersionedTable } from './versioned.repository.js';

/** Tables whose rows may be deleted reversibly. */
export type DeletableTable = VersionedTable;

export type DeletedRecord = Selectable<DeletedRecordTable>;

/** The outcome of a delete or a restore. */
export type DeleteResult =
  | { readonly ok: true; readonly deletedId: number; readonly studentId: string }
  | { readonly ok: false; readonly reason: 'not_found' | 'in_use' };

type AnyRow = Record<string, unknown> & {
  id: string | number;
  student_id: string;
  version: number;
};

/** Which rows refer to a row of the table, so deleting it would leave them dangling. */
const REFERENCES: { readonly [T in DeletableTable]: ReadonlyArray<readonly [string, string]> } = {
  evidence: [
    ['evidence', 'revises_id'],
    ['task_attempt_scores', 'evidence_id'],
  ],
  task_scores: [],
};

/**
 * Deletes one row reversibly: `purgeAfter` is when it may be purged (ISO instant). Refuses
 * with `in_use` while another row refers to it (a revision, a task attempt).
 */
export async function deleteRestorably(
  db: Kysely<Database>,
  target: { readonly table: DeletableTable; readonly id: string | number },
  by: { readonly accountId: string | null; readonly at: string; readonly purgeAfter: string },
): Promise<DeleteResult> {
  return db.transaction().execute(async (trx) => {
    const row = await readRow(trx, target.table, target.id);
    if (!row) return { ok: false, reason: 'not_found' } as const;
    if (await isReferenced(trx, target.table, target.id)) return { ok: false, reason: 'in_use' };

    const inserted = await trx
      .insertInto('deleted_records')
      .values({
        entity: target.table,
        entity_id: String(target.id),
        student_id: row.student_id,
        row_json: JSON.stringify(row),
        deleted_by: by.accountId,
        deleted_at: by.at,
        purge_after: by.purgeAfter,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .deleteFrom(target.table as 'evidence')
      .where('id', '=', target.id as number)
      .execute();
    await recordChange(trx, target.table, row, 'delete', by.accountId, by.at);
    return { ok: true, deletedId: inserted.id, studentId: row.student_id };
  });
}

/** Puts a deleted row back as it was, unless it was restored or purged already. */
export async function restoreDeleted(
  db: Kysely<Database>,
  deletedId: number,
  by: { readonly accountId: string | null; readonly at: string },
): Promise<DeleteResult> {
  return db.transaction().execute(async (trx) => {
    const record = await findRestorable(trx, deletedId);
    if (!record?.row_json) return { ok: false, reason: 'not_found' } as const;

    const row = JSON.parse(record.row_json) as AnyRow;
    const table = record.entity as DeletableTable;
    await trx
      .insertInto(table as 'evidence')
      .values(row as never)
      .execute();
    await trx
      .updateTable('deleted_records')
      .set({ restored_at: by.at, restored_by: by.accountId })
      .where('id', '=', deletedId)
      .execute();
    await recordChange(trx, table, row, 'restore', by.accountId, by.at);
    return { ok: true, deletedId, studentId: row.student_id };
  });
}

/** A deleted record still waiting (neither restored nor purged), or undefined. */
export async function findRestorable(
  db: Kysely<Database>,
  deletedId: number,
): Promise<DeletedRecord | undefined> {
  return db
    .selectFrom('deleted_records')
    .selectAll()
    .where('id', '=', deletedId)
    .where('restored_at', 'is', null)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Purges every deleted record whose retention ran out by `at`: the copy is emptied, the fact
 * of the delete and the purge are kept. Answers the purged records as they were listed.
 */
export async function purgeExpired(db: Kysely<Database>, at: string): Promise<DeletedRecord[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('deleted_records')
      .selectAll()
      .where('purge_after', '<=', at)
      .where('restored_at', 'is', null)
      .where('purged_at', 'is', null)
      .execute();
    if (due.length === 0) return [];

    await trx
      .updateTable('deleted_records')
      .set({ row_json: null, purged_at: at })
      .where(
        'id',
        'in',
        due.map((record) => record.id),
      )
      .execute();
    for (const record of due) {
      await appendChange(trx, {
        entity: record.entity,
        entity_id: record.entity_id,
        student_id: record.student_id,
        change: 'purge',
        version: 0,
        changed_by: null,
        changed_at: at,
        old_json: null,
        new_json: null,
      });
    }
    return due;
  });
}

/** Deleted records about one student, newest first (restorable ones carry their copy). */
export async function listDeletedOfStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<DeletedRecord[]> {
  return db
    .selectFrom('deleted_records')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('id', 'desc')
    .execute();
}

async function readRow(
  db: Kysely<Database>,
  table: DeletableTable,
  id: string | number,
): Promise<AnyRow | undefined> {
  const row = await db
    .selectFrom(table as 'evidence')
    .selectAll()
    .where('id', '=', id as number)
    .executeTakeFirst();
  return row;
}

async function isReferenced(
  db: Kysely<Database>,
  table: DeletableTable,
  id: string | number,
): Promise<boolean> {
  for (const [refTable, column] of REFERENCES[table]) {
    const row = await db
      .selectFrom(refTable as 'evidence')
      .select(column as 'id')
      .where(column as 'id', '=', id as number)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

async function recordChange(
  db: Kysely<Database>,
  table: DeletableTable,
  row: AnyRow,
  change: 'delete' | 'restore',
  by: string | null,
  at: string,
): Promise<void> {
  await appendChange(db, {
    entity: table,
    entity_id: String(row.id),
    student_id: row.student_id,
    change,
    version: row.version,
    changed_by: by,
    changed_at: at,
    old_json: change === 'delete' ? JSON.stringify(row) : null,
    new_json: change === 'restore' ? JSON.stringify(row) : null,
  });
}
