/**
 * The family report model: what a parent reads, worked out from the stored data as plain
 * values, before any HTML. It leads with the answer (each standard's level now, in family
 * words, and whether that reaches the goal), celebrates the goals reached in the reporting
 * period, shows where each standard started the period and whether it is on track, then
 * strengths and the next step, one thing to try at home, the IEP goals, a legend of every
 * level, and how to reach the teacher. Pure: the same data, language and day give the same
 * model.
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
  DatedScore,
  FamilyReportData,
  ReportIep,
  ReportIepGoal,
  ReportMastery,
  ReportStandard,
  ReportTranslation,
} from '../../store/family-report.queries.js';
import {
  directionOf,
  formatDate,
  formatNumber,
  htmlLangOf,
  reportLangOf,
  translator,
  type ReportLang,
  type TextDirection,
  type Translate,
} from '../i18n/index.js';
import type { WorkSamplesBlock } from './work-samples.js';

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
  /** Which start `started` is: the level at the period's start, or the first level shown. */
  readonly startKind: 'period' | 'first' | null;
  /** The label of the start row ("Start of this period" or "First level"). */
  readonly startLabel: string;
  /** Said instead of a start level when the standard was first checked in this period. */
  readonly startNote: string | null;
  readonly status: 'met' | 'not-yet' | 'no-level';
  readonly statusText: string;
  /** Whether the standard is on track (see `trackOf`). */
  readonly track: Track;
  readonly trackText: string;
  /** True when the standard reached the goal during the reporting period. */
  readonly milestone: boolean;
  /** Teacher feedback, shown exactly as written. */
  readonly strength: string | null;
  readonly nextStep: string | null;
  /** "Based on 3 pieces of work. Last checked: October 2, 2026. Score: 3.25 out of 4." */
  readonly basis: string;
  /** Said when the level now is a teacher's override (marked out of date when it is). */
  readonly overrideText?: string | null;
  /** What's next from the mastery engine, in family words; null at the goal or without it. */
  readonly nextText?: string | null;
}

/**
 * One standard as the mastery engine reads it now (src/services/mastery.service.ts
 * explainMastery): the teacher's override in force, and the lowest scale level that, scored
 * next, reaches the goal (null when none does, or when the goal is reached).
 */
export interface EngineStandard {
  readonly standardId: string;
  /** The level worked out from released evidence only: what a family may see. */
  readonly released: ReportMastery;
  readonly override: { readonly levelValue: number; readonly stale: boolean } | null;
  readonly masteredNow: boolean;
  readonly nextLevelValue: number | null;
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

/** Whether a standard is on track: at the goal, moving up, not moving up, or too soon to say. */
export type Track = 'reached' | 'on-track' | 'off-track' | 'too-soon' | 'no-level';

/** The dates a report covers and where they came from. */
export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  /** Asked for, the academic session covering the report day, or the last 90 days. */
  readonly source: 'given' | 'session' | 'recent';
}

/**
 * One standard's level (value on the report scale) at the period's start and end, from the
 * mastery engine (src/services/mastery.service.ts masteryAsOf), keyed by the evidence's
 * standard id. A teacher's override in force on that day counts as the level.
 */
export interface PeriodLevel {
  readonly standardId: string;
  readonly startLevel: number | null;
  readonly startMastered: boolean;
  readonly endLevel: number | null;
  readonly endMastered: boolean;
}

/** One thing to try at home, from the teacher's next step on one standard. */
export interface HomeTip {
  readonly frame: string;
  readonly skill: LocalText;
  /** The teacher's next step, exactly as written. */
  readonly step: string;
}

/** How to reach the teachers and the school. */
export interface ContactBlock {
  readonly teacherLabel: string;
  readonly teachers: ReadonlyArray<{
    readonly name: string;
    readonly email: string | null;
    readonly classTitle: string;
  }>;
  readonly phone: string | null;
  readonly email: string | null;
  readonly conferenceUrl: string | null;
}

/** Everything the family report shows, in one language. */
export interface FamilyReportModel {
  readonly lang: ReportLang;
  /** The page's lang attribute ("zh-Hans" for Chinese). */
  readonly htmlLang: string;
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
  /** "This report covers September 1, 2026 to October 31, 2026."; null without a period. */
  readonly periodText: string | null;
  /** Standards that reached the goal in the period, celebrated at the top. */
  readonly milestones: readonly StandardLine[];
  readonly milestoneText: string | null;
  readonly home: HomeTip | null;
  readonly contact: ContactBlock;
  /** True when some text is shown in English because it has no translation. */
  readonly hasUntranslated: boolean;
  /** The portfolio work shared with the family (see work-samples.ts); null when none. */
  readonly workSamples?: WorkSamplesBlock | null;
}

/**
 * How to build a model: the language, the day the report is made (ISO date), and optionally
 * the reporting period with each standard's levels at its start and end.
 */
export interface FamilyReportOptions {
  readonly lang: ReportLang;
  readonly today: string;
  readonly period?: ReportPeriod;
  readonly periodLevels?: readonly PeriodLevel[];
  /** Each standard's override and what's next, from the mastery engine. */
  readonly engine?: readonly EngineStandard[];
  /** The "Work samples" section, built by work-samples.ts from the shared portfolio work. */
  readonly workSamples?: WorkSamplesBlock | null;
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
  const context: LineContext = { data, scale, legend, options, t };
  const standards = sortStandards(data.standards).map((standard) =>
    standardLine(standard, context),
  );
  const grade = gradeText(data.student.gradeLevel, lang, t);
  const iep = iepSummary(data.ieps[0], data.translations ?? [], lang, t);
  const milestones = standards.filter((line) => line.milestone);

  const model = {
    lang,
    htmlLang: htmlLangOf(lang),
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
    periodText: options.period ? periodTextOf(options.period, lang, t) : null,
    milestones,
    milestoneText:
      milestones.length > 0
        ? t('family.milestones.intro', { name: data.student.givenName, count: milestones.length })
        : null,
    home: homeTip(data.student.givenName, standards, t),
    contact: contactBlock(data, t),
    workSamples: options.workSamples ?? null,
  };
  return { ...model, hasUntranslated: anyUntranslated(model) };
}

/**
 * The language a report is written in when none is asked for: the first guardian's (in id
 * order) that is a report language, else the student's, else English.
 */
export function preferredReportLang(data: FamilyReportData): ReportLang {
  return reportLanguagesOf(data)[0] ?? 'en';
}

/**
 * Every language the student's guardians read, in guardian order, each once; the student's
 * own preference when no guardian has a report language; English when neither has one.
 * Example: guardians preferring "es-MX" and "Arabic" give ["es", "ar"].
 */
export function reportLanguagesOf(data: FamilyReportData): ReportLang[] {
  const fromGuardians = (data.guardians ?? []).flatMap((guardian) => {
    const lang = reportLangOf(guardian.preferredLanguage);
    return lang ? [lang] : [];
  });
  if (fromGuardians.length > 0) return [...new Set(fromGuardians)];
  return [reportLangOf(data.student.preferredLanguage) ?? 'en'];
}

function periodTextOf(period: ReportPeriod, lang: ReportLang, t: Translate): string {
  return t('family.period', {
    start: formatDate(period.from, lang),
    end: formatDate(period.to, lang),
  });
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

/** What every standard line is read against. */
interface LineContext {
  readonly data: FamilyReportData;
  readonly scale: ProficiencyScale;
  readonly legend: readonly LevelBadge[];
  readonly options: FamilyReportOptions;
  readonly t: Translate;
}

function standardLine(standard: ReportStandard, context: LineContext): StandardLine {
  const { scale, legend, options, t } = context;
  const { lang } = options;
  const levels = options.periodLevels?.find((level) => level.standardId === standard.standardId);
  const engine = engineNow(standard, levels, options);
  const override = engine?.override ?? null;
  const now = badgeFor(
    legend,
    levelFor(scale, override?.levelValue ?? currentValue(standard, levels, options)),
  );
  const start = startOf(standard, levels, scale, legend);
  const goalValue = masteryLevel(scale).value;
  const status = !now ? 'no-level' : now.value >= goalValue ? 'met' : 'not-yet';
  const track = trackOf(now, start.badge, goalValue, scoresInPeriod(standard, options), scale);

  return {
    code: standard.code,
    title: standardTitle(standard, context.data.translations ?? [], lang),
    now,
    started: start.badge,
    startKind: start.kind,
    startLabel: t(levels ? 'family.standard.periodStart' : 'family.standard.started'),
    startNote: levels && !start.badge && now ? t('family.standard.notBefore') : null,
    status,
    statusText: t(STATUS_KEYS[status]),
    track,
    trackText: t(TRACK_KEYS[track]),
    milestone: levels !== undefined && status === 'met' && !levels.startMastered,
    strength: standard.feedback.strength,
    nextStep: standard.feedback.nextStep,
    basis: basisOf(standard, scale, lang, t),
    overrideText: override
      ? t(override.stale ? 'family.standard.overrideStale' : 'family.standard.override')
      : null,
    nextText: status === 'met' ? null : nextTextOf(engine, legend, t),
  };
}

/** The engine's reading of a standard now; none for a period that ended before the report day. */
function engineNow(
  standard: ReportStandard,
  levels: PeriodLevel | undefined,
  options: FamilyReportOptions,
): EngineStandard | null {
  if (levels && options.period && options.period.to < options.today) return null;
  return options.engine?.find((line) => line.standardId === standard.standardId) ?? null;
}

/**
 * "What is next: a 4 (Extending) on the next piece of work would reach the goal.", or that
 * more than one piece is needed; null without the engine's answer or at the goal.
 */
function nextTextOf(
  engine: EngineStandard | null,
  legend: readonly LevelBadge[],
  t: Translate,
): string | null {
  if (!engine || engine.masteredNow) return null;
  if (engine.nextLevelValue === null) return t('family.next.more');

  const badge = legend.find((level) => level.value === engine.nextLevelValue);
  const score = badge ? `${badge.value} (${badge.label.text})` : String(engine.nextLevelValue);
  return t('family.next.reach', { score });
}

/**
 * Where a standard started: with period levels, its level at the period's start (none when it
 * was first checked in the period); without them, the first scored evidence's level when
 * there is more than one piece.
 */
function startOf(
  standard: ReportStandard,
  levels: PeriodLevel | undefined,
  scale: ProficiencyScale,
  legend: readonly LevelBadge[],
): { badge: LevelBadge | null; kind: StandardLine['startKind'] } {
  if (levels) {
    const badge = badgeFor(legend, levelFor(scale, levels.startLevel));
    return { badge, kind: badge ? 'period' : null };
  }
  const { feedback } = standard;
  const badge =
    feedback.evidenceCount > 1 ? badgeFor(legend, levelFor(scale, feedback.firstScore)) : null;
  return { badge, kind: badge ? 'first' : null };
}

/**
 * Whether a standard is on track:
 * - reached: the level now is at or above the goal;
 * - on-track: below the goal, and higher than where it started (the period's start, else the
 *   first scored evidence of the period);
 * - off-track: below the goal, and not higher than where it started;
 * - too-soon: below the goal with no start to compare (fewer than two scores in the period);
 * - no-level: no level yet.
 * Example (goal 3): start 1, now 2 → on-track; start 2, now 2 → off-track; now 3 → reached.
 */
export function trackOf(
  now: LevelBadge | null,
  start: LevelBadge | null,
  goalValue: number,
  periodScores: readonly DatedScore[],
  scale: ProficiencyScale,
): Track {
  if (!now) return 'no-level';
  if (now.value >= goalValue) return 'reached';

  const from = start?.value ?? firstOfTwo(periodScores, scale);
  if (from === null) return 'too-soon';
  return now.value > from ? 'on-track' : 'off-track';
}

/** The level of the first of at least two scores, else null. */
function firstOfTwo(scores: readonly DatedScore[], scale: ProficiencyScale): number | null {
  if (scores.length < 2) return null;
  return levelFor(scale, scores[0]?.score ?? null)?.value ?? null;
}

/** The standard's scored evidence within the period (all of it without a period). */
function scoresInPeriod(standard: ReportStandard, options: FamilyReportOptions): DatedScore[] {
  const scores = standard.scores ?? [];
  const { period } = options;
  if (!period) return [...scores];
  return scores.filter(
    ({ observedAt }) =>
      observedAt !== null &&
      observedAt.slice(0, 10) >= period.from &&
      observedAt.slice(0, 10) <= period.to,
  );
}

const TRACK_KEYS = {
  reached: 'family.track.reached',
  'on-track': 'family.track.onTrack',
  'off-track': 'family.track.offTrack',
  'too-soon': 'family.track.tooSoon',
  'no-level': 'family.standard.status.noLevel',
} as const;

const STATUS_KEYS = {
  met: 'family.standard.status.met',
  'not-yet': 'family.standard.status.notYet',
  'no-level': 'family.standard.status.noLevel',
} as const;

/**
 * The value a standard's level is read from: for a period that ended before the report day,
 * the level at the period's end; otherwise the stored level, else the stored score.
 */
function currentValue(
  standard: ReportStandard,
  levels: PeriodLevel | undefined,
  options: FamilyReportOptions,
): number | null {
  if (levels && options.period && options.period.to < options.today) return levels.endLevel;
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
  return parts.join(sentenceGap(lang));
}

/** What goes between two sentences: nothing in Chinese (。 ends a sentence), else a space. */
function sentenceGap(lang: ReportLang): string {
  return lang === 'zh' ? '' : ' ';
}

/**
 * A score to two decimals, half up (formatScore), with the language's decimal mark.
 * Example: 3.125 in Spanish is "3,13".
 */
export function localScore(score: number, lang: ReportLang): string {
  const rounded = Number(formatScore(score));
  return new Intl.NumberFormat(htmlLangOf(lang), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(rounded);
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

function iepSummary(
  iep: ReportIep | undefined,
  translations: readonly ReportTranslation[],
  lang: ReportLang,
  t: Translate,
): IepSummary | null {
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
    goals: iep.goals.map((goal) => goalLine(goal, translations, lang)),
  };
}

function goalLine(
  goal: ReportIepGoal,
  translations: readonly ReportTranslation[],
  lang: ReportLang,
): GoalLine {
  const find = (field: string, text: string) =>
    storedText(text, translations, { entity: 'iep_goal', id: goal.id, field }, lang);
  return {
    area: find('area', goal.area),
    statement: find('statement', goal.statement),
    baseline: goalValue(goal.baselineValue, goal.measurementType, lang),
    target: goalValue(goal.targetValue, goal.measurementType, lang),
    goalDate: goal.goalDate ? formatDate(goal.goalDate, lang) : null,
  };
}

/** A goal value in its measure: percents with the language's percent sign ("80%", "80 %"). */
function goalValue(value: number | null, measurementType: string, lang: ReportLang): string | null {
  if (value === null) return null;
  if (!measurementType.includes('percent')) return formatNumber(value, lang);
  return new Intl.NumberFormat(htmlLangOf(lang), {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(value / 100);
}

/** The standard's family wording in the report's language when a person translated it. */
function standardTitle(
  standard: ReportStandard,
  translations: readonly ReportTranslation[],
  lang: ReportLang,
): LocalText {
  const id = standard.shownId ?? standard.standardId;
  const key = { entity: 'standard', id, field: 'family_wording' };
  const wording = storedText(standard.familyWording, translations, key, lang);
  if (!wording.untranslated) return wording;
  return storedText(standard.familyWording, translations, { ...key, field: 'statement' }, lang);
}

/**
 * Stored English text, or its stored translation into the report's language. Without one the
 * English is kept and marked; nothing is ever translated by machine here.
 */
export function storedText(
  text: string,
  translations: readonly ReportTranslation[],
  key: { readonly entity: string; readonly id: string; readonly field: string },
  lang: ReportLang,
): LocalText {
  if (lang === 'en') return english(text, lang);
  const found = translations.find(
    (row) =>
      row.entity === key.entity &&
      row.entityId === key.id &&
      row.field === key.field &&
      reportLangOf(row.lang) === lang &&
      row.text.trim() !== '',
  );
  return found ? translated(found.text, lang) : english(text, lang);
}

/**
 * One thing to try at home: the teacher's next step on the standard furthest from the goal
 * (lowest level now, then list order), framed in a fixed friendly sentence. Standards at the
 * goal are used only when no other has a next step.
 */
function homeTip(givenName: string, lines: readonly StandardLine[], t: Translate): HomeTip | null {
  const withStep = lines.filter((line) => line.nextStep !== null);
  const below = withStep.filter((line) => line.status !== 'met');
  const pool = below.length > 0 ? below : withStep;
  const chosen = [...pool].sort((a, b) => (a.now?.value ?? 0) - (b.now?.value ?? 0))[0];
  if (!chosen?.nextStep) return null;

  return {
    frame: t('family.home.frame', { name: givenName }),
    skill: chosen.title,
    step: chosen.nextStep,
  };
}

function contactBlock(data: FamilyReportData, t: Translate): ContactBlock {
  const teachers = (data.teachers ?? []).map(({ name, email, classTitle }) => ({
    name,
    email,
    classTitle,
  }));
  return {
    teacherLabel: t('family.contact.teacher', { count: Math.max(1, teachers.length) }),
    teachers,
    phone: data.contact?.phone ?? null,
    email: data.contact?.email ?? null,
    conferenceUrl: data.contact?.conferenceUrl ?? null,
  };
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
    model.home?.skill ?? null,
    model.iep?.setting ?? null,
    ...(model.iep?.goals ?? []).flatMap((goal) => [goal.area, goal.statement]),
  ];
  return texts.some((text) => text?.untranslated === true);
}
