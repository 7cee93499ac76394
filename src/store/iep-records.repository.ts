/**
 * IEP records and progress-monitoring data: versions, goals, objectives, accommodations,
 * services, data sessions, phase changes, history and progress reports. The only file that
 * speaks SQL for them; the services decide what to write.
 *
 * Saves that guard against lost updates (`update...IfVersion`) change a row only when its
 * `version` still equals the one the caller read, and answer how many rows changed.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  IepAccommodationTable,
  IepDataSessionTable,
  IepGoalTable,
  IepObjectiveTable,
  IepPhaseChangeTable,
  IepRecordHistoryTable,
  IepServiceTable,
  IepTable,
  IepTeamMemberTable,
  IepVersionGoalTable,
  IepVersionTable,
  ProgressCodeTable,
  ProgressReportTable,
  ProgressReportingPeriodTable,
} from './schema.js';

export type IepRow = Selectable<IepTable>;
export type IepVersionRow = Selectable<IepVersionTable>;
export type IepGoalRow = Selectable<IepGoalTable>;
export type IepObjectiveRow = Selectable<IepObjectiveTable>;
export type IepAccommodationRow = Selectable<IepAccommodationTable>;
export type IepServiceRow = Selectable<IepServiceTable>;
export type IepTeamMemberRow = Selectable<IepTeamMemberTable>;
export type IepVersionGoalRow = Selectable<IepVersionGoalTable>;
export type DataSessionRow = Selectable<IepDataSessionTable>;
export type PhaseChangeRow = Selectable<IepPhaseChangeTable>;
export type HistoryRow = Selectable<IepRecordHistoryTable>;
export type ProgressCodeRow = Selectable<ProgressCodeTable>;
export type ProgressReportRow = Selectable<ProgressReportTable>;
export type ReportingPeriodRow = Selectable<ProgressReportingPeriodTable>;

type Db = Kysely<Database>;

/** The parts of one IEP version, each written with the version's id. */
export interface VersionParts {
  readonly team: ReadonlyArray<Insertable<IepTeamMemberTable>>;
  readonly objectives: ReadonlyArray<Insertable<IepObjectiveTable>>;
  readonly accommodations: ReadonlyArray<Insertable<IepAccommodationTable>>;
  readonly services: ReadonlyArray<Insertable<IepServiceTable>>;
  readonly goals: ReadonlyArray<Insertable<IepVersionGoalTable>>;
}

/** Inserts an IEP's identity row. */
export async function insertIepRow(db: Db, row: Insertable<IepTable>): Promise<void> {
  await db.insertInto('ieps').values(row).execute();
}

/** Points the IEP at its current version and mirrors that version's dates and case manager. */
export async function setCurrentVersion(db: Db, version: IepVersionRow): Promise<void> {
  await db
    .updateTable('ieps')
    .set({
      current_version_id: version.id,
      begin_date: version.begin_date,
      end_date: version.end_date,
      review_date: version.annual_review_date,
      reevaluation_date: version.reevaluation_date,
      case_manager_id: version.case_manager_id,
      present_levels: version.present_levels,
    })
    .where('id', '=', version.iep_id)
    .execute();
}

/** Inserts a version row. */
export async function insertVersion(db: Db, row: Insertable<IepVersionTable>): Promise<void> {
  await db.insertInto('iep_versions').values(row).execute();
}

/**
 * Links the current version to its successor, only while it is still current; answers whether
 * it was (false means another amendment got there first).
 */
export async function supersedeVersion(db: Db, versionId: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('iep_versions')
    .set({ superseded_by: by })
    .where('id', '=', versionId)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts the team, objectives, accommodations, services and goal snapshots of a version. */
export async function insertVersionParts(db: Db, parts: VersionParts): Promise<void> {
  if (parts.team.length > 0) await db.insertInto('iep_team_members').values(parts.team).execute();
  if (parts.goals.length > 0) {
    await db.insertInto('iep_version_goals').values(parts.goals).execute();
  }
  if (parts.objectives.length > 0) {
    await db.insertInto('iep_objectives').values(parts.objectives).execute();
  }
  if (parts.accommodations.length > 0) {
    await db.insertInto('iep_accommodations').values(parts.accommodations).execute();
  }
  if (parts.services.length > 0) {
    await db.insertInto('iep_services').values(parts.services).execute();
  }
}

/** One IEP, or undefined. */
export async function findIep(db: Db, iepId: string): Promise<IepRow | undefined> {
  return db.selectFrom('ieps').selectAll().where('id', '=', iepId).executeTakeFirst();
}

/** Every version of an IEP, oldest first. */
export async function listVersions(db: Db, iepId: string): Promise<IepVersionRow[]> {
  return db
    .selectFrom('iep_versions')
    .selectAll()
    .where('iep_id', '=', iepId)
    .orderBy('number')
    .execute();
}

/** Everything that belongs to one version, each list in its stored order. */
export interface StoredVersionParts {
  readonly team: IepTeamMemberRow[];
  readonly goals: IepVersionGoalRow[];
  readonly objectives: IepObjectiveRow[];
  readonly accommodations: IepAccommodationRow[];
  readonly services: IepServiceRow[];
}

/** Loads the parts of one version. */
export async function loadVersionParts(db: Db, versionId: string): Promise<StoredVersionParts> {
  const [team, goals, objectives, accommodations, services] = await Promise.all([
    db
      .selectFrom('iep_team_members')
      .selectAll()
      .where('iep_version_id', '=', versionId)
      .orderBy('role')
      .orderBy('person_id')
      .execute(),
    db
      .selectFrom('iep_version_goals as vg')
      .innerJoin('iep_goals as g', 'g.id', 'vg.goal_id')
      .selectAll('vg')
      .where('vg.iep_version_id', '=', versionId)
      .orderBy('g.list_order')
      .orderBy('g.id')
      .execute(),
    byVersion(db, 'iep_objectives', versionId),
    byVersion(db, 'iep_accommodations', versionId),
    byVersion(db, 'iep_services', versionId),
  ]);
  return { team, goals, objectives, accommodations, services };
}

function byVersion<T extends 'iep_objectives' | 'iep_accommodations' | 'iep_services'>(
  db: Db,
  table: T,
  versionId: string,
): Promise<Selectable<Database[T]>[]> {
  // The three tables share iep_version_id and list_order; Kysely cannot see that through T.
  const query = db.selectFrom(table as 'iep_services').selectAll();
  return query.where('iep_version_id', '=', versionId).orderBy('list_order').execute() as Promise<
    Selectable<Database[T]>[]
  >;
}

/** Inserts goals. */
export async function insertGoals(
  db: Db,
  goals: ReadonlyArray<Insertable<IepGoalTable>>,
): Promise<void> {
  if (goals.length > 0) await db.insertInto('iep_goals').values(goals).execute();
}

/** One goal, or undefined. */
export async function findGoal(db: Db, goalId: string): Promise<IepGoalRow | undefined> {
  return db.selectFrom('iep_goals').selectAll().where('id', '=', goalId).executeTakeFirst();
}

/** A goal with the student it belongs to and the student's school and district. */
export interface GoalOwner {
  readonly studentId: string;
  readonly schoolId: string | null;
  readonly districtId: string | null;
}

/** Who a goal belongs to, for code sets and reporting periods. */
export async function findGoalOwner(db: Db, goalId: string): Promise<GoalOwner | undefined> {
  const row = await db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('people as p', 'p.id', 'i.student_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select(['i.student_id', 'p.school_id', 'o.parent_id'])
    .where('g.id', '=', goalId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { studentId: row.student_id, schoolId: row.school_id, districtId: row.parent_id };
}

/** The goals of an IEP that are still current (not ended by an amendment), in order. */
export async function listCurrentGoals(db: Db, iepId: string): Promise<IepGoalRow[]> {
  return db
    .selectFrom('iep_goals')
    .selectAll()
    .where('iep_id', '=', iepId)
    .where('ended_in_version_id', 'is', null)
    .orderBy('list_order')
    .orderBy('id')
    .execute();
}

/** Changes a goal when its version is still `expected`, raising the version by one. */
export async function updateGoalIfVersion(
  db: Db,
  goalId: string,
  expected: number,
  changes: Updateable<IepGoalTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('iep_goals')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', goalId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the staff who collect data for a goal. */
export async function setGoalCollectors(
  db: Db,
  goalId: string,
  personIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('iep_goal_collectors').where('goal_id', '=', goalId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto('iep_goal_collectors')
    .values(personIds.map((person_id) => ({ goal_id: goalId, person_id })))
    .execute();
}

/** The staff who collect data for a goal. */
export async function listGoalCollectors(db: Db, goalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('iep_goal_collectors')
    .select('person_id')
    .where('goal_id', '=', goalId)
    .orderBy('person_id')
    .execute();
  return rows.map((row) => row.person_id);
}

/** Inserts data sessions. */
export async function insertDataSessions(
  db: Db,
  rows: ReadonlyArray<Insertable<IepDataSessionTable>>,
): Promise<void> {
  if (rows.length > 0) await db.insertInto('iep_data_sessions').values(rows).execute();
}

/** One data session (voided or not), or undefined. */
export async function findDataSession(
  db: Db,
  sessionId: string,
): Promise<DataSessionRow | undefined> {
  return db
    .selectFrom('iep_data_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

/** A goal's sessions that are not voided, up to `until` when given, by date then recording. */
export async function listDataSessions(
  db: Db,
  goalId: string,
  until?: string,
): Promise<DataSessionRow[]> {
  let query = db
    .selectFrom('iep_data_sessions')
    .selectAll()
    .where('goal_id', '=', goalId)
    .where('voided_at', 'is', null);
  if (until !== undefined) query = query.where('session_date', '<=', until);
  return query.orderBy('session_date').orderBy('recorded_at').orderBy('id').execute();
}

/** Changes a data session when its version is still `expected`, raising the version by one. */
export async function updateDataSessionIfVersion(
  db: Db,
  sessionId: string,
  expected: number,
  changes: Updateable<IepDataSessionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('iep_data_sessions')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', sessionId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts a phase change. */
export async function insertPhaseChange(
  db: Db,
  row: Insertable<IepPhaseChangeTable>,
): Promise<void> {
  await db.insertInto('iep_phase_changes').values(row).execute();
}

/** A goal's phase changes, oldest first. */
export async function listPhaseChanges(db: Db, goalId: string): Promise<PhaseChangeRow[]> {
  return db
    .selectFrom('iep_phase_changes')
    .selectAll()
    .where('goal_id', '=', goalId)
    .orderBy('change_date')
    .orderBy('recorded_at')
    .execute();
}

/** Appends one history row. */
export async function appendHistory(
  db: Db,
  row: Omit<Insertable<IepRecordHistoryTable>, 'id'>,
): Promise<void> {
  await db.insertInto('iep_record_history').values(row).execute();
}

/** The history of one goal or data session, oldest first. */
export async function listHistory(
  db: Db,
  entity: IepRecordHistoryTable['entity'],
  entityId: string,
): Promise<HistoryRow[]> {
  return db
    .selectFrom('iep_record_history')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

/** A district's progress codes, or the defaults ("*") when it has none of its own. */
export async function listProgressCodes(
  db: Db,
  districtId: string | null,
): Promise<ProgressCodeRow[]> {
  if (districtId !== null) {
    const own = await codesOf(db, districtId);
    if (own.length > 0) return own;
  }
  return codesOf(db, '*');
}

function codesOf(db: Db, districtId: string): Promise<ProgressCodeRow[]> {
  return db
    .selectFrom('progress_codes')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('list_order')
    .execute();
}

/** Replaces a district's progress codes. */
export async function replaceProgressCodes(
  db: Db,
  districtId: string,
  codes: ReadonlyArray<Insertable<ProgressCodeTable>>,
): Promise<void> {
  await db.deleteFrom('progress_codes').where('district_id', '=', districtId).execute();
  if (codes.length > 0) await db.insertInto('progress_codes').values(codes).execute();
}

/** Inserts reporting periods. */
export async function insertReportingPeriods(
  db: Db,
  rows: ReadonlyArray<Insertable<ProgressReportingPeriodTable>>,
): Promise<void> {
  if (rows.length > 0) await db.insertInto('progress_reporting_periods').values(rows).execute();
}

/** Reporting periods of the given organizations and those for everywhere, by due date. */
export async function listReportingPeriods(
  db: Db,
  orgIds: readonly string[],
): Promise<ReportingPeriodRow[]> {
  return db
    .selectFrom('progress_reporting_periods')
    .selectAll()
    .where((eb) =>
      orgIds.length === 0
        ? eb('org_id', 'is', null)
        : eb.or([eb('org_id', 'is', null), eb('org_id', 'in', orgIds)]),
    )
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

/** The report on a goal for a period, or undefined. */
export async function findReport(
  db: Db,
  goalId: string,
  periodStart: string,
  periodEnd: string,
): Promise<ProgressReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('goal_id', '=', goalId)
    .where('period_start', '=', periodStart)
    .where('period_end', '=', periodEnd)
    .executeTakeFirst();
}

/** One report by id, or undefined. */
export async function findReportById(
  db: Db,
  reportId: string,
): Promise<ProgressReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** Inserts a report. */
export async function insertReport(db: Db, row: Insertable<ProgressReportTable>): Promise<void> {
  await db.insertInto('progress_reports').values(row).execute();
}

/** Changes a report when its version is still `expected`, raising the version by one. */
export async function updateReportIfVersion(
  db: Db,
  reportId: string,
  expected: number,
  changes: Updateable<ProgressReportTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('progress_reports')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', reportId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The reports on the given goals. */
export async function listReportsOfGoals(
  db: Db,
  goalIds: readonly string[],
): Promise<ProgressReportRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('goal_id', 'in', goalIds)
    .orderBy('period_end')
    .orderBy('goal_id')
    .execute();
}

/** A current goal with its student, school and IEP, for the reports-due list. */
export interface ActiveGoal {
  readonly goalId: string;
  readonly iepId: string;
  readonly studentId: string;
  readonly schoolId: string | null;
  readonly districtId: string | null;
  readonly area: string;
  readonly iepBegin: string | null;
  readonly iepEnd: string | null;
}

/** Current goals of IEPs (of the given students, or of everyone), for the reports-due list. */
export async function listActiveGoals(
  db: Db,
  studentIds?: readonly string[],
): Promise<ActiveGoal[]> {
  let query = db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('people as p', 'p.id', 'i.student_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select([
      'g.id as goalId',
      'i.id as iepId',
      'i.student_id as studentId',
      'p.school_id as schoolId',
      'o.parent_id as districtId',
      'g.area as area',
      'i.begin_date as iepBegin',
      'i.end_date as iepEnd',
    ])
    .where('g.ended_in_version_id', 'is', null);
  if (studentIds !== undefined) {
    if (studentIds.length === 0) return [];
    query = query.where('i.student_id', 'in', studentIds);
  }
  return query.orderBy('i.student_id').orderBy('g.list_order').orderBy('g.id').execute();
}
