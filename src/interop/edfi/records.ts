/**
 * The plain records the Ed-Fi reader produces, one per interchange element it understands.
 * Every record remembers the file and line it came from, so later checks can point at it.
 */

/** Where a record (or a reference inside it) is in its file. */
export interface Located {
  readonly file: string;
  readonly line: number;
}

export type OrganizationKind = 'district' | 'school' | 'other';

/** An education organization: the district (LEA), a school, or another organization. */
export interface OrganizationRecord extends Located {
  readonly sourceId: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  /** The element's XML `id` attribute, which other elements may point at with `ref`. */
  readonly xmlId: string | null;
  /** The parent's Ed-Fi id, when given by identity. */
  readonly parentSourceId: string | null;
  /** The parent's XML id, when given by a `ref` attribute. */
  readonly parentRef: string | null;
}

export interface StudentRecord extends Located {
  readonly sourceId: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** A reference to a student by StudentUniqueId, with the line of the reference. */
export interface StudentRef extends Located {
  readonly studentSourceId: string;
}

/** A special-education program association: the IEP record of one student. */
export interface IepRecord extends StudentRef {
  readonly sourceId: string;
  readonly beginDate: string | null;
  readonly endDate: string | null;
  readonly reviewDate: string | null;
  readonly setting: string | null;
  /** Disabilities in their order of significance, joined by "; ". */
  readonly disability: string | null;
  readonly hoursPerWeek: number | null;
}

export interface StandardRecord extends Located {
  readonly sourceId: string;
  readonly statement: string;
  readonly gradeLevel: string | null;
  readonly subject: string | null;
}

/** An Ed-Fi learning standard equivalence: one standard largely teaches another. */
export interface EquivalenceRecord extends Located {
  readonly sourceStandardId: string;
  readonly targetStandardId: string;
  readonly strength: string | null;
}

export interface SessionRecord extends Located {
  readonly sourceId: string;
  readonly schoolSourceId: string;
  readonly name: string;
  readonly kind: string;
  readonly beginDate: string | null;
  readonly endDate: string | null;
}

export interface CourseRecord extends Located {
  /** `educationOrganizationId:courseCode`. */
  readonly key: string;
  readonly title: string;
  readonly subject: string | null;
}

export interface CourseOfferingRecord extends Located {
  /** `schoolId:schoolYear:sessionName:localCourseCode`. */
  readonly key: string;
  readonly courseKey: string;
}

/** A section: a class of students meeting for one course offering. */
export interface SectionRecord extends Located {
  readonly sourceId: string;
  readonly offeringKey: string;
  readonly schoolSourceId: string;
  readonly sessionSourceId: string;
  readonly localCourseCode: string;
  readonly name: string | null;
  readonly period: string | null;
}

export interface GradebookEntryRecord extends Located {
  readonly sourceId: string;
  readonly sectionSourceId: string;
  readonly title: string;
  readonly dateAssigned: string | null;
  readonly dueDate: string | null;
}

export interface StudentGradeRecord extends StudentRef {
  readonly entrySourceId: string;
  readonly score: number | null;
  readonly status: string | null;
  readonly late: boolean;
}

/** One performance level of an assessment or objective: from `minimum` up (inclusive). */
export interface CutScore {
  readonly label: string;
  readonly minimum: number;
  readonly maximum: number | null;
}

export interface AssessmentRecord extends Located {
  /** `namespace#identifier`. */
  readonly key: string;
  readonly title: string;
  readonly maxScore: number | null;
  readonly levels: readonly CutScore[];
}

export interface ObjectiveRecord extends Located {
  readonly assessmentKey: string;
  readonly code: string;
  readonly maxScore: number | null;
  readonly levels: readonly CutScore[];
  readonly itemCodes: readonly string[];
  readonly standardIds: readonly string[];
}

export interface AssessmentItemRecord extends Located {
  readonly assessmentKey: string;
  readonly code: string;
  readonly standardIds: readonly string[];
}

export interface ObjectiveResult extends Located {
  readonly code: string;
  readonly score: number | null;
  readonly levelLabel: string | null;
}

/** One student's result on one assessment, with the results of its objectives. */
export interface StudentAssessmentRecord extends StudentRef {
  readonly sourceId: string;
  readonly assessmentKey: string;
  readonly date: string;
  readonly score: number | null;
  readonly levelLabel: string | null;
  readonly objectives: readonly ObjectiveResult[];
}

/** Everything read from one district's interchange files. */
export interface DistrictRecords {
  readonly organizations: OrganizationRecord[];
  readonly students: StudentRecord[];
  readonly ieps: IepRecord[];
  readonly standards: StandardRecord[];
  readonly equivalences: EquivalenceRecord[];
  readonly sessions: SessionRecord[];
  readonly courses: CourseRecord[];
  readonly offerings: CourseOfferingRecord[];
  readonly sections: SectionRecord[];
  readonly gradebookEntries: GradebookEntryRecord[];
  readonly grades: StudentGradeRecord[];
  readonly assessments: AssessmentRecord[];
  readonly objectives: ObjectiveRecord[];
  readonly items: AssessmentItemRecord[];
  readonly studentAssessments: StudentAssessmentRecord[];
  /** Elements read but not imported, by name, with how many there were. */
  readonly skipped: Map<string, number>;
}

/** An empty set of records to fill. */
export function emptyDistrict(): DistrictRecords {
  return {
    organizations: [],
    students: [],
    ieps: [],
    standards: [],
    equivalences: [],
    sessions: [],
    courses: [],
    offerings: [],
    sections: [],
    gradebookEntries: [],
    grades: [],
    assessments: [],
    objectives: [],
    items: [],
    studentAssessments: [],
    skipped: new Map(),
  };
}
