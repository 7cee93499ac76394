/**
 * Goal attainment scaling (Kiresuk and Sherman, 1968): each goal is scored on an attainment
 * level from −2 (much less than expected) to +2 (much more than expected), 0 being the
 * expected outcome; some districts also allow −3 (worse than the starting point).
 */

/** The usual correlation assumed between goal scores. */
export const DEFAULT_RHO = 0.3;

/**
 * The summary GAS T-score:
 * T = 50 + 10 · Σ wᵢxᵢ / √((1 − ρ) · Σ wᵢ² + ρ · (Σ wᵢ)²)
 * with levels xᵢ, weights wᵢ (1 each by default) and ρ the assumed correlation (0.3).
 * Expected attainment on every goal gives T = 50.
 *
 * Example: levels 1, 1, 1 with weights 1: Σ wᵢxᵢ = 3, Σ wᵢ² = 3, (Σ wᵢ)² = 9,
 * √(0.7 · 3 + 0.3 · 9) = √4.8 ≈ 2.19089, T = 50 + 30 / 2.19089 ≈ 63.6931.
 * The caller makes sure there is at least one goal, weights are positive and ρ is in [0, 1).
 */
export function gasTScore(
  levels: readonly number[],
  weights: readonly number[] = levels.map(() => 1),
  rho: number = DEFAULT_RHO,
): number {
  let weighted = 0;
  let weightSquares = 0;
  let weightSum = 0;
  for (const [index, level] of levels.entries()) {
    const weight = weights[index] ?? 1;
    weighted += weight * level;
    weightSquares += weight * weight;
    weightSum += weight;
  }

  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * weightSquares + rho * weightSum ** 2);
}
