/**
 * Reliability data: what several raters (coders, scorers) said about the same units
 * (artifacts, items), with null where a rater gave no rating.
 */

/** One rating: a number, or a category name for nominal data. */
export type Rating = number | string;

/** ratings[rater][unit]: each rater's ratings of the same units, null where missing. */
export type RatingTable = readonly (readonly (Rating | null)[])[];

/** The level of measurement, which decides how far apart two different ratings are. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * The ratings each unit received, leaving out missing ones.
 *
 * Example: unitRatings([[1, null], [2, 3]]) = [[1, 2], [3]].
 */
export function unitRatings(table: RatingTable): Rating[][] {
  const unitCount = Math.max(0, ...table.map((rater) => rater.length));
  return Array.from({ length: unitCount }, (_, unit) =>
    table.map((rater) => rater[unit] ?? null).filter((rating) => rating !== null),
  );
}

/** The units that at least two raters rated: the only ones agreement can be measured on. */
export function pairableUnits(table: RatingTable): Rating[][] {
  return unitRatings(table).filter((ratings) => ratings.length >= 2);
}

/**
 * Distinct ratings in order: numbers ascending, then names alphabetically.
 *
 * Example: distinctRatings([3, 1, 3, 2]) = [1, 2, 3].
 */
export function distinctRatings(ratings: readonly Rating[]): Rating[] {
  return [...new Set(ratings)].sort(compareRatings);
}

function compareRatings(a: Rating, b: Rating): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
