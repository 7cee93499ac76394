/**
 * The family report model: what a parent reads, worked out from the stored data as plain
 * values, before any HTML. It leads with the answer (each standard's level now, in family
 * words, and whether that reaches the goal), then strengths and the next step, the IEP goals,
 * and a legend of every level. Pure: the same data, language and day give the same model.
 */
import {
  DEFAULT_SCALE,
  formatScore,
  levelFor,
  masteryLevel,
  nearestScoped,
  type ProficiencyScale,
  type ScaleLevel,
} from '../../domain/scale.js';
import type {
  FamilyReportData,
  ReportIep,
  ReportIepGoal,
  ReportStandard,
} from '../../store/family-report.queries.js';
import {
  directionOf,
  formatDate,
  formatNumber,
  translator,
  type ReportLang,
  type TextDirection,
  type Translate,
} from '../i18n/index.js';

/** Text in the language it is written in; `untranslated` marks English shown in another report. */
export interface LocalText {
  readonly text: string;
  readonly lang: string;
  readonly untranslated: boolean;
}

/** One level as a family sees it: a word, a color and a shape, never color alone. */
export interface LevelBadge {
  readonly value: number;
  readonly label: LocalText;
  readonly meaning: LocalText;
  /** A CSS color from the scale. */
  readonly color: string;
  /** How much of the round symbol is filled, 0 for the lowest level up to 1 for the highest. */
  readonly fill: number;
  /** The same shape as one character (○ ◔ ◑ ◕ ●), for plain-text uses. */
  readonly symbol: string;
  /** True for the level that is the mastery threshold (the goal). */
  readonly isGoal: boolean;
}

/** Where the student stands on one standard. */
export interface StandardLine {
  readonly code: string | null;
  /** The standard in family wording (or its statement when it has none). */
  readonly title: LocalText;
  /** The level now; null when the evidence has no score yet. */
  readonly now: LevelBadge | null;
  /** The level of the first scored evidence, shown when there is more than one piece. */
  readonly started: LevelBadge | null;
  readonly status: 'met' | 'not-yet' | 'no-level';
  readonly statusText: string;
  /** Teacher feedback, shown exactly as written. */
  readonly strength: string | null;
  readonly nextStep: string | null;
  /** "Based on 3 pieces of work. Last checked: October 2, 2026. Score: 3.25 out of 4." */
  readonly basis: string;
}

/** One IEP goal in short. */
export interface GoalLine {
  readonly area: LocalText;
  readonly statement: LocalText;
  readonly baseline: string | null;
  readonly target: string | null;
  readonly goalDate: string | null;
}

/** The current IEP in short. */
export interface IepSummary {
  readonly dates: string | null;
  readonly review: string | null;
  readonly setting: LocalText | null;
  readonly goals: readonly GoalLine[];
}

/** Everything the family report shows, in one language. */
export interface FamilyReportModel {
  readonly lang: ReportLang;
  readonly dir: TextDirection;
  readonly studentName: string;
  readonly givenName: string;
  readonly grade: LocalText | null;
  readonly school: string | null;
  readonly reportDate: string;
  /** The answer first: "Ana has reached the goal in 2 of 3 skills." */
  readonly summary: string;
  readonly standards: readonly StandardLine[];
  /** Every level of the scale, lowest first. */
  readonly legend: readonly LevelBadge[];
  readonly goalLevel: LevelBadge;
  readonly iep: IepSummary | null;
  /** True when some text is shown in English because it has no translation. */
  readonly hasUntranslated: boolean;
}

/** How to build a model: the language and the day the report is made (ISO date). */
export interface FamilyReportOptions {
  readonly lang: ReportLang;
  readonly today: string;
}

const SYMBOLS = ['○', '◔', '◑', '◕', '●'] as const;

/** Builds the family report model from the stored data. */
export function buildFamilyReportModel(
  data: FamilyReportData,
  options: FamilyReportOptions,
): FamilyReportModel {
  const { lang } = options;
  const t = translator(lang);
  const scale = reportScale(data);
  const legend = scale.levels.map((level, index) => badgeOf(scale, level, index, lang, t));
  const goal = masteryLevel(scale);
  const standards = sortStandards(data.standards).map((standard) =>
    standardLine(standard, scale, legend, options, t),
  );
  const grade = gradeText(data.student.gradeLevel, lang, t);
  const iep = iepSummary(data.ieps[0], lang, t);

  const model = {
    lang,
    dir: directionOf(lang),
    studentName: `${data.student.givenName} ${data.student.familyName}`,
    givenName: data.student.givenName,
    grade,
    school: data.student.schoolName,
    reportDate: formatDate(options.today, lang),
    summary: summaryOf(data.student.givenName, standards, t),
    standards,
    legend,
    goalLevel: legend.find((badge) => badge.value === goal.value) ?? legend[0]!,
    iep,
  };
  return { ...model, hasUntranslated: anyUntranslated(model) };
}

/**
 * The scale the report reads levels on: the stored scale nearest to the student's school and
 * to the framework most of the standards come from, else the default four-level scale.
 */
export function reportScale(data: FamilyReportData): ProficiencyScale {
  const counts = new Map<string, number>();
  for (const { frameworkId } of data.standards) {
    counts.set(frameworkId, (counts.get(frameworkId) ?? 0) + 1);
  }
  const frameworkId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const usable = data.scales.filter((scale) => scale.levels.length > 0);
  return nearestScoped(usable, { schoolId: data.student.schoolId, frameworkId }) ?? DEFAULT_SCALE;
}

/**
 * The badge of one level. The symbol fills evenly from empty (lowest) to full (highest):
 * fill = index / (levels - 1). Example on four levels: 0, 1/3, 2/3, 1, shown as ○ ◔ ◕ ●.
 */
function badgeOf(
  scale: ProficiencyScale,
  level: ScaleLevel,
  index: number,
  lang: ReportLang,
  t: Translate,
): LevelBadge {
  const fill = scale.levels.length > 1 ? index / (scale.levels.length - 1) : 1;
  const words = levelWords(scale, level, lang, t);
  return {
    value: level.value,
    label: words.label,
    meaning: words.meaning,
    color: level.color,
    fill,
    symbol: SYMBOLS[Math.round(fill * (SYMBOLS.length - 1))] ?? '●',
    isGoal: level.isMastery,
  };
}

/**
 * A level's word and meaning in the report's language. The default scale is translated in
 * the message files; a stored scale's own words are English and marked as such elsewhere.
 */
function levelWords(
  scale: ProficiencyScale,
  level: ScaleLevel,
  lang: ReportLang,
  t: Translate,
): { label: LocalText; meaning: LocalText } {
  const defaultValue = DEFAULT_SCALE.levels.find((known) => known.value === level.value)?.value;
  if (scale.id === DEFAULT_SCALE.id && defaultValue !== undefined) {
    const key = `level.default.${defaultValue}` as 'level.default.1';
    return {
      label: translated(t(`${key}.label`), lang),
      meaning: translated(t(`${key}.family`), lang),
    };
  }
  return { label: english(level.label, lang), meaning: english(level.familyWording, lang) };
}

function standardLine(
  standard: ReportStandard,
  scale: ProficiencyScale,
  legend: readonly LevelBadge[],
  options: FamilyReportOptions,
  t: Translate,
): StandardLine {
  const { lang } = options;
  const nowLevel = levelFor(scale, currentValue(standard));
  const now = badgeFor(legend, nowLevel);
  const { feedback } = standard;
  const startedLevel = feedback.evidenceCount > 1 ? levelFor(scale, feedback.firstScore) : null;
  const status = !now ? 'no-level' : now.value >= masteryLevel(scale).value ? 'met' : 'not-yet';

  return {
    code: standard.code,
    title: english(standard.familyWording, lang),
    now,
    started: badgeFor(legend, startedLevel),
    status,
    statusText: t(STATUS_KEYS[status]),
    strength: feedback.strength,
    nextStep: feedback.nextStep,
    basis: basisOf(standard, scale, lang, t),
  };
}

const STATUS_KEYS = {
  met: 'family.standard.status.met',
  'not-yet': 'family.standard.status.notYet',
  'no-level': 'family.standard.status.noLevel',
} as const;

/** The value a standard's level is read from: the stored level, else the stored score. */
function currentValue(standard: ReportStandard): number | null {
  return standard.mastery?.levelValue ?? standard.mastery?.score ?? null;
}

function badgeFor(legend: readonly LevelBadge[], level: ScaleLevel | null): LevelBadge | null {
  if (!level) return null;
  return legend.find((badge) => badge.value === level.value) ?? null;
}

/** "Based on 3 pieces of work. Last checked: October 2, 2026. Score: 3.25 out of 4." */
function basisOf(
  standard: ReportStandard,
  scale: ProficiencyScale,
  lang: ReportLang,
  t: Translate,
): string {
  const count = Math.max(standard.mastery?.evidenceCount ?? 0, standard.feedback.evidenceCount);
  const parts = [t('family.standard.basis', { count })];

  const last = standard.feedback.lastObservedAt;
  if (last) parts.push(t('family.standard.lastDate', { date: formatDate(last, lang) }));

  const score = standard.mastery?.score;
  const max = scale.levels.at(-1)?.value;
  if (score !== null && score !== undefined && max !== undefined) {
    parts.push(
      t('family.standard.score', { score: localScore(score, lang), max: formatNumber(max, lang) }),
    );
  }
  return parts.join(' ');
}

/**
 * A score to two decimals, half up (formatScore), with the language's decimal mark.
 * Example: 3.125 in Spanish is "3,13".
 */
export function localScore(score: number, lang: ReportLang): string {
  const mark =
    new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ??
    '.';
  return formatScore(score).replace('.', mark);
}

function summaryOf(givenName: string, lines: readonly StandardLine[], t: Translate): string {
  const rated = lines.filter((line) => line.status !== 'no-level');
  if (rated.length === 0) return t('family.summary.none');

  const met = rated.filter((line) => line.status === 'met').length;
  return t('family.summary', { name: givenName, met, total: rated.length });
}

/** Standards in code order, reading numbers as numbers (5.NBT.A.3 before 5.NBT.A.10). */
function sortStandards(standards: readonly ReportStandard[]): ReportStandard[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...standards].sort(
    (a, b) =>
      collator.compare(a.code ?? '', b.code ?? '') ||
      collator.compare(a.familyWording, b.familyWording),
  );
}

/** "Grade 5" for a number; any other stored grade ("Fifth grade") is shown as stored. */
function gradeText(grade: string | null, lang: ReportLang, t: Translate): LocalText | null {
  if (grade === null || grade.trim() === '') return null;
  if (/^\d+$/.test(grade.trim())) {
    return translated(t('family.grade', { grade: Number(grade) }), lang);
  }
  return english(grade, lang);
}

function iepSummary(iep: ReportIep | undefined, lang: ReportLang, t: Translate): IepSummary | null {
  if (!iep) return null;

  const dates =
    iep.beginDate && iep.endDate
      ? t('family.iep.dates', {
          start: formatDate(iep.beginDate, lang),
          end: formatDate(iep.endDate, lang),
        })
      : null;
  return {
    dates,
    review: iep.reviewDate
      ? t('family.iep.review', { date: formatDate(iep.reviewDate, lang) })
      : null,
    setting: iep.setting ? english(iep.setting, lang) : null,
    goals: iep.goals.map((goal) => goalLine(goal, lang)),
  };
}

function goalLine(goal: ReportIepGoal, lang: ReportLang): GoalLine {
  return {
    area: english(goal.area, lang),
    statement: english(goal.statement, lang),
    baseline: goalValue(goal.baselineValue, goal.measurementType, lang),
    target: goalValue(goal.targetValue, goal.measurementType, lang),
    goalDate: goal.goalDate ? formatDate(goal.goalDate, lang) : null,
  };
}

/** A goal value in its measure: percents with the language's percent sign ("80%", "80 %"). */
function goalValue(value: number | null, measurementType: string, lang: ReportLang): string | null {
  if (value === null) return null;
  if (!measurementType.includes('percent')) return formatNumber(value, lang);
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(
    value / 100,
  );
}

/** Text written in the report's own language. */
function translated(text: string, lang: ReportLang): LocalText {
  return { text, lang, untranslated: false };
}

/** Stored text, which is English; marked when the report is in another language. */
function english(text: string, lang: ReportLang): LocalText {
  return { text, lang: 'en', untranslated: lang !== 'en' };
}

function anyUntranslated(model: Omit<FamilyReportModel, 'hasUntranslated'>): boolean {
  const texts: (LocalText | null)[] = [
    model.grade,
    ...model.legend.flatMap((badge) => [badge.label, badge.meaning]),
    ...model.standards.map((line) => line.title),
    model.iep?.setting ?? null,
    ...(model.iep?.goals ?? []).flatMap((goal) => [goal.area, goal.statement]),
  ];
  return texts.some((text) => text?.untranslated === true);
}
