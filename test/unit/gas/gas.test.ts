import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../../src/domain/calculator.js';
import { calculators } from '../../../src/domain/calculators.js';
import { gasCalculator } from '../../../src/domain/gas/gas.calculator.js';
import { gasTScore } from '../../../src/domain/gas/gas.js';
import { expectCaseAnswer, loadWorkedCases } from '../../support/worked-cases.js';

function answer(input: unknown): unknown {
  const result = runCalculator(gasCalculator, input);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

function problem(input: unknown): string {
  const result = runCalculator(gasCalculator, input);
  return result.ok ? 'accepted' : result.problem;
}

describe('GAS T-score', () => {
  it.each<[string, number[], number[] | undefined, number | undefined, number]>([
    // Σwx = 0 → T = 50 whatever the weights.
    ['expected attainment on every goal', [0, 0, 0], undefined, undefined, 50],
    // Σwx = 3; √(0.7 · 3 + 0.3 · 9) = √4.8 ≈ 2.190890; 30 / 2.190890 ≈ 13.693064.
    ['three goals one level better', [1, 1, 1], undefined, undefined, 50 + 30 / Math.sqrt(4.8)],
    // Σwx = 6 − 1 = 5; Σw² = 10; (Σw)² = 16; √(7 + 4.8) = √11.8 ≈ 3.435113;
    // 50 / 3.435113 ≈ 14.555563.
    ['weighted goals', [2, -1], [3, 1], undefined, 50 + 50 / Math.sqrt(11.8)],
    // ρ = 0: √(Σw²) = √2; 20 / √2 ≈ 14.142136.
    ['uncorrelated goals (ρ = 0)', [1, 1], undefined, 0, 50 + 20 / Math.sqrt(2)],
    // Σwx = 10; √(0.7 · 5 + 0.3 · 25) = √11 ≈ 3.316625; 100 / 3.316625 ≈ 30.151134.
    [
      'five goals at the best level',
      [2, 2, 2, 2, 2],
      undefined,
      undefined,
      50 + 100 / Math.sqrt(11),
    ],
  ])('scores %s', (_, levels, weights, rho, t) => {
    expect(gasTScore(levels, weights, rho)).toBeCloseTo(t, 10);
  });

  it('scores 64.5556 for levels 2 and −1 weighted 3 and 1 (to 4 places)', () => {
    expect(gasTScore([2, -1], [3, 1])).toBeCloseTo(64.5556, 4);
  });
});

describe('trellis calc gas', () => {
  it('is registered as "gas"', () => {
    expect(calculators.gas).toBe(gasCalculator);
  });

  it.each(loadWorkedCases('gas'))('answers worked case $id', ({ input, expected }) => {
    expectCaseAnswer(answer(input), expected);
  });

  it('accepts −3 when the district allows it', () => {
    // Σx = −5; √(0.7 · 2 + 0.3 · 4) = √2.6 ≈ 1.612452; −50 / 1.612452 ≈ −31.008684.
    const result = answer({ levels: [-3, -2], allowMinus3: true }) as { t: number };

    expect(result.t).toBeCloseTo(50 - 50 / Math.sqrt(2.6), 10);
  });

  it.each([
    [{ levels: [] }, 'levels: expected at least one goal'],
    [{}, 'levels: required'],
    [{ levels: [3] }, 'levels[0]: 3 is outside −2 to +2 (−3 needs "allowMinus3": true)'],
    [{ levels: [0, -3] }, 'levels[1]: -3 is outside −2 to +2 (−3 needs "allowMinus3": true)'],
    [{ levels: [-4], allowMinus3: true }, 'levels[0]: -4 is outside −3 to +2'],
    [{ levels: [1.5] }, 'levels[0]: expected a whole level'],
    [{ levels: ['+1'] }, 'levels[0]: expected a number'],
    [{ levels: [1], rho: 1 }, 'rho: expected ρ from 0 up to (not including) 1'],
    [{ levels: [1], rho: -0.1 }, 'rho: expected ρ from 0 up to (not including) 1'],
    [
      { levels: [1, 2], weights: [1] },
      'weights: 1 weights for 2 levels; give one weight per level',
    ],
    [{ levels: [1], weights: [0] }, 'weights[0]: expected a weight above 0'],
    [{ levels: [1], allowMinus3: 'yes' }, 'allowMinus3: expected true or false'],
    [{ levels: [1], ro: 0.3 }, 'ro: not a known field'],
  ])('refuses bad input %#: %s', (input, message) => {
    expect(problem(input)).toBe(message);
  });
});
