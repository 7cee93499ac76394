/**
 * The reads and writes behind the portfolio: artifacts with the standards and goals they show,
 * the student's choice and order, sharing with the family, and the evidence an endorsement
 * wrote. Every read names the student, so an artifact id alone never reaches another
 * student's work.
 */
import type { Insertable, Kysely } from 'kysely';
import type { ArtifactKind, Database, PortfolioArtifactTable, PortfolioSetting } from './schema.js';

type Db = Kysely<Database>;

/** A standard or goal an artifact is linked to, with its words for the page. */
export interface ArtifactLink {
  readonly kind: 'standard' | 'goal';
  readonly id: string;
  readonly code: string | null;
  /** The student's wording when the standard has one, else its statement; a goal's area. */
  readonly studentText: string;
  readonly familyText: string;
  readonly staffText: string;
}

/** One artifact as the pages show it. */
export interface Artifact {
  readonly id: string;
  readonly studentId: string;
  readonly title: string;
  readonly description: string | null;
  readonly fileName: string;
  readonly storedName: string;
  readonly contentType: string;
  readonly kind: ArtifactKind;
  readonly sizeBytes: number;
  readonly observedOn: string;
  readonly setting: PortfolioSetting;
  readonly reflection: string | null;
  readonly uploadedAt: string;
  readonly chosen: boolean;
  readonly listOrder: number;
  readonly shared: boolean;
  readonly endorsedAt: string | null;
  readonly endorsedByName: string | null;
  readonly endorsementScore: number | null;
  readonly endorsementStrength: string | null;
  readonly endorsementNextStep: string | null;
  readonly links: readonly ArtifactLink[];
}

/** Stores a new artifact and its links in one transaction. */
export async function insertArtifact(
  db: Db,
  row: Insertable<PortfolioArtifactTable>,
  links: ReadonlyArray<{ readonly kind: 'standard' | 'goal'; readonly targetId: string }>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('portfolio_artifacts').values(row).execute();
    if (links.length === 0) return;
    await trx
      .insertInto('portfolio_artifact_links')
      .values(links.map((l) => ({ artifact_id: row.id, kind: l.kind, target_id: l.targetId })))
      .execute();
  });
}

/**
 * A student's artifacts: the chosen ones first in the student's order, then the rest, newest
 * first. `sharedOnly` keeps only those shared with the family.
 */
export async function listArtifacts(
  db: Db,
  studentId: string,
  options: { readonly sharedOnly?: boolean } = {},
): Promise<Artifact[]> {
  let query = artifactQuery(db).where('a.student_id', '=', studentId);
  if (options.sharedOnly) query = query.where('a.shared', '=', 1);
  const rows = await query
    .orderBy('a.chosen', 'desc')
    .orderBy('a.list_order')
    .orderBy('a.observed_on', 'desc')
    .orderBy('a.uploaded_at', 'desc')
    .execute();
  const links = await listLinks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toArtifact(row, links.get(row.id) ?? []));
}

/** One artifact of the student, or undefined when the student has no such artifact. */
export async function findArtifact(
  db: Db,
  studentId: string,
  artifactId: string,
): Promise<Artifact | undefined> {
  const row = await artifactQuery(db)
    .where('a.student_id', '=', studentId)
    .where('a.id', '=', artifactId)
    .executeTakeFirst();
  if (!row) return undefined;
  const links = await listLinks(db, [row.id]);
  return toArtifact(row, links.get(row.id) ?? []);
}

function artifactQuery(db: Db) {
  return db
    .selectFrom('portfolio_artifacts as a')
    .leftJoin('people as p', 'p.id', 'a.endorsed_by')
    .selectAll('a')
    .select(['p.given_name as endorserGiven', 'p.family_name as endorserFamily']);
}

type ArtifactRow = Awaited<ReturnType<ReturnType<typeof artifactQuery>['executeTakeFirstOrThrow']>>;

function toArtifact(row: ArtifactRow, links: readonly ArtifactLink[]): Artifact {
  return {
    id: row.id,
    studentId: row.student_id,
    title: row.title,
    description: row.description,
    fileName: row.file_name,
    storedName: row.stored_name,
    contentType: row.content_type,
    kind: row.kind,
    sizeBytes: Number(row.size_bytes),
    observedOn: row.observed_on,
    setting: row.setting,
    reflection: row.reflection,
    uploadedAt: row.uploaded_at,
    chosen: Number(row.chosen) === 1,
    listOrder: Number(row.list_order),
    shared: Number(row.shared) === 1,
    endorsedAt: row.endorsed_at,
    endorsedByName: row.endorserGiven ? `${row.endorserGiven} ${row.endorserFamily ?? ''}` : null,
    endorsementScore: row.endorsement_score === null ? null : Number(row.endorsement_score),
    endorsementStrength: row.endorsement_strength,
    endorsementNextStep: row.endorsement_next_step,
    links,
  };
}

/** The links of the given artifacts, standards by code then goals by area, by artifact id. */
async function listLinks(db: Db, artifactIds: readonly string[]) {
  const byArtifact = new Map<string, ArtifactLink[]>();
  if (artifactIds.length === 0) return byArtifact;

  const standards = await db
    .selectFrom('portfolio_artifact_links as l')
    .innerJoin('standards as s', 's.id', 'l.target_id')
    .select(['l.artifact_id', 's.id', 's.code', 's.statement', 's.student_wording'])
    .select('s.family_wording')
    .where('l.kind', '=', 'standard')
    .where('l.artifact_id', 'in', artifactIds)
    .orderBy('s.code')
    .execute();
  const goals = await db
    .selectFrom('portfolio_artifact_links as l')
    .innerJoin('iep_goals as g', 'g.id', 'l.target_id')
    .leftJoin('iep_goal_student_wordings as w', 'w.goal_id', 'g.id')
    .select(['l.artifact_id', 'g.id', 'g.area', 'g.statement', 'w.wording'])
    .where('l.kind', '=', 'goal')
    .where('l.artifact_id', 'in', artifactIds)
    .orderBy('g.area')
    .execute();

  const add = (artifactId: string, link: ArtifactLink) =>
    byArtifact.set(artifactId, [...(byArtifact.get(artifactId) ?? []), link]);
  for (const s of standards) {
    add(s.artifact_id, {
      kind: 'standard',
      id: s.id,
      code: s.code,
      studentText: s.student_wording ?? s.statement,
      familyText: s.family_wording ?? s.statement,
      staffText: s.statement,
    });
  }
  for (const g of goals) {
    const studentText = g.wording ?? `My ${g.area.toLowerCase()} goal`;
    add(g.artifact_id, {
      kind: 'goal',
      id: g.id,
      code: null,
      studentText,
      familyText: g.area,
      staffText: `${g.area}: ${g.statement}`,
    });
  }
  return byArtifact;
}

/**
 * Marks an artifact chosen (placed last among the chosen) or not chosen; answers false when the
 * student has no such artifact.
 */
export async function setChosen(
  db: Db,
  studentId: string,
  artifactId: string,
  chosen: boolean,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('portfolio_artifacts')
      .select((eb) => eb.fn.max('list_order').as('top'))
      .where('student_id', '=', studentId)
      .where('chosen', '=', 1)
      .executeTakeFirst();
    const result = await trx
      .updateTable('portfolio_artifacts')
      .set({ chosen: chosen ? 1 : 0, list_order: chosen ? Number(last?.top ?? 0) + 1 : 0 })
      .where('student_id', '=', studentId)
      .where('id', '=', artifactId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

/**
 * Moves a chosen artifact one place up or down among the chosen, by swapping its order with its
 * neighbour's. Answers false when it is not chosen or already first (up) or last (down).
 */
export async function moveChosen(
  db: Db,
  studentId: string,
  artifactId: string,
  direction: 'up' | 'down',
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const chosen = await trx
      .selectFrom('portfolio_artifacts')
      .select(['id', 'list_order'])
      .where('student_id', '=', studentId)
      .where('chosen', '=', 1)
      .orderBy('list_order')
      .orderBy('id')
      .execute();
    const index = chosen.findIndex((row) => row.id === artifactId);
    const other = chosen[direction === 'up' ? index - 1 : index + 1];
    if (index < 0 || !other) return false;

    // Renumber 1..n first, so equal orders left by older data still swap cleanly.
    const order = chosen.map((row) => row.id);
    const otherIndex = order.indexOf(other.id);
    [order[index], order[otherIndex]] = [other.id, artifactId];
    for (const [position, id] of order.entries()) {
      await trx
        .updateTable('portfolio_artifacts')
        .set({ list_order: position + 1 })
        .where('id', '=', id)
        .execute();
    }
    return true;
  });
}

/** Shares an artifact with the family or stops sharing it; false when there is none. */
export async function setShared(
  db: Db,
  studentId: string,
  artifactId: string,
  change: { readonly shared: boolean; readonly by: string; readonly at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('portfolio_artifacts')
    .set({
      shared: change.shared ? 1 : 0,
      shared_by: change.shared ? change.by : null,
      shared_at: change.shared ? change.at : null,
    })
    .where('student_id', '=', studentId)
    .where('id', '=', artifactId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a teacher's endorsement and the evidence it wrote on each linked standard. */
export async function saveEndorsement(
  db: Db,
  artifactId: string,
  endorsement: {
    readonly by: string | null;
    readonly at: string;
    readonly score: number;
    readonly strength: string | null;
    readonly nextStep: string | null;
    readonly evidence: ReadonlyArray<{ readonly standardId: string; readonly evidenceId: number }>;
  },
): Promise<void> {
  await db
    .updateTable('portfolio_artifacts')
    .set({
      endorsed_by: endorsement.by,
      endorsed_at: endorsement.at,
      endorsement_score: endorsement.score,
      endorsement_strength: endorsement.strength,
      endorsement_next_step: endorsement.nextStep,
    })
    .where('id', '=', artifactId)
    .execute();
  if (endorsement.evidence.length === 0) return;
  await db
    .insertInto('portfolio_endorsements')
    .values(
      endorsement.evidence.map((e) => ({
        artifact_id: artifactId,
        standard_id: e.standardId,
        evidence_id: e.evidenceId,
      })),
    )
    .execute();
}

/** A standard or goal a student can link work to. */
export interface LinkChoice {
  readonly kind: 'standard' | 'goal';
  readonly id: string;
  readonly code: string | null;
  readonly studentText: string;
  readonly staffText: string;
  /** False for an IEP goal staff have not put into the student's words. */
  readonly shownToStudent: boolean;
}

/**
 * What a student's work can be linked to: the standards of their classes and those they have
 * evidence on (by code), then the goals of their IEPs that are still current.
 */
export async function listLinkChoices(db: Db, studentId: string): Promise<LinkChoice[]> {
  const standards = await db
    .selectFrom('standards as s')
    .select(['s.id', 's.code', 's.statement', 's.student_wording'])
    .where((eb) =>
      eb.or([
        eb(
          's.id',
          'in',
          eb.selectFrom('evidence').select('standard_id').where('student_id', '=', studentId),
        ),
        eb(
          's.id',
          'in',
          eb
            .selectFrom('class_standards as cs')
            .innerJoin('enrollments as en', 'en.class_id', 'cs.class_id')
            .select('cs.standard_id')
            .where('en.student_id', '=', studentId),
        ),
      ]),
    )
    .orderBy('s.code')
    .execute();
  const goals = await listCurrentGoals(db, studentId);

  return [
    ...standards.map((s) => ({
      kind: 'standard' as const,
      id: s.id,
      code: s.code,
      studentText: s.student_wording ?? s.statement,
      staffText: s.statement,
      shownToStudent: true,
    })),
    ...goals.map((g) => ({
      kind: 'goal' as const,
      id: g.id,
      code: null,
      studentText: g.wording ?? `My ${g.area.toLowerCase()} goal`,
      staffText: `${g.area}: ${g.statement}`,
      shownToStudent: g.wording !== null,
    })),
  ];
}

/** The student's current IEP goals (not ended by an amendment), with any student wording. */
export async function listCurrentGoals(db: Db, studentId: string) {
  return db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .leftJoin('iep_goal_student_wordings as w', 'w.goal_id', 'g.id')
    .select(['g.id', 'g.area', 'g.statement', 'w.wording'])
    .where('i.student_id', '=', studentId)
    .where('g.ended_in_version_id', 'is', null)
    .orderBy('g.list_order')
    .orderBy('g.area')
    .execute();
}
