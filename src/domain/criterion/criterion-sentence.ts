/**
 * Criteria and their shortfalls written as plain sentences in English and Spanish.
 *
 * Examples:
 * - en "at least 80% of trials correct in 3 consecutive sessions"
 * - es "al menos el 80 % de los ensayos correctos en 3 sesiones consecutivas"
 * - en "2 of 3 consecutive sessions so far; the last session had 4 trials and needs 5"
 */
import {
  comparisonOf,
  type Comparison,
  type CriterionMeasure,
  type CriterionStanding,
  type CriterionWindow,
  type LastSession,
  type MasteryCriterion,
} from './criterion.js';

/** The languages criterion sentences are written in. */
export type SentenceLanguage = 'en' | 'es';

/** A sentence in each language. */
export type Sentences = Readonly<Record<SentenceLanguage, string>>;

/**
 * The criterion as a sentence.
 *
 * Example: { measure: "percent", atLeast: 80, minTrials: 5, sessions: { atLeast: 4, of: 5 } }
 * in English is "at least 80% of trials correct in 4 of the last 5 sessions of at least
 * 5 trials".
 */
export function criterionSentence(criterion: MasteryCriterion, language: SentenceLanguage): string {
  const comparison = comparisonOf(criterion);
  const target = measurePhrase(criterion.measure, comparison, language);
  const window = windowPhrase(criterion.sessions, language);
  const trials =
    criterion.minTrials === undefined ? '' : ` ${minTrialsPhrase(criterion.minTrials, language)}`;
  return `${target} ${window}${trials}`;
}

/** The criterion as a sentence in both languages. */
export function criterionSentences(criterion: MasteryCriterion): Sentences {
  return { en: criterionSentence(criterion, 'en'), es: criterionSentence(criterion, 'es') };
}

/**
 * Why a criterion is not met yet, from where the data stands.
 *
 * Example: a run of 2 toward 3 consecutive sessions whose last session had 4 trials of the
 * 5 needed reads "2 of 3 consecutive sessions so far; the last session had 4 trials and
 * needs 5".
 */
export function shortfallSentence(
  criterion: MasteryCriterion,
  standing: CriterionStanding,
  language: SentenceLanguage,
): string {
  if (standing.last === null)
    return language === 'en' ? 'no sessions yet' : 'todavía no hay sesiones';

  const count = countPhrase(criterion.sessions, standing, language);
  const last = lastSessionPhrase(criterion, standing.last, language);
  return last === null ? count : `${count}; ${last}`;
}

/** Why a criterion is not met yet, in both languages. */
export function shortfallSentences(
  criterion: MasteryCriterion,
  standing: CriterionStanding,
): Sentences {
  return {
    en: shortfallSentence(criterion, standing, 'en'),
    es: shortfallSentence(criterion, standing, 'es'),
  };
}

/** The parts a measure's phrase is built from: "at least", "80", and whether it is one. */
interface PhraseParts {
  readonly bound: string;
  readonly x: string;
  readonly one: boolean;
}

type PhraseTable = Readonly<
  Record<CriterionMeasure, Readonly<Record<SentenceLanguage, (p: PhraseParts) => string>>>
>;

const MEASURE_PHRASES: PhraseTable = {
  percent: {
    en: (p) => `${p.bound} ${p.x}% of trials correct`,
    es: (p) => `${p.bound} el ${p.x} % de los ensayos correctos`,
  },
  intervals: {
    en: (p) => `the behavior in ${p.bound} ${p.x}% of intervals`,
    es: (p) => `la conducta en ${p.bound} el ${p.x} % de los intervalos`,
  },
  count: {
    en: (p) => `${p.bound} ${p.x} ${p.one ? 'occurrence' : 'occurrences'}`,
    es: (p) => `${p.bound} ${p.x} ${p.one ? 'ocurrencia' : 'ocurrencias'}`,
  },
  rate: {
    en: (p) => `${p.bound} ${p.x} per minute`,
    es: (p) => `${p.bound} ${p.x} por minuto`,
  },
  duration: {
    en: (p) => `a duration of ${p.bound} ${p.x} ${p.one ? 'second' : 'seconds'}`,
    es: (p) => `una duración de ${p.bound} ${p.x} ${p.one ? 'segundo' : 'segundos'}`,
  },
  latency: {
    en: (p) => `a latency of ${p.bound} ${p.x} ${p.one ? 'second' : 'seconds'}`,
    es: (p) => `una latencia de ${p.bound} ${p.x} ${p.one ? 'segundo' : 'segundos'}`,
  },
  steps: {
    en: (p) => `${p.bound} ${p.x} task-analysis ${p.one ? 'step' : 'steps'} done independently`,
    es: (p) =>
      `${p.bound} ${p.x} ${p.one ? 'paso' : 'pasos'} del análisis de tareas de forma independiente`,
  },
  prompt_level: {
    en: (p) => `a prompt level of ${p.bound} ${p.x}`,
    es: (p) => `un nivel de ayuda de ${p.bound} ${p.x}`,
  },
  rubric: {
    en: (p) => `a rubric level of ${p.bound} ${p.x}`,
    es: (p) => `un nivel de rúbrica de ${p.bound} ${p.x}`,
  },
  score: {
    en: (p) => `a score of ${p.bound} ${p.x}`,
    es: (p) => `una puntuación de ${p.bound} ${p.x}`,
  },
};

function measurePhrase(
  measure: CriterionMeasure,
  comparison: Comparison,
  language: SentenceLanguage,
): string {
  const parts = {
    bound: boundPhrase(comparison.kind, language),
    x: formatNumber(comparison.threshold, language),
    one: comparison.threshold === 1,
  };
  return MEASURE_PHRASES[measure][language](parts);
}

function windowPhrase(window: CriterionWindow, language: SentenceLanguage): string {
  const en = language === 'en';
  if ('consecutive' in window) {
    const n = window.consecutive;
    if (n === 1) return en ? 'in 1 session' : 'en 1 sesión';
    return en ? `in ${n} consecutive sessions` : `en ${n} sesiones consecutivas`;
  }

  const { atLeast: k, of: n } = window;
  if (n === 1) return en ? 'in 1 session' : 'en 1 sesión';
  return en ? `in ${k} of the last ${n} sessions` : `en ${k} de las últimas ${n} sesiones`;
}

function minTrialsPhrase(minTrials: number, language: SentenceLanguage): string {
  return language === 'en'
    ? `of at least ${minTrials} ${plural(minTrials, ['trial', 'trials'])}`
    : `de al menos ${minTrials} ${plural(minTrials, ['ensayo', 'ensayos'])}`;
}

function countPhrase(
  window: CriterionWindow,
  standing: CriterionStanding,
  language: SentenceLanguage,
): string {
  const en = language === 'en';
  if ('consecutive' in window) {
    return en
      ? `${standing.meeting} of ${standing.needed} consecutive sessions so far`
      : `${standing.meeting} de ${standing.needed} sesiones consecutivas hasta ahora`;
  }

  const counted = en
    ? `${standing.meeting} of the last ${standing.inWindow} counted sessions meet it`
    : `${standing.meeting} de las últimas ${standing.inWindow} sesiones contadas lo cumplen`;
  const needed = en
    ? `${window.atLeast} of ${window.of} are needed`
    : `se necesitan ${window.atLeast} de ${window.of}`;
  return `${counted}; ${needed}`;
}

function lastSessionPhrase(
  criterion: MasteryCriterion,
  last: LastSession,
  language: SentenceLanguage,
): string | null {
  const en = language === 'en';
  switch (last.verdict) {
    case 'meets':
      return null;
    case 'too_few_trials': {
      const had = last.trials ?? 0;
      const needs = Math.max(criterion.minTrials ?? 1, 1);
      return en
        ? `the last session had ${had} ${plural(had, ['trial', 'trials'])} and needs ${needs}`
        : `la última sesión tuvo ${had} ${plural(had, ['ensayo', 'ensayos'])} y necesita ${needs}`;
    }
    case 'misses': {
      const comparison = comparisonOf(criterion);
      const scored = scorePhrase(criterion.measure, last.score, language);
      const threshold = scorePhrase(criterion.measure, comparison.threshold, language);
      const wanted = `${boundPhrase(comparison.kind, language)} ${threshold}`;
      return en
        ? `the last session scored ${scored} and needs ${wanted}`
        : `la última sesión obtuvo ${scored} y necesita ${wanted}`;
    }
  }
}

function scorePhrase(measure: CriterionMeasure, value: number, language: SentenceLanguage): string {
  const x = formatNumber(value, language);
  if (measure !== 'percent' && measure !== 'intervals') return x;
  return language === 'en' ? `${x}%` : `${x} %`;
}

function boundPhrase(kind: Comparison['kind'], language: SentenceLanguage): string {
  if (language === 'en') return kind === 'atLeast' ? 'at least' : 'at most';
  return kind === 'atLeast' ? 'al menos' : 'como máximo';
}

function plural(value: number, [one, many]: readonly [string, string]): string {
  return value === 1 ? one : many;
}

function formatNumber(value: number, language: SentenceLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(
    value,
  );
}
