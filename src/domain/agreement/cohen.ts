/**
 * Cohen's kappa for two raters (unweighted: any two different ratings disagree fully).
 *
 * κ = (p_o − p_e) / (1 − p_e), over the units both raters rated, where p_o is the share of
 * units they rated the same and p_e = Σ_c (a_c / N) · (b_c / N), a_c and b_c being how often
 * each rater used value c among the N units.
 */
import type { Rating } from './ratings.js';

/**
 * Cohen's kappa, or null when no unit has both ratings or chance agreement is already
 * certain (p_e = 1, both raters always giving the same single value).
 *
 * Example: 50 yes/no units, both "yes" 20, first "yes" second "no" 5, first "no" second "yes"
 * 10, both "no" 15: p_o = 35 / 50 = 0.7, p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.5,
 * κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
 */
export function cohenKappa(
  first: readonly (Rating | null)[],
  second: readonly (Rating | null)[],
): number | null {
  const pairs = bothRated(first, second);
  if (pairs.length === 0) return null;

  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const firstCounts = tally(pairs.map(([a]) => a));
  const secondCounts = tally(pairs.map(([, b]) => b));
  let chance = 0;
  for (const [value, count] of firstCounts)
    chance += (count / n) * ((secondCounts.get(value) ?? 0) / n);

  if (chance === 1) return null;
  return (observed - chance) / (1 - chance);
}

function bothRated(
  first: readonly (Rating | null)[],
  second: readonly (Rating | null)[],
): [Rating, Rating][] {
  const pairs: [Rating, Rating][] = [];
  for (const [unit, a] of first.entries()) {
    const b = second[unit] ?? null;
    if (a !== null && b !== null) pairs.push([a, b]);
  }
  return pairs;
}

function tally(ratings: readonly Rating[]): Map<Rating, number> {
  const counts = new Map<Rating, number>();
  for (const rating of ratings) counts.set(rating, (counts.get(rating) ?? 0) + 1);
  return counts;
}
