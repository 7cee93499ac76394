/**
 * Teacher overrides. A teacher may set a student's level on a standard by hand, with a reason.
 * The override is always shown as an override, and it is out of date ("stale") once evidence
 * recorded after it arrives, so the teacher knows to look again. A stale override still
 * stands until the teacher clears or renews it.
 */
import type { ProficiencyScale, ScaleLevel } from '../scale.js';
import type { EvidenceItem } from './types.js';

/** A teacher's override of a computed level. */
export interface MasteryOverride {
  readonly levelValue: number;
  readonly reason: string;
  readonly setBy: string | null;
  readonly setAt: string;
  /** The newest evidence id for the student and standard when the override was set. */
  readonly basisEvidenceId: number | null;
}

/** An override read against the current evidence. */
export interface OverrideStatus {
  readonly override: MasteryOverride;
  readonly level: ScaleLevel | null;
  readonly stale: boolean;
  /** The evidence recorded after the override. */
  readonly newerEvidenceIds: readonly number[];
}

/**
 * Checks an override before it is stored; returns its problems as sentences.
 *
 * Example: level 5 on DEFAULT_SCALE with a blank reason gives
 * ["level: 5 is not a level of this scale (1, 2, 3, 4)", "reason: say why the level is set by
 * hand"].
 */
export function checkOverride(
  override: Pick<MasteryOverride, 'levelValue' | 'reason'>,
  scale: ProficiencyScale,
): string[] {
  const problems: string[] = [];
  if (!scale.levels.some((level) => level.value === override.levelValue)) {
    const values = scale.levels.map((level) => level.value).join(', ');
    problems.push(`level: ${override.levelValue} is not a level of this scale (${values})`);
  }
  if (override.reason.trim() === '') problems.push('reason: say why the level is set by hand');
  return problems;
}

/**
 * The newest evidence id among items, the basis an override records (null for none).
 *
 * Example: ids 4, 9, 7 give 9.
 */
export function newestEvidenceId(items: readonly EvidenceItem[]): number | null {
  return items.reduce<number | null>((newest, item) => Math.max(newest ?? item.id, item.id), null);
}

/**
 * Reads an override against the evidence: stale when scored, included evidence was recorded
 * after it (an id above the basis it recorded).
 *
 * Example: an override set with basis 9 is stale once evidence 12 (score 3) arrives; an
 * excluded or unscored evidence 12 leaves it current.
 */
export function overrideStatus(
  override: MasteryOverride,
  items: readonly EvidenceItem[],
  scale: ProficiencyScale,
): OverrideStatus {
  const basis = override.basisEvidenceId ?? Number.NEGATIVE_INFINITY;
  const newer = items
    .filter((item) => item.id > basis && !item.excluded && item.score !== null)
    .map((item) => item.id);

  return {
    override,
    level: scale.levels.find((level) => level.value === override.levelValue) ?? null,
    stale: newer.length > 0,
    newerEvidenceIds: newer,
  };
}
