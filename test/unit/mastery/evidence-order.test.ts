import { describe, expect, it } from 'vitest';
import { computeMastery } from '../../../src/domain/mastery/compute.js';
import {
  classifyEvidence,
  countedScores,
  hasMinimumEvidence,
  orderEvidence,
} from '../../../src/domain/mastery/evidence-order.js';
import type { EvidenceItem } from '../../../src/domain/mastery/types.js';
import { DEFAULT_SCALE } from '../../../src/domain/scale.js';

const item = (
  id: number,
  score: number | null,
  observedAt: string | null,
  extra: Partial<EvidenceItem> = {},
) => ({ id, score, observedAt, ...extra }) satisfies EvidenceItem;

describe('evidence order', () => {
  it('puts undated evidence first, then orders by the date observed', () => {
    const ordered = orderEvidence([
      item(1, 1, '2026-10-02'),
      item(2, 2, null),
      item(3, 3, '2026-10-01'),
    ]);
    expect(ordered.map((e) => e.id)).toEqual([2, 3, 1]);
  });

  it('keeps recording order for equal dates and for several undated pieces', () => {
    const ordered = orderEvidence([
      item(5, 1, '2026-10-01'),
      item(4, 2, '2026-10-01'),
      item(9, 3, null),
      item(7, 4, null),
    ]);
    expect(ordered.map((e) => e.id)).toEqual([7, 9, 4, 5]);
  });

  it('compares a day and an instant by time, a day counting from its start in UTC', () => {
    const ordered = orderEvidence([
      item(1, 1, '2026-10-02T10:00:00Z'),
      item(2, 2, '2026-10-02'),
      item(3, 3, '2026-10-01T23:59:59.000Z'),
      item(4, 4, '2026-10-02T09:00:00.000+00:00'),
    ]);
    expect(ordered.map((e) => e.id)).toEqual([3, 2, 4, 1]);
  });
});

describe('which evidence counts', () => {
  it('lets a revision supersede the attempt it revises', () => {
    const classified = classifyEvidence([
      item(1, 2, '2026-10-01'),
      item(2, 3, '2026-10-05', { revisesId: 1 }),
    ]);
    expect(classified.map((e) => [e.item.id, e.status, e.supersededBy])).toEqual([
      [1, 'superseded', 2],
      [2, 'counted', null],
    ]);
    expect(countedScores(classified)).toEqual([3]);
  });

  it('counts only the latest attempt at a task', () => {
    const classified = classifyEvidence([
      item(1, 1, '2026-10-01', { taskId: 'quiz' }),
      item(2, 4, '2026-10-02', { taskId: 'essay' }),
      item(3, 2, '2026-10-03', { taskId: 'quiz' }),
      item(4, 3, '2026-10-04', { taskId: 'quiz' }),
    ]);
    expect(classified.map((e) => e.status)).toEqual([
      'superseded',
      'counted',
      'superseded',
      'counted',
    ]);
    expect(countedScores(classified)).toEqual([4, 3]);
  });

  it('never averages a revision with the attempt it replaces', () => {
    const items = [
      item(1, 1, '2026-10-01', { taskId: 't' }),
      item(2, 4, '2026-10-02', { taskId: 't', revisesId: 1 }),
    ];
    const result = computeMastery(
      items,
      { method: 'mean', param: null, minEvidence: 1 },
      DEFAULT_SCALE,
    );
    expect(result.score).toBe(4);
  });

  it('keeps excluded evidence in the list but does not count it', () => {
    const classified = classifyEvidence([
      item(1, 3, '2026-10-01'),
      item(2, 0, '2026-10-02', { excluded: true, exclusionReason: 'absent, scored by mistake' }),
    ]);
    expect(classified.map((e) => e.status)).toEqual(['counted', 'excluded']);
    expect(countedScores(classified)).toEqual([3]);
  });

  it('lets the revised attempt count again when its revision is excluded', () => {
    const classified = classifyEvidence([
      item(1, 2, '2026-10-01'),
      item(2, 4, '2026-10-02', { revisesId: 1, excluded: true }),
    ]);
    expect(countedScores(classified)).toEqual([2]);
  });

  it('skips a missing score but counts a 0', () => {
    const classified = classifyEvidence([item(1, null, '2026-10-01'), item(2, 0, '2026-10-02')]);
    expect(classified.map((e) => e.status)).toEqual(['no_score', 'counted']);
    expect(countedScores(classified)).toEqual([0]);
  });

  it('asks for the configured minimum of counted scores before a level is shown', () => {
    expect(hasMinimumEvidence(2, 3)).toBe(false);
    expect(hasMinimumEvidence(3, 3)).toBe(true);
    expect(hasMinimumEvidence(0, 0)).toBe(false);
  });
});

describe('computeMastery', () => {
  const policy = { method: 'decaying_average', param: 65, minEvidence: 1 } as const;

  it('reads 2, 3, 4 under the default policy as 3.5275, level 3 Proficient, mastered', () => {
    const result = computeMastery(
      [item(1, 2, null), item(2, 3, null), item(3, 4, '2026-10-02T10:00:00Z')],
      policy,
      DEFAULT_SCALE,
    );
    expect(result.score).toBe(3.5275);
    expect(result.level?.label).toBe('Proficient');
    expect(result.mastered).toBe(true);
    expect(result.noResultReason).toBeNull();
  });

  it('says "no scores" rather than 0 when nothing counts', () => {
    const result = computeMastery([item(1, null, null)], policy, DEFAULT_SCALE);
    expect(result).toMatchObject({
      score: null,
      level: null,
      mastered: false,
      noResultReason: 'no_scores',
    });
  });

  it('holds back a level below the minimum evidence', () => {
    const result = computeMastery(
      [item(1, 4, null), item(2, 4, null)],
      { ...policy, minEvidence: 3 },
      DEFAULT_SCALE,
    );
    expect(result).toMatchObject({ score: null, noResultReason: 'below_minimum' });
  });

  it('reports too few scores for n times at mastery', () => {
    const result = computeMastery(
      [item(1, 4, null)],
      { method: 'n_mastery', param: 2, minEvidence: 1 },
      DEFAULT_SCALE,
    );
    expect(result).toMatchObject({ score: null, noResultReason: 'too_few_for_method' });
  });

  it('reads a score below the first level as no level yet, and not mastered', () => {
    const result = computeMastery([item(1, 0.5, null)], policy, DEFAULT_SCALE);
    expect(result.score).toBe(0.5);
    expect(result.level).toBeNull();
    expect(result.mastered).toBe(false);
  });
});
