/**
 * Percent agreement: how often raters gave exactly the same rating, as a percent (0 to 100).
 */
import { pairableUnits, type RatingTable } from './ratings.js';

/**
 * The mean, over units rated at least twice, of the share of rater pairs in the unit that
 * agree exactly, times 100; null when no unit was rated twice. With two raters this is the
 * percent of units both rated the same.
 *
 * Example: units [1, 1, 1] (3 of 3 pairs agree) and [1, 2] (0 of 1 pair) give
 * (1 + 0) / 2 · 100 = 50.
 */
export function percentAgreement(table: RatingTable): number | null {
  const units = pairableUnits(table);
  if (units.length === 0) return null;

  const shares = units.map((ratings) => {
    let agreeing = 0;
    for (const [i, a] of ratings.entries())
      agreeing += ratings.slice(i + 1).filter((b) => b === a).length;
    return agreeing / ((ratings.length * (ratings.length - 1)) / 2);
  });
  return (100 * shares.reduce((total, share) => total + share, 0)) / units.length;
}
