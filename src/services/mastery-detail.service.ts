/**
 * The mastery detail of one student on one standard, for the web page that shows the
 * calculation behind a level: the engine's explanation (src/services/mastery.service.ts
 * explainMastery) joined with each piece of evidence's task and feedback, the scale level a
 * next score would need, and the staff actions on it (setting evidence aside, counting it
 * again), each in one transaction with the refreshed result and an audit row.
 */
import type { Kysely } from 'kysely';
import { scoreFromScores } from '../domain/mastery/compute.js';
import type { CourseSummary, Rollup } from '../domain/mastery/rollup.js';
import type { OrderedEvidence } from '../domain/mastery/types.js';
import { boundsOf, type ScaleLevel } from '../domain/scale.js';
import { appendAudit } from '../store/audit.repository.js';
import { loadOverridesOf } from '../store/mastery.repository.js';
import {
  findStandards,
  listClassesOfStudent,
  saveEvidenceExclusion,
  type StandardInfo,
} from '../store/mastery-web.repository.js';
import { listUnreleasedEvidenceIds } from '../store/records.repository.js';
import { listCellEvidence, type CellEvidence } from '../store/workspace.repository.js';
import type { Database } from '../store/schema.js';
import {
  courseSummaryFor,
  explainMastery,
  masteryAsOf,
  masteryRollup,
  refreshPairs,
  type MasteryExplained,
  type MasteryOnDate,
} from './mastery.service.js';

type Db = Kysely<Database>;

/** A piece of evidence in calculation order, with its status and what the teacher wrote. */
export interface EvidenceLine extends OrderedEvidence {
  readonly detail: CellEvidence | null;
}

/** Everything the mastery detail page shows. */
export interface MasteryDetail {
  readonly standard: StandardInfo;
  readonly explained: MasteryExplained;
  /** Oldest first, as the engine reads it. */
  readonly evidence: readonly EvidenceLine[];
  /**
   * The lowest level of the scale that, scored next, reaches the mastery threshold (checked
   * with the engine), or null when none does or the threshold is already reached.
   */
  readonly nextLevel: ScaleLevel | null;
}

/**
 * The detail of a student's mastery on a standard; null when the standard does not exist.
 * With `releasedOnly` (a student or family reader) the evidence staff have not released is
 * left out of the list and of the calculation, as if not recorded yet, and the staff's reasons
 * for setting evidence aside are dropped.
 */
export async function masteryDetail(
  db: Db,
  studentId: string,
  standardId: string,
  options: { readonly releasedOnly?: boolean } = {},
): Promise<MasteryDetail | null> {
  const [standard] = await findStandards(db, [standardId]);
  if (!standard) return null;

  const leaveOut = options.releasedOnly
    ? await listUnreleasedEvidenceIds(db, studentId)
    : new Set<number>();
  const withoutReasons = options.releasedOnly === true;
  const explained = await explainMastery(db, studentId, standardId, { leaveOut, withoutReasons });
  const details = new Map(
    (await listCellEvidence(db, studentId, standardId)).map((d) => [d.id, d]),
  );
  const evidence = explained.evidence.map((entry) => ({
    ...entry,
    detail: details.get(entry.item.id) ?? null,
  }));
  return { standard, explained, evidence, nextLevel: nextLevelToReach(explained) };
}

/**
 * The lowest scale level whose value, as the next score, brings the result to the mastery
 * threshold under the student's method; null when mastered now or when no level does.
 *
 * Example: counted scores [2, 2] under decaying average w = 65 on the default 1-4 scale need
 * a next score of 3.54 (what's next); the lowest level at or above that is 4 Extending, and
 * 2 × 35% + 4 × 65% = 3.3 reaches 3, so the answer is level 4.
 */
export function nextLevelToReach(explained: MasteryExplained): ScaleLevel | null {
  const next = explained.whatNext;
  if (next.kind !== 'reachable' || next.masteredNow) return null;

  const bounds = boundsOf(explained.scale);
  const counted = explained.evidence
    .filter((entry) => entry.status === 'counted')
    .map((entry) => entry.item.score ?? 0);
  const reaches = (value: number) => {
    const { score } = scoreFromScores([...counted, value], explained.policy, bounds);
    return score !== null && score >= bounds.mastery;
  };
  return (
    explained.scale.levels.find((l) => l.value >= next.lowestScore && reaches(l.value)) ?? null
  );
}

/** Who makes a change, for the audit log. */
export interface Actor {
  readonly accountId: string;
  readonly requestId: string | null;
}

/** Setting a piece of evidence aside (with a reason) or counting it again. */
export interface ExclusionChange {
  readonly studentId: string;
  readonly standardId: string;
  readonly evidenceId: number;
  readonly excluded: boolean;
  /** Required when setting aside; kept and shown beside the evidence. */
  readonly reason: string | null;
}

/**
 * Sets a piece of evidence aside or counts it again, refreshes the stored result and writes an
 * audit row (which names the evidence, never the reason or the score). Returns false when the
 * evidence is not this student's on this standard.
 */
export async function setEvidenceExcluded(
  db: Db,
  change: ExclusionChange,
  actor: Actor,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const saved = await saveEvidenceExclusion(trx, change, change);
    if (!saved) return false;

    await refreshPairs(trx, [change], now);
    await appendAudit(trx, {
      at: now.toISOString(),
      account_id: actor.accountId,
      action: change.excluded ? 'exclude' : 'include',
      entity: 'evidence',
      entity_id: String(change.evidenceId),
      student_id: change.studentId,
      request_id: actor.requestId,
      detail_json: JSON.stringify({ standardId: change.standardId }),
    });
    return true;
  });
}

/** A standard's level as it stood on a past date, with the standard's name. */
export interface LevelOnDate extends MasteryOnDate {
  readonly code: string | null;
  readonly statement: string;
}

/** What the student page adds around its standards: as of a date, rollups, course summaries. */
export interface StudentMasteryPanels {
  /** Levels at the end of `asOf.date`, when a date was asked for. */
  readonly asOf: { readonly date: string; readonly levels: readonly LevelOnDate[] } | null;
  /** Parent standards with children the student has results on. */
  readonly rollups: readonly { readonly standard: StandardInfo; readonly rollup: Rollup }[];
  /** One line per class of a school that turned course summaries on. */
  readonly courseSummaries: readonly {
    readonly classId: string;
    readonly title: string;
    readonly summary: CourseSummary;
  }[];
  /** The current override of each standard that has one, read against the evidence. */
  readonly overrides: ReadonlyMap<string, { readonly level: ScaleLevel | null; stale: boolean }>;
}

/**
 * The mastery panels of a student's page: the levels as of a date (when asked), the rollup to
 * parent standards, course summaries where the school turned them on, and current overrides.
 */
export async function studentMasteryPanels(
  db: Db,
  studentId: string,
  options: {
    readonly asOf: string | null;
    readonly today: string;
    readonly standardIds: readonly string[];
  },
): Promise<StudentMasteryPanels> {
  const rollups = (await masteryRollup(db, studentId)).filter((r) => r.scoredChildCount > 0);
  const parents = new Map(
    (
      await findStandards(
        db,
        rollups.map((r) => r.standardId),
      )
    ).map((s) => [s.id, s]),
  );
  const classes = await listClassesOfStudent(db, studentId, options.today);
  const summaries = await Promise.all(
    classes.map(async (k) => ({
      classId: k.id,
      title: k.title,
      summary: await courseSummaryFor(db, studentId, k.id),
    })),
  );

  return {
    asOf: options.asOf ? await levelsOnDate(db, studentId, options.asOf) : null,
    rollups: rollups.flatMap((rollup) => {
      const standard = parents.get(rollup.standardId);
      return standard ? [{ standard, rollup }] : [];
    }),
    courseSummaries: summaries.filter((s) => s.summary.kind === 'summary'),
    overrides: await currentOverrides(db, studentId, options.standardIds),
  };
}

async function levelsOnDate(db: Db, studentId: string, date: string) {
  const results = await masteryAsOf(db, studentId, date);
  const names = new Map(
    (
      await findStandards(
        db,
        results.map((r) => r.standardId),
      )
    ).map((s) => [s.id, s]),
  );
  const levels = results
    .map((result) => ({
      ...result,
      code: names.get(result.standardId)?.code ?? null,
      statement: names.get(result.standardId)?.statement ?? '',
    }))
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  return { date, levels };
}

async function currentOverrides(db: Db, studentId: string, standardIds: readonly string[]) {
  const overrides = new Map<string, { level: ScaleLevel | null; stale: boolean }>();
  const current = (await loadOverridesOf(db, studentId)).filter((o) => o.clearedAt === null);
  for (const standardId of new Set(current.map((o) => o.standardId))) {
    if (!standardIds.includes(standardId)) continue;
    const explained = await explainMastery(db, studentId, standardId);
    if (explained.override) overrides.set(standardId, explained.override);
  }
  return overrides;
}
