import { describe, expect, it } from 'vitest';
import {
  measuredPoints,
  sessionValue,
  sessionsByDay,
  type RawRecord,
  type SessionValue,
} from '../../../src/domain/progress/data-collection.js';

const HIERARCHY = ['independent', 'gestural', 'verbal', 'model', 'full physical'];

function valueOf(record: RawRecord): SessionValue {
  const result = sessionValue(record);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

describe('one value per session', () => {
  it.each<[string, RawRecord, SessionValue]>([
    [
      'percent of trials correct, prompted trials not independent',
      {
        type: 'trials',
        outcomes: ['independent', 'prompted', 'independent', 'incorrect', 'independent'],
      },
      { kind: 'measured', value: 60, correct: 3, trials: 5 },
    ],
    [
      'a gap for a trials session with no trials',
      { type: 'trials', outcomes: [] },
      { kind: 'gap', reason: 'no_trials' },
    ],
    ['the count', { type: 'count', count: 4 }, { kind: 'measured', value: 4 }],
    [
      'a real zero for a count with no occurrences',
      { type: 'count', count: 0 },
      { kind: 'measured', value: 0 },
    ],
    [
      'the rate per minute (6 in 20 minutes)',
      { type: 'rate', count: 6, minutes: 20 },
      { kind: 'measured', value: 0.3 },
    ],
    ['a real zero rate', { type: 'rate', count: 0, minutes: 15 }, { kind: 'measured', value: 0 }],
    [
      'a gap for a rate without observation time',
      { type: 'rate', count: 0, minutes: 0 },
      { kind: 'gap', reason: 'no_observation_time' },
    ],
    [
      'the total duration of the episodes',
      { type: 'duration', episodeSeconds: [30, 45, 15] },
      { kind: 'measured', value: 90 },
    ],
    [
      'a real zero duration with no episodes',
      { type: 'duration', episodeSeconds: [] },
      { kind: 'measured', value: 0 },
    ],
    [
      'the mean latency, no response counting as the ceiling (4 + 8 + 30) / 3 = 14',
      { type: 'latency', latencySeconds: [4, 8, null], ceilingSeconds: 30 },
      { kind: 'measured', value: 14 },
    ],
    [
      'latencies above the ceiling capped at it (10 + 20) / 2 = 15',
      { type: 'latency', latencySeconds: [10, 45], ceilingSeconds: 20 },
      { kind: 'measured', value: 15 },
    ],
    [
      'partial-interval percent of observed intervals (2 of 4)',
      {
        type: 'interval',
        method: 'partial',
        intervals: ['occurred', 'not_occurred', 'not_observed', 'occurred', 'not_occurred'],
      },
      { kind: 'measured', value: 50 },
    ],
    [
      'whole-interval percent (1 of 4)',
      {
        type: 'interval',
        method: 'whole',
        intervals: ['occurred', 'not_occurred', 'not_occurred', 'not_occurred'],
      },
      { kind: 'measured', value: 25 },
    ],
    [
      'a real zero for momentary time sampling with no occurrence',
      { type: 'interval', method: 'momentary', intervals: ['not_occurred', 'not_occurred'] },
      { kind: 'measured', value: 0 },
    ],
    [
      'a gap when no interval was observed',
      { type: 'interval', method: 'partial', intervals: ['not_observed'] },
      { kind: 'gap', reason: 'no_intervals_observed' },
    ],
    [
      'the median prompt level rank (ranks 0, 2, 1 → 1)',
      { type: 'prompt_level', hierarchy: HIERARCHY, levels: ['independent', 'verbal', 'gestural'] },
      { kind: 'measured', value: 1 },
    ],
    [
      'task-analysis steps done independently',
      {
        type: 'task_analysis',
        steps: ['independent', 'independent', 'prompted', 'not_done', 'independent'],
      },
      { kind: 'measured', value: 3 },
    ],
    ['the rubric level', { type: 'rubric', level: 3 }, { kind: 'measured', value: 3 }],
    [
      'the median of the CBM probes',
      { type: 'cbm', probes: [42, 55, 47] },
      { kind: 'measured', value: 47 },
    ],
    [
      'the mean of the middle two of four CBM probes',
      { type: 'cbm', probes: [40, 52, 44, 60] },
      { kind: 'measured', value: 48 },
    ],
    ['a gap for no CBM probes', { type: 'cbm', probes: [] }, { kind: 'gap', reason: 'no_probes' }],
  ])('gives %s', (_, record, expected) => {
    expect(valueOf(record)).toEqual(expected);
  });

  it.each<[RawRecord, string]>([
    [{ type: 'count', count: -1 }, 'count: -1 is not allowed here'],
    [{ type: 'rate', count: 3, minutes: -5 }, 'minutes: -5 is not allowed here'],
    [{ type: 'duration', episodeSeconds: [10, -2] }, 'episodeSeconds[1]: -2 is not allowed here'],
    [
      { type: 'latency', latencySeconds: [3], ceilingSeconds: 0 },
      'ceilingSeconds: 0 is not allowed here',
    ],
    [
      { type: 'prompt_level', hierarchy: HIERARCHY, levels: ['verbal', 'shout'] },
      'levels[1]: "shout" is not one of independent, gestural, verbal, model, full physical',
    ],
  ])('refuses an impossible record %#', (record, problem) => {
    expect(sessionValue(record)).toEqual({ ok: false, problem });
  });
});

describe('sessions by day', () => {
  const sessions = [
    { date: '2026-10-03', value: { kind: 'measured', value: 3 } as const },
    { date: '2026-10-01', value: { kind: 'measured', value: 0 } as const },
  ];

  it('shows a day without data as a gap and a day with no occurrences as zero', () => {
    expect(sessionsByDay(['2026-10-01', '2026-10-02', '2026-10-03'], sessions)).toEqual([
      { date: '2026-10-01', value: { kind: 'measured', value: 0 } },
      { date: '2026-10-02', value: { kind: 'gap', reason: 'no_data' } },
      { date: '2026-10-03', value: { kind: 'measured', value: 3 } },
    ]);
  });

  it('keeps sessions recorded on days that were not due', () => {
    expect(sessionsByDay(['2026-10-01'], sessions).map((s) => s.date)).toEqual([
      '2026-10-01',
      '2026-10-03',
    ]);
  });

  it('keeps zeros and leaves gaps out of the data points', () => {
    const days = sessionsByDay(['2026-10-01', '2026-10-02', '2026-10-03'], sessions);

    expect(measuredPoints(days)).toEqual([
      { date: '2026-10-01', value: 0 },
      { date: '2026-10-03', value: 3 },
    ]);
  });
});
