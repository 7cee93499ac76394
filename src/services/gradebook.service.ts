/**
 * The class gradebook: students by standards with each cell's stored mastery, its marks
 * (override, revision waiting, not enough evidence yet), the filters a teacher can apply, and
 * the class summary per standard (how many students are at each level). For a past period the
 * cells are computed by the mastery engine from the evidence observed by the period's last day.
 */
import type { Kysely } from 'kysely';
import { endOf } from '../domain/mastery/as-of.js';
import {
  listClassStandards,
  listDefaultScaleLevels,
  listMastery,
  listOverrideSpans,
  type MasteryCell,
  type ScaleLevel,
  type StandardSummary,
} from '../store/gradebook.repository.js';
import {
  listClassStudents,
  studentsWithIep,
  type StudentSummary,
} from '../store/roster.repository.js';
import type { Database } from '../store/schema.js';
import {
  listCellMarks,
  listStandardParents,
  type CellMarks,
} from '../store/workspace.repository.js';
import { asOfDate, CURRENT_PERIOD, type GradebookPeriod } from './gradebook-period.js';
import { pairsMasteryAsOf } from './mastery.service.js';

type Db = Kysely<Database>;

/** A student with fewer pieces of evidence than this on a standard has "little evidence". */
export const LITTLE_EVIDENCE = 2;

/** What the teacher filtered by; every filter is optional. */
export interface GradebookFilters {
  /** A strand key (the parent standard's id, or the code's domain such as "5.NBT"). */
  readonly strand: string | null;
  readonly iepOnly: boolean;
  readonly littleEvidenceOnly: boolean;
}

/** One strand (or unit) a standard belongs to, for the filter's choices. */
export interface Strand {
  readonly key: string;
  readonly label: string;
}

/** How many students are at each level on a standard. */
export interface StandardDistribution {
  readonly standardId: string;
  /** Students by scale level value, lowest first, in the order of the scale. */
  readonly byLevel: ReadonlyArray<{ readonly value: number; readonly students: number }>;
  readonly notEnough: number;
  readonly evidenceTotal: number;
  /** Students with fewer than LITTLE_EVIDENCE pieces of evidence on the standard. */
  readonly evidenceShort: number;
}

/** Everything the gradebook page needs, after filtering. */
export interface Gradebook {
  readonly standards: readonly StandardSummary[];
  readonly students: readonly StudentSummary[];
  readonly iepStudentIds: ReadonlySet<string>;
  readonly cells: readonly MasteryCell[];
  readonly levels: readonly ScaleLevel[];
  readonly marks: CellMarks;
  readonly strands: readonly Strand[];
  readonly strandOf: ReadonlyMap<string, string>;
  readonly summary: readonly StandardDistribution[];
  readonly totals: { readonly students: number; readonly standards: number };
}

/**
 * Loads and filters a class's gradebook on `today`: current mastery, or for a past period the
 * students enrolled on its last day with their mastery and override marks as of that day.
 */
export async function loadGradebook(
  db: Db,
  classId: string,
  filters: GradebookFilters,
  today: string,
  period: GradebookPeriod = CURRENT_PERIOD,
): Promise<Gradebook> {
  const asOf = asOfDate(period);
  const allStudents = await listClassStudents(db, classId, asOf ?? today);
  const allStandards = await listClassStandards(db, classId);
  const iepStudentIds = await studentsWithIep(
    db,
    allStudents.map((s) => s.id),
  );
  const levels = await listDefaultScaleLevels(db);
  const cells = await cellsOf(db, allStudents, allStandards, asOf);
  const { strands, strandOf } = await strandsOf(db, allStandards);

  const students = filters.iepOnly
    ? allStudents.filter((s) => iepStudentIds.has(s.id))
    : allStudents;
  const summary = allStandards.map((s) => distribution(s.id, students, cells, levels));
  const standards = allStandards.filter(
    (standard, i) =>
      (filters.strand === null || strandOf.get(standard.id) === filters.strand) &&
      (!filters.littleEvidenceOnly || hasLittleEvidence(summary[i]!, students.length)),
  );

  const shownIds = new Set(standards.map((s) => s.id));
  return {
    standards,
    students,
    iepStudentIds,
    cells,
    levels,
    marks: await marksOf(db, students, standards, asOf),
    strands,
    strandOf,
    summary: summary.filter((d) => shownIds.has(d.standardId)),
    totals: { students: allStudents.length, standards: allStandards.length },
  };
}

/** Stored mastery for current; for a past day, the engine's result from evidence known then. */
async function cellsOf(
  db: Db,
  students: readonly StudentSummary[],
  standards: readonly StandardSummary[],
  asOf: string | null,
): Promise<MasteryCell[]> {
  const studentIds = students.map((s) => s.id);
  const standardIds = standards.map((s) => s.id);
  if (asOf === null) return listMastery(db, studentIds, standardIds);

  const pairs = studentIds.flatMap((studentId) =>
    standardIds.map((standardId) => ({ studentId, standardId })),
  );
  return pairsMasteryAsOf(db, pairs, asOf);
}

/**
 * The cells' marks. For a past day: the overrides in force at its end (set by then, not
 * cleared by then); a revision waiting to be scored is work of today, so none is marked.
 */
async function marksOf(
  db: Db,
  students: readonly StudentSummary[],
  standards: readonly StandardSummary[],
  asOf: string | null,
): Promise<CellMarks> {
  const studentIds = students.map((s) => s.id);
  const standardIds = standards.map((s) => s.id);
  if (asOf === null) return listCellMarks(db, studentIds, standardIds);

  const end = endOf(asOf);
  const spans = await listOverrideSpans(db, studentIds, standardIds);
  const inForce = spans.filter(
    (o) => Date.parse(o.setAt) < end && (o.clearedAt === null || Date.parse(o.clearedAt) >= end),
  );
  return {
    overridden: new Set(inForce.map((o) => `${o.studentId}|${o.standardId}`)),
    revisionWaiting: new Set(),
  };
}

/**
 * True when at least half the students have fewer than LITTLE_EVIDENCE pieces of evidence on
 * the standard. Example: 24 students, 13 of them with 0 or 1 piece → little evidence.
 */
export function hasLittleEvidence(d: StandardDistribution, studentCount: number): boolean {
  return d.evidenceShort * 2 >= studentCount && studentCount > 0;
}

/** The students at each level on one standard; "not enough" counts those without a level. */
export function distribution(
  standardId: string,
  students: readonly StudentSummary[],
  cells: readonly MasteryCell[],
  levels: readonly ScaleLevel[],
): StandardDistribution {
  const studentIds = new Set(students.map((s) => s.id));
  const mine = cells.filter((c) => c.standardId === standardId && studentIds.has(c.studentId));
  const counts = new Map(levels.map((l) => [l.value, 0]));
  let notEnough = students.length;
  for (const cell of mine) {
    const value = levelValueOf(levels, cell);
    if (value === null) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    notEnough -= 1;
  }
  const withMany = mine.filter((c) => c.evidenceCount >= LITTLE_EVIDENCE).length;

  return {
    standardId,
    byLevel: levels.map((l) => ({ value: l.value, students: counts.get(l.value) ?? 0 })),
    notEnough,
    evidenceTotal: mine.reduce((sum, c) => sum + c.evidenceCount, 0),
    evidenceShort: students.length - withMany,
  };
}

/** The scale level a cell is at (the highest at or below its level value), or null. */
function levelValueOf(levels: readonly ScaleLevel[], cell: MasteryCell): number | null {
  if (cell.evidenceCount === 0 || cell.levelValue === null) return null;
  let shown: number | null = null;
  for (const level of levels) if (level.value <= cell.levelValue + 1e-9) shown = level.value;
  return shown;
}

/**
 * The strand of each standard: its parent standard when it has one, else the domain of its
 * code ("CCSS.Math.Content.5.NBT.A.1" → "5.NBT", "CCSS.ELA-Literacy.RL.5.1" → "RL").
 */
async function strandsOf(db: Db, standards: readonly StandardSummary[]) {
  const parents = new Map(
    (
      await listStandardParents(
        db,
        standards.map((s) => s.id),
      )
    ).map((p) => [p.standardId, p]),
  );
  const strandOf = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const standard of standards) {
    const parent = parents.get(standard.id);
    const key = parent?.parentId ?? codeDomain(standard.code);
    const label = parent?.parentId
      ? [parent.parentCode, parent.parentStatement].filter(Boolean).join(' ')
      : key;
    strandOf.set(standard.id, key);
    if (!labels.has(key)) labels.set(key, label);
  }
  const strands = [...labels].map(([key, label]) => ({ key, label }));
  return { strands, strandOf };
}

/** The domain part of a standard's code: "5.NBT.A.1" → "5.NBT", "RL.5.1" → "RL". */
export function codeDomain(code: string | null): string {
  const short = (code ?? '').replace(/^CCSS\.(Math\.Content|ELA-Literacy)\./, '');
  const parts = short.split('.');
  if (parts.length === 0 || parts[0] === '') return 'Other';
  return /^\d+$/.test(parts[0]!) && parts.length > 1 ? `${parts[0]}.${parts[1]}` : parts[0]!;
}
