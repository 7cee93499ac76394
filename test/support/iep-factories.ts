/**
 * Factories for IEPs with goals, for store tests: a student with a case manager at a new
 * school, and IEP inputs whose goals follow the worked example of the progress math
 * (baseline 20 on 2026-09-07, target 40 on 2027-01-25: a goal line rising 1 per week).
 */
import type { Kysely } from 'kysely';
import type { GoalInput, IepInput } from '../../src/services/iep.schema.js';
import { createIep, type Actor } from '../../src/services/iep.service.js';
import type { Database } from '../../src/store/schema.js';
import { makePerson, makeSchool } from './factories.js';

type Db = Kysely<Database>;

/** A district, a school, a student and a case manager. */
export async function makeIepPeople(db: Db) {
  const { districtId, schoolId } = await makeSchool(db);
  const studentId = await makePerson(db, { kind: 'student', schoolId, givenName: 'Ines' });
  const caseManagerId = await makePerson(db, { kind: 'staff', schoolId, givenName: 'Rosa' });
  const parentId = await makePerson(db, { kind: 'guardian', schoolId, givenName: 'Pilar' });
  return { districtId, schoolId, studentId, caseManagerId, parentId };
}

/** The actor of test writes. */
export function actorFor(personId: string): Actor {
  return { personId, accountId: null, requestId: null };
}

/** A goal in the worked example's shape; override any field. */
export function goalInput(fields: Partial<GoalInput> = {}): GoalInput {
  return {
    area: 'Reading fluency',
    statement: 'Given a grade-level passage, Ines will read 40 words correctly per minute.',
    baseline: { date: '2026-09-07', value: 20, method: 'median of three probes' },
    target: { date: '2027-01-25', value: 40 },
    measurement: 'count',
    collectionType: 'count',
    criterion: { measure: 'count', atLeast: 40, sessions: { consecutive: 3 } },
    unitLabel: 'words correct',
    ...fields,
  };
}

/** An IEP input for the student with the given goals. */
export function iepInput(
  people: { readonly studentId: string; readonly caseManagerId: string; readonly parentId: string },
  goals: readonly GoalInput[] = [goalInput()],
): IepInput {
  return {
    studentId: people.studentId,
    beginDate: '2026-09-01',
    endDate: '2027-08-31',
    annualReviewDate: '2027-08-31',
    reevaluationDate: '2028-09-01',
    caseManagerId: people.caseManagerId,
    presentLevels: 'Reads 20 words correctly per minute in grade-level text.',
    team: [
      { personId: people.caseManagerId, role: 'case manager' },
      { personId: people.parentId, role: 'parent' },
    ],
    goals: [...goals],
    accommodations: [
      {
        kind: 'accommodation',
        description: 'Extended time (1.5x)',
        settings: 'all classes and tests',
        frequency: 'each test',
        provider: 'general education teacher',
      },
    ],
    services: [
      {
        service: 'Specialized reading instruction',
        provider: 'special education teacher',
        setting: 'resource room',
        minutes: 30,
        per: 'day',
      },
    ],
  };
}

/** Creates an IEP and answers its ids; fails the test when the input is refused. */
export async function makeIep(db: Db, input: IepInput, actor: Actor, now = new Date()) {
  const created = await createIep(db, input, actor, now);
  if (!created.ok) throw new Error(`createIep refused: ${JSON.stringify(created)}`);
  return created.value;
}
