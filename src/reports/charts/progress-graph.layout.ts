/**
 * The geometry of a progress graph: which dates and values the axes cover, where ticks go,
 * how the data line splits at gaps and phase changes, and where phase-change lines stand.
 * Pure functions of the goal's progress picture; the view only draws what this decides.
 */
import { daysBetween, weeksBetween } from '../../domain/progress/dates.js';
import { valueAt } from '../../domain/progress/goal-line.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';

/** The two sizes graphs are drawn at: a page column and a PDF page (in CSS pixels). */
export const GRAPH_SIZES = {
  page: { width: 760, height: 400 },
  pdf: { width: 640, height: 360 },
} as const;

/** Which dates the x axis covers: up to the goal date, or the data with a little room. */
export type GraphSpan = 'goal' | 'data';

/** A plotted point in SVG coordinates. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The plot's frame and its two scales. */
export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The x axis's first and last dates. */
  readonly from: string;
  readonly to: string;
  readonly yMax: number;
  readonly yStep: number;
  x(date: string): number;
  /** x of a point `days` days after the first date (fractions allowed). */
  xAt(days: number): number;
  y(value: number): number;
}

/** Plot margins: room for the y labels, the decision line, phase labels, ticks and legend. */
const MARGIN = { left: 64, right: 24, top: 54, bottom: 82 } as const;

/** Space between the value 0 and the x axis, so points at 0 sit clear of the axis line. */
export const ZERO_LIFT = 8;

/**
 * The span used when none is chosen: the whole goal when it lasts at most 26 weeks,
 * otherwise the data (an annual goal would squeeze a term of points into a corner).
 */
export function defaultSpan(progress: GoalProgress): GraphSpan {
  return weeksBetween(progress.goal.baseline.date, progress.goal.target.date) <= 26
    ? 'goal'
    : 'data';
}

/**
 * The last date on the x axis: the goal date for "goal"; for "data", two weeks after the
 * later of the last session and asOf, at least 8 weeks after the baseline, at most the goal
 * date.
 *
 * Example: baseline 2026-09-07, goal 2027-06-07, last session 2026-11-30, span "data":
 * 2026-12-14.
 */
export function lastAxisDate(progress: GoalProgress, span: GraphSpan): string {
  const { baseline, target } = progress.goal;
  if (span === 'goal') return target.date;

  const lastSession = progress.sessions.at(-1)?.date ?? baseline.date;
  const latest = lastSession > progress.asOf ? lastSession : progress.asOf;
  const candidates = [addDays(latest, 14), addDays(baseline.date, 56)].sort();
  const end = candidates[1]!;
  return end < target.date ? end : target.date;
}

/** Builds the frame for a graph of `width` × `height`. */
export function makeFrame(
  progress: GoalProgress,
  span: GraphSpan,
  width: number,
  height: number,
): Frame {
  const from = progress.goal.baseline.date;
  const to = lastAxisDate(progress, span);
  const totalDays = Math.max(1, daysBetween(from, to));
  const { max: yMax, step: yStep } = yAxis(valuesToFit(progress, from, to));
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const zeroY = bottom - ZERO_LIFT;

  return {
    left,
    right,
    top,
    bottom,
    from,
    to,
    yMax,
    yStep,
    x: (date) => left + ((right - left) * daysBetween(from, date)) / totalDays,
    xAt: (days) => left + ((right - left) * days) / totalDays,
    y: (value) => zeroY - ((zeroY - top) * value) / yMax,
  };
}

function valuesToFit(progress: GoalProgress, from: string, to: string): number[] {
  const weeks = weeksBetween(from, to);
  const values = [
    ...progress.points.map((p) => p.value),
    progress.goal.baseline.value,
    valueAt(progress.goalLine, weeks),
  ];
  if (to === progress.goal.target.date) values.push(progress.goal.target.value);
  if (progress.criterion) values.push(progress.criterion.threshold);
  return values;
}

/**
 * A round step for about five y ticks: 1, 2, 2.5 or 5 × 10ᵏ, at least `rough`.
 *
 * Example: niceStep(9.18) = 10; niceStep(113) = 200; niceStep(1.68) = 2.
 */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((s) => s * power >= rough) ?? 10) * power;
}

/**
 * The y axis: a step for about five ticks and a top that is the first multiple of the step at
 * or above the largest value plus 5 %.
 *
 * Example: values 20 and 43.75: 45.94 needs step niceStep(9.19) = 10, so the top is 50;
 * a largest value of 540 gives 567, step 200 and top 600.
 */
export function yAxis(values: readonly number[]): { readonly max: number; readonly step: number } {
  const largest = Math.max(0, ...values) * 1.05;
  if (largest === 0) return { max: 1, step: 0.25 };

  const step = niceStep(largest / 5);
  return { max: round(Math.ceil(largest / step) * step), step };
}

/**
 * The y ticks from 0 to `max` every `step`.
 *
 * Example: yTicks(50, 10) = [0, 10, 20, 30, 40, 50].
 */
export function yTicks(max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let index = 0; index * step <= max + step / 1000; index += 1)
    ticks.push(round(index * step));
  return ticks;
}

/**
 * Dates for x ticks: every week, every two weeks or the first of each month, whichever
 * gives at most about 10 ticks; weekly ticks start on the baseline date.
 *
 * Example: 2026-09-07 to 2026-11-02 (8 weeks) gives weekly ticks 09-07, 09-14, ... 11-02.
 */
export function xTicks(from: string, to: string): string[] {
  const days = daysBetween(from, to);
  for (const every of [7, 14]) {
    if (days / every <= 10) return stepDates(from, to, every);
  }
  return monthStarts(from, to);
}

function stepDates(from: string, to: string, every: number): string[] {
  const dates: string[] = [];
  for (let day = 0; day <= daysBetween(from, to); day += every) dates.push(addDays(from, day));
  return dates;
}

function monthStarts(from: string, to: string): string[] {
  const dates: string[] = [];
  const [year, month] = from.split('-').map(Number) as [number, number];
  for (let index = 0; ; index += 1) {
    const date = new Date(Date.UTC(year, month + index, 1)).toISOString().slice(0, 10);
    if (date > to) return dates;
    dates.push(date);
  }
}

/**
 * The runs of the data line: consecutive measured sessions, broken by a gap and by a phase
 * change (data from different phases is not connected).
 *
 * Example: measured 09-14, gap 09-21, measured 09-28, measured 10-05 give two runs:
 * [09-14] and [09-28, 10-05].
 */
export function dataRuns(progress: GoalProgress): Array<Array<{ date: string; value: number }>> {
  const runs: Array<Array<{ date: string; value: number }>> = [];
  let run: Array<{ date: string; value: number }> = [];
  let previous: string | null = null;

  for (const session of progress.sessions) {
    const crossesPhase =
      previous !== null &&
      progress.phaseChanges.some((p) => p.date > previous! && p.date <= session.date);
    if (session.value.kind === 'gap' || crossesPhase) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (session.value.kind === 'measured') {
      run.push({ date: session.date, value: session.value.value });
    }
    previous = session.date;
  }

  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Where a phase-change line stands: halfway between the last session before the change and
 * the change date, so it separates the two phases' points; on the date itself when no session
 * comes before it.
 *
 * Example: sessions 10-12 and 10-19, change on 10-19: the line stands at 10-15 12:00.
 */
export function phaseLineDays(progress: GoalProgress, changeDate: string): number {
  const before = progress.sessions.filter((s) => s.date < changeDate).at(-1);
  const at = daysBetween(progress.goal.baseline.date, changeDate);
  if (!before) return at;
  return (daysBetween(progress.goal.baseline.date, before.date) + at) / 2;
}

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
