/** IEPs and their goals: writes for the demo school and tests, and the summary a page shows. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, IepGoalTable, IepTable } from './schema.js';

/** Inserts IEPs, then goals. */
export async function insertIeps(
  db: Kysely<Database>,
  ieps: ReadonlyArray<Insertable<IepTable>>,
  goals: ReadonlyArray<Insertable<IepGoalTable>>,
): Promise<void> {
  if (ieps.length > 0) await db.insertInto('ieps').values(ieps).execute();
  if (goals.length > 0) await db.insertInto('iep_goals').values(goals).execute();
}

/** An IEP with its goals and the case manager's name. */
export interface IepSummary {
  readonly iep: Selectable<IepTable>;
  readonly caseManagerName: string | null;
  readonly goals: ReadonlyArray<Selectable<IepGoalTable>>;
}

/** The student's IEPs, newest first, each with its current goals (not those an amendment ended). */
export async function listIepsOfStudent(
  db: Kysely<Database>,
  studentId: string,
): Promise<IepSummary[]> {
  const ieps = await db
    .selectFrom('ieps as i')
    .leftJoin('people as m', 'm.id', 'i.case_manager_id')
    .selectAll('i')
    .select(['m.given_name as managerGiven', 'm.family_name as managerFamily'])
    .where('i.student_id', '=', studentId)
    .orderBy('i.begin_date', 'desc')
    .execute();
  if (ieps.length === 0) return [];

  const goals = await db
    .selectFrom('iep_goals')
    .selectAll()
    .where(
      'iep_id',
      'in',
      ieps.map((iep) => iep.id),
    )
    .where('ended_in_version_id', 'is', null)
    .orderBy('list_order')
    .orderBy('id')
    .execute();

  return ieps.map(({ managerGiven, managerFamily, ...iep }) => ({
    iep,
    caseManagerName: managerGiven ? `${managerGiven} ${managerFamily ?? ''}`.trim() : null,
    goals: goals.filter((goal) => goal.iep_id === iep.id),
  }));
}
