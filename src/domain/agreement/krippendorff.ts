/**
 * Krippendorff's alpha by way of the coincidence matrix, following Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability".
 *
 * α = 1 − D_o / D_e, where, over the values c and k that occur in units rated at least twice,
 * - o_ck = Σ_u (number of c–k pairs of ratings in unit u) / (m_u − 1), m_u ratings in unit u,
 * - n_c = Σ_k o_ck and n = Σ_c n_c (the pairable ratings),
 * - D_o = (1 / n) · Σ_c Σ_k o_ck · δ²(c, k),
 * - D_e = (1 / (n (n − 1))) · Σ_c Σ_k n_c · n_k · δ²(c, k).
 * Without variation (D_e = 0) alpha is undefined, answered as null.
 */
import {
  distinctRatings,
  pairableUnits,
  type MeasurementLevel,
  type Rating,
  type RatingTable,
} from './ratings.js';

/** The coincidence matrix with its values and their totals. */
export interface CoincidenceMatrix {
  /** The distinct values, in order; rows and columns follow this order. */
  readonly values: readonly Rating[];
  /** counts[c][k] = o_ck. */
  readonly counts: readonly (readonly number[])[];
  /** totals[c] = n_c. */
  readonly totals: readonly number[];
  /** n, the number of pairable ratings. */
  readonly n: number;
}

/**
 * Builds the coincidence matrix from the ratings of units rated at least twice.
 *
 * Example: units [a, a], [a, b] give o_aa = 2, o_ab = o_ba = 1, o_bb = 0 and n = 4.
 */
export function coincidenceMatrix(table: RatingTable): CoincidenceMatrix {
  const units = pairableUnits(table);
  const values = distinctRatings(units.flat());
  const index = new Map(values.map((value, i) => [value, i]));
  const counts = values.map(() => values.map(() => 0));

  for (const unit of units) {
    const share = 1 / (unit.length - 1);
    const positions = unit.map((value) => index.get(value) ?? 0);
    for (const [i, c] of positions.entries()) {
      for (const [j, k] of positions.entries()) {
        if (i !== j) addTo(counts, c, k, share);
      }
    }
  }

  const totals = counts.map((row) => sum(row));
  return { values, counts, totals, n: sum(totals) };
}

/**
 * Krippendorff's alpha for `level`, or null when it is undefined (fewer than two pairable
 * ratings, or no variation at all).
 *
 * Example: the 4-rater, 12-unit reliability data of Krippendorff (2011) gives
 * α ≈ 0.743 (nominal), 0.815 (ordinal), 0.849 (interval) and 0.797 (ratio).
 */
export function krippendorffAlpha(table: RatingTable, level: MeasurementLevel): number | null {
  const matrix = coincidenceMatrix(table);
  if (matrix.n < 2) return null;

  const delta = differenceFunction(matrix, level);
  let observed = 0;
  let expected = 0;
  for (const [c, row] of matrix.counts.entries()) {
    for (const [k, count] of row.entries()) {
      const distance = delta(c, k);
      observed += count * distance;
      expected += (matrix.totals[c] ?? 0) * (matrix.totals[k] ?? 0) * distance;
    }
  }

  if (expected === 0) return null;
  return 1 - observed / matrix.n / (expected / (matrix.n * (matrix.n - 1)));
}

/**
 * The squared difference δ²(c, k) between the values at indexes c and k, by level:
 * - nominal: 0 when equal, else 1
 * - ordinal: (Σ_{g from c to k} n_g − (n_c + n_k) / 2)², with values in rank order
 * - interval: (c − k)²
 * - ratio: ((c − k) / (c + k))², 0 when both are 0
 */
export function differenceFunction(
  matrix: CoincidenceMatrix,
  level: MeasurementLevel,
): (c: number, k: number) => number {
  const number = (i: number): number => Number(matrix.values[i]);
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal':
      return (c, k) => ordinalDifference(matrix.totals, c, k);
    case 'interval':
      return (c, k) => (number(c) - number(k)) ** 2;
    case 'ratio':
      return (c, k) => {
        const total = number(c) + number(k);
        return total === 0 ? 0 : ((number(c) - number(k)) / total) ** 2;
      };
  }
}

function ordinalDifference(totals: readonly number[], c: number, k: number): number {
  if (c === k) return 0;

  const [low, high] = c < k ? [c, k] : [k, c];
  const between = sum(totals.slice(low, high + 1));
  return (between - ((totals[c] ?? 0) + (totals[k] ?? 0)) / 2) ** 2;
}

function addTo(counts: number[][], c: number, k: number, amount: number): void {
  const row = counts[c];
  if (row) row[k] = (row[k] ?? 0) + amount;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
