/**
 * The periodic IEP progress report model: for every goal of the plan, how progress was
 * measured, what the period's data shows, the graph's data (drawn by the progress graph), the
 * progress code with its meaning in plain words, the team's narrative, and each short-term
 * objective; with the reporting period and the date sent. Pure: the same data, language and
 * period give the same model.
 */
import type { DataCollectionType } from '../../domain/progress/data-collection.js';
import { weeksBetween } from '../../domain/progress/dates.js';
import { valueAt } from '../../domain/progress/goal-line.js';
import type { ProgressCode } from '../../domain/progress/progress-code.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
import type {
  ReportGuardian,
  ReportStudent,
  ReportTranslation,
} from '../../store/family-report.queries.js';
import { storedText, type LocalText, type ReportPeriod } from '../family/family-report.model.js';
import {
  directionOf,
  formatDate,
  formatNumber,
  htmlLangOf,
  translator,
  type ReportLang,
  type TextDirection,
  type Translate,
} from '../i18n/index.js';

/** One short-term objective of a goal. */
export interface ReportObjective {
  readonly id: string;
  readonly statement: string;
  readonly targetValue: number | null;
  readonly targetDate: string | null;
}

/**
 * One goal as the report reads it: the goal's progress picture as of the period's end (from
 * goalProgress), the code for the period (confirmed by staff, else suggested), the narrative
 * and when the goal's report was sent.
 */
export interface IepReportGoal {
  readonly id: string;
  readonly area: string;
  readonly statement: string;
  readonly collectionType: DataCollectionType | null;
  readonly unitLabel: string;
  /** Null when the goal has no baseline or goal date, so there is no graph. */
  readonly progress: GoalProgress | null;
  readonly code: ProgressCode | null;
  /** The district's own name for the code, shown beside the plain-words meaning. */
  readonly codeLabel: string | null;
  readonly codeConfirmed: boolean;
  readonly narrative: string | null;
  readonly sentAt: string | null;
  readonly objectives: readonly ReportObjective[];
}

/** Everything the IEP progress report reads. */
export interface IepProgressReportData {
  readonly student: ReportStudent;
  readonly guardians: readonly ReportGuardian[];
  readonly iep: {
    readonly id: string;
    readonly beginDate: string | null;
    readonly endDate: string | null;
    readonly caseManagerName: string | null;
  } | null;
  readonly goals: readonly IepReportGoal[];
  readonly translations: readonly ReportTranslation[];
}

/** One goal in the report's language. */
export interface GoalSection {
  readonly id: string;
  readonly heading: string;
  readonly area: LocalText;
  readonly statement: LocalText;
  readonly measured: string;
  readonly unit: LocalText;
  /** Sentences about the period's data: how many points, the last one, lowest and highest. */
  readonly dataSummary: readonly string[];
  readonly progress: GoalProgress | null;
  readonly codeName: string | null;
  readonly codeMeaning: string | null;
  readonly codeLabel: LocalText | null;
  readonly narrative: string | null;
  readonly objectives: ReadonlyArray<{ readonly heading: string; readonly statement: LocalText }>;
}

/** The whole report in one language. */
export interface IepProgressReportModel {
  readonly lang: ReportLang;
  readonly htmlLang: string;
  readonly dir: TextDirection;
  readonly title: string;
  readonly intro: string;
  readonly studentName: string;
  readonly school: string | null;
  readonly periodText: string;
  readonly sentText: string;
  readonly caseManager: string | null;
  readonly goals: readonly GoalSection[];
  readonly hasUntranslated: boolean;
}

/** How to build the model: language, reporting period and the day the report is made. */
export interface IepReportOptions {
  readonly lang: ReportLang;
  readonly period: ReportPeriod;
  readonly today: string;
}

/** Builds the IEP progress report model. */
export function buildIepProgressReportModel(
  data: IepProgressReportData,
  options: IepReportOptions,
): IepProgressReportModel {
  const { lang, period } = options;
  const t = translator(lang);
  const studentName = `${data.student.givenName} ${data.student.familyName}`;
  const goals = data.goals.map((goal, index) => goalSection(goal, index + 1, data, options, t));

  return {
    lang,
    htmlLang: htmlLangOf(lang),
    dir: directionOf(lang),
    title: t('iep.title', { name: studentName }),
    intro: data.iep ? t('iep.intro', { name: data.student.givenName }) : t('iep.none'),
    studentName,
    school: data.student.schoolName,
    periodText: t('family.period', {
      start: formatDate(period.from, lang),
      end: formatDate(period.to, lang),
    }),
    sentText: t('iep.sent', { date: formatDate(sentDate(data.goals, options.today), lang) }),
    caseManager: data.iep?.caseManagerName
      ? t('iep.caseManager', { name: data.iep.caseManagerName })
      : null,
    goals,
    hasUntranslated: goals.some((goal) =>
      [goal.area, goal.statement, goal.unit, ...goal.objectives.map((o) => o.statement)].some(
        (text) => text.untranslated,
      ),
    ),
  };
}

/**
 * The date the report is sent: the latest day a goal's report for the period was marked
 * sent, else the day the report is made (it is being sent now).
 * Example: goals sent on 2026-11-20 and 2026-11-21 → 2026-11-21.
 */
export function sentDate(goals: readonly IepReportGoal[], today: string): string {
  const sent = goals.flatMap((goal) => (goal.sentAt ? [goal.sentAt.slice(0, 10)] : [])).sort();
  return sent.at(-1) ?? today;
}

function goalSection(
  goal: IepReportGoal,
  number: number,
  data: IepProgressReportData,
  options: IepReportOptions,
  t: Translate,
): GoalSection {
  const { lang } = options;
  const text = (field: string, value: string, entity = 'iep_goal', id = goal.id) =>
    storedText(value, data.translations, { entity, id, field }, lang);

  return {
    id: goal.id,
    heading: t('iep.goal', { number }),
    area: text('area', goal.area),
    statement: text('statement', goal.statement),
    measured: t(MEASURE_KEYS[goal.collectionType ?? 'other']),
    unit: text('unit_label', goal.unitLabel),
    dataSummary: dataSummary(goal.progress, options, t),
    progress: goal.progress,
    codeName: goal.code ? t(`iep.code.${goal.code}`) : null,
    codeMeaning: goal.code ? t(`iep.code.${goal.code}.meaning`) : null,
    codeLabel: goal.codeLabel ? storedText(goal.codeLabel, [], CODE_KEY, lang) : null,
    narrative: goal.narrative,
    objectives: goal.objectives.map((objective, index) => ({
      heading: t('iep.objective', { number: index + 1 }),
      statement: text('statement', objective.statement, 'iep_objective', objective.id),
    })),
  };
}

const CODE_KEY = { entity: 'progress_code', id: '', field: 'label' } as const;

const MEASURE_KEYS = {
  trials: 'iep.measure.trials',
  count: 'iep.measure.count',
  rate: 'iep.measure.rate',
  duration: 'iep.measure.duration',
  latency: 'iep.measure.latency',
  interval: 'iep.measure.interval',
  prompt_level: 'iep.measure.prompt_level',
  task_analysis: 'iep.measure.task_analysis',
  rubric: 'iep.measure.rubric',
  cbm: 'iep.measure.cbm',
  other: 'iep.measure.other',
} as const;

/**
 * What the period's data shows, in short sentences: how many measured points fall in the
 * period, the last one with its date, the lowest and highest, and the goal line's value on the
 * period's last day: baseline + slope × weeks since the baseline.
 * Example: points 22, 25, 27 with a goal line 20 + 1 per week, period ending 10 weeks after the
 * baseline: "3 data points", "Last value: 27 ...", "Lowest: 22. Highest: 27.", "... 30."
 */
export function dataSummary(
  progress: GoalProgress | null,
  options: IepReportOptions,
  t: Translate,
): string[] {
  if (!progress) return [t('iep.data.count', { count: 0 })];
  const { lang, period } = options;
  const points = progress.points.filter(
    (point) => point.date >= period.from && point.date <= period.to,
  );
  const lines = [t('iep.data.count', { count: points.length })];

  const last = points.at(-1);
  if (last) {
    const values = points.map((point) => point.value);
    lines.push(
      t('iep.data.latest', {
        value: formatNumber(last.value, lang),
        date: formatDate(last.date, lang),
      }),
      t('iep.data.range', {
        low: formatNumber(Math.min(...values), lang),
        high: formatNumber(Math.max(...values), lang),
      }),
    );
  }
  const weeks = weeksBetween(progress.goal.baseline.date, period.to);
  const onLine = formatNumber(valueAt(progress.goalLine, weeks), lang);
  lines.push(t('iep.data.goalLine', { date: formatDate(period.to, lang), value: onLine }));
  return lines;
}
