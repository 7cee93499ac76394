/**
 * Saving a record that two people may edit at once, without losing either's work: every save
 * names the version it started from; a save from a stale version changes nothing and answers
 * the current row instead (the app shows it with a 409). Each accepted change bumps the
 * version and writes the old and the new value of the changed fields to `change_history`
 * (never to the audit log, which holds no grades or text).
 *
 * Example: two teachers open evidence 7 at version 1. The first saves score 3 (version 2);
 * the second saves score 2 "from version 1" and gets `{ ok: false, reason: 'conflict',
 * current: { ..., score: 3, version: 2 } }`.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ChangeHistoryTable, Database } from './schema.js';

/** Tables whose rows carry a `version` and keep their history through this helper. */
export type VersionedTable = 'evidence' | 'task_scores';

/** The fields a save may change, per table: ids, owners and versions never change. */
export const EDITABLE_FIELDS: { readonly [T in VersionedTable]: readonly string[] } = {
  evidence: [
    'score',
    'observed_at',
    'format',
    'strength',
    'next_step',
    'supports',
    'excluded',
    'exclusion_reason',
    'released',
    'task_id',
  ],
  task_scores: ['score', 'max_score', 'level_label', 'status', 'late', 'observed_at'],
};

/** A value a versioned field may take. */
export type FieldValue = string | number | null;

/** One save: which row, from which version, the new field values, and who saves when. */
export interface VersionedUpdate<T extends VersionedTable> {
  readonly table: T;
  /** The row's id: a number for evidence, text for task scores. */
  readonly id: number | string;
  readonly expectedVersion: number;
  readonly changes: Readonly<Record<string, FieldValue>>;
  /** The account saving. */
  readonly changedBy: string | null;
  /** When, as an ISO instant in UTC. */
  readonly at: string;
}

/** The outcome of a save. */
export type VersionedResult<T extends VersionedTable> =
  | { readonly ok: true; readonly row: Selectable<Database[T]> }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: Selectable<Database[T]> }
  | { readonly ok: false; readonly reason: 'not_found' };

type AnyRow = Record<string, unknown> & { version: number; student_id: string };

/**
 * Applies `update.changes` to the row when its version is still `update.expectedVersion`,
 * in one transaction with its history row. Throws for a field outside EDITABLE_FIELDS (a bug
 * in the caller, not bad input: callers validate input against their own schema first).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  update: VersionedUpdate<T>,
): Promise<VersionedResult<T>> {
  checkFields(update.table, update.changes);
  return db.transaction().execute(async (trx) => {
    const before = await readRow(trx, update.table, update.id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.version !== update.expectedVersion) return conflict(before);

    const version = before.version + 1;
    const changed = await trx
      .updateTable(update.table as 'evidence')
      .set({ ...update.changes, version } as never)
      .where('id', '=', update.id as number)
      .where('version', '=', update.expectedVersion)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0)
      return conflict((await readRow(trx, update.table, update.id))!);

    await appendChange(trx, {
      entity: update.table,
      entity_id: String(update.id),
      student_id: before.student_id,
      change: 'update',
      version,
      changed_by: update.changedBy,
      changed_at: update.at,
      ...oldAndNew(before, update.changes),
    });
    const row = (await readRow(trx, update.table, update.id))!;
    return { ok: true, row: row as unknown as Selectable<Database[T]> };
  });

  function conflict(current: AnyRow): VersionedResult<T> {
    return {
      ok: false,
      reason: 'conflict',
      current: current as unknown as Selectable<Database[T]>,
    };
  }
}

function checkFields(table: VersionedTable, changes: Readonly<Record<string, FieldValue>>): void {
  const unknown = Object.keys(changes).filter((key) => !EDITABLE_FIELDS[table].includes(key));
  if (unknown.length > 0) throw new Error(`${table}: not editable: ${unknown.join(', ')}`);
}

async function readRow(
  db: Kysely<Database>,
  table: VersionedTable,
  id: string | number,
): Promise<AnyRow | undefined> {
  const row = await db
    .selectFrom(table as 'evidence')
    .selectAll()
    .where('id', '=', id as number)
    .executeTakeFirst();
  return row;
}

/** The changed fields' values before and after, as JSON; unchanged fields are left out. */
function oldAndNew(
  before: AnyRow,
  changes: Readonly<Record<string, FieldValue>>,
): { old_json: string; new_json: string } {
  const keys = Object.keys(changes).filter((key) => before[key] !== changes[key]);
  return {
    old_json: JSON.stringify(Object.fromEntries(keys.map((key) => [key, before[key]]))),
    new_json: JSON.stringify(Object.fromEntries(keys.map((key) => [key, changes[key]]))),
  };
}

/** Appends one history row (the table refuses updates and deletes). */
export async function appendChange(
  db: Kysely<Database>,
  change: Omit<ChangeHistoryTable, 'id'>,
): Promise<void> {
  await db.insertInto('change_history').values(change).execute();
}

/** One entry of a record's history. */
export type ChangeEntry = Selectable<ChangeHistoryTable>;

/** A record's history, oldest first. */
export async function listChanges(
  db: Kysely<Database>,
  entity: string,
  entityId: string,
): Promise<ChangeEntry[]> {
  return db
    .selectFrom('change_history')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

/** Every history entry about one student, oldest first (for the records request package). */
export async function listChangesOfStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<ChangeEntry[]> {
  return db
    .selectFrom('change_history')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('id')
    .execute();
}
