/**
 * A student's own dashboard: for each standard, where I am (from released evidence only), my
 * evidence with the teacher's feedback and my reflections, what's next, and my rating of myself
 * beside my teacher's; then my goals checklist. Text is short and plain, for a grade-5 reader.
 */
import type { Kysely } from 'kysely';
import { computeMastery, scoreFromScores } from '../domain/mastery/compute.js';
import { whatNext } from '../domain/mastery/what-next.js';
import {
  boundsOf,
  DEFAULT_SCALE,
  type ProficiencyScale,
  type ScaleLevel,
} from '../domain/scale.js';
import type { Database } from '../store/schema.js';
import {
  insertPersonalGoal,
  insertSelfAssessment,
  listDashboardStandards,
  listHeldBackEvidenceIds,
  listIepGoalsInStudentWords,
  listLatestSelfAssessments,
  listPersonalGoals,
  listReleasedEvidence,
  saveReflection,
  setPersonalGoalDone,
  type ChecklistGoal,
  type DashboardStandard,
  type SelfRating,
  type StudentEvidence,
} from '../store/student-dashboard.repository.js';
import { explainMastery } from './mastery.service.js';

type Db = Kysely<Database>;

/** One standard on the dashboard. */
export interface DashboardLine {
  readonly standard: DashboardStandard;
  /** "I can ..." wording of the standard (its statement when it has none). */
  readonly text: string;
  /** My teacher's level now, from released evidence (or the teacher's own setting). */
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
  readonly nextText: string;
  readonly self: SelfRating | null;
  readonly selfLevel: ScaleLevel | null;
  /** A sentence to start a talk when my rating and my teacher's differ; null when they agree. */
  readonly talkText: string | null;
  readonly evidence: readonly StudentEvidence[];
}

/** Everything the dashboard shows. */
export interface StudentDashboard {
  readonly levels: readonly ScaleLevel[];
  readonly lines: readonly DashboardLine[];
  readonly goals: readonly ChecklistGoal[];
}

/** Builds the dashboard of one student. */
export async function loadStudentDashboard(db: Db, studentId: string): Promise<StudentDashboard> {
  const [standards, evidence, heldBack, ratings] = await Promise.all([
    listDashboardStandards(db, studentId),
    listReleasedEvidence(db, studentId),
    listHeldBackEvidenceIds(db, studentId),
    listLatestSelfAssessments(db, studentId),
  ]);
  const goals = [
    ...(await listIepGoalsInStudentWords(db, studentId)),
    ...(await listPersonalGoals(db, studentId)),
  ];

  let levels: readonly ScaleLevel[] = [];
  const lines: DashboardLine[] = [];
  for (const standard of standards) {
    const reading = await releasedReading(db, studentId, standard.id, heldBack);
    levels = levels.length > 0 ? levels : reading.scale.levels;
    const self = ratings.find((r) => r.standardId === standard.id) ?? null;
    lines.push(lineOf(standard, reading, self, evidence));
  }
  return { levels: levels.length > 0 ? levels : DEFAULT_SCALE.levels, lines, goals };
}

/** My level, whether I reached the goal, and the next level to reach, on one standard. */
interface Reading {
  readonly scale: ProficiencyScale;
  readonly level: ScaleLevel | null;
  readonly mastered: boolean;
  readonly nextLevel: ScaleLevel | null;
  readonly outOfReach: boolean;
}

/**
 * The engine's reading of one standard from released evidence only: the policy and scale come
 * from the mastery engine (explainMastery); evidence staff hold back is left out, so a student
 * never sees a level that shows a result not yet released. A teacher's override stands.
 */
async function releasedReading(
  db: Db,
  studentId: string,
  standardId: string,
  heldBack: ReadonlySet<number>,
): Promise<Reading> {
  const explained = await explainMastery(db, studentId, standardId);
  const items = explained.evidence.map((e) => e.item).filter((item) => !heldBack.has(item.id));
  const computation = computeMastery(items, explained.policy, explained.scale);
  const next = whatNext(computation.scores, explained.policy, boundsOf(explained.scale));

  const overridden = explained.override?.override.levelValue;
  const level =
    overridden === undefined
      ? computation.level
      : (explained.scale.levels.find((l) => l.value === overridden) ?? computation.level);
  const goal = explained.scale.levels.find((l) => l.isMastery);
  return {
    scale: explained.scale,
    level,
    mastered: level !== null && goal !== undefined && level.value >= goal.value,
    nextLevel: nextLevelOf(computation.scores, explained.scale, explained.policy),
    outOfReach: next.kind === 'out_of_reach',
  };
}

/** The lowest scale level that, scored next, reaches the mastery threshold; null if none. */
function nextLevelOf(
  scores: readonly number[],
  scale: ProficiencyScale,
  policy: Parameters<typeof scoreFromScores>[1],
): ScaleLevel | null {
  const bounds = boundsOf(scale);
  return (
    scale.levels.find((level) => {
      const { score } = scoreFromScores([...scores, level.value], policy, bounds);
      return score !== null && score >= bounds.mastery;
    }) ?? null
  );
}

function lineOf(
  standard: DashboardStandard,
  reading: Reading,
  self: SelfRating | null,
  evidence: readonly StudentEvidence[],
): DashboardLine {
  const selfLevel = self
    ? (reading.scale.levels.find((l) => l.value === self.levelValue) ?? null)
    : null;
  const mine = evidence.filter((e) => e.standardId === standard.id);
  return {
    standard,
    text: standard.studentWording ?? standard.statement,
    level: reading.level,
    mastered: reading.mastered,
    nextText: nextStepText(reading, mine[0]?.nextStep ?? null),
    self,
    selfLevel,
    talkText: self ? talkText(self.levelValue, reading.level) : null,
    evidence: mine,
  };
}

/**
 * What's next, in a student's words. Examples: "You reached the goal. Keep it up!"; "Next, show
 * work at the level "I can do all of this on my own." Your teacher says: Check with an
 * estimate."
 */
export function nextStepText(
  reading: Pick<Reading, 'level' | 'mastered' | 'nextLevel' | 'outOfReach'>,
  teacherNextStep: string | null,
): string {
  const teacher = teacherNextStep ? ` Your teacher says: ${teacherNextStep}` : '';
  if (reading.level === null) {
    return `Your teacher has not checked this yet. Show what you know when you get the chance.${teacher}`;
  }
  if (reading.mastered) return `You reached the goal. Keep it up!${teacher}`;
  if (reading.outOfReach || reading.nextLevel === null) {
    return `Keep practicing. It will take a few more tries to reach the goal.${teacher}`;
  }
  return `Next, show work at the level "${reading.nextLevel.studentWording}"${teacher}`;
}

/**
 * A sentence to start a talk when my rating and my teacher's level differ, not a grade.
 * Examples: self 3, teacher 2 gives "You rated yourself higher than your teacher did. Ask your
 * teacher what would show your level."; equal levels give null.
 */
export function talkText(selfValue: number, teacherLevel: ScaleLevel | null): string | null {
  if (teacherLevel === null) {
    return 'Your teacher has not given a level yet. Your rating helps them see how you feel.';
  }
  if (selfValue === teacherLevel.value) return null;
  return selfValue > teacherLevel.value
    ? 'You rated yourself higher than your teacher did. Ask your teacher what would show your level.'
    : 'You rated yourself lower than your teacher did. Ask your teacher what they saw in your work.';
}

/** What a student sends to rate themself. */
export interface SelfAssessmentInput {
  readonly standardId: string;
  readonly levelValue: number;
  readonly why: string | null;
}

/**
 * Saves a self-assessment on a standard of the student's dashboard, on a level of its scale.
 * Answers the problem by field when the standard or level is not one the student can pick.
 */
export async function recordSelfAssessment(
  db: Db,
  studentId: string,
  input: SelfAssessmentInput,
  now: Date,
): Promise<Record<string, string> | null> {
  const standards = await listDashboardStandards(db, studentId);
  if (!standards.some((s) => s.id === input.standardId)) {
    return { standardId: 'Choose one of your standards.' };
  }
  const { scale } = await explainMastery(db, studentId, input.standardId);
  if (!scale.levels.some((level) => level.value === input.levelValue)) {
    return { levelValue: 'Choose one of the levels.' };
  }

  await insertSelfAssessment(db, { studentId, ...input, at: now.toISOString() });
  return null;
}

/** Adds a personal goal. */
export function addPersonalGoal(db: Db, studentId: string, text: string, now: Date) {
  return insertPersonalGoal(db, studentId, text, now.toISOString());
}

/** Ticks a personal goal done or not; false when the student has no such goal. */
export function tickPersonalGoal(
  db: Db,
  studentId: string,
  goalId: string,
  done: boolean,
  now: Date,
) {
  return setPersonalGoalDone(db, studentId, goalId, done, now.toISOString());
}

/** Saves a reflection on released evidence; false when it is not the student's. */
export function reflectOnEvidence(
  db: Db,
  studentId: string,
  evidenceId: number,
  text: string,
  now: Date,
) {
  return saveReflection(db, studentId, evidenceId, text, now.toISOString());
}
