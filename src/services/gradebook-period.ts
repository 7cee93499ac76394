/**
 * The period a class gradebook shows: "Current" (the stored mastery), one of the academic
 * sessions around the class (its term, the school year holding it, and the other terms and
 * grading periods of that year), or any past day. A past period shows mastery as it stood at
 * the end of its last day. The choice travels in the URL as `?period=ID` or `?asOf=YYYY-MM-DD`.
 */
import { z } from 'zod';
import type { ClassSessions, SessionSpan } from '../store/gradebook.repository.js';

/** What the gradebook shows: current mastery, or mastery at the end of `asOf`. */
export type GradebookPeriod =
  | { readonly kind: 'current' }
  | { readonly kind: 'session'; readonly session: SessionSpan; readonly asOf: string }
  | { readonly kind: 'date'; readonly asOf: string };

/** The current period: stored mastery, every piece of evidence. */
export const CURRENT_PERIOD: GradebookPeriod = { kind: 'current' };

/** The period asked for, or why it cannot be shown (a message for the teacher). */
export type PeriodChoice =
  | { readonly ok: true; readonly period: GradebookPeriod }
  | { readonly ok: false; readonly message: string };

/** The period fields of the gradebook's query string, as received. */
export interface PeriodQuery {
  readonly period: string | undefined;
  readonly asOf: string | undefined;
}

const isoDate = z.iso.date();

/**
 * The sessions a class's gradebook offers, earliest first (a longer one before the shorter
 * ones starting the same day). With a class term: the widest session holding that term (its
 * school year, or the term itself) and every session overlapping it. Without one: all of them.
 *
 * Example: term "Autumn" (Aug 31 to Dec 18) inside "2026-27" (Aug 1 to Jul 31), with "Spring"
 * (Jan 5 to Jun 30) and "2025-26" → 2026-27, Autumn, Spring.
 */
export function periodsOfClass(sessions: ClassSessions): SessionSpan[] {
  const term = sessions.classTerm;
  const scope =
    term === null
      ? null
      : sessions.sessions
          .filter((s) => s.startDate <= term.startDate && s.endDate >= term.endDate)
          .reduce((wide, s) => (span(s) > span(wide) ? s : wide), term);
  const near =
    scope === null
      ? sessions.sessions
      : sessions.sessions.filter(
          (s) => s.startDate <= scope.endDate && s.endDate >= scope.startDate,
        );

  return [...near].sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      b.endDate.localeCompare(a.endDate) ||
      a.name.localeCompare(b.name),
  );
}

/** A session's length in days, as a sortable number. Example: Aug 31 to Dec 18 → 109. */
function span(session: SessionSpan): number {
  return (Date.parse(session.endDate) - Date.parse(session.startDate)) / 86_400_000;
}

/**
 * Reads the period from the query: none or "current" → current; a session of the class →
 * mastery at the end of its last day (or of today while it runs); a date up to today → that
 * day. Anything else is refused with a message naming what was wrong.
 *
 * Example: `?period=<autumn id>` on 2027-02-01 → { kind: 'session', asOf: '2026-12-18' }.
 */
export function choosePeriod(
  query: PeriodQuery,
  periods: readonly SessionSpan[],
  today: string,
): PeriodChoice {
  const periodId = query.period?.trim() ?? '';
  const asOf = query.asOf?.trim() ?? '';
  if (periodId !== '' && periodId !== 'current' && asOf !== '') {
    return refuse('Choose a period or a date, not both.');
  }
  if (asOf !== '') return chooseDate(asOf, today);
  if (periodId === '' || periodId === 'current') return { ok: true, period: CURRENT_PERIOD };

  const session = periods.find((s) => s.id === periodId);
  if (!session) return refuse(`There is no period "${clip(periodId)}" for this class.`);
  if (session.startDate > today) return refuse(`${session.name} has not begun yet.`);
  const end = session.endDate < today ? session.endDate : today;
  return { ok: true, period: { kind: 'session', session, asOf: end } };
}

function chooseDate(asOf: string, today: string): PeriodChoice {
  if (!isoDate.safeParse(asOf).success) {
    return refuse(`"${clip(asOf)}" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-31.`);
  }
  if (asOf > today) return refuse(`${asOf} is after today: choose a day up to ${today}.`);
  return { ok: true, period: { kind: 'date', asOf } };
}

function refuse(message: string): PeriodChoice {
  return { ok: false, message: `${message} Showing current mastery instead.` };
}

/** Keeps an echoed value short; the page escapes it. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The query fields that keep a period in a link: none for current. */
export function periodParams(period: GradebookPeriod): Record<string, string> {
  switch (period.kind) {
    case 'current':
      return {};
    case 'session':
      return { period: period.session.id };
    case 'date':
      return { asOf: period.asOf };
  }
}

/** The last day a period counts evidence to, or null for current. */
export function asOfDate(period: GradebookPeriod): string | null {
  return period.kind === 'current' ? null : period.asOf;
}
