/**
 * Changing, deleting and restoring evidence without losing anything: a change names the version
 * it started from (a stale one is a conflict), every change keeps the old and new value in
 * `change_history`, a delete can be undone until the district's retention period ends, and the
 * purge after it is recorded. Each step refreshes the student's mastery on that standard and
 * writes an audit row that names the record, never its values.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit.repository.js';
import {
  deleteRestorably,
  findRestorable,
  purgeExpired,
  restoreDeleted,
  type DeleteResult,
  type DeletedRecord,
} from '../store/deleted-records.repository.js';
import type { Database, Evidence } from '../store/schema.js';
import { securitySettingsFor } from '../store/settings.repository.js';
import {
  updateVersioned,
  type FieldValue,
  type VersionedResult,
} from '../store/versioned.repository.js';
import { refreshMastery } from './mastery.service.js';

type Db = Kysely<Database>;

/** Who acts, for history and audit rows. */
export interface Actor {
  readonly accountId: string;
  readonly requestId: string | null;
}

/** Saves changed fields of one piece of evidence from `expectedVersion`. */
export async function changeEvidence(
  db: Db,
  change: {
    readonly evidenceId: number;
    readonly expectedVersion: number;
    readonly fields: Readonly<Record<string, FieldValue>>;
  },
  actor: Actor,
  now: Date,
): Promise<VersionedResult<'evidence'>> {
  const result = await updateVersioned(db, {
    table: 'evidence',
    id: change.evidenceId,
    expectedVersion: change.expectedVersion,
    changes: change.fields,
    changedBy: actor.accountId,
    at: now.toISOString(),
  });
  if (!result.ok) return result;

  await refreshPair(db, result.row);
  await auditEvidence(db, actor, now, 'update', result.row, {
    fields: Object.keys(change.fields).join('.'),
    version: result.row.version,
  });
  return result;
}

/** Deletes evidence reversibly for the retention period of the student's school or district. */
export async function deleteEvidence(
  db: Db,
  evidence: Evidence,
  actor: Actor,
  now: Date,
): Promise<DeleteResult> {
  const days = await retentionDaysFor(db, evidence.student_id);
  const purgeAfter = new Date(now.getTime() + days * 86_400_000).toISOString();
  const result = await deleteRestorably(
    db,
    { table: 'evidence', id: evidence.id },
    { accountId: actor.accountId, at: now.toISOString(), purgeAfter },
  );
  if (!result.ok) return result;

  await refreshPair(db, evidence);
  await auditEvidence(db, actor, now, 'delete', evidence, { deletedId: result.deletedId });
  return result;
}

/** Restores deleted evidence while its retention period lasts. */
export async function restoreEvidence(
  db: Db,
  deletedId: number,
  actor: Actor,
  now: Date,
): Promise<DeleteResult> {
  const record = await findRestorable(db, deletedId);
  if (!record || record.entity !== 'evidence') return { ok: false, reason: 'not_found' };
  const result = await restoreDeleted(db, deletedId, {
    accountId: actor.accountId,
    at: now.toISOString(),
  });
  if (!result.ok) return result;

  const row = JSON.parse(record.row_json!) as Evidence;
  await refreshPair(db, row);
  await auditEvidence(db, actor, now, 'restore', row, { deletedId });
  return result;
}

/**
 * Purges every deleted record past its retention period and writes one audit row per purge
 * (by the system). Answers what was purged.
 */
export async function purgeExpiredRecords(db: Db, now: Date): Promise<DeletedRecord[]> {
  const purged = await purgeExpired(db, now.toISOString());
  for (const record of purged) {
    await appendAudit(db, {
      at: now.toISOString(),
      account_id: null,
      action: 'purge',
      entity: record.entity,
      entity_id: record.entity_id,
      student_id: record.student_id,
      request_id: null,
      detail_json: JSON.stringify({ deletedId: record.id }),
    });
  }
  return purged;
}

/** The retention period of the student's school, else district, else the default. */
async function retentionDaysFor(db: Db, studentId: string): Promise<number> {
  const place = await db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(['p.school_id as schoolId', 'o.parent_id as districtId'])
    .where('p.id', '=', studentId)
    .executeTakeFirst();
  const settings = await securitySettingsFor(db, [
    place?.schoolId ?? null,
    place?.districtId ?? null,
  ]);
  return settings.retentionDays;
}

async function refreshPair(
  db: Db,
  evidence: { readonly student_id: string; readonly standard_id: string },
): Promise<void> {
  await refreshMastery(db, [{ studentId: evidence.student_id, standardId: evidence.standard_id }]);
}

async function auditEvidence(
  db: Db,
  actor: Actor,
  now: Date,
  action: string,
  evidence: { readonly id: number; readonly student_id: string },
  detail: Readonly<Record<string, string | number>>,
): Promise<void> {
  await appendAudit(db, {
    at: now.toISOString(),
    account_id: actor.accountId,
    action,
    entity: 'evidence',
    entity_id: String(evidence.id),
    student_id: evidence.student_id,
    request_id: actor.requestId,
    detail_json: JSON.stringify(detail),
  });
}
