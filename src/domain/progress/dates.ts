/**
 * Calendar dates as ISO text ("2026-09-14"). Distances are counted in whole UTC days, so a
 * week is exactly 7 days and daylight-saving changes never bend a goal line.
 */

const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar date written YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;

  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * Example: daysBetween("2026-09-07", "2027-01-25") = 140.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Weeks from `from` to `to`: days / 7, fractional when the days are not a multiple of 7.
 *
 * Example: weeksBetween("2026-09-07", "2026-09-17") = 10 / 7 ≈ 1.4286.
 */
export function weeksBetween(from: string, to: string): number {
  return daysBetween(from, to) / 7;
}

/** Orders two ISO dates for sorting (ISO text sorts the same as the dates it names). */
export function compareDates(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Sorts dated items by date; items on the same date keep the order they were given in. */
export function sortByDate<T extends { readonly date: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareDates(a.date, b.date));
}
