import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../../src/domain/calculator.js';
import { calculators } from '../../../src/domain/calculators.js';
import { masteryCalculator } from '../../../src/domain/mastery/mastery.calculator.js';

interface Case {
  readonly id: string;
  readonly input: unknown;
  readonly expected: { readonly score: number | null; readonly mastered: boolean };
}

const cases = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/cases/mastery.json', import.meta.url), 'utf8'),
) as Case[];

const answer = (input: unknown) => runCalculator(masteryCalculator, input);

describe('the mastery calculator on the shared worked cases', () => {
  it.each(cases.map((c) => [c.id, c] as const))('answers case %s', (_id, c) => {
    const result = answer(c.input);
    if (!result.ok) throw new Error(result.problem);
    const value = result.value as { score: number | null; mastered: boolean };
    expect(value.mastered).toBe(c.expected.mastered);
    if (c.expected.score === null) expect(value.score).toBeNull();
    else expect(Math.abs((value.score ?? NaN) - c.expected.score)).toBeLessThanOrEqual(0.005);
  });
});

describe('the mastery calculator', () => {
  it('is registered as "mastery"', () => {
    expect(calculators.mastery).toBe(masteryCalculator);
  });

  it("answers the issue's example exactly", () => {
    const request = {
      method: 'decaying_average',
      param: 65,
      scale: { min: 0, max: 4, mastery: 3 },
      scores: [2, 3, { score: 4, at: '2026-10-02T10:00:00Z' }],
    };
    expect(answer(request)).toEqual({ ok: true, value: { score: 3.5275, mastered: true } });
  });

  it('defaults the scale to 0..4 with mastery at 3', () => {
    expect(answer({ method: 'latest', scores: [2.99] })).toEqual({
      ok: true,
      value: { score: 2.99, mastered: false },
    });
    expect(answer({ method: 'latest', scores: [3] })).toEqual({
      ok: true,
      value: { score: 3, mastered: true },
    });
  });

  it('skips null scores, counts 0, and answers null rather than 0 with no scores', () => {
    expect(answer({ method: 'mean', scores: [null, 0, 4] })).toEqual({
      ok: true,
      value: { score: 2, mastered: false },
    });
    expect(answer({ method: 'mean', scores: [null, { score: null }] })).toEqual({
      ok: true,
      value: { score: null, mastered: false },
    });
    expect(answer({ method: 'mean', scores: [] })).toEqual({
      ok: true,
      value: { score: null, mastered: false },
    });
  });

  it('orders dated scores by date, undated ones first in the order given', () => {
    // Order 1, 3, 2, 4: d = 1, then 2, then 2, then 3; any other order gives another result.
    const scores = [{ score: 4, at: '2026-10-03' }, 1, { score: 2, at: '2026-10-01' }, 3];
    expect(answer({ method: 'decaying_average', param: 50, scores })).toEqual({
      ok: true,
      value: { score: 3, mastered: true },
    });
    expect(answer({ method: 'latest', scores })).toEqual({
      ok: true,
      value: { score: 4, mastered: true },
    });
  });

  it('answers an array of requests in order', () => {
    expect(
      answer([
        { method: 'highest', scores: [1, 4] },
        { method: 'latest', scores: [] },
      ]),
    ).toEqual({
      ok: true,
      value: [
        { score: 4, mastered: true },
        { score: null, mastered: false },
      ],
    });
  });

  it('ignores a parameter given to a method that takes none', () => {
    expect(answer({ method: 'mean', param: 7, scores: [1, 2] })).toEqual({
      ok: true,
      value: { score: 1.5, mastered: false },
    });
  });

  it.each([
    [5, 'request: must be a JSON object with method and scores'],
    [
      { scores: [1] },
      'method: missing; choose latest, highest, mean, median, mode, weighted_recent, decaying_average, n_mastery, power_law, recent_mean, recent_median, recent_mode',
    ],
    [
      { method: 'average', scores: [1] },
      'method: unknown method "average"; choose latest, highest, mean, median, mode, weighted_recent, decaying_average, n_mastery, power_law, recent_mean, recent_median, recent_mode',
    ],
    [
      { method: 'decaying_average', scores: [1] },
      'param: missing; decaying_average needs w, a number from 1 to 99',
    ],
    [
      { method: 'decaying_average', param: 0, scores: [1] },
      'param: 0 is out of range; decaying_average needs w, a number from 1 to 99',
    ],
    [
      { method: 'weighted_recent', param: 100, scores: [1] },
      'param: 100 is out of range; weighted_recent needs w, a number from 1 to 99',
    ],
    [
      { method: 'weighted_recent', param: '65', scores: [1] },
      'param: "65" is not a number; weighted_recent needs w, a number from 1 to 99',
    ],
    [
      { method: 'n_mastery', param: 11, scores: [1] },
      'param: 11 is out of range; n_mastery needs n, a whole number from 1 to 10',
    ],
    [
      { method: 'n_mastery', param: 2.5, scores: [1] },
      'param: 2.5 is out of range; n_mastery needs n, a whole number from 1 to 10',
    ],
    [
      { method: 'recent_mean', param: 21, scores: [1] },
      'param: 21 is out of range; recent_mean needs n, a whole number from 1 to 20',
    ],
    [{ method: 'mean' }, 'scores: missing; give a list of scores'],
    [{ method: 'mean', scores: 3 }, 'scores: must be a list of scores'],
    [{ method: 'mean', scores: [1, 2, 7] }, "scores[2]: 7 is above the scale's max of 4"],
    [{ method: 'mean', scores: [-1] }, "scores[0]: -1 is below the scale's min of 0"],
    [
      { method: 'mean', scores: ['3'] },
      'scores[0]: must be a number, null or an object with score and at',
    ],
    [{ method: 'mean', scores: [{ at: '2026-10-02' }] }, 'scores[0].score: missing'],
    [
      { method: 'mean', scores: [{ score: 5 }] },
      "scores[0].score: 5 is above the scale's max of 4",
    ],
    [
      { method: 'mean', scores: [{ score: 2, at: 'yesterday' }] },
      'scores[0].at: "yesterday" is not a date (use 2026-10-02 or 2026-10-02T10:00:00Z)',
    ],
    [
      { method: 'mean', scores: [{ score: 2, at: '2026-02-30x' }] },
      'scores[0].at: "2026-02-30x" is not a date (use 2026-10-02 or 2026-10-02T10:00:00Z)',
    ],
    [
      { method: 'mean', scale: { min: 4, max: 1 }, scores: [] },
      "scale.max: 1 must be above the scale's min of 4",
    ],
    [
      { method: 'mean', scale: { mastery: 5 }, scores: [] },
      'scale.mastery: 5 is outside the scale (0 to 4)',
    ],
    [{ method: 'mean', scale: { max: 'four' }, scores: [] }, 'scale.max: "four" is not a number'],
    [
      { method: 'mean', scale: [], scores: [] },
      'scale: must be an object with min, max and mastery',
    ],
  ])('refuses %j with "%s"', (input, problem) => {
    expect(answer(input)).toEqual({ ok: false, problem });
  });

  it('names the position of a bad request in an array', () => {
    expect(
      answer([
        { method: 'mean', scores: [1] },
        { method: 'mean', scores: [9] },
      ]),
    ).toEqual({
      ok: false,
      problem: "[1].scores[0]: 9 is above the scale's max of 4",
    });
  });
});
