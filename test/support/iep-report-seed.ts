/**
 * An IEP progress report's worth of rows: a synthetic student (Ines) with an IEP whose reading
 * goal follows the worked example of the progress math (baseline 20 words correct on
 * 2026-09-07, target 40 on 2027-01-25), one short-term objective, weekly probes from
 * 2026-09-14 (20 22 21 25 24 27 28 27 31), the school's Quarter 1 reporting period
 * (2026-09-01..2026-11-06) and the team's confirmed code and narrative for it, sent on
 * 2026-11-10. A guardian who reads Vietnamese.
 */
import type { Kysely } from 'kysely';
import {
  confirmProgressCode,
  markProgressReportSent,
  recordDataSession,
} from '../../src/services/progress-monitoring.service.js';
import { insertReportingPeriods } from '../../src/store/iep-records.repository.js';
import type { Database } from '../../src/store/schema.js';
import { actorFor, goalInput, iepInput, makeIep, makeIepPeople } from './iep-factories.js';

type Db = Kysely<Database>;

const PROBES: ReadonlyArray<readonly [string, number]> = [
  ['2026-09-14', 20],
  ['2026-09-21', 22],
  ['2026-09-28', 21],
  ['2026-10-05', 25],
  ['2026-10-12', 24],
  ['2026-10-19', 27],
  ['2026-10-26', 28],
  ['2026-11-02', 27],
  ['2026-11-09', 31],
];

/** The seeded student's ids and identifier from the import. */
export interface IepReportSeed {
  readonly studentId: string;
  readonly sourceId: string;
  readonly goalId: string;
}

/** Seeds the student, the plan, the probes and the confirmed, sent Quarter 1 report. */
export async function seedIepReportStudent(db: Db): Promise<IepReportSeed> {
  const people = await makeIepPeople(db);
  const actor = actorFor(people.caseManagerId);
  const now = new Date('2026-11-10T15:00:00.000Z');
  const goal = goalInput({
    objectives: [
      {
        statement: 'By November, Ines will read 28 words correctly per minute.',
        targetValue: 28,
        targetDate: '2026-11-30',
      },
    ],
  });
  const created = await makeIep(db, iepInput(people, [goal]), actor, now);
  const goalId = created.goalIds[0]!;

  for (const [date, count] of PROBES) {
    const recorded = await recordDataSession(db, { goalId, date, record: { count } }, actor, now);
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
  }
  await confirmQuarter(db, people.schoolId, goalId, actor, now);
  await db
    .updateTable('people')
    .set({ preferred_language: 'vi' })
    .where('id', '=', people.parentId)
    .execute();
  await db
    .insertInto('guardianships')
    .values({ guardian_id: people.parentId, student_id: people.studentId, relation: 'mother' })
    .execute();

  const student = await db
    .selectFrom('people')
    .select('source_id')
    .where('id', '=', people.studentId)
    .executeTakeFirstOrThrow();
  return { studentId: people.studentId, sourceId: student.source_id, goalId };
}

async function confirmQuarter(
  db: Db,
  schoolId: string,
  goalId: string,
  actor: ReturnType<typeof actorFor>,
  now: Date,
): Promise<void> {
  await insertReportingPeriods(db, [
    {
      id: `q1-${goalId}`,
      org_id: schoolId,
      name: 'Quarter 1',
      start_date: '2026-09-01',
      end_date: '2026-11-06',
      due_date: '2026-11-13',
    },
  ]);
  const confirmed = await confirmProgressCode(
    db,
    {
      goalId,
      periodStart: '2026-09-01',
      periodEnd: '2026-11-06',
      code: 'sufficient_progress',
      narrative: 'Ines reads 27 words correctly per minute, up from 20. She reads more smoothly.',
    },
    actor,
    now,
  );
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  const sent = await markProgressReportSent(db, confirmed.value.id, 1, now);
  if (!sent.ok) throw new Error(JSON.stringify(sent));
}
