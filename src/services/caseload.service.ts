/**
 * The caseload of a special educator or therapist: each goal they manage or collect data for,
 * whether data is due today or later this week, the last session, and the decision rule's
 * answer. Goals whose rule says to change the intervention or raise the goal are the case
 * manager's to act on, listed first on their dashboard.
 */
import type { Kysely } from 'kysely';
import type { Decision } from '../domain/progress/decision-rules.js';
import type { Database } from '../store/schema.js';
import { goalProgress } from './progress-monitoring.service.js';

type Db = Kysely<Database>;

/** One goal on a caseload. */
export interface CaseloadGoal {
  readonly goalId: string;
  readonly studentId: string;
  readonly studentName: string;
  readonly area: string;
  readonly statement: string;
  readonly collectionType: string | null;
  /** True when the viewer is the IEP's case manager (not only a collector). */
  readonly managed: boolean;
  readonly dueToday: boolean;
  /** Scheduled days from tomorrow to Sunday that have no session yet. */
  readonly dueLaterThisWeek: readonly string[];
  readonly lastSession: string | null;
  readonly decision: Decision | null;
  readonly decisionLabel: string | null;
  readonly decisionWhy: string | null;
}

/** Decisions the case manager must act on. */
export const ACTION_DECISIONS: ReadonlySet<Decision> = new Set([
  'change_intervention',
  'raise_goal',
]);

/** The goals a staff member manages or collects for, with what is due as of `today`. */
export async function loadCaseload(
  db: Db,
  personId: string,
  today: string,
): Promise<CaseloadGoal[]> {
  const rows = await caseloadRows(db, personId);
  const goals: CaseloadGoal[] = [];
  for (const row of rows) goals.push(await caseloadGoal(db, row, today, personId));
  return goals;
}

interface CaseloadRow {
  readonly goalId: string;
  readonly studentId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly area: string;
  readonly statement: string;
  readonly collectionType: string | null;
  readonly scheduleJson: string | null;
  readonly caseManagerId: string | null;
}

async function caseloadRows(db: Db, personId: string): Promise<CaseloadRow[]> {
  return db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .innerJoin('people as p', 'p.id', 'i.student_id')
    .select([
      'g.id as goalId',
      'i.student_id as studentId',
      'p.given_name as givenName',
      'p.family_name as familyName',
      'g.area',
      'g.statement',
      'g.collection_type as collectionType',
      'g.schedule_json as scheduleJson',
      'i.case_manager_id as caseManagerId',
    ])
    .where('g.ended_in_version_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('i.case_manager_id', '=', personId),
        eb(
          'g.id',
          'in',
          eb.selectFrom('iep_goal_collectors').select('goal_id').where('person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('g.list_order')
    .execute();
}

async function caseloadGoal(
  db: Db,
  row: CaseloadRow,
  today: string,
  personId: string,
): Promise<CaseloadGoal> {
  const weekdays = scheduleWeekdays(row.scheduleJson);
  const sessions = await db
    .selectFrom('iep_data_sessions')
    .select('session_date')
    .where('goal_id', '=', row.goalId)
    .where('voided_at', 'is', null)
    .orderBy('session_date', 'desc')
    .execute();
  const taken = new Set(sessions.map((s) => s.session_date));
  const progress = await goalProgress(db, row.goalId);
  const decision = progress.ok ? progress.value.decision : null;

  return {
    goalId: row.goalId,
    studentId: row.studentId,
    studentName: `${row.givenName} ${row.familyName}`,
    area: row.area,
    statement: row.statement,
    collectionType: row.collectionType,
    managed: row.caseManagerId === personId,
    dueToday: weekdays.includes(isoWeekday(today)) && !taken.has(today),
    dueLaterThisWeek: restOfWeek(today).filter(
      (day) => weekdays.includes(isoWeekday(day)) && !taken.has(day),
    ),
    lastSession: sessions[0]?.session_date ?? null,
    decision: decision?.value ?? null,
    decisionLabel: decision?.label.en ?? null,
    decisionWhy: decision?.why.en ?? null,
  };
}

function scheduleWeekdays(json: string | null): number[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as { weekdays?: unknown };
    return Array.isArray(parsed.weekdays)
      ? parsed.weekdays.filter((d): d is number => typeof d === 'number')
      : [];
  } catch {
    return [];
  }
}

/** The ISO weekday of a day: Monday = 1 .. Sunday = 7. Example: "2026-12-03" (Thursday) → 4. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The days after `today` up to and including Sunday of the same ISO week.
 * Example: "2026-12-03" (Thursday) → 12-04, 12-05, 12-06.
 */
export function restOfWeek(today: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${today}T00:00:00Z`);
  for (let i = 1; i <= 7 - isoWeekday(today); i += 1) {
    days.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  }
  return days;
}
