/**
 * The reads and writes behind the gradebook: a class's standards, the stored mastery of its
 * students, a student's evidence history, the proficiency scale, and recording evidence.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, EvidenceTable } from './schema.js';

/** A standard as the gradebook shows it. */
export interface StandardSummary {
  readonly id: string;
  readonly code: string | null;
  readonly statement: string;
  readonly studentWording: string | null;
  readonly familyWording: string | null;
}

const standardColumns = [
  's.id',
  's.code',
  's.statement',
  's.student_wording as studentWording',
  's.family_wording as familyWording',
] as const;

/**
 * The standards of a class: its own list in `list_order` when it has one, else the standards
 * its tasks have evidence on, by code.
 */
export async function listClassStandards(
  db: Kysely<Database>,
  classId: string,
): Promise<StandardSummary[]> {
  const listed = await db
    .selectFrom('standards as s')
    .innerJoin('class_standards as cs', 'cs.standard_id', 's.id')
    .select(standardColumns)
    .where('cs.class_id', '=', classId)
    .orderBy('cs.list_order')
    .orderBy('s.code')
    .execute();
  if (listed.length > 0) return listed;

  return db
    .selectFrom('standards as s')
    .select(standardColumns)
    .where('s.id', 'in', (eb) =>
      eb
        .selectFrom('evidence as e')
        .innerJoin('tasks as t', 't.id', 'e.task_id')
        .select('e.standard_id')
        .where('t.class_id', '=', classId),
    )
    .orderBy('s.code')
    .execute();
}

/** One stored mastery result. */
export interface MasteryCell {
  readonly studentId: string;
  readonly standardId: string;
  readonly score: number | null;
  readonly levelValue: number | null;
  readonly evidenceCount: number;
  readonly method: string;
}

/** Stored mastery results for every pair of the given students and standards. */
export async function listMastery(
  db: Kysely<Database>,
  studentIds: readonly string[],
  standardIds: readonly string[],
): Promise<MasteryCell[]> {
  if (studentIds.length === 0 || standardIds.length === 0) return [];
  const rows = await db
    .selectFrom('mastery_results')
    .select([
      'student_id as studentId',
      'standard_id as standardId',
      'score',
      'level_value as levelValue',
      'evidence_count as evidenceCount',
      'method',
    ])
    .where('student_id', 'in', studentIds)
    .where('standard_id', 'in', standardIds)
    .execute();
  return rows.map((row) => ({ ...row, evidenceCount: Number(row.evidenceCount) }));
}

/** The standards a student has evidence on, by code. */
export async function listStandardsOfStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<StandardSummary[]> {
  return db
    .selectFrom('standards as s')
    .select(standardColumns)
    .where('s.id', 'in', (eb) =>
      eb.selectFrom('evidence').select('standard_id').where('student_id', '=', studentId),
    )
    .orderBy('s.code')
    .execute();
}

/** One piece of evidence in a student's history. */
export interface EvidenceEntry {
  readonly id: number;
  readonly standardId: string;
  readonly score: number | null;
  readonly observedAt: string | null;
  readonly format: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
  readonly supports: string | null;
  readonly revisesId: number | null;
  readonly excluded: number;
  readonly taskTitle: string | null;
}

/** A student's evidence, newest first (equal dates: latest recorded first). */
export async function listEvidenceOfStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<EvidenceEntry[]> {
  return db
    .selectFrom('evidence as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .select([
      'e.id',
      'e.standard_id as standardId',
      'e.score',
      'e.observed_at as observedAt',
      'e.format',
      'e.strength',
      'e.next_step as nextStep',
      'e.supports',
      'e.revises_id as revisesId',
      'e.excluded',
      't.title as taskTitle',
    ])
    .where('e.student_id', '=', studentId)
    .orderBy('e.observed_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** Inserts evidence rows; returns their new ids in order. */
export async function insertEvidence(
  db: Kysely<Database>,
  rows: ReadonlyArray<Insertable<EvidenceTable>>,
): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const inserted = await db
      .insertInto('evidence')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(inserted.id));
  }
  return ids;
}

/** A level of the proficiency scale. */
export interface ScaleLevel {
  readonly value: number;
  readonly label: string;
  readonly descriptor: string;
  readonly color: string;
  readonly studentWording: string;
  readonly familyWording: string;
  readonly isMastery: boolean;
}

/**
 * The levels of the default proficiency scale, lowest first: the district-wide scale without
 * a scope if there is one, else the first scale by id. Empty when no scale exists.
 */
export async function listDefaultScaleLevels(db: Kysely<Database>): Promise<ScaleLevel[]> {
  const scale = await db
    .selectFrom('proficiency_scales')
    .select('id')
    .orderBy((eb) => eb.case().when('scope_id', 'is', null).then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
  if (!scale) return [];

  const rows = await db
    .selectFrom('scale_levels')
    .selectAll()
    .where('scale_id', '=', scale.id)
    .orderBy('value')
    .execute();
  return rows.map((row) => ({
    value: Number(row.value),
    label: row.label,
    descriptor: row.descriptor,
    color: row.color,
    studentWording: row.student_wording,
    familyWording: row.family_wording,
    isMastery: row.is_mastery === 1,
  }));
}

/** An academic session (school year, term, grading period) with both of its dates. */
export interface SessionSpan {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** The sessions a class's period can be chosen from, and the class's own term. */
export interface ClassSessions {
  /** The class's term when it has one with both dates, else null. */
  readonly classTerm: SessionSpan | null;
  /** Every dated session of the class's school, of its term's organization, or of none. */
  readonly sessions: readonly SessionSpan[];
}

/** The dated academic sessions near a class: its own term and those of its school. */
export async function listClassSessions(
  db: Kysely<Database>,
  classId: string,
): Promise<ClassSessions> {
  const owner = await db
    .selectFrom('classes as c')
    .leftJoin('academic_sessions as s', 's.id', 'c.session_id')
    .select(['c.school_id as schoolId', 'c.session_id as sessionId', 's.org_id as termOrgId'])
    .where('c.id', '=', classId)
    .executeTakeFirst();
  if (!owner) return { classTerm: null, sessions: [] };

  const orgIds = [owner.schoolId, owner.termOrgId].filter((id): id is string => id !== null);
  const rows = await db
    .selectFrom('academic_sessions')
    .select(['id', 'name', 'kind', 'start_date', 'end_date'])
    .where((eb) =>
      eb.or([
        eb('org_id', 'is', null),
        ...(orgIds.length > 0 ? [eb('org_id', 'in', orgIds)] : []),
        ...(owner.sessionId ? [eb('id', '=', owner.sessionId)] : []),
      ]),
    )
    .where('start_date', 'is not', null)
    .where('end_date', 'is not', null)
    .execute();

  const sessions = rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    startDate: row.start_date ?? '',
    endDate: row.end_date ?? '',
  }));
  return { classTerm: sessions.find((s) => s.id === owner.sessionId) ?? null, sessions };
}

/** When an override of a student on a standard was set, and cleared if it was. */
export interface OverrideSpan {
  readonly studentId: string;
  readonly standardId: string;
  readonly setAt: string;
  readonly clearedAt: string | null;
}

/** Every override, cleared or not, of the given students on the given standards. */
export async function listOverrideSpans(
  db: Kysely<Database>,
  studentIds: readonly string[],
  standardIds: readonly string[],
): Promise<OverrideSpan[]> {
  if (studentIds.length === 0 || standardIds.length === 0) return [];
  return db
    .selectFrom('mastery_overrides')
    .select([
      'student_id as studentId',
      'standard_id as standardId',
      'set_at as setAt',
      'cleared_at as clearedAt',
    ])
    .where('student_id', 'in', studentIds)
    .where('standard_id', 'in', standardIds)
    .execute();
}
