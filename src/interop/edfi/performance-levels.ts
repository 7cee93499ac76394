/**
 * Puts Ed-Fi assessment results on Trellis's 4-level proficiency scale:
 * 1 Beginning, 2 Developing, 3 Proficient (the mastery threshold), 4 Extending.
 *
 * A named performance level maps by its meaning (the table below). A raw objective score with
 * no level goes through the objective's own cut scores; where the objective has none (as in
 * Grand Bend's math placement test), through the assessment's cut scores scaled to the
 * objective's maximum.
 */
import type { CutScore } from './records.js';

/** A level on the 4-level proficiency scale. */
export type ProficiencyLevel = 1 | 2 | 3 | 4;

/**
 * Ed-Fi performance level names (lower case) and their level. Grand Bend uses the first four;
 * "Did Not Meet Standard" comes from its sample objective assessments: it says only "not yet
 * at the mastery threshold", so it takes the level just below it.
 */
const LEVELS_BY_NAME: ReadonlyMap<string, ProficiencyLevel> = new Map([
  ['well below basic', 1],
  ['below basic', 2],
  ['met standard', 3],
  ['advanced', 4],
  ['did not meet standard', 2],
  ['approaching standard', 2],
  ['basic', 2],
  ['proficient', 3],
  ['meets standard', 3],
  ['exceeds standard', 4],
  ['exceeded standard', 4],
  ['commended', 4],
]);

/**
 * The proficiency level of a named Ed-Fi performance level, or null for a name not in the
 * table (the importer reports those rather than guess).
 *
 * Example: `levelOfName("Met Standard")` is 3; `levelOfName("Well Below Basic")` is 1.
 */
export function levelOfName(name: string): ProficiencyLevel | null {
  return LEVELS_BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

/** The cut score `score` reaches: the level with the highest minimum at or below it. */
export function cutScoreReached(cuts: readonly CutScore[], score: number): CutScore | null {
  // A hair of tolerance keeps 2/3 * 25.5 = 16.999999999999996 from falling below a cut at 17.
  const reached = cuts.filter((cut) => score >= cut.minimum - 1e-9);
  return reached.reduce<CutScore | null>(
    (best, cut) => (best === null || cut.minimum > best.minimum ? cut : best),
    null,
  );
}

/** What an objective's raw score means: the performance level name and proficiency level. */
export interface ObjectiveLevel {
  readonly label: string;
  readonly level: ProficiencyLevel;
}

/** The scores and cut scores needed to judge one objective result. */
export interface ObjectiveScoring {
  readonly score: number;
  readonly objectiveMax: number | null;
  readonly objectiveCuts: readonly CutScore[];
  readonly assessmentMax: number | null;
  readonly assessmentCuts: readonly CutScore[];
}

/**
 * The performance level of a raw objective score. With the objective's own cut scores, the
 * score is compared to them directly. Otherwise it is scaled to the assessment's range,
 * `scaled = score / objectiveMax × assessmentMax`, and compared to the assessment's cut
 * scores. Null when neither gives a named level of the table.
 *
 * Example: Grand Bend's placement test has maximum 25.5 and cuts Well Below Basic 0,
 * Below Basic 15, Met Standard 19, Advanced 23. An objective scored 2 of 3 scales to
 * 2 / 3 × 25.5 = 17, which reaches Below Basic: level 2 (Developing). 3 of 3 scales to 25.5:
 * Advanced, level 4.
 */
export function objectiveLevel(scoring: ObjectiveScoring): ObjectiveLevel | null {
  const { score, objectiveMax, objectiveCuts, assessmentMax, assessmentCuts } = scoring;
  let cut: CutScore | null = null;
  if (objectiveCuts.length > 0) {
    cut = cutScoreReached(objectiveCuts, score);
  } else if (objectiveMax && assessmentMax && assessmentCuts.length > 0) {
    cut = cutScoreReached(assessmentCuts, (score / objectiveMax) * assessmentMax);
  }

  const level = cut ? levelOfName(cut.label) : null;
  return cut && level ? { label: cut.label, level } : null;
}
