/**
 * The student profile for staff: standards mastery, IEP goals with their progress, the
 * accommodations and supports with who provides them, services, recent feedback, the work the
 * student chose for their portfolio and the review dates coming up, gathered for one page.
 */
import { listArtifacts, type Artifact } from '../store/portfolio.repository.js';
import type { Kysely } from 'kysely';
import {
  listDefaultScaleLevels,
  listEvidenceOfStudent,
  listMastery,
  listStandardsOfStudent,
  type EvidenceEntry,
  type MasteryCell,
  type ScaleLevel,
  type StandardSummary,
} from '../store/gradebook.repository.js';
import { listIepsOfStudent, type IepSummary } from '../store/iep.repository.js';
import type { Database } from '../store/schema.js';
import { listSupports, type StudentSupport } from '../store/workspace.repository.js';
import { goalProgress, type GoalProgress } from './progress-monitoring.service.js';

type Db = Kysely<Database>;

/** A service in the current IEP version. */
export interface ServiceLine {
  readonly service: string;
  readonly provider: string;
  readonly setting: string;
  readonly minutes: number;
  readonly per: string;
}

/** A date coming up for the student. */
export interface UpcomingDate {
  readonly date: string;
  readonly what: string;
}

/** Everything the profile shows. */
export interface StudentProfile {
  readonly standards: readonly StandardSummary[];
  readonly mastery: readonly MasteryCell[];
  readonly levels: readonly ScaleLevel[];
  readonly ieps: readonly IepSummary[];
  readonly goalProgress: ReadonlyMap<string, GoalProgress>;
  readonly supports: readonly StudentSupport[];
  readonly services: readonly ServiceLine[];
  readonly recentFeedback: readonly EvidenceEntry[];
  /** The pieces of work the student chose to represent their progress, in their order. */
  readonly portfolioHighlights: readonly Artifact[];
  readonly upcoming: readonly UpcomingDate[];
}

/** How many of the student's chosen pieces of work the profile lists. */
export const PORTFOLIO_HIGHLIGHTS = 4;

/** How many pieces of feedback the profile lists, newest first. */
export const RECENT_FEEDBACK = 5;

/** Loads a student's profile as of `today`. */
export async function loadStudentProfile(
  db: Db,
  studentId: string,
  today: string,
): Promise<StudentProfile> {
  const standards = await listStandardsOfStudent(db, studentId);
  const ieps = await listIepsOfStudent(db, studentId);
  const evidence = await listEvidenceOfStudent(db, studentId);
  return {
    standards,
    mastery: await listMastery(
      db,
      [studentId],
      standards.map((s) => s.id),
    ),
    levels: await listDefaultScaleLevels(db),
    ieps,
    goalProgress: await progressOfGoals(db, ieps),
    supports: await listSupports(db, [studentId]),
    services: await servicesOf(db, ieps),
    recentFeedback: evidence.filter((e) => e.strength || e.nextStep).slice(0, RECENT_FEEDBACK),
    portfolioHighlights: (await listArtifacts(db, studentId))
      .filter((artifact) => artifact.chosen)
      .slice(0, PORTFOLIO_HIGHLIGHTS),
    upcoming: await upcomingDates(db, ieps, today),
  };
}

async function progressOfGoals(db: Db, ieps: readonly IepSummary[]) {
  const byGoal = new Map<string, GoalProgress>();
  for (const goal of ieps.flatMap((i) => i.goals)) {
    if (goal.ended_in_version_id !== null || !goal.collection_type) continue;
    const progress = await goalProgress(db, goal.id);
    if (progress.ok) byGoal.set(goal.id, progress.value);
  }
  return byGoal;
}

async function servicesOf(db: Db, ieps: readonly IepSummary[]): Promise<ServiceLine[]> {
  const versions = ieps.map((i) => i.iep.current_version_id).filter((v): v is string => !!v);
  if (versions.length === 0) return [];
  const rows = await db
    .selectFrom('iep_services')
    .select(['service', 'provider', 'setting', 'minutes', 'per'])
    .where('iep_version_id', 'in', versions)
    .orderBy('list_order')
    .execute();
  return rows.map((row) => ({ ...row, minutes: Number(row.minutes) }));
}

/** IEP reviews, re-evaluations and progress reports due from `today` on, soonest first. */
async function upcomingDates(
  db: Db,
  ieps: readonly IepSummary[],
  today: string,
): Promise<UpcomingDate[]> {
  const dates: UpcomingDate[] = [];
  for (const { iep } of ieps) {
    if (iep.review_date) dates.push({ date: iep.review_date, what: 'IEP annual review' });
    if (iep.reevaluation_date) dates.push({ date: iep.reevaluation_date, what: 'Re-evaluation' });
  }
  if (ieps.length > 0) {
    const periods = await db
      .selectFrom('progress_reporting_periods')
      .select(['due_date', 'name'])
      .where('due_date', '>=', today)
      .orderBy('due_date')
      .limit(2)
      .execute();
    for (const p of periods)
      dates.push({ date: p.due_date, what: `IEP progress report (${p.name})` });
  }
  return dates.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date));
}
