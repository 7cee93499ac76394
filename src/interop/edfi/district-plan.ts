/**
 * Turns a district's records into the rows to write, checking every reference on the way: a
 * grade for a student not in Student.xml, a result on an unknown objective or standard, a
 * section of an unknown school. Pure: the same records always give the same rows and ids.
 */
import type { Insertable } from 'kysely';
import type {
  AcademicSessionTable,
  ClassTable,
  EnrollmentTable,
  EvidenceTable,
  FrameworkTable,
  IepTable,
  OrganizationTable,
  PersonTable,
  StandardAlignmentTable,
  StandardTable,
  TaskScoreTable,
  TaskTable,
} from '../../store/schema.js';
import { problemAt, type ImportProblem } from '../import-problem.js';
import { parentsFirst } from '../row-order.js';
import { stableId } from '../stable-id.js';
import { levelOfName, objectiveLevel } from './performance-levels.js';
import type {
  AssessmentRecord,
  DistrictRecords,
  Located,
  ObjectiveRecord,
  ObjectiveResult,
  OrganizationRecord,
  StudentAssessmentRecord,
  StudentRef,
} from './records.js';

/** Imported evidence: the evidence row without the columns the store fills in. */
export type PlannedEvidence = Omit<Insertable<EvidenceTable>, 'recorded_at'>;

/** A task row without its creation time, which the store sets on first insert. */
export type PlannedTask = Omit<Insertable<TaskTable>, 'created_at'>;

/** Every row one district import writes. */
export interface DistrictPlan {
  readonly organizations: Insertable<OrganizationTable>[];
  readonly students: Insertable<PersonTable>[];
  readonly ieps: Insertable<IepTable>[];
  readonly framework: Insertable<FrameworkTable> | null;
  readonly standards: Insertable<StandardTable>[];
  readonly alignments: Insertable<StandardAlignmentTable>[];
  readonly sessions: Insertable<AcademicSessionTable>[];
  readonly classes: Insertable<ClassTable>[];
  readonly enrollments: Insertable<EnrollmentTable>[];
  readonly tasks: PlannedTask[];
  readonly taskScores: Insertable<TaskScoreTable>[];
  readonly evidence: PlannedEvidence[];
}

/** The plan, or the problems that keep it from being written. */
export interface PlanOutcome {
  readonly plan: DistrictPlan;
  readonly problems: readonly ImportProblem[];
}

/** Shared state while planning: ids by source key, and the problems found so far. */
interface Planner {
  readonly records: DistrictRecords;
  readonly problems: ImportProblem[];
  readonly studentIds: Map<string, string>;
  readonly standardIds: Map<string, string>;
}

/** Plans the rows for `records`, reporting every reference that does not resolve. */
export function planDistrict(records: DistrictRecords): PlanOutcome {
  const planner: Planner = {
    records,
    problems: [],
    studentIds: new Map(records.students.map((s) => [s.sourceId, stableId('student', s.sourceId)])),
    standardIds: new Map(),
  };

  const organizations = planOrganizations(planner);
  const { framework, standards, alignments } = planStandards(planner);
  const { sessions, classes, enrollments, tasks, taskScores, schoolOfStudent } =
    planSchedule(planner);
  const assessment = planAssessments(planner);

  const plan: DistrictPlan = {
    organizations,
    students: planStudents(planner, schoolOfStudent),
    ieps: planIeps(planner),
    framework,
    standards,
    alignments,
    sessions,
    classes,
    enrollments,
    tasks: [...tasks, ...assessment.tasks],
    taskScores: [...taskScores, ...assessment.taskScores],
    evidence: assessment.evidence,
  };
  return { plan, problems: planner.problems };
}

function refProblem(at: Located, element: string, message: string): ImportProblem {
  return problemAt(at.file, at.line, element, message);
}

/** The student id of a reference, or null after reporting an unknown student. */
function studentOf(planner: Planner, ref: StudentRef): string | null {
  const id = planner.studentIds.get(ref.studentSourceId);
  if (id) return id;
  planner.problems.push(
    refProblem(
      ref,
      'StudentUniqueId',
      `names student ${ref.studentSourceId}, who is in no Student element`,
    ),
  );
  return null;
}

/** The first record of each key, in file order. */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

function planOrganizations(planner: Planner): Insertable<OrganizationTable>[] {
  const organizations = unique(planner.records.organizations, (o) => o.sourceId);
  const byXmlId = new Map(organizations.flatMap((o) => (o.xmlId ? [[o.xmlId, o.sourceId]] : [])));
  const known = new Set(organizations.map((o) => o.sourceId));

  const rows = organizations.map((organization) => ({
    id: stableId('organization', organization.sourceId),
    source_id: organization.sourceId,
    name: organization.name,
    kind: organization.kind,
    parent_id: parentOf(planner, organization, byXmlId, known),
  }));
  return parentsFirst(rows);
}

function parentOf(
  planner: Planner,
  organization: OrganizationRecord,
  byXmlId: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
): string | null {
  const parent = organization.parentRef
    ? byXmlId.get(organization.parentRef)
    : organization.parentSourceId;
  if (!organization.parentRef && !organization.parentSourceId) return null;
  if (parent && known.has(parent)) return stableId('organization', parent);

  const name = organization.parentRef ?? organization.parentSourceId;
  planner.problems.push(
    refProblem(
      organization,
      organization.name,
      `names parent organization ${name}, which is not in the files`,
    ),
  );
  return null;
}

function planStudents(
  planner: Planner,
  schoolOfStudent: ReadonlyMap<string, string>,
): Insertable<PersonTable>[] {
  return unique(planner.records.students, (s) => s.sourceId).map((student) => {
    const id = planner.studentIds.get(student.sourceId)!;
    return {
      id,
      source_id: student.sourceId,
      kind: 'student' as const,
      given_name: student.givenName,
      family_name: student.familyName,
      school_id: schoolOfStudent.get(id) ?? null,
    };
  });
}

function planIeps(planner: Planner): Insertable<IepTable>[] {
  return unique(planner.records.ieps, (i) => i.sourceId).flatMap((iep) => {
    const studentId = studentOf(planner, iep);
    if (!studentId) return [];
    return [
      {
        id: stableId('iep', iep.sourceId),
        source_id: iep.sourceId,
        student_id: studentId,
        begin_date: iep.beginDate,
        end_date: iep.endDate,
        review_date: iep.reviewDate,
        setting: iep.setting,
        disability: iep.disability,
        service_hours_per_week: iep.hoursPerWeek,
      },
    ];
  });
}

/** Ed-Fi grade level names and the codes CASE frameworks use for them. */
const GRADE_CODES: Readonly<Record<string, string>> = {
  'Infant/toddler': 'IT',
  'Preschool/Prekindergarten': 'PK',
  Kindergarten: 'KG',
  'First grade': '01',
  'Second grade': '02',
  'Third grade': '03',
  'Fourth grade': '04',
  'Fifth grade': '05',
  'Sixth grade': '06',
  'Seventh grade': '07',
  'Eighth grade': '08',
  'Ninth grade': '09',
  'Tenth grade': '10',
  'Eleventh grade': '11',
  'Twelfth grade': '12',
};

/**
 * The parent of each standard id: the longest other id that is a prefix of it up to a dot.
 *
 * Example: in ["110.13.1", "110.13.1.A", "CC.5.NBT.3"], "110.13.1.A" has parent "110.13.1";
 * the others have none.
 */
export function parentsByPrefix(ids: readonly string[]): Map<string, string> {
  const known = new Set(ids);
  const parents = new Map<string, string>();
  for (const id of ids) {
    for (let dot = id.lastIndexOf('.'); dot > 0; dot = id.lastIndexOf('.', dot - 1)) {
      const candidate = id.slice(0, dot);
      if (known.has(candidate)) {
        parents.set(id, candidate);
        break;
      }
    }
  }
  return parents;
}

function planStandards(planner: Planner): {
  framework: Insertable<FrameworkTable> | null;
  standards: Insertable<StandardTable>[];
  alignments: Insertable<StandardAlignmentTable>[];
} {
  const records = unique(planner.records.standards, (s) => s.sourceId);
  if (records.length === 0) return { framework: null, standards: [], alignments: [] };

  const framework = frameworkFor(planner.records.organizations);
  const idOf = (sourceId: string): string =>
    stableId('standard', `${framework.source_id}|${sourceId}`);
  for (const record of records) planner.standardIds.set(record.sourceId, idOf(record.sourceId));
  const parents = parentsByPrefix(records.map((r) => r.sourceId));

  const standards = records.map((record, index) => ({
    id: idOf(record.sourceId),
    framework_id: framework.id,
    source_id: record.sourceId,
    code: record.sourceId,
    statement: record.statement,
    parent_id: parents.has(record.sourceId) ? idOf(parents.get(record.sourceId)!) : null,
    item_type: 'Learning standard',
    grade_levels: record.gradeLevel ? (GRADE_CODES[record.gradeLevel] ?? record.gradeLevel) : null,
    list_order: index + 1,
  }));
  return { framework, standards: parentsFirst(standards), alignments: planEquivalences(planner) };
}

/** The framework holding a district's own learning standards, named after the district. */
function frameworkFor(
  organizations: readonly OrganizationRecord[],
): Insertable<FrameworkTable> & { id: string; source_id: string } {
  const district = organizations.find((o) => o.kind === 'district');
  const sourceId = `edfi:learning-standards:${district?.sourceId ?? 'district'}`;
  return {
    id: stableId('framework', sourceId),
    source_id: sourceId,
    title: `${district?.name ?? 'District'} learning standards`,
    creator: district?.name ?? null,
    source_format: 'edfi',
  };
}

function planEquivalences(planner: Planner): Insertable<StandardAlignmentTable>[] {
  return planner.records.equivalences.flatMap((equivalence) => {
    const from = standardOf(planner, equivalence, equivalence.sourceStandardId);
    const to = standardOf(planner, equivalence, equivalence.targetStandardId);
    return from && to ? [{ standard_id: from, aligned_standard_id: to, kind: 'equivalent' }] : [];
  });
}

/** The id of a referenced standard, or null after reporting an unknown one. */
function standardOf(planner: Planner, at: Located, sourceId: string): string | null {
  const id = planner.standardIds.get(sourceId);
  if (id) return id;
  planner.problems.push(
    refProblem(
      at,
      'LearningStandardId',
      `names standard ${sourceId}, which is in no LearningStandard element`,
    ),
  );
  return null;
}

interface SchedulePlan {
  sessions: Insertable<AcademicSessionTable>[];
  classes: Insertable<ClassTable>[];
  enrollments: Insertable<EnrollmentTable>[];
  tasks: PlannedTask[];
  taskScores: Insertable<TaskScoreTable>[];
  schoolOfStudent: Map<string, string>;
}

function planSchedule(planner: Planner): SchedulePlan {
  const { records } = planner;
  const schools = new Set(records.organizations.map((o) => o.sourceId));
  const sessions = unique(records.sessions, (s) => s.sourceId).flatMap((session) => {
    if (!schools.has(session.schoolSourceId)) {
      planner.problems.push(
        refProblem(
          session,
          'SchoolId',
          `names school ${session.schoolSourceId}, which is not in the files`,
        ),
      );
      return [];
    }
    return [
      {
        id: stableId('session', session.sourceId),
        source_id: session.sourceId,
        org_id: stableId('organization', session.schoolSourceId),
        name: session.name,
        kind: session.kind,
        start_date: session.beginDate,
        end_date: session.endDate,
      },
    ];
  });

  const classes = planClasses(planner, schools, new Set(sessions.map((s) => s.source_id)));
  return { sessions, classes, ...planGradebook(planner, classes) };
}

function planClasses(
  planner: Planner,
  schools: ReadonlySet<string>,
  sessions: ReadonlySet<string>,
): Insertable<ClassTable>[] {
  const { records } = planner;
  const courses = new Map(records.courses.map((c) => [c.key, c]));
  const offerings = new Map(records.offerings.map((o) => [o.key, o]));

  return unique(records.sections, (s) => s.sourceId).flatMap((section) => {
    if (!schools.has(section.schoolSourceId)) {
      planner.problems.push(
        refProblem(
          section,
          'SchoolId',
          `names school ${section.schoolSourceId}, which is not in the files`,
        ),
      );
      return [];
    }
    const offering = offerings.get(section.offeringKey);
    const course = offering ? courses.get(offering.courseKey) : undefined;
    const name = section.name ?? course?.title ?? section.localCourseCode;
    return [
      {
        id: stableId('class', section.sourceId),
        source_id: section.sourceId,
        school_id: stableId('organization', section.schoolSourceId),
        session_id: sessions.has(section.sessionSourceId)
          ? stableId('session', section.sessionSourceId)
          : null,
        title: section.period ? `${name} (${section.period})` : name,
        course_code: section.localCourseCode,
        subject: course?.subject ?? null,
      },
    ];
  });
}

/**
 * Gradebook entries become tasks of their class, and grades become task scores. A student
 * with a grade in a class is enrolled in it: the files hold no other student-section link.
 */
function planGradebook(
  planner: Planner,
  classes: readonly Insertable<ClassTable>[],
): Omit<SchedulePlan, 'sessions' | 'classes'> {
  const classBySource = new Map(classes.map((c) => [c.source_id, c]));
  const entries = new Map<string, { taskId: string; classId: string; due: string | null }>();
  const tasks: PlannedTask[] = [];

  for (const entry of unique(planner.records.gradebookEntries, (e) => e.sourceId)) {
    const section = classBySource.get(entry.sectionSourceId);
    if (!section) {
      planner.problems.push(
        refProblem(
          entry,
          'SectionReference',
          `names section ${entry.sectionSourceId}, which is in no Section element`,
        ),
      );
      continue;
    }
    const taskId = stableId('task', `gradebook:${entry.sourceId}`);
    const due = entry.dueDate ?? entry.dateAssigned;
    entries.set(entry.sourceId, { taskId, classId: section.id, due });
    tasks.push({
      id: taskId,
      source_id: `edfi:gradebook:${entry.sourceId}`,
      class_id: section.id,
      title: entry.title,
      kind: 'gradebook entry',
      format: 'written',
      due_date: due,
    });
  }
  return { tasks, ...planGrades(planner, entries, classBySource) };
}

function planGrades(
  planner: Planner,
  entries: ReadonlyMap<string, { taskId: string; classId: string; due: string | null }>,
  classBySource: ReadonlyMap<string, Insertable<ClassTable>>,
): Omit<SchedulePlan, 'sessions' | 'classes' | 'tasks'> {
  const schoolOfClass = new Map(
    [...classBySource.values()].map((c) => [c.id, c.school_id ?? null]),
  );
  const taskScores: Insertable<TaskScoreTable>[] = [];
  const enrollments = new Map<string, Insertable<EnrollmentTable>>();
  const schoolOfStudent = new Map<string, string>();

  for (const grade of planner.records.grades) {
    const entry = entries.get(grade.entrySourceId);
    const studentId = studentOf(planner, grade);
    if (!entry) {
      planner.problems.push(
        refProblem(
          grade,
          'GradebookEntryReference',
          `names gradebook entry ${grade.entrySourceId}, which is in no GradebookEntry element`,
        ),
      );
    }
    if (!entry || !studentId) continue;

    const sourceId = `edfi:grade:${grade.entrySourceId}:${grade.studentSourceId}`;
    taskScores.push({
      id: stableId('task-score', sourceId),
      source_id: sourceId,
      task_id: entry.taskId,
      student_id: studentId,
      score: grade.score,
      max_score: null,
      level_label: null,
      status: grade.status,
      late: grade.late ? 1 : 0,
      observed_at: entry.due,
      origin: 'edfi',
    });
    enrollments.set(`${entry.classId}|${studentId}`, {
      class_id: entry.classId,
      student_id: studentId,
    });
    const school = schoolOfClass.get(entry.classId);
    if (school) schoolOfStudent.set(studentId, school);
  }
  return { taskScores, enrollments: [...enrollments.values()], schoolOfStudent };
}

interface AssessmentPlan {
  tasks: PlannedTask[];
  taskScores: Insertable<TaskScoreTable>[];
  evidence: PlannedEvidence[];
}

/** What is known about one assessment while planning its results. */
interface AssessmentContext {
  readonly assessment: AssessmentRecord;
  readonly taskId: string;
  readonly objectives: Map<string, ObjectiveRecord>;
  readonly standardsOfItem: Map<string, readonly string[]>;
}

/**
 * Students' assessment results: the assessment and each objective become tasks, every result
 * a task score, and every objective result one piece of evidence on each standard the
 * objective is aligned to (through its items or directly), on the proficiency scale.
 */
function planAssessments(planner: Planner): AssessmentPlan {
  const plan: AssessmentPlan = { tasks: [], taskScores: [], evidence: [] };
  const contexts = new Map<string, AssessmentContext>();

  for (const result of unique(planner.records.studentAssessments, (r) => r.sourceId)) {
    const context = contextFor(planner, contexts, plan, result);
    const studentId = studentOf(planner, result);
    if (!context || !studentId) continue;
    planResult(planner, plan, context, result, studentId);
  }
  return plan;
}

function contextFor(
  planner: Planner,
  contexts: Map<string, AssessmentContext>,
  plan: AssessmentPlan,
  result: StudentAssessmentRecord,
): AssessmentContext | null {
  const known = contexts.get(result.assessmentKey);
  if (known) return known;

  const { records } = planner;
  const assessment = records.assessments.find((a) => a.key === result.assessmentKey);
  if (!assessment) {
    planner.problems.push(
      refProblem(
        result,
        'AssessmentReference',
        `names assessment ${result.assessmentKey}, which is in no Assessment element`,
      ),
    );
    return null;
  }
  const ofAssessment = <T extends { assessmentKey: string }>(list: readonly T[]): T[] =>
    list.filter((x) => x.assessmentKey === assessment.key);
  const context: AssessmentContext = {
    assessment,
    taskId: stableId('task', `assessment:${assessment.key}`),
    objectives: new Map(ofAssessment(records.objectives).map((o) => [o.code, o])),
    standardsOfItem: new Map(ofAssessment(records.items).map((i) => [i.code, i.standardIds])),
  };
  contexts.set(assessment.key, context);
  plan.tasks.push({
    id: context.taskId,
    source_id: `edfi:assessment:${assessment.key}`,
    class_id: null,
    title: assessment.title,
    kind: 'assessment',
    format: 'written',
    due_date: null,
  });
  for (const objective of context.objectives.values()) {
    plan.tasks.push({
      id: objectiveTaskId(context, objective.code),
      source_id: `edfi:objective:${assessment.key}#${objective.code}`,
      class_id: null,
      title: `${assessment.title}: ${objective.code}`,
      kind: 'assessment objective',
      format: 'written',
      due_date: null,
    });
  }
  return context;
}

function objectiveTaskId(context: AssessmentContext, code: string): string {
  return stableId('task', `objective:${context.assessment.key}#${code}`);
}

function planResult(
  planner: Planner,
  plan: AssessmentPlan,
  context: AssessmentContext,
  result: StudentAssessmentRecord,
  studentId: string,
): void {
  const sourceId = `edfi:assessment-result:${result.sourceId}`;
  plan.taskScores.push({
    id: stableId('task-score', sourceId),
    source_id: sourceId,
    task_id: context.taskId,
    student_id: studentId,
    score: result.score,
    max_score: context.assessment.maxScore,
    level_label: result.levelLabel,
    status: null,
    late: 0,
    observed_at: result.date,
    origin: 'edfi',
  });

  for (const objectiveResult of result.objectives) {
    const at = { file: result.file, line: objectiveResult.line };
    const objective = context.objectives.get(objectiveResult.code);
    if (!objective) {
      planner.problems.push(
        refProblem(
          at,
          'ObjectiveAssessmentReference',
          `names objective ${objectiveResult.code}, which is in no ObjectiveAssessment element`,
        ),
      );
      continue;
    }
    const judged = judge(planner, context, objective, objectiveResult, at);
    const scoreSource = `${sourceId}#${objective.code}`;
    plan.taskScores.push({
      id: stableId('task-score', scoreSource),
      source_id: scoreSource,
      task_id: objectiveTaskId(context, objective.code),
      student_id: studentId,
      score: objectiveResult.score,
      max_score: objective.maxScore,
      level_label: judged?.label ?? objectiveResult.levelLabel,
      status: null,
      late: 0,
      observed_at: result.date,
      origin: 'edfi',
    });
    if (!judged) continue;

    for (const standardSource of standardsOfObjective(context, objective)) {
      const standardId = standardOf(planner, objective, standardSource);
      if (!standardId) continue;
      plan.evidence.push({
        source_id: `edfi:${result.sourceId}:${objective.code}:${standardSource}`,
        student_id: studentId,
        standard_id: standardId,
        task_id: objectiveTaskId(context, objective.code),
        score: judged.level,
        observed_at: result.date,
        format: 'written',
        origin: 'edfi',
      });
    }
  }
}

/** The distinct standards an objective is aligned to: its own, then its items', in order. */
function standardsOfObjective(context: AssessmentContext, objective: ObjectiveRecord): string[] {
  const fromItems = objective.itemCodes.flatMap((code) => context.standardsOfItem.get(code) ?? []);
  return [...new Set([...objective.standardIds, ...fromItems])];
}

/** The level of a named performance level, or null (reported) for a name not in the table. */
function namedLevel(
  planner: Planner,
  label: string,
  at: Located,
): { label: string; level: number } | null {
  const level = levelOfName(label);
  if (level) return { label, level };
  planner.problems.push(
    refProblem(
      at,
      'PerformanceLevel',
      `has performance level "${label}", which Trellis cannot place on the proficiency scale`,
    ),
  );
  return null;
}

/**
 * The level of one objective result: its named performance level when it has one, else its
 * raw score through the cut scores; null (reported) when it cannot be placed.
 */
function judge(
  planner: Planner,
  context: AssessmentContext,
  objective: ObjectiveRecord,
  result: ObjectiveResult,
  at: Located,
): { label: string; level: number } | null {
  if (result.levelLabel !== null) return namedLevel(planner, result.levelLabel, at);
  const { score } = result;
  if (score === null) return null;
  const level = objectiveLevel({
    score,
    objectiveMax: objective.maxScore,
    objectiveCuts: objective.levels,
    assessmentMax: context.assessment.maxScore,
    assessmentCuts: context.assessment.levels,
  });
  if (!level) {
    planner.problems.push(
      refProblem(
        at,
        'StudentObjectiveAssessment',
        `scores ${score} on objective ${objective.code}, which no performance level or cut score places on the proficiency scale`,
      ),
    );
  }
  return level;
}
