/**
 * Reads and writes the IEP web pages need beyond iep-records.repository.ts: every session of a
 * goal (voided ones too, for the corrections list), names of people, the staff of a school,
 * districts an administrator may configure, and goal attainment scaling reviews.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DataSessionRow } from './iep-records.repository.js';
import type { Database, IepGasLevelTable, IepGasReviewTable } from './schema.js';

type Db = Kysely<Database>;

export type GasReviewRow = Selectable<IepGasReviewTable>;
export type GasLevelRow = Selectable<IepGasLevelTable>;

/** Every session of a goal, voided ones included, newest first. */
export async function listAllDataSessions(db: Db, goalId: string): Promise<DataSessionRow[]> {
  return db
    .selectFrom('iep_data_sessions')
    .selectAll()
    .where('goal_id', '=', goalId)
    .orderBy('session_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .execute();
}

/** "Given Family" for each person id found. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.given_name} ${row.family_name}`]));
}

/** A staff member who can be named on an IEP. */
export interface StaffOption {
  readonly id: string;
  readonly name: string;
}

/** The staff of a school (and staff with no school), by family name. */
export async function listStaffOfSchool(db: Db, schoolId: string | null): Promise<StaffOption[]> {
  let query = db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('kind', '=', 'staff');
  if (schoolId !== null) {
    query = query.where((eb) =>
      eb.or([eb('school_id', '=', schoolId), eb('school_id', 'is', null)]),
    );
  }
  const rows = await query.orderBy('family_name').orderBy('given_name').execute();
  return rows.map((row) => ({ id: row.id, name: `${row.given_name} ${row.family_name}` }));
}

/** A district an administrator may set progress codes for. */
export interface DistrictOption {
  readonly id: string;
  readonly name: string;
}

/**
 * The districts an administrator may configure: every district with no organization; else
 * their own district, or the district of their school.
 */
export async function listDistrictsFor(db: Db, orgId: string | null): Promise<DistrictOption[]> {
  let query = db.selectFrom('organizations').select(['id', 'name']).where('kind', '=', 'district');
  if (orgId !== null) {
    const parent = db.selectFrom('organizations').select('parent_id').where('id', '=', orgId);
    query = query.where((eb) => eb.or([eb('id', '=', orgId), eb('id', 'in', parent)]));
  }
  return query.orderBy('name').execute();
}

/** Inserts a GAS review with its goal levels. */
export async function insertGasReview(
  db: Db,
  review: Insertable<IepGasReviewTable>,
  levels: ReadonlyArray<Insertable<IepGasLevelTable>>,
): Promise<void> {
  await db.insertInto('iep_gas_reviews').values(review).execute();
  if (levels.length > 0) await db.insertInto('iep_gas_levels').values(levels).execute();
}

/** A GAS review with its levels. */
export interface StoredGasReview {
  readonly review: GasReviewRow;
  readonly levels: readonly GasLevelRow[];
}

/** The GAS reviews of an IEP, newest first, each with its levels. */
export async function listGasReviews(db: Db, iepId: string): Promise<StoredGasReview[]> {
  const reviews = await db
    .selectFrom('iep_gas_reviews')
    .selectAll()
    .where('iep_id', '=', iepId)
    .orderBy('review_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  if (reviews.length === 0) return [];

  const levels = await db
    .selectFrom('iep_gas_levels')
    .selectAll()
    .where(
      'review_id',
      'in',
      reviews.map((r) => r.id),
    )
    .execute();
  return reviews.map((review) => ({
    review,
    levels: levels
      .filter((level) => level.review_id === review.id)
      .map((level) => ({ ...level, level: Number(level.level), weight: Number(level.weight) })),
  }));
}

/** Students' display names and ids, for report lists. */
export async function studentNames(
  db: Db,
  studentIds: readonly string[],
): Promise<Map<string, string>> {
  return namesOf(db, studentIds);
}

/** A person's school and preferred language, or undefined. */
export async function personFacts(
  db: Db,
  personId: string,
): Promise<{ readonly schoolId: string | null; readonly language: string } | undefined> {
  const row = await db
    .selectFrom('people')
    .select(['school_id', 'preferred_language'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return row && { schoolId: row.school_id, language: row.preferred_language ?? 'en' };
}

/** The student's IEPs (id and dates), newest first. */
export async function listIepIdsOfStudent(
  db: Db,
  studentId: string,
): Promise<
  Array<{
    readonly id: string;
    readonly begin_date: string | null;
    readonly end_date: string | null;
  }>
> {
  return db
    .selectFrom('ieps')
    .select(['id', 'begin_date', 'end_date'])
    .where('student_id', '=', studentId)
    .orderBy('begin_date', 'desc')
    .orderBy('id')
    .execute();
}
