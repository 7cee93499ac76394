import { describe, expect, it } from 'vitest';
import { endOf, knownBy, masteryAsOf } from '../../../src/domain/mastery/as-of.js';
import {
  checkOverride,
  newestEvidenceId,
  overrideStatus,
} from '../../../src/domain/mastery/override.js';
import { courseSummary, rollUp } from '../../../src/domain/mastery/rollup.js';
import type { EvidenceItem } from '../../../src/domain/mastery/types.js';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';

const mean = { method: 'mean', param: null, minEvidence: 1 } as const;

describe('mastery as of a date', () => {
  const items: EvidenceItem[] = [
    { id: 1, score: 2, observedAt: '2026-09-10', recordedAt: '2026-09-10T15:00:00Z' },
    { id: 2, score: 3, observedAt: '2026-10-01', recordedAt: '2026-10-01T15:00:00Z' },
    { id: 3, score: 4, observedAt: '2026-11-05', recordedAt: '2026-11-05T15:00:00Z' },
  ];

  it('counts only the evidence observed by the end of the date', () => {
    expect(masteryAsOf(items, '2026-10-15', mean, DEFAULT_SCALE).score).toBe(2.5);
    expect(masteryAsOf(items, '2026-11-30', mean, DEFAULT_SCALE).score).toBe(3);
  });

  it('includes evidence from the last day of the period', () => {
    expect(masteryAsOf(items, '2026-10-01', mean, DEFAULT_SCALE).score).toBe(2.5);
    expect(masteryAsOf(items, '2026-09-30', mean, DEFAULT_SCALE).score).toBe(2);
  });

  it('counts evidence in the period it was observed in, even when recorded later', () => {
    const late = { id: 4, score: 0, observedAt: '2026-10-01', recordedAt: '2026-10-20T09:00:00Z' };
    expect(knownBy(late, '2026-10-15')).toBe(true);
    expect(masteryAsOf([...items, late], '2026-10-15', mean, DEFAULT_SCALE).score).toBeCloseTo(
      5 / 3,
    );
  });

  it('counts undated evidence from the day it was recorded', () => {
    const undated = { id: 5, score: 4, observedAt: null, recordedAt: '2026-10-20T09:00:00Z' };
    expect(knownBy(undated, '2026-10-15')).toBe(false);
    expect(knownBy(undated, '2026-10-20')).toBe(true);
  });

  it('lets the original attempt count on dates before its revision was recorded', () => {
    const revised = [
      { id: 1, score: 1, observedAt: '2026-09-10', recordedAt: '2026-09-10' },
      { id: 2, score: 4, observedAt: '2026-10-10', recordedAt: '2026-10-10', revisesId: 1 },
    ];
    expect(masteryAsOf(revised, '2026-09-30', mean, DEFAULT_SCALE).score).toBe(1);
    expect(masteryAsOf(revised, '2026-10-31', mean, DEFAULT_SCALE).score).toBe(4);
  });

  it('has no result before any evidence', () => {
    expect(masteryAsOf(items, '2026-08-31', mean, DEFAULT_SCALE).score).toBeNull();
  });

  it('treats a day as the whole day in UTC and an instant as itself', () => {
    expect(endOf('2026-10-15')).toBe(Date.parse('2026-10-16T00:00:00Z'));
    expect(endOf('2026-10-15T12:00:00Z')).toBe(Date.parse('2026-10-15T12:00:00.001Z'));
  });
});

describe('rollup to parent standards', () => {
  const tree = [
    { id: 'G', parentId: null },
    { id: 'P', parentId: 'G' },
    { id: 'A', parentId: 'P' },
    { id: 'B', parentId: 'P' },
    { id: 'C', parentId: 'P' },
  ];

  it("averages the children's current scores, leaving out children with no result", () => {
    const rollups = rollUp(
      tree,
      new Map([
        ['A', 3],
        ['B', 2],
        ['C', null],
      ]),
      DEFAULT_SCALE,
    );
    const parent = rollups.find((r) => r.standardId === 'P');
    expect(parent).toMatchObject({ score: 2.5, childCount: 3, scoredChildCount: 2 });
    expect(parent?.level?.label).toBe('Developing');
  });

  it("carries a child's rollup up when the child has no result of its own", () => {
    const rollups = rollUp(
      tree,
      new Map([
        ['A', 3],
        ['B', 4],
      ]),
      DEFAULT_SCALE,
    );
    expect(rollups.find((r) => r.standardId === 'G')).toMatchObject({
      score: 3.5,
      scoredChildCount: 1,
    });
  });

  it('gives a parent no result when no child has one', () => {
    const rollups = rollUp(tree, new Map(), DEFAULT_SCALE);
    expect(rollups.find((r) => r.standardId === 'P')).toMatchObject({ score: null, level: null });
  });

  it('survives a cycle in bad framework data', () => {
    const cycle = [
      { id: 'X', parentId: 'Y' },
      { id: 'Y', parentId: 'X' },
    ];
    expect(
      rollUp(cycle, new Map([['X', 2]]), DEFAULT_SCALE)
        .map((r) => r.standardId)
        .sort(),
    ).toEqual(['X', 'Y']);
  });
});

describe('course summary', () => {
  it('is off unless a school turns it on', () => {
    expect(courseSummary([3, 4], false, DEFAULT_SCALE)).toEqual({ kind: 'off' });
  });

  it("is the mean of the standards' current scores when on", () => {
    expect(courseSummary([3, 4, null], true, DEFAULT_SCALE)).toMatchObject({
      kind: 'summary',
      score: 3.5,
      standardCount: 2,
    });
  });
});

describe('teacher overrides', () => {
  const override = {
    levelValue: 3,
    reason: 'Showed it in a conference',
    setBy: 't1',
    setAt: '2026-10-05T10:00:00Z',
    basisEvidenceId: 9,
  };

  it('checks the level is on the scale and a reason is given', () => {
    expect(checkOverride({ levelValue: 5, reason: ' ' }, DEFAULT_SCALE)).toEqual([
      'level: 5 is not a level of this scale (1, 2, 3, 4)',
      'reason: say why the level is set by hand',
    ]);
    expect(checkOverride({ levelValue: 3, reason: 'ok' }, DEFAULT_SCALE)).toEqual([]);
  });

  it('goes stale when newer scored evidence arrives', () => {
    const status = overrideStatus(
      override,
      [
        { id: 9, score: 2, observedAt: null },
        { id: 12, score: 3, observedAt: null },
      ],
      DEFAULT_SCALE,
    );
    expect(status).toMatchObject({ stale: true, newerEvidenceIds: [12] });
    expect(status.level?.label).toBe('Proficient');
  });

  it('stays current when the only newer evidence is excluded or unscored', () => {
    const items = [
      { id: 12, score: 3, observedAt: null, excluded: true },
      { id: 13, score: null, observedAt: null },
    ];
    expect(overrideStatus(override, items, DEFAULT_SCALE).stale).toBe(false);
  });

  it('records the newest evidence id as its basis', () => {
    expect(
      newestEvidenceId([
        { id: 4, score: 1, observedAt: null },
        { id: 9, score: 1, observedAt: null },
        { id: 7, score: 1, observedAt: null },
      ]),
    ).toBe(9);
    expect(newestEvidenceId([])).toBeNull();
  });
});
