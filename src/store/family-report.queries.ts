/**
 * What a family report shows about one student, read in a few queries: who the student is,
 * each standard with evidence or a mastery result (shown through its aligned Common Core
 * standard when there is one), the latest feedback, the proficiency scales, the IEPs with
 * their goals, the guardians' languages, the class teachers and the school's contact, and any
 * translations of the stored texts. Plain rows out; the report model decides what they mean.
 */
import type { Kysely } from 'kysely';
import type { ProficiencyScale, Scoped } from '../domain/scale.js';
import type { Database } from './schema.js';

/** The student a report is about. */
export interface ReportStudent {
  readonly id: string;
  readonly sourceId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly gradeLevel: string | null;
  readonly schoolId: string | null;
  readonly schoolName: string | null;
  /** As stored: usually a tag such as "en" or "es". */
  readonly preferredLanguage: string;
}

/** One standard the student has evidence or a mastery result on. */
export interface ReportStandard {
  readonly standardId: string;
  /** The standard whose code and wording are shown (the aligned one, else this one). */
  readonly shownId?: string;
  readonly frameworkId: string;
  /** The code shown: the aligned standard's code when there is one, else the standard's own. */
  readonly code: string | null;
  readonly statement: string;
  /** The family wording, falling back to the statement shown. */
  readonly familyWording: string;
  readonly listOrder: number | null;
  readonly mastery: ReportMastery | null;
  readonly feedback: ReportFeedback;
  /** Every scored piece of evidence that counts, oldest first (absent: not loaded). */
  readonly scores?: readonly DatedScore[];
}

/** The stored mastery result of one student on one standard. */
export interface ReportMastery {
  readonly method: string;
  readonly score: number | null;
  readonly levelValue: number | null;
  readonly evidenceCount: number;
}

/** What the evidence on one standard says: its first and latest scores and latest feedback. */
export interface ReportFeedback {
  readonly evidenceCount: number;
  readonly firstScore: number | null;
  readonly lastObservedAt: string | null;
  readonly strength: string | null;
  readonly nextStep: string | null;
}

/** One scored piece of evidence on its day (null when the evidence has no date). */
export interface DatedScore {
  readonly score: number;
  readonly observedAt: string | null;
}

/** A guardian of the student, with the language they prefer. */
export interface ReportGuardian {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly preferredLanguage: string;
}

/** A teacher of one of the student's current classes. */
export interface ReportTeacher {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly classTitle: string;
}

/** How a family reaches the school and books a conference. */
export interface ReportSchoolContact {
  readonly phone: string | null;
  readonly email: string | null;
  readonly conferenceUrl: string | null;
}

/** A person's translation of one stored text, e.g. a standard's family wording into Spanish. */
export interface ReportTranslation {
  readonly entity: string;
  readonly entityId: string;
  readonly field: string;
  readonly lang: string;
  readonly text: string;
}

/** An academic session (year, term, grading period) with its dates. */
export interface ReportSession {
  readonly id: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** A proficiency scale with the scope it is set for. */
export type ScopedScale = ProficiencyScale & Scoped;

/** One IEP with its goals. */
export interface ReportIep {
  readonly id: string;
  readonly beginDate: string | null;
  readonly endDate: string | null;
  readonly reviewDate: string | null;
  readonly setting: string | null;
  readonly goals: readonly ReportIepGoal[];
}

/** One annual goal of an IEP. */
export interface ReportIepGoal {
  readonly id: string;
  readonly area: string;
  readonly statement: string;
  readonly measurementType: string;
  readonly direction: 'increase' | 'decrease';
  readonly baselineValue: number | null;
  readonly baselineDate: string | null;
  readonly targetValue: number | null;
  readonly goalDate: string | null;
}

/** Everything the family report reads about one student. */
export interface FamilyReportData {
  readonly student: ReportStudent;
  readonly standards: readonly ReportStandard[];
  readonly scales: readonly ScopedScale[];
  readonly ieps: readonly ReportIep[];
  /** Active guardians who may see the record; absent in data made before guardians counted. */
  readonly guardians?: readonly ReportGuardian[];
  readonly teachers?: readonly ReportTeacher[];
  readonly contact?: ReportSchoolContact | null;
  readonly translations?: readonly ReportTranslation[];
}

type Db = Kysely<Database>;

/**
 * The student with this import identifier (such as an Ed-Fi StudentUniqueId), or with this
 * Trellis id when no source id matches; null when neither does.
 */
export async function findStudentBySourceId(db: Db, sourceId: string): Promise<string | null> {
  const bySource = await db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'student')
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  if (bySource) return bySource.id;

  const byId = await db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'student')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  return byId?.id ?? null;
}

/** Everything a family report shows about a student, or null when there is no such student. */
export async function loadFamilyReportData(
  db: Db,
  studentId: string,
): Promise<FamilyReportData | null> {
  const student = await loadStudent(db, studentId);
  if (!student) return null;

  const [standards, scales, ieps, guardians, teachers, contact] = await Promise.all([
    loadStandards(db, studentId),
    loadScales(db),
    loadIeps(db, studentId),
    loadGuardians(db, studentId),
    loadTeachers(db, studentId),
    loadSchoolContact(db, student.schoolId),
  ]);
  const translations = await loadTranslations(db, [
    ...standards.map((standard) => ({ entity: 'standard', id: standard.shownId })),
    ...ieps.flatMap((iep) => iep.goals.map((goal) => ({ entity: 'iep_goal', id: goal.id }))),
  ]);
  return { student, standards, scales, ieps, guardians, teachers, contact, translations };
}

async function loadStudent(db: Db, studentId: string): Promise<ReportStudent | null> {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select([
      'p.id',
      'p.source_id',
      'p.given_name',
      'p.family_name',
      'p.grade_level',
      'p.school_id',
      'o.name as school_name',
      'p.preferred_language',
    ])
    .where('p.id', '=', studentId)
    .where('p.kind', '=', 'student')
    .executeTakeFirst();
  if (!row) return null;

  return {
    id: row.id,
    sourceId: row.source_id,
    givenName: row.given_name,
    familyName: row.family_name,
    gradeLevel: row.grade_level,
    schoolId: row.school_id,
    schoolName: row.school_name,
    preferredLanguage: row.preferred_language,
  };
}

/** The standards with evidence or a mastery result, each shown through its aligned standard. */
async function loadStandards(db: Db, studentId: string): Promise<ReportStandard[]> {
  const [masteries, evidence] = await Promise.all([
    loadMasteries(db, studentId),
    loadEvidence(db, studentId),
  ]);
  const ids = [...new Set([...masteries.keys(), ...evidence.map((row) => row.standard_id)])];
  if (ids.length === 0) return [];

  const [own, aligned] = await Promise.all([loadStandardTexts(db, ids), loadAligned(db, ids)]);
  const feedback = summarizeEvidence(evidence);

  return ids.flatMap((id) => {
    const standard = own.get(id);
    if (!standard) return [];
    const shown = aligned.get(id) ?? standard;
    return [
      {
        standardId: id,
        shownId: shown.id,
        frameworkId: shown.framework_id,
        code: shown.code ?? standard.code,
        statement: shown.statement,
        familyWording: shown.family_wording ?? standard.family_wording ?? shown.statement,
        listOrder: shown.list_order,
        mastery: masteries.get(id) ?? null,
        feedback: feedback.get(id) ?? emptyFeedback(),
        scores: scoresOf(evidence, id),
      },
    ];
  });
}

async function loadMasteries(db: Db, studentId: string): Promise<Map<string, ReportMastery>> {
  const rows = await db
    .selectFrom('mastery_results')
    .select(['standard_id', 'method', 'score', 'level_value', 'evidence_count'])
    .where('student_id', '=', studentId)
    .execute();

  return new Map(
    rows.map((row) => [
      row.standard_id,
      {
        method: row.method,
        score: row.score,
        levelValue: row.level_value,
        evidenceCount: row.evidence_count,
      },
    ]),
  );
}

interface EvidenceRow {
  readonly id: number;
  readonly standard_id: string;
  readonly score: number | null;
  readonly observed_at: string | null;
  readonly strength: string | null;
  readonly next_step: string | null;
}

/**
 * The student's evidence that counts (not excluded) and that staff have released, oldest
 * first; no date counts as oldest.
 */
async function loadEvidence(db: Db, studentId: string): Promise<EvidenceRow[]> {
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'standard_id', 'score', 'observed_at', 'strength', 'next_step'])
    .where('student_id', '=', studentId)
    .where('excluded', '=', 0)
    .where('released', '=', 1)
    .execute();
  return rows.sort(byObservation);
}

function byObservation(a: EvidenceRow, b: EvidenceRow): number {
  const dayA = a.observed_at ?? '';
  const dayB = b.observed_at ?? '';
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  return a.id - b.id;
}

/** Per standard: how much evidence, the first score, and the latest strength and next step. */
function summarizeEvidence(rows: readonly EvidenceRow[]): Map<string, ReportFeedback> {
  const result = new Map<string, ReportFeedback>();
  for (const row of rows) {
    const before = result.get(row.standard_id) ?? emptyFeedback();
    result.set(row.standard_id, {
      evidenceCount: before.evidenceCount + 1,
      firstScore: before.firstScore ?? row.score,
      lastObservedAt: row.observed_at ?? before.lastObservedAt,
      strength: nonBlank(row.strength) ?? before.strength,
      nextStep: nonBlank(row.next_step) ?? before.nextStep,
    });
  }
  return result;
}

/** The scored evidence of one standard, oldest first. */
function scoresOf(rows: readonly EvidenceRow[], standardId: string): DatedScore[] {
  return rows.flatMap((row) =>
    row.standard_id === standardId && row.score !== null
      ? [{ score: row.score, observedAt: row.observed_at }]
      : [],
  );
}

function emptyFeedback(): ReportFeedback {
  return {
    evidenceCount: 0,
    firstScore: null,
    lastObservedAt: null,
    strength: null,
    nextStep: null,
  };
}

function nonBlank(text: string | null): string | null {
  return text !== null && text.trim() !== '' ? text : null;
}

interface StandardText {
  readonly id: string;
  readonly framework_id: string;
  readonly code: string | null;
  readonly statement: string;
  readonly family_wording: string | null;
  readonly list_order: number | null;
}

async function loadStandardTexts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, StandardText>> {
  const rows = await db
    .selectFrom('standards')
    .select(['id', 'framework_id', 'code', 'statement', 'family_wording', 'list_order'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * For each standard, the standard of another framework an alignment links it to, in either
 * direction (an Ed-Fi CC.5.NBT.3 and the Common Core CCSS.Math.Content.5.NBT.A.3). When there
 * are several, the one with the smallest code wins, so the choice is stable.
 */
async function loadAligned(db: Db, ids: readonly string[]): Promise<Map<string, StandardText>> {
  const rows = await db
    .selectFrom('standard_alignments as a')
    .innerJoin('standards as own', (join) =>
      join.on((eb) =>
        eb.or([
          eb('own.id', '=', eb.ref('a.standard_id')),
          eb('own.id', '=', eb.ref('a.aligned_standard_id')),
        ]),
      ),
    )
    .innerJoin('standards as other', (join) =>
      join.on((eb) =>
        eb.or([
          eb('other.id', '=', eb.ref('a.standard_id')),
          eb('other.id', '=', eb.ref('a.aligned_standard_id')),
        ]),
      ),
    )
    .select([
      'own.id as own_id',
      'other.id',
      'other.framework_id',
      'other.code',
      'other.statement',
      'other.family_wording',
      'other.list_order',
    ])
    .where('own.id', 'in', ids)
    .whereRef('other.id', '<>', 'own.id')
    .whereRef('other.framework_id', '<>', 'own.framework_id')
    .execute();

  // Sorted here, not in SQL: the two databases order nulls and letters differently.
  const result = new Map<string, StandardText>();
  const sorted = rows.sort((a, b) => compareText(a.code ?? a.id, b.code ?? b.id));
  for (const { own_id, ...other } of sorted) {
    if (!result.has(own_id)) result.set(own_id, other);
  }
  return result;
}

/** Code-point order, the same on every database and machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Every stored proficiency scale with its levels, lowest first. */
async function loadScales(db: Db): Promise<ScopedScale[]> {
  const rows = await db
    .selectFrom('proficiency_scales as s')
    .innerJoin('scale_levels as l', 'l.scale_id', 's.id')
    .select([
      's.id',
      's.name',
      's.scope_kind',
      's.scope_id',
      'l.value',
      'l.label',
      'l.descriptor',
      'l.color',
      'l.student_wording',
      'l.family_wording',
      'l.is_mastery',
    ])
    .orderBy('s.id')
    .orderBy('l.value')
    .execute();

  const scales = new Map<string, ScopedScale & { levels: ScopedScale['levels'][number][] }>();
  for (const row of rows) {
    const scale = scales.get(row.id) ?? {
      id: row.id,
      name: row.name,
      scopeKind: row.scope_kind,
      scopeId: row.scope_id,
      levels: [],
    };
    scale.levels.push({
      value: Number(row.value),
      label: row.label,
      descriptor: row.descriptor,
      color: row.color,
      studentWording: row.student_wording,
      familyWording: row.family_wording,
      isMastery: Number(row.is_mastery) === 1,
    });
    scales.set(row.id, scale);
  }
  return [...scales.values()];
}

/**
 * The student's IEPs, newest first, each with the goals of its current version (not those an
 * amendment ended) in a stable order.
 */
async function loadIeps(db: Db, studentId: string): Promise<ReportIep[]> {
  const ieps = await db
    .selectFrom('ieps')
    .select(['id', 'begin_date', 'end_date', 'review_date', 'setting'])
    .where('student_id', '=', studentId)
    .execute();
  if (ieps.length === 0) return [];
  ieps.sort(
    (a, b) => compareText(b.begin_date ?? '', a.begin_date ?? '') || compareText(a.id, b.id),
  );

  const goals = await db
    .selectFrom('iep_goals')
    .selectAll()
    .where(
      'iep_id',
      'in',
      ieps.map((iep) => iep.id),
    )
    .where('ended_in_version_id', 'is', null)
    .execute();
  goals.sort((a, b) => compareText(a.area, b.area) || compareText(a.id, b.id));

  return ieps.map((iep) => ({
    id: iep.id,
    beginDate: iep.begin_date,
    endDate: iep.end_date,
    reviewDate: iep.review_date,
    setting: iep.setting,
    goals: goals
      .filter((goal) => goal.iep_id === iep.id)
      .map((goal) => ({
        id: goal.id,
        area: goal.area,
        statement: goal.statement,
        measurementType: goal.measurement_type,
        direction: goal.direction,
        baselineValue: goal.baseline_value,
        baselineDate: goal.baseline_date,
        targetValue: goal.target_value,
        goalDate: goal.goal_date,
      })),
  }));
}

/** The student's active guardians who are not restricted from the record, in id order. */
async function loadGuardians(db: Db, studentId: string): Promise<ReportGuardian[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', 'p.id', 'g.guardian_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_language'])
    .where('g.student_id', '=', studentId)
    .where('g.active', '=', 1)
    .where('g.restricted', '=', 0)
    .execute();

  return rows
    .sort((a, b) => compareText(a.id, b.id))
    .map((row) => ({
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredLanguage: row.preferred_language,
    }));
}

/**
 * The staff of the classes the student is enrolled in now (no end date yet), teachers before
 * co-teachers and aides, each person once, in name order within a role.
 */
async function loadTeachers(db: Db, studentId: string): Promise<ReportTeacher[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .innerJoin('class_staff as cs', 'cs.class_id', 'e.class_id')
    .innerJoin('people as p', 'p.id', 'cs.staff_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.email', 'c.title', 'cs.role'])
    .where('e.student_id', '=', studentId)
    .where('e.end_date', 'is', null)
    .execute();

  const rank = (role: string) => (role.toLowerCase() === 'teacher' ? 0 : 1);
  const sorted = rows.sort(
    (a, b) =>
      rank(a.role) - rank(b.role) ||
      compareText(a.family_name, b.family_name) ||
      compareText(a.title, b.title),
  );
  const seen = new Set<string>();
  return sorted.flatMap((row) => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    const name = `${row.given_name} ${row.family_name}`.trim();
    return [{ id: row.id, name, email: row.email, classTitle: row.title }];
  });
}

async function loadSchoolContact(
  db: Db,
  schoolId: string | null,
): Promise<ReportSchoolContact | null> {
  if (schoolId === null) return null;
  const row = await db
    .selectFrom('school_contacts')
    .select(['phone', 'email', 'conference_url'])
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? { phone: row.phone, email: row.email, conferenceUrl: row.conference_url } : null;
}

/** Every stored translation of the given texts, in all languages. */
async function loadTranslations(
  db: Db,
  texts: ReadonlyArray<{ entity: string; id: string | undefined }>,
): Promise<ReportTranslation[]> {
  const ids = [...new Set(texts.flatMap((text) => (text.id ? [text.id] : [])))];
  if (ids.length === 0) return [];

  const rows = await db
    .selectFrom('text_translations')
    .select(['entity', 'entity_id', 'field', 'lang', 'text'])
    .where('entity_id', 'in', ids)
    .execute();
  const wanted = new Set(texts.map((text) => `${text.entity}:${text.id}`));
  return rows
    .filter((row) => wanted.has(`${row.entity}:${row.entity_id}`))
    .map((row) => ({
      entity: row.entity,
      entityId: row.entity_id,
      field: row.field,
      lang: row.lang,
      text: row.text,
    }));
}

/**
 * The academic sessions of a school (and those set for no school) that have both dates, for
 * choosing the reporting period.
 */
export async function loadReportSessions(
  db: Db,
  schoolId: string | null,
): Promise<ReportSession[]> {
  const rows = await db
    .selectFrom('academic_sessions')
    .select(['id', 'name', 'start_date', 'end_date', 'org_id'])
    .execute();

  return rows.flatMap((row) =>
    row.start_date && row.end_date && (row.org_id === null || row.org_id === schoolId)
      ? [{ id: row.id, name: row.name, startDate: row.start_date, endDate: row.end_date }]
      : [],
  );
}

/** The students of a class (enrolled now) or of a school, by identifier; empty when none. */
export async function listReportStudents(
  db: Db,
  scope: { readonly classId: string } | { readonly schoolId: string },
): Promise<Array<{ id: string; sourceId: string }>> {
  const rows =
    'classId' in scope
      ? await db
          .selectFrom('enrollments as e')
          .innerJoin('people as p', 'p.id', 'e.student_id')
          .select(['p.id', 'p.source_id'])
          .where('e.class_id', '=', scope.classId)
          .where('e.end_date', 'is', null)
          .where('p.kind', '=', 'student')
          .execute()
      : await db
          .selectFrom('people')
          .select(['id', 'source_id'])
          .where('school_id', '=', scope.schoolId)
          .where('kind', '=', 'student')
          .execute();

  const unique = new Map(rows.map((row) => [row.id, { id: row.id, sourceId: row.source_id }]));
  return [...unique.values()].sort((a, b) => compareText(a.sourceId, b.sourceId));
}

/** Whether a class or a school with this id (or import identifier) exists; its id when so. */
export async function findScopeId(
  db: Db,
  kind: 'class' | 'school',
  idOrSourceId: string,
): Promise<string | null> {
  const row =
    kind === 'class'
      ? await db
          .selectFrom('classes')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', idOrSourceId), eb('source_id', '=', idOrSourceId)]))
          .executeTakeFirst()
      : await db
          .selectFrom('organizations')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', idOrSourceId), eb('source_id', '=', idOrSourceId)]))
          .executeTakeFirst();
  return row?.id ?? null;
}
