/** Reading stored mastery against the proficiency scale for display. */
import { formatScore as formatDecimal } from '../../domain/scale.js';
import type { ScaleLevel } from '../../store/gradebook.repository.js';

/** A level as shown: its rank on the scale (1 = lowest) picks the CSS color class. */
export interface ShownLevel {
  readonly rank: number;
  readonly value: number;
  readonly label: string;
  readonly studentWording: string;
  readonly familyWording: string;
  readonly isMastery: boolean;
}

/**
 * The highest scale level at or below `value`, e.g. 3.4 on a 1-4 scale is "Proficient";
 * null when there is no value or it is below the lowest level.
 */
export function levelFor(levels: readonly ScaleLevel[], value: number | null): ShownLevel | null {
  if (value === null) return null;
  let shown: ShownLevel | null = null;
  for (const [index, level] of levels.entries()) {
    if (level.value <= value + 1e-9) shown = { ...level, rank: index + 1 };
  }
  return shown;
}

/** A symbol per rank, so a level reads without color too: ◔ ◑ ◕ ●. */
export function levelSymbol(rank: number): string {
  return ['◔', '◑', '◕', '●'][Math.min(rank, 4) - 1] ?? '●';
}

const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "2026-10-02" (or an instant) as "Oct 2, 2026"; an em dash when unknown. */
export function formatDay(value: string | null): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
}

/**
 * A score as shown: whole numbers plain, others to two decimals rounded half up on the decimal
 * value (the engine's rule: 2.675 shows as "2.68").
 */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return Number.isInteger(score) ? String(score) : formatDecimal(score);
}

/** "1 piece of evidence" / "3 pieces of evidence". */
export function evidenceCountText(count: number): string {
  return count === 1 ? '1 piece of evidence' : `${count} pieces of evidence`;
}

/** The short code of a standard for a narrow column: "CCSS.Math.Content.5.NBT.A.1" → "5.NBT.A.1". */
export function shortCode(code: string | null): string {
  if (!code) return '—';
  return code.replace(/^CCSS\.(Math\.Content|ELA-Literacy)\./, '');
}
