import { describe, expect, it } from 'vitest';
import { choosePeriod, periodsOfClass } from '../../../src/services/gradebook-period.js';
import type { SessionSpan } from '../../../src/store/gradebook.repository.js';

const term = (id: string, startDate: string, endDate: string, kind = 'term'): SessionSpan => ({
  id,
  name: id,
  kind,
  startDate,
  endDate,
});

const YEAR = term('2026-27', '2026-08-01', '2027-07-31', 'schoolYear');
const AUTUMN = term('Autumn', '2026-08-31', '2026-12-18');
const SPRING = term('Spring', '2027-01-05', '2027-06-30');
const LAST_YEAR = term('2025-26', '2025-08-01', '2026-07-31', 'schoolYear');
const ALL = [SPRING, LAST_YEAR, AUTUMN, YEAR];

describe('periods a class gradebook offers', () => {
  it("offers the class term's school year and that year's terms, earliest and longest first", () => {
    const ids = periodsOfClass({ classTerm: AUTUMN, sessions: ALL }).map((s) => s.id);

    expect(ids).toEqual(['2026-27', 'Autumn', 'Spring']);
  });

  it('offers every dated session when the class has no term', () => {
    const ids = periodsOfClass({ classTerm: null, sessions: ALL }).map((s) => s.id);

    expect(ids).toEqual(['2025-26', '2026-27', 'Autumn', 'Spring']);
  });
});

describe('choosing the period from the query', () => {
  const choose = (period?: string, asOf?: string) =>
    choosePeriod({ period, asOf }, [YEAR, AUTUMN, SPRING], '2027-02-01');

  it('reads no period and "current" as current mastery', () => {
    expect(choose()).toEqual({ ok: true, period: { kind: 'current' } });
    expect(choose('current')).toEqual({ ok: true, period: { kind: 'current' } });
  });

  it('counts a past term to its last day and a running one to today', () => {
    expect(choose('Autumn')).toEqual({
      ok: true,
      period: { kind: 'session', session: AUTUMN, asOf: '2026-12-18' },
    });
    expect(choose('2026-27')).toEqual({
      ok: true,
      period: { kind: 'session', session: YEAR, asOf: '2027-02-01' },
    });
  });

  it('refuses an unknown period, a term not begun, a non-date, a future day and both at once', () => {
    const messages = [
      choose('Summer'),
      choose(undefined, '2027-02-02'),
      choose(undefined, '01/10/2026'),
      choose('Autumn', '2026-10-01'),
      choosePeriod({ period: 'Spring', asOf: undefined }, [SPRING], '2026-12-01'),
    ].map((choice) => (choice.ok ? 'accepted' : choice.message));

    expect(messages).toEqual([
      'There is no period "Summer" for this class. Showing current mastery instead.',
      '2027-02-02 is after today: choose a day up to 2027-02-01. Showing current mastery instead.',
      '"01/10/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-31. Showing current mastery instead.',
      'Choose a period or a date, not both. Showing current mastery instead.',
      'Spring has not begun yet. Showing current mastery instead.',
    ]);
  });
});
