import { describe, expect, it } from 'vitest';
import {
  cutScoreReached,
  levelOfName,
  objectiveLevel,
} from '../../../src/interop/edfi/performance-levels.js';

// Grand Bend's 7th grade math placement test: maximum 25.5 and these raw-score cuts.
const placementCuts = [
  { label: 'Below Basic', minimum: 15, maximum: 18 },
  { label: 'Well Below Basic', minimum: 0, maximum: 14 },
  { label: 'Advanced', minimum: 23, maximum: 25.5 },
  { label: 'Met Standard', minimum: 19, maximum: 22 },
];

describe('levelOfName', () => {
  it.each([
    ['Well Below Basic', 1],
    ['Below Basic', 2],
    ['Met Standard', 3],
    ['Advanced', 4],
    ['Did Not Meet Standard', 2],
    ['  met standard ', 3],
  ])('puts "%s" at level %i', (name, level) => {
    expect(levelOfName(name)).toBe(level);
  });

  it('leaves a name it does not know unplaced', () => {
    expect(levelOfName('Superior')).toBeNull();
  });
});

describe('cutScoreReached', () => {
  it('takes the level with the highest minimum at or below the score', () => {
    expect(cutScoreReached(placementCuts, 19)?.label).toBe('Met Standard');
    expect(cutScoreReached(placementCuts, 18.5)?.label).toBe('Below Basic');
    expect(cutScoreReached(placementCuts, 0)?.label).toBe('Well Below Basic');
  });

  it('reaches no level below the lowest minimum', () => {
    expect(cutScoreReached([{ label: 'Met Standard', minimum: 18, maximum: null }], 17)).toBeNull();
  });
});

describe('objectiveLevel', () => {
  const scaled = (score: number, objectiveMax: number) =>
    objectiveLevel({
      score,
      objectiveMax,
      objectiveCuts: [],
      assessmentMax: 25.5,
      assessmentCuts: placementCuts,
    });

  it('scales 2 of 3 to 17 of 25.5: Below Basic, level 2', () => {
    expect(scaled(2, 3)).toEqual({ label: 'Below Basic', level: 2 });
  });

  it('scales 1 of 1.5 to 17 of 25.5 without falling below the cut by rounding', () => {
    expect(scaled(1, 1.5)).toEqual({ label: 'Below Basic', level: 2 });
  });

  it('scales 4 of 5 to 20.4: Met Standard, level 3; full marks to Advanced, level 4', () => {
    expect(scaled(4, 5)).toEqual({ label: 'Met Standard', level: 3 });
    expect(scaled(3, 3)).toEqual({ label: 'Advanced', level: 4 });
    expect(scaled(0, 3)).toEqual({ label: 'Well Below Basic', level: 1 });
  });

  it("uses the objective's own cut scores when it has them", () => {
    const objectiveCuts = [
      { label: 'Met Standard', minimum: 18, maximum: null },
      { label: 'Did Not Meet Standard', minimum: 0, maximum: 17 },
    ];
    const judge = (score: number) =>
      objectiveLevel({
        score,
        objectiveMax: 36,
        objectiveCuts,
        assessmentMax: 25.5,
        assessmentCuts: placementCuts,
      });
    expect(judge(18)).toEqual({ label: 'Met Standard', level: 3 });
    expect(judge(17)).toEqual({ label: 'Did Not Meet Standard', level: 2 });
  });

  it('places nothing without cut scores or a maximum to scale by', () => {
    expect(
      objectiveLevel({
        score: 2,
        objectiveMax: null,
        objectiveCuts: [],
        assessmentMax: 25.5,
        assessmentCuts: placementCuts,
      }),
    ).toBeNull();
  });
});
