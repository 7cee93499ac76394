/**
 * The SQL behind the importers: batched upserts keyed on stable ids and source ids, evidence
 * written only where it is new or changed, and the links between Ed-Fi codes and CASE
 * standards. Every function runs inside the caller's transaction.
 */
import { sql, type AnyColumn, type Insertable, type Kysely } from 'kysely';
import type { CasePlan } from '../interop/case/case-plan.js';
import type { DistrictPlan, PlannedEvidence, PlannedTask } from '../interop/edfi/district-plan.js';
import { matchCommonCore } from '../interop/standard-codes.js';
import type { StudentStandard } from '../services/mastery.service.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;
type Table = keyof Database;

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

function chunksOf<T>(rows: readonly T[]): T[][] {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / columns)));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size));
  }
  return chunks;
}

/**
 * Inserts `rows`, or on a clash of `key` updates only the `owned` columns: the ones the import
 * is the source of. Other columns (a case manager, a family wording) keep what staff wrote.
 */
async function upsert<T extends Table>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  key: readonly AnyColumn<Database, T>[],
  owned: readonly string[],
): Promise<void> {
  const set = Object.fromEntries(owned.map((column) => [column, sql.ref(`excluded.${column}`)]));
  for (const chunk of chunksOf(rows)) {
    await db
      .insertInto(table)
      .values(chunk)
      .onConflict((conflict) => {
        const target = conflict.columns(key);
        return owned.length ? target.doUpdateSet(set as never) : target.doNothing();
      })
      .execute();
  }
}

/** How many rows of each kind an import wrote, and which mastery pairs it touched. */
export interface WriteResult {
  readonly evidenceAdded: number;
  readonly evidenceChanged: number;
  readonly changedPairs: readonly StudentStandard[];
}

/** Writes every row of a district plan; `now` stamps new tasks and evidence. */
export async function writeDistrict(db: Db, plan: DistrictPlan, now: string): Promise<WriteResult> {
  await upsert(db, 'organizations', plan.organizations, ['id'], ['name', 'kind', 'parent_id']);
  await upsert(db, 'people', plan.students, ['id'], ['given_name', 'family_name', 'school_id']);
  await upsert(
    db,
    'ieps',
    plan.ieps,
    ['id'],
    ['begin_date', 'end_date', 'review_date', 'setting', 'disability', 'service_hours_per_week'],
  );
  if (plan.framework) {
    await upsert(db, 'frameworks', [plan.framework], ['id'], ['title', 'creator', 'source_format']);
  }
  await upsertStandards(db, plan.standards);
  await upsert(
    db,
    'standard_alignments',
    plan.alignments,
    ['standard_id', 'aligned_standard_id'],
    ['kind'],
  );
  await upsert(
    db,
    'academic_sessions',
    plan.sessions,
    ['id'],
    ['org_id', 'name', 'kind', 'start_date', 'end_date'],
  );
  await upsert(
    db,
    'classes',
    plan.classes,
    ['id'],
    ['school_id', 'session_id', 'title', 'course_code', 'subject'],
  );
  await upsert(db, 'enrollments', plan.enrollments, ['class_id', 'student_id'], []);
  await upsertTasks(db, plan.tasks, now);
  await upsert(
    db,
    'task_scores',
    plan.taskScores,
    ['id'],
    ['task_id', 'student_id', 'score', 'max_score', 'level_label', 'status', 'late', 'observed_at'],
  );
  return writeEvidence(db, plan.evidence, now);
}

async function upsertStandards(
  db: Db,
  standards: readonly Insertable<Database['standards']>[],
): Promise<void> {
  await upsert(
    db,
    'standards',
    standards,
    ['id'],
    ['code', 'statement', 'parent_id', 'item_type', 'grade_levels', 'list_order'],
  );
}

async function upsertTasks(db: Db, tasks: readonly PlannedTask[], now: string): Promise<void> {
  const rows = tasks.map((task) => ({ ...task, created_at: now }));
  await upsert(db, 'tasks', rows, ['id'], ['class_id', 'title', 'kind', 'format', 'due_date']);
}

/** The columns of imported evidence that, when they differ, make a new version. */
const EVIDENCE_FIELDS = ['student_id', 'standard_id', 'task_id', 'score', 'observed_at'] as const;

/**
 * Adds evidence not seen before and updates evidence whose source changed (raising its
 * version); evidence that is the same is left alone, so a second import changes nothing.
 */
async function writeEvidence(
  db: Db,
  evidence: readonly PlannedEvidence[],
  now: string,
): Promise<WriteResult> {
  const existing = await existingEvidence(
    db,
    evidence.map((e) => e.source_id!),
  );
  const added: Insertable<Database['evidence']>[] = [];
  const changed: { id: number; row: PlannedEvidence }[] = [];

  for (const row of evidence) {
    const before = existing.get(row.source_id!);
    if (!before) added.push({ ...row, recorded_at: now });
    else if (EVIDENCE_FIELDS.some((field) => before[field] !== (row[field] ?? null)))
      changed.push({ id: before.id, row });
  }

  for (const chunk of chunksOf(added)) await db.insertInto('evidence').values(chunk).execute();
  for (const { id, row } of changed) {
    await db
      .updateTable('evidence')
      .set((eb) => ({ ...pick(row), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
  const pairs = [...added, ...changed.map((c) => c.row)].map((row) => ({
    studentId: row.student_id,
    standardId: row.standard_id,
  }));
  return {
    evidenceAdded: added.length,
    evidenceChanged: changed.length,
    changedPairs: uniquePairs(pairs),
  };
}

function pick(row: PlannedEvidence): Pick<PlannedEvidence, (typeof EVIDENCE_FIELDS)[number]> {
  const { student_id, standard_id, task_id, score, observed_at } = row;
  return { student_id, standard_id, task_id, score, observed_at };
}

type EvidenceKey = Pick<Database['evidence'], 'source_id' | (typeof EVIDENCE_FIELDS)[number]> & {
  id: number;
};

async function existingEvidence(
  db: Db,
  sourceIds: readonly string[],
): Promise<Map<string, EvidenceKey>> {
  const found = new Map<string, EvidenceKey>();
  for (const chunk of chunksOf(sourceIds.map((id) => ({ id })))) {
    const rows = await db
      .selectFrom('evidence')
      .select(['id', 'source_id', ...EVIDENCE_FIELDS])
      .where(
        'source_id',
        'in',
        chunk.map((c) => c.id),
      )
      .execute();
    for (const row of rows) found.set(row.source_id!, row);
  }
  return found;
}

function uniquePairs(pairs: readonly StudentStandard[]): StudentStandard[] {
  const seen = new Map(pairs.map((pair) => [`${pair.studentId}|${pair.standardId}`, pair]));
  return [...seen.values()];
}

/** Writes the framework, standards, alignments and pending associations of a CASE plan. */
export async function writeCase(db: Db, plan: CasePlan): Promise<void> {
  await upsert(
    db,
    'frameworks',
    [plan.framework],
    ['id'],
    ['title', 'creator', 'subject', 'version', 'source_format'],
  );
  await upsertStandards(db, plan.standards);
  await upsert(
    db,
    'standard_alignments',
    plan.alignments,
    ['standard_id', 'aligned_standard_id'],
    ['kind'],
  );
  await upsert(
    db,
    'pending_alignments',
    plan.pending,
    ['standard_id', 'target_identifier'],
    ['kind', 'target_uri'],
  );
}

/**
 * Links what can be linked now, whichever import came first: Ed-Fi Common Core codes to the
 * CASE standards with the same code ('exactMatch'), and pending CASE associations whose
 * destination has arrived. Answers how many alignments are new.
 */
export async function linkStandards(db: Db): Promise<number> {
  const before = await countAlignments(db);
  await linkCommonCore(db);
  await resolvePending(db);
  return (await countAlignments(db)) - before;
}

async function countAlignments(db: Db): Promise<number> {
  const row = await db
    .selectFrom('standard_alignments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function codedStandards(
  db: Db,
  format: string,
  prefix: string,
): Promise<{ id: string; code: string }[]> {
  const rows = await db
    .selectFrom('standards as s')
    .innerJoin('frameworks as f', 'f.id', 's.framework_id')
    .select(['s.id', 's.code'])
    .where('f.source_format', '=', format)
    .where('s.code', 'like', `${prefix}%`)
    .execute();
  return rows.flatMap((row) => (row.code ? [{ id: row.id, code: row.code }] : []));
}

async function linkCommonCore(db: Db): Promise<void> {
  const local = await codedStandards(db, 'edfi', 'CC.');
  const common = await codedStandards(db, 'case', 'CCSS.');
  const rows = matchCommonCore(local, common).map((match) => ({
    standard_id: match.standardId,
    aligned_standard_id: match.alignedStandardId,
    kind: 'exactMatch',
  }));
  await upsert(db, 'standard_alignments', rows, ['standard_id', 'aligned_standard_id'], []);
}

async function resolvePending(db: Db): Promise<void> {
  const arrived = await db
    .selectFrom('pending_alignments as p')
    .innerJoin('standards as s', 's.source_id', 'p.target_identifier')
    .select(['p.standard_id', 'p.target_identifier', 'p.kind', 's.id as aligned_standard_id'])
    .execute();
  const rows = arrived.map((row) => ({
    standard_id: row.standard_id,
    aligned_standard_id: row.aligned_standard_id,
    kind: row.kind,
  }));
  await upsert(db, 'standard_alignments', rows, ['standard_id', 'aligned_standard_id'], []);
  for (const row of arrived) {
    await db
      .deleteFrom('pending_alignments')
      .where('standard_id', '=', row.standard_id)
      .where('target_identifier', '=', row.target_identifier)
      .execute();
  }
}
