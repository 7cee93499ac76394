/**
 * Reads every Ed-Fi interchange file (*.xml) of a folder into plain records. Each record is
 * routed by its element name, whatever file it is in; elements Trellis does not import are
 * counted, not lost silently. Nothing here touches the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { problemAt, type ImportProblem } from '../import-problem.js';
import {
  assessmentRecord,
  equivalenceRecord,
  itemRecord,
  objectiveRecord,
  standardRecord,
  studentAssessmentRecord,
} from './assessment-records.js';
import {
  ORGANIZATION_ELEMENTS,
  courseRecord,
  offeringRecord,
  organizationRecord,
  sectionRecord,
  sessionRecord,
} from './organization-records.js';
import { emptyDistrict, type DistrictRecords } from './records.js';
import {
  gradebookEntryRecord,
  iepRecord,
  studentGradeRecord,
  studentRecord,
} from './student-records.js';
import type { Mapped } from './xml-fields.js';
import { readInterchange, type XmlElement } from './xml-reader.js';

/** The records of a district's files, and every problem found while reading them. */
export interface DistrictRead {
  readonly records: DistrictRecords;
  readonly problems: readonly ImportProblem[];
  readonly files: readonly string[];
}

type Route = (records: DistrictRecords, file: string, element: XmlElement) => ImportProblem | null;

/** Adds the mapped record to `list`, or answers the problem that kept it out. */
function into<T>(
  list: (records: DistrictRecords) => T[],
  map: (f: string, e: XmlElement) => Mapped<T>,
): Route {
  return (records, file, element) => {
    const mapped = map(file, element);
    if (!mapped.ok) return mapped.problem;
    list(records).push(mapped.value);
    return null;
  };
}

const ROUTES: Readonly<Record<string, Route>> = {
  ...Object.fromEntries(
    Object.keys(ORGANIZATION_ELEMENTS).map((name) => [
      name,
      into((r) => r.organizations, organizationRecord),
    ]),
  ),
  Student: into((r) => r.students, studentRecord),
  StudentSpecialEducationProgramAssociation: into((r) => r.ieps, iepRecord),
  LearningStandard: into((r) => r.standards, standardRecord),
  LearningStandardEquivalenceAssociation: into((r) => r.equivalences, equivalenceRecord),
  Session: into((r) => r.sessions, sessionRecord),
  Course: into((r) => r.courses, courseRecord),
  CourseOffering: into((r) => r.offerings, offeringRecord),
  Section: into((r) => r.sections, sectionRecord),
  GradebookEntry: into((r) => r.gradebookEntries, gradebookEntryRecord),
  StudentGradebookEntry: into((r) => r.grades, studentGradeRecord),
  Assessment: into((r) => r.assessments, assessmentRecord),
  ObjectiveAssessment: into((r) => r.objectives, objectiveRecord),
  AssessmentItem: into((r) => r.items, itemRecord),
  StudentAssessment: into((r) => r.studentAssessments, studentAssessmentRecord),
};

/** Reads the interchange files of `dir` (in name order) into records and problems. */
export async function readDistrict(dir: string): Promise<DistrictRead> {
  const files = interchangeFiles(dir);
  const records = emptyDistrict();
  const problems: ImportProblem[] = [];
  if (files.length === 0) {
    problems.push(problemAt(dir, null, 'folder', 'holds no Ed-Fi interchange (*.xml) files'));
  }

  for (const file of files) {
    const outcome = await readInterchange(file, (element) => {
      const route = ROUTES[element.name];
      if (!route) return countSkipped(records.skipped, element.name);
      const problem = route(records, path.basename(file), element);
      if (problem) problems.push(problem);
    });
    if (outcome.problem) problems.push(outcome.problem);
  }
  return { records, problems, files };
}

function interchangeFiles(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.xml'))
    .sort()
    .map((name) => path.join(dir, name));
}

function countSkipped(skipped: Map<string, number>, name: string): void {
  skipped.set(name, (skipped.get(name) ?? 0) + 1);
}
