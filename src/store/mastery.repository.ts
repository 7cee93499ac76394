/**
 * The SQL behind the mastery engine: evidence, scopes, scales and policies for many
 * student-standard pairs at once (a few queries per 500 pairs, never one per pair), stored
 * results, overrides and school settings.
 */
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import {
  DEFAULT_SCALE,
  type ProficiencyScale,
  type ScaleLevel,
  type Scoped,
} from '../domain/scale.js';
import type { ScopedPolicy } from '../domain/mastery/policy.js';
import { policyId } from '../domain/mastery/policy.js';
import { MASTERY_METHODS, type MasteryMethod } from '../domain/mastery/types.js';
import type { Database, Flag, ScaleLevelTable } from './schema.js';

type Db = Kysely<Database>;

/** One student and one standard. */
export interface PairKey {
  readonly studentId: string;
  readonly standardId: string;
}

/** A piece of evidence with the class of its task. */
export interface EvidenceRecord extends PairKey {
  readonly id: number;
  readonly score: number | null;
  readonly observedAt: string | null;
  readonly recordedAt: string;
  readonly taskId: string | null;
  readonly revisesId: number | null;
  readonly excluded: boolean;
  readonly exclusionReason: string | null;
  readonly classId: string | null;
}

/** A stored scale with the scope it is set for. */
export type StoredScale = ProficiencyScale & Scoped;

/** A stored mastery result. */
export interface StoredResult extends PairKey {
  readonly method: string;
  readonly param: number | null;
  readonly score: number | null;
  readonly levelValue: number | null;
  readonly evidenceCount: number;
  readonly scaleId: string | null;
  readonly mastered: Flag;
  readonly computedAt: string;
}

/** A stored override. */
export interface StoredOverride extends PairKey {
  readonly id: string;
  readonly levelValue: number;
  readonly reason: string;
  readonly setBy: string | null;
  readonly setAt: string;
  readonly basisEvidenceId: number | null;
  readonly clearedAt: string | null;
}

/** How many ids one IN list carries; well under both databases' parameter limits. */
export const CHUNK = 500;

/** Splits a list into chunks of at most `size`. */
export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** The key of a pair in maps: "student|standard". */
export function pairKey(pair: PairKey): string {
  return `${pair.studentId}|${pair.standardId}`;
}

/** Every pair with evidence (optionally limited to a scope's rows by the caller). */
export async function listEvidencePairs(db: Db): Promise<PairKey[]> {
  return db
    .selectFrom('evidence')
    .select(['student_id as studentId', 'standard_id as standardId'])
    .distinct()
    .execute();
}

/** Which pairs with evidence a scope covers. */
export type PairScope = {
  readonly kind: 'student' | 'standard' | 'framework' | 'school' | 'course';
  readonly id: string;
};

/**
 * The pairs with evidence in a scope: one student's, one standard's, one framework's, one
 * school's students', or one class's (its enrolled students and its tasks).
 */
export async function listPairsInScope(db: Db, scope: PairScope): Promise<PairKey[]> {
  const base = db
    .selectFrom('evidence as e')
    .select(['e.student_id as studentId', 'e.standard_id as standardId'])
    .distinct();
  switch (scope.kind) {
    case 'student':
      return base.where('e.student_id', '=', scope.id).execute();
    case 'standard':
      return base.where('e.standard_id', '=', scope.id).execute();
    case 'framework':
      return base
        .where('e.standard_id', 'in', (eb) =>
          eb.selectFrom('standards as s').select('s.id').where('s.framework_id', '=', scope.id),
        )
        .execute();
    case 'school':
      return base
        .where('e.student_id', 'in', (eb) =>
          eb.selectFrom('people as p').select('p.id').where('p.school_id', '=', scope.id),
        )
        .execute();
    case 'course':
      return base
        .where((eb) =>
          eb.or([
            eb('e.student_id', 'in', classStudents(eb, scope.id)),
            eb('e.task_id', 'in', classTasks(eb, scope.id)),
          ]),
        )
        .execute();
  }
}

type EvidenceScope = ExpressionBuilder<Database & { e: Database['evidence'] }, 'e'>;

function classStudents(eb: EvidenceScope, classId: string) {
  return eb
    .selectFrom('enrollments as en')
    .select('en.student_id')
    .where('en.class_id', '=', classId);
}

function classTasks(eb: EvidenceScope, classId: string) {
  return eb.selectFrom('tasks as t').select('t.id').where('t.class_id', '=', classId);
}

/** Stores a scale with its levels for a scope, replacing the levels of a scale with its id. */
export async function saveScale(db: Db, scale: StoredScale): Promise<void> {
  await db
    .insertInto('proficiency_scales')
    .values({
      id: scale.id,
      name: scale.name,
      scope_kind: storedScopeKind(scale),
      scope_id: scale.scopeId,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: scale.name,
        scope_kind: storedScopeKind(scale),
        scope_id: scale.scopeId,
      }),
    )
    .execute();
  await db.deleteFrom('scale_levels').where('scale_id', '=', scale.id).execute();
  await db
    .insertInto('scale_levels')
    .values(scale.levels.map((level) => levelRow(scale.id, level)))
    .execute();
}

function storedScopeKind(scale: StoredScale): 'district' | 'school' | 'course' | 'framework' {
  if (scale.scopeKind === 'standard')
    throw new Error('a scale is set for a framework, not a standard');
  return scale.scopeKind;
}

/** The evidence of the given pairs, with each task's class. */
export async function loadEvidenceForPairs(
  db: Db,
  pairs: readonly PairKey[],
): Promise<EvidenceRecord[]> {
  const wanted = new Set(pairs.map(pairKey));
  const { students, standards } = idsOf(pairs);
  if (students.length === 0) return [];

  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .select([
      'e.id',
      'e.student_id as studentId',
      'e.standard_id as standardId',
      'e.score',
      'e.observed_at as observedAt',
      'e.recorded_at as recordedAt',
      'e.task_id as taskId',
      'e.revises_id as revisesId',
      'e.excluded',
      'e.exclusion_reason as exclusionReason',
      't.class_id as classId',
    ])
    .where('e.student_id', 'in', students)
    .where('e.standard_id', 'in', standards)
    .orderBy('e.id')
    .execute();
  return rows
    .filter((row) => wanted.has(pairKey(row)))
    .map((row) => ({ ...row, id: Number(row.id), excluded: Number(row.excluded) === 1 }));
}

/** The framework of each standard. */
export async function loadFrameworkIds(
  db: Db,
  standardIds: readonly string[],
): Promise<Map<string, string>> {
  if (standardIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('standards')
    .select(['id', 'framework_id'])
    .where('id', 'in', standardIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.framework_id]));
}

/** The school of each student. */
export async function loadSchoolIds(
  db: Db,
  studentIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'school_id'])
    .where('id', 'in', studentIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.school_id]));
}

/** For each pair, the classes the student is enrolled in that work on the standard. */
export async function loadEnrolledCourses(
  db: Db,
  pairs: readonly PairKey[],
): Promise<Map<string, string[]>> {
  const { students, standards } = idsOf(pairs);
  if (students.length === 0) return new Map();

  const rows = await db
    .selectFrom('enrollments as en')
    .innerJoin('class_standards as cs', 'cs.class_id', 'en.class_id')
    .select([
      'en.student_id as studentId',
      'cs.standard_id as standardId',
      'en.class_id as classId',
    ])
    .where('en.student_id', 'in', students)
    .where('cs.standard_id', 'in', standards)
    .orderBy('en.class_id')
    .execute();
  const courses = new Map<string, string[]>();
  for (const row of rows) {
    const key = pairKey(row);
    courses.set(key, [...(courses.get(key) ?? []), row.classId]);
  }
  return courses;
}

/** Every stored scale with its levels, lowest first. */
export async function loadScales(db: Db): Promise<StoredScale[]> {
  const rows = await db
    .selectFrom('proficiency_scales as s')
    .innerJoin('scale_levels as l', 'l.scale_id', 's.id')
    .select([
      's.id',
      's.name',
      's.scope_kind as scopeKind',
      's.scope_id as scopeId',
      'l.value',
      'l.label',
      'l.descriptor',
      'l.color',
      'l.student_wording as studentWording',
      'l.family_wording as familyWording',
      'l.is_mastery as isMastery',
    ])
    .orderBy('s.id')
    .orderBy('l.value')
    .execute();

  const scales = new Map<string, StoredScale & { levels: ScaleLevel[] }>();
  for (const row of rows) {
    const scale = scales.get(row.id) ?? { ...pickScale(row), levels: [] };
    scale.levels.push({ ...pickLevel(row), value: Number(row.value) });
    scales.set(row.id, scale);
  }
  return [...scales.values()];
}

/** Stores DEFAULT_SCALE as the district scale when no scale exists; returns whether it did. */
export async function ensureDefaultScale(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('proficiency_scales').select('id').limit(1).execute();
  if (existing.length > 0) return false;

  await db
    .insertInto('proficiency_scales')
    .values({
      id: DEFAULT_SCALE.id,
      name: DEFAULT_SCALE.name,
      scope_kind: 'district',
      scope_id: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('scale_levels')
    .values(DEFAULT_SCALE.levels.map((level) => levelRow(DEFAULT_SCALE.id, level)))
    .onConflict((oc) => oc.columns(['scale_id', 'value']).doNothing())
    .execute();
  return true;
}

/** Every stored calculation policy. */
export async function loadPolicies(db: Db): Promise<ScopedPolicy[]> {
  const rows = await db.selectFrom('calculation_policies').selectAll().orderBy('id').execute();
  return rows.map((row) => ({
    scopeKind: row.scope_kind,
    scopeId: row.scope_id,
    method: asMethod(row.method),
    param: row.param === null ? null : Number(row.param),
    minEvidence: Number(row.min_evidence),
  }));
}

/** Stores (or replaces) the policy of one scope. */
export async function savePolicy(
  db: Db,
  policy: ScopedPolicy,
  by: string | null,
  at: string,
): Promise<void> {
  const row = {
    id: policyId(policy),
    scope_kind: policy.scopeKind,
    scope_id: policy.scopeId,
    method: policy.method,
    param: policy.param,
    min_evidence: policy.minEvidence,
    updated_at: at,
    updated_by: by,
  };
  await db
    .insertInto('calculation_policies')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        method: row.method,
        param: row.param,
        min_evidence: row.min_evidence,
        updated_at: at,
        updated_by: by,
      }),
    )
    .execute();
}

/** The stored results of the given pairs. */
export async function loadResults(db: Db, pairs: readonly PairKey[]): Promise<StoredResult[]> {
  const wanted = new Set(pairs.map(pairKey));
  const { students, standards } = idsOf(pairs);
  if (students.length === 0) return [];

  const rows = await resultQuery(db)
    .where('student_id', 'in', students)
    .where('standard_id', 'in', standards)
    .execute();
  return rows.map(toStoredResult).filter((row) => wanted.has(pairKey(row)));
}

/** Every stored result, by student and standard. */
export async function loadAllResults(db: Db): Promise<StoredResult[]> {
  const rows = await resultQuery(db).orderBy('student_id').orderBy('standard_id').execute();
  return rows.map(toStoredResult);
}

/** Inserts or replaces results, a few hundred rows per statement. */
export async function upsertResults(db: Db, results: readonly StoredResult[]): Promise<void> {
  for (const chunk of chunked(results, 200)) {
    await db
      .insertInto('mastery_results')
      .values(chunk.map(resultRow))
      .onConflict((oc) =>
        oc.columns(['student_id', 'standard_id']).doUpdateSet((eb) => ({
          method: eb.ref('excluded.method'),
          param: eb.ref('excluded.param'),
          score: eb.ref('excluded.score'),
          level_value: eb.ref('excluded.level_value'),
          evidence_count: eb.ref('excluded.evidence_count'),
          computed_at: eb.ref('excluded.computed_at'),
          scale_id: eb.ref('excluded.scale_id'),
          mastered: eb.ref('excluded.mastered'),
        })),
      )
      .execute();
  }
}

/** Deletes the results of pairs that no longer have evidence, a few hundred per statement. */
export async function deleteResults(db: Db, pairs: readonly PairKey[]): Promise<void> {
  for (const chunk of chunked(pairs, 200)) {
    await db
      .deleteFrom('mastery_results')
      .where((eb) =>
        eb.or(
          chunk.map((pair) =>
            eb.and([
              eb('student_id', '=', pair.studentId),
              eb('standard_id', '=', pair.standardId),
            ]),
          ),
        ),
      )
      .execute();
  }
}

/** The newest evidence id of a pair, or null. */
export async function newestEvidenceIdOf(db: Db, pair: PairKey): Promise<number | null> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.max('id').as('newest'))
    .where('student_id', '=', pair.studentId)
    .where('standard_id', '=', pair.standardId)
    .executeTakeFirst();
  return row?.newest === null || row?.newest === undefined ? null : Number(row.newest);
}

/** Stores a new override, clearing any current one for the pair first. */
export async function insertOverride(
  db: Db,
  override: Omit<StoredOverride, 'clearedAt'>,
): Promise<void> {
  await clearOverrides(db, override, override.setBy, override.setAt);
  await db
    .insertInto('mastery_overrides')
    .values({
      id: override.id,
      student_id: override.studentId,
      standard_id: override.standardId,
      level_value: override.levelValue,
      reason: override.reason,
      set_by: override.setBy,
      set_at: override.setAt,
      basis_evidence_id: override.basisEvidenceId,
    })
    .execute();
}

/** Marks a pair's current override cleared; returns how many it cleared (0 or 1). */
export async function clearOverrides(
  db: Db,
  pair: PairKey,
  by: string | null,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('mastery_overrides')
    .set({ cleared_at: at, cleared_by: by })
    .where('student_id', '=', pair.studentId)
    .where('standard_id', '=', pair.standardId)
    .where('cleared_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every override of a student (current and cleared), oldest first. */
export async function loadOverridesOf(db: Db, studentId: string): Promise<StoredOverride[]> {
  const rows = await db
    .selectFrom('mastery_overrides')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    studentId: row.student_id,
    standardId: row.standard_id,
    levelValue: Number(row.level_value),
    reason: row.reason,
    setBy: row.set_by,
    setAt: row.set_at,
    basisEvidenceId: row.basis_evidence_id === null ? null : Number(row.basis_evidence_id),
    clearedAt: row.cleared_at,
  }));
}

/** Whether a school shows a course summary level (off unless turned on). */
export async function courseSummaryEnabled(db: Db, schoolId: string | null): Promise<boolean> {
  if (schoolId === null) return false;
  const row = await db
    .selectFrom('school_mastery_settings')
    .select('course_summary')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return Number(row?.course_summary ?? 0) === 1;
}

/** Turns a school's course summary on or off. */
export async function saveCourseSummary(
  db: Db,
  schoolId: string,
  enabled: boolean,
  at: string,
): Promise<void> {
  const flag: Flag = enabled ? 1 : 0;
  await db
    .insertInto('school_mastery_settings')
    .values({ school_id: schoolId, course_summary: flag, updated_at: at })
    .onConflict((oc) =>
      oc.column('school_id').doUpdateSet({ course_summary: flag, updated_at: at }),
    )
    .execute();
}

/** The standards of frameworks, with their parents, for rollup. */
export async function loadStandardTree(
  db: Db,
  frameworkIds: readonly string[],
): Promise<{ id: string; parentId: string | null; frameworkId: string }[]> {
  if (frameworkIds.length === 0) return [];
  return db
    .selectFrom('standards')
    .select(['id', 'parent_id as parentId', 'framework_id as frameworkId'])
    .where('framework_id', 'in', frameworkIds)
    .execute();
}

/** The standards a class works on: its listed standards, else those its tasks have evidence on. */
export async function loadCourseStandardIds(db: Db, classId: string): Promise<string[]> {
  const listed = await db
    .selectFrom('class_standards')
    .select('standard_id')
    .where('class_id', '=', classId)
    .orderBy('list_order')
    .execute();
  if (listed.length > 0) return listed.map((row) => row.standard_id);

  const used = await db
    .selectFrom('evidence as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select('e.standard_id')
    .distinct()
    .where('t.class_id', '=', classId)
    .execute();
  return used.map((row) => row.standard_id);
}

function resultQuery(db: Db) {
  return db
    .selectFrom('mastery_results')
    .select([
      'student_id',
      'standard_id',
      'method',
      'param',
      'score',
      'level_value',
      'evidence_count',
      'scale_id',
      'mastered',
      'computed_at',
    ]);
}

function toStoredResult(row: {
  student_id: string;
  standard_id: string;
  method: string;
  param: number | null;
  score: number | null;
  level_value: number | null;
  evidence_count: number;
  scale_id: string | null;
  mastered: Flag;
  computed_at: string;
}): StoredResult {
  return {
    studentId: row.student_id,
    standardId: row.standard_id,
    method: row.method,
    param: row.param === null ? null : Number(row.param),
    score: row.score === null ? null : Number(row.score),
    levelValue: row.level_value === null ? null : Number(row.level_value),
    evidenceCount: Number(row.evidence_count),
    scaleId: row.scale_id,
    mastered: Number(row.mastered) === 1 ? 1 : 0,
    computedAt: row.computed_at,
  };
}

function resultRow(result: StoredResult) {
  return {
    student_id: result.studentId,
    standard_id: result.standardId,
    method: result.method,
    param: result.param,
    score: result.score,
    level_value: result.levelValue,
    evidence_count: result.evidenceCount,
    computed_at: result.computedAt,
    scale_id: result.scaleId,
    mastered: result.mastered,
  };
}

function levelRow(scaleId: string, level: ScaleLevel): Insertable<ScaleLevelTable> {
  return {
    scale_id: scaleId,
    value: level.value,
    label: level.label,
    descriptor: level.descriptor,
    color: level.color,
    student_wording: level.studentWording,
    family_wording: level.familyWording,
    is_mastery: level.isMastery ? 1 : 0,
  };
}

function pickScale(row: {
  id: string;
  name: string;
  scopeKind: Scoped['scopeKind'];
  scopeId: string | null;
}) {
  return { id: row.id, name: row.name, scopeKind: row.scopeKind, scopeId: row.scopeId };
}

function pickLevel(row: {
  label: string;
  descriptor: string;
  color: string;
  studentWording: string;
  familyWording: string;
  isMastery: Flag;
}): Omit<ScaleLevel, 'value'> {
  return {
    label: row.label,
    descriptor: row.descriptor,
    color: row.color,
    studentWording: row.studentWording,
    familyWording: row.familyWording,
    isMastery: Number(row.isMastery) === 1,
  };
}

function idsOf(pairs: readonly PairKey[]): { students: string[]; standards: string[] } {
  return {
    students: [...new Set(pairs.map((pair) => pair.studentId))],
    standards: [...new Set(pairs.map((pair) => pair.standardId))],
  };
}

function asMethod(value: string): MasteryMethod {
  const found = MASTERY_METHODS.find((method) => method === value);
  if (!found) throw new Error(`stored calculation policy names an unknown method: ${value}`);
  return found;
}
