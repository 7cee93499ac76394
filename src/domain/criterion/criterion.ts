/**
 * Mastery criteria for IEP goals and objectives, kept as structured data: a measure, a
 * comparison (at least / at most), an optional minimum number of trials per session, and a
 * window (n consecutive sessions, or k of the last n sessions).
 *
 * Rules:
 * - A session with fewer trials than minTrials counts neither for nor against: it is skipped,
 *   so it neither extends nor breaks a run. A percent session with 0 trials is skipped too.
 * - Percentages are compared exactly: correct · 100 ≥ atLeast · trials in decimal arithmetic,
 *   so 4 of 5 meets "at least 80%".
 * - "k of the last n": met at the first counting session where the last n counting sessions
 *   (all of them while there are fewer than n) include at least k that meet the comparison.
 *   "n consecutive" is met at the first counting session that completes a run of n.
 * - Once met, a criterion stays met; metOn is the date it was first met.
 */
import { Decimal } from 'decimal.js';
import { sortByDate } from '../progress/dates.js';

/** What a session's number measures (percent is of trials correct, intervals is of intervals). */
export type CriterionMeasure =
  | 'percent'
  | 'intervals'
  | 'count'
  | 'rate'
  | 'duration'
  | 'latency'
  | 'steps'
  | 'prompt_level'
  | 'rubric'
  | 'score';

/** Every measure, in the order forms list them. */
export const CRITERION_MEASURES: readonly CriterionMeasure[] = [
  'percent',
  'intervals',
  'count',
  'rate',
  'duration',
  'latency',
  'steps',
  'prompt_level',
  'rubric',
  'score',
];

/** The sessions the criterion looks at. */
export type CriterionWindow =
  { readonly consecutive: number } | { readonly atLeast: number; readonly of: number };

interface CriterionBase {
  readonly measure: CriterionMeasure;
  /** Sessions with fewer trials count neither for nor against. */
  readonly minTrials?: number;
  readonly sessions: CriterionWindow;
}

/** A mastery criterion, in the JSON shape Trellis stores and `trellis calc criterion` reads. */
export type MasteryCriterion = CriterionBase &
  (
    | { readonly atLeast: number; readonly atMost?: undefined }
    | { readonly atMost: number; readonly atLeast?: undefined }
  );

/** One session's data: trials for percent criteria, or a value for any measure. */
export type CriterionSession =
  | { readonly date: string; readonly correct: number; readonly trials: number }
  | { readonly date: string; readonly value: number; readonly trials?: number };

/** How one session stands against the criterion. */
export type SessionVerdict = 'meets' | 'misses' | 'too_few_trials';

/** The comparison a criterion makes, as a direction and a threshold. */
export interface Comparison {
  readonly kind: 'atLeast' | 'atMost';
  readonly threshold: number;
}

/** The last session seen, for saying why a criterion is not met yet. */
export interface LastSession {
  readonly date: string;
  readonly verdict: SessionVerdict;
  readonly trials: number | null;
  /** The session's score: percent correct for trial sessions, otherwise its value. */
  readonly score: number;
}

/** Where the data stands against the criterion after the last session. */
export interface CriterionStanding {
  /** Meeting sessions: the current run (consecutive) or those in the last-n window (k of n). */
  readonly meeting: number;
  /** Meeting sessions needed: n (consecutive) or k (k of n). */
  readonly needed: number;
  /** Counting sessions in the last-n window (k of n); equals `meeting` for consecutive. */
  readonly inWindow: number;
  readonly last: LastSession | null;
}

/** Whether a criterion is met, when it was first met, and where the data stands now. */
export interface CriterionResult {
  readonly met: boolean;
  readonly metOn: string | null;
  readonly standing: CriterionStanding;
}

/** The criterion's comparison. */
export function comparisonOf(criterion: MasteryCriterion): Comparison {
  return criterion.atLeast === undefined
    ? { kind: 'atMost', threshold: criterion.atMost }
    : { kind: 'atLeast', threshold: criterion.atLeast };
}

/**
 * Judges one session. Percent sessions compare correct · 100 with threshold · trials exactly.
 *
 * Example: "at least 80%", 4 correct of 5: 400 ≥ 400, so "meets"; with minTrials 5 and
 * 3 correct of 4, "too_few_trials".
 */
export function judgeSession(
  criterion: MasteryCriterion,
  session: CriterionSession,
): SessionVerdict {
  // A percent of no trials means nothing, so trial sessions need at least one trial.
  const needed = Math.max(criterion.minTrials ?? 0, 'correct' in session ? 1 : 0);
  if ((session.trials ?? 0) < needed) return 'too_few_trials';

  const { kind, threshold } = comparisonOf(criterion);
  const [left, right] =
    'correct' in session
      ? [new Decimal(session.correct).times(100), new Decimal(threshold).times(session.trials)]
      : [new Decimal(session.value), new Decimal(threshold)];
  const holds = kind === 'atLeast' ? left.gte(right) : left.lte(right);
  return holds ? 'meets' : 'misses';
}

/**
 * Evaluates a criterion over sessions (sorted by date here; same-date sessions keep order).
 *
 * Example: "at least 80% in 3 consecutive sessions" over 3/5, 4/5, 5/5, 4/5, 2/5 on
 * 2026-10-01..05: the run reaches 3 on 2026-10-04, so met with metOn "2026-10-04".
 */
export function evaluateCriterion(
  criterion: MasteryCriterion,
  sessions: readonly CriterionSession[],
): CriterionResult {
  const tracker = windowTracker(criterion.sessions);
  let metOn: string | null = null;
  let last: LastSession | null = null;

  for (const session of sortByDate(sessions)) {
    const verdict = judgeSession(criterion, session);
    last = describeSession(session, verdict);
    if (verdict !== 'too_few_trials' && tracker.add(verdict === 'meets') && metOn === null) {
      metOn = session.date;
    }
  }

  return { met: metOn !== null, metOn, standing: { ...tracker.standing(), last } };
}

interface WindowTracker {
  /** Adds a counting session; answers whether the window is satisfied after it. */
  add(meets: boolean): boolean;
  standing(): Omit<CriterionStanding, 'last'>;
}

function windowTracker(window: CriterionWindow): WindowTracker {
  return 'consecutive' in window ? runTracker(window.consecutive) : kOfNTracker(window);
}

function runTracker(needed: number): WindowTracker {
  let run = 0;
  return {
    add(meets) {
      run = meets ? run + 1 : 0;
      return run >= needed;
    },
    standing: () => ({ meeting: run, needed, inWindow: run }),
  };
}

function kOfNTracker(window: { readonly atLeast: number; readonly of: number }): WindowTracker {
  const recent: boolean[] = [];
  const meeting = (): number => recent.filter(Boolean).length;
  return {
    add(meets) {
      recent.push(meets);
      if (recent.length > window.of) recent.shift();
      return meeting() >= window.atLeast;
    },
    standing: () => ({ meeting: meeting(), needed: window.atLeast, inWindow: recent.length }),
  };
}

function describeSession(session: CriterionSession, verdict: SessionVerdict): LastSession {
  const trials = session.trials ?? null;
  const score =
    'correct' in session
      ? session.trials === 0
        ? 0
        : (session.correct * 100) / session.trials
      : session.value;
  return { date: session.date, verdict, trials, score };
}
