import { describe, expect, it } from 'vitest';
import {
  evaluateCriterion,
  type MasteryCriterion,
} from '../../../src/domain/criterion/criterion.js';
import {
  criterionSentences,
  shortfallSentences,
} from '../../../src/domain/criterion/criterion-sentence.js';

describe('the criterion as a sentence', () => {
  it.each<[MasteryCriterion, string, string]>([
    [
      { measure: 'percent', atLeast: 80, sessions: { consecutive: 3 } },
      'at least 80% of trials correct in 3 consecutive sessions',
      'al menos el 80 % de los ensayos correctos en 3 sesiones consecutivas',
    ],
    [
      { measure: 'percent', atLeast: 90, minTrials: 10, sessions: { atLeast: 4, of: 5 } },
      'at least 90% of trials correct in 4 of the last 5 sessions of at least 10 trials',
      'al menos el 90 % de los ensayos correctos en 4 de las últimas 5 sesiones de al menos 10 ensayos',
    ],
    [
      { measure: 'count', atMost: 2, sessions: { consecutive: 5 } },
      'at most 2 occurrences in 5 consecutive sessions',
      'como máximo 2 ocurrencias en 5 sesiones consecutivas',
    ],
    [
      { measure: 'count', atMost: 1, sessions: { consecutive: 1 } },
      'at most 1 occurrence in 1 session',
      'como máximo 1 ocurrencia en 1 sesión',
    ],
    [
      { measure: 'rate', atLeast: 1.5, sessions: { consecutive: 3 } },
      'at least 1.5 per minute in 3 consecutive sessions',
      'al menos 1,5 por minuto en 3 sesiones consecutivas',
    ],
    [
      { measure: 'intervals', atMost: 20, sessions: { atLeast: 3, of: 4 } },
      'the behavior in at most 20% of intervals in 3 of the last 4 sessions',
      'la conducta en como máximo el 20 % de los intervalos en 3 de las últimas 4 sesiones',
    ],
    [
      { measure: 'duration', atLeast: 300, sessions: { consecutive: 2 } },
      'a duration of at least 300 seconds in 2 consecutive sessions',
      'una duración de al menos 300 segundos en 2 sesiones consecutivas',
    ],
    [
      { measure: 'latency', atMost: 5, sessions: { consecutive: 3 } },
      'a latency of at most 5 seconds in 3 consecutive sessions',
      'una latencia de como máximo 5 segundos en 3 sesiones consecutivas',
    ],
    [
      { measure: 'steps', atLeast: 8, sessions: { consecutive: 3 } },
      'at least 8 task-analysis steps done independently in 3 consecutive sessions',
      'al menos 8 pasos del análisis de tareas de forma independiente en 3 sesiones consecutivas',
    ],
    [
      { measure: 'prompt_level', atMost: 1, sessions: { consecutive: 3 } },
      'a prompt level of at most 1 in 3 consecutive sessions',
      'un nivel de ayuda de como máximo 1 en 3 sesiones consecutivas',
    ],
    [
      { measure: 'rubric', atLeast: 3, sessions: { consecutive: 2 } },
      'a rubric level of at least 3 in 2 consecutive sessions',
      'un nivel de rúbrica de al menos 3 en 2 sesiones consecutivas',
    ],
    [
      { measure: 'score', atLeast: 66.67, sessions: { consecutive: 2 } },
      'a score of at least 66.67 in 2 consecutive sessions',
      'una puntuación de al menos 66,67 en 2 sesiones consecutivas',
    ],
  ])('writes %j in English and Spanish', (criterion, en, es) => {
    expect(criterionSentences(criterion)).toEqual({ en, es });
  });
});

describe('why a criterion is not met yet', () => {
  const pct = (extra: Partial<MasteryCriterion> = {}): MasteryCriterion =>
    ({
      measure: 'percent',
      atLeast: 80,
      sessions: { consecutive: 3 },
      ...extra,
    }) as MasteryCriterion;

  it('names the run so far and a last session with too few trials', () => {
    const criterion = pct({ minTrials: 5 });
    const sessions = [
      { date: '2026-10-01', correct: 4, trials: 5 },
      { date: '2026-10-02', correct: 5, trials: 5 },
      { date: '2026-10-03', correct: 4, trials: 4 },
    ];

    expect(shortfallSentences(criterion, evaluateCriterion(criterion, sessions).standing)).toEqual({
      en: '2 of 3 consecutive sessions so far; the last session had 4 trials and needs 5',
      es: '2 de 3 sesiones consecutivas hasta ahora; la última sesión tuvo 4 ensayos y necesita 5',
    });
  });

  it('names the score of a last session that missed', () => {
    const criterion = pct();
    const sessions = [{ date: '2026-10-01', correct: 2, trials: 5 }];

    expect(shortfallSentences(criterion, evaluateCriterion(criterion, sessions).standing)).toEqual({
      en: '0 of 3 consecutive sessions so far; the last session scored 40% and needs at least 80%',
      es: '0 de 3 sesiones consecutivas hasta ahora; la última sesión obtuvo 40 % y necesita al menos 80 %',
    });
  });

  it('counts the window for k of the last n sessions', () => {
    const criterion = pct({ sessions: { atLeast: 4, of: 5 } });
    const sessions = [4, 4, 5].map((correct, i) => ({
      date: `2026-10-0${i + 1}`,
      correct,
      trials: 5,
    }));

    expect(shortfallSentences(criterion, evaluateCriterion(criterion, sessions).standing)).toEqual({
      en: '3 of the last 3 counted sessions meet it; 4 of 5 are needed',
      es: '3 de las últimas 3 sesiones contadas lo cumplen; se necesitan 4 de 5',
    });
  });

  it('says so when there are no sessions', () => {
    const criterion = pct();

    expect(shortfallSentences(criterion, evaluateCriterion(criterion, []).standing)).toEqual({
      en: 'no sessions yet',
      es: 'todavía no hay sesiones',
    });
  });

  it('writes a missed count for an at-most criterion', () => {
    const criterion: MasteryCriterion = {
      measure: 'count',
      atMost: 2,
      sessions: { consecutive: 3 },
    };
    const standing = evaluateCriterion(criterion, [{ date: '2026-10-01', value: 4 }]).standing;

    expect(shortfallSentences(criterion, standing).en).toBe(
      '0 of 3 consecutive sessions so far; the last session scored 4 and needs at most 2',
    );
  });
});
