/**
 * The reporting period of a report: the dates asked for, else the academic session that
 * covers the report day (the shortest one, so a term wins over its school year), else the
 * last 90 days up to the report day. Pure: the same sessions and day give the same period.
 */
import type { ReportSession } from '../../store/family-report.queries.js';
import type { ReportPeriod } from './family-report.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many days the fallback period covers, the report day included. */
export const RECENT_DAYS = 90;

/** Dates asked for; either may be absent. */
export interface PeriodRequest {
  readonly from?: string;
  readonly to?: string;
}

/**
 * The period a report covers. An asked-for end without a start runs 90 days back from it; an
 * asked-for start without an end runs to the report day.
 *
 * Example: no dates, report day 2026-10-20, sessions "2026-2027" (2026-08-20..2027-06-10) and
 * "Autumn term" (2026-08-20..2026-12-18) → the Autumn term. With no session covering the day:
 * 2026-07-23..2026-10-20 (90 days, the report day included).
 */
export function resolvePeriod(
  request: PeriodRequest,
  sessions: readonly ReportSession[],
  today: string,
): ReportPeriod {
  if (request.from !== undefined || request.to !== undefined) {
    const to = request.to ?? maxDay(today, request.from ?? today);
    return { from: request.from ?? addDays(to, 1 - RECENT_DAYS), to, source: 'given' };
  }

  const covering = sessions
    .filter((session) => session.startDate <= today && today <= session.endDate)
    .sort((a, b) => span(a) - span(b) || a.startDate.localeCompare(b.startDate));
  const session = covering[0];
  if (session) return { from: session.startDate, to: session.endDate, source: 'session' };

  return { from: addDays(today, 1 - RECENT_DAYS), to: today, source: 'recent' };
}

/**
 * The ISO day `days` after `day` (before it when negative).
 * Example: addDays("2026-03-01", -1) is "2026-02-28".
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written as YYYY-MM-DD ("2026-02-30" is not one). */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function span(session: ReportSession): number {
  return Date.parse(session.endDate) - Date.parse(session.startDate);
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
