import { describe, expect, it } from 'vitest';
import { scoreFromScores } from '../../../src/domain/mastery/compute.js';
import type { CalculationPolicy, MasteryMethod } from '../../../src/domain/mastery/types.js';
import { describeWhatNext, whatNext } from '../../../src/domain/mastery/what-next.js';

const bounds = { min: 0, max: 4, mastery: 3 };
const policy = (
  method: MasteryMethod,
  param: number | null = null,
  minEvidence = 1,
): CalculationPolicy => ({
  method,
  param,
  minEvidence,
});

describe("what's next", () => {
  it.each([
    ['latest', null, [1, 2], 3],
    ['highest', null, [1, 2], 3],
    ['mean', null, [2, 3], 4],
    ['mean', null, [3, 3], 3],
    ['median', null, [1, 3, 4], 3],
    ['weighted_recent', 65, [2, 2], 3.54],
    ['decaying_average', 65, [2, 2], 3.54],
    ['decaying_average', 65, [], 3],
    ['n_mastery', 2, [3, 1], 3],
    ['power_law', null, [2, 2], 3.43],
    ['recent_mean', 2, [0, 0, 2], 4],
    ['recent_median', 3, [1, 3, 4], 0],
    ['recent_median', 3, [1, 1, 4], 3],
    ['mode', null, [3, 3, 1], 0],
    ['mode', null, [1, 1, 3], 3],
    ['recent_mode', 2, [0, 3], 3],
  ] as const)(
    '%s (param %s) after %j needs a next score of %s',
    (method, param, scores, lowest) => {
      const next = whatNext(scores, policy(method, param), bounds);
      expect(next).toMatchObject({ kind: 'reachable', lowestScore: lowest });
    },
  );

  it('gives the lowest score to two decimals that truly reaches the threshold', () => {
    const next = whatNext([2, 2], policy('decaying_average', 65), bounds);
    if (next.kind !== 'reachable') throw new Error('expected reachable');
    const at = (s: number) =>
      scoreFromScores([2, 2, s], policy('decaying_average', 65), bounds).score!;
    expect(at(next.lowestScore)).toBeGreaterThanOrEqual(3);
    expect(at(next.lowestScore - 0.01)).toBeLessThan(3);
  });

  it.each([
    ['mean', null, [1, 1]],
    ['n_mastery', 3, [3]],
    ['decaying_average', 10, [0, 0]],
    ['mode', null, [1, 1, 2, 2]],
  ] as const)(
    'says %s (param %s) after %j cannot reach mastery with one more score',
    (method, param, scores) => {
      expect(whatNext(scores, policy(method, param), bounds)).toEqual({
        kind: 'out_of_reach',
        masteredNow: false,
      });
    },
  );

  it('says one more score cannot show a level while the minimum evidence is not met', () => {
    expect(whatNext([4], policy('latest', null, 3), bounds).kind).toBe('out_of_reach');
    expect(whatNext([4, 4], policy('latest', null, 3), bounds).kind).toBe('reachable');
  });

  it('notices mastery already reached and keeps any next score for highest', () => {
    const next = whatNext([4], policy('highest'), bounds);
    expect(next).toEqual({ kind: 'reachable', lowestScore: 0, masteredNow: true });
    expect(describeWhatNext(next, bounds)).toBe(
      'Mastered; any next score keeps this at or above the mastery threshold.',
    );
  });

  it('describes the next score in a sentence', () => {
    expect(describeWhatNext(whatNext([2, 2], policy('decaying_average', 65), bounds), bounds)).toBe(
      'A next score of 3.54 or higher reaches the mastery threshold of 3.00.',
    );
    expect(describeWhatNext(whatNext([1, 1], policy('mean'), bounds), bounds)).toBe(
      'One more score cannot reach the mastery threshold of 3.00.',
    );
  });
});
