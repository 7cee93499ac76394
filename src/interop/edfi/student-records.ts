/**
 * Maps the student elements of Ed-Fi interchanges to plain records: students, their
 * special-education program associations (IEP records) and their gradebook grades.
 */
import { sectionKeyOf } from './organization-records.js';
import type {
  GradebookEntryRecord,
  IepRecord,
  StudentGradeRecord,
  StudentRecord,
  StudentRef,
} from './records.js';
import {
  descriptorValue,
  elementAt,
  elementsAt,
  fieldsOf,
  finish,
  numberOf,
  textAt,
  type Fields,
  type Mapped,
} from './xml-fields.js';
import type { XmlElement } from './xml-reader.js';

const STUDENT_ID = 'StudentReference/StudentIdentity/StudentUniqueId';

/** A Student element as a record. */
export function studentRecord(file: string, element: XmlElement): Mapped<StudentRecord> {
  const fields = fieldsOf(file, element);
  const sourceId = fields.need('StudentUniqueId');
  const givenName = fields.need('Name/FirstName');
  const familyName = fields.need('Name/LastSurname');
  return finish(fields, { file, line: element.line, sourceId, givenName, familyName });
}

/** The student a record refers to, with the line of the reference itself. */
function studentRef(fields: Fields, file: string, element: XmlElement): StudentRef {
  const reference = elementAt(element, STUDENT_ID);
  return {
    file,
    line: reference?.line ?? element.line,
    studentSourceId: fields.need(STUDENT_ID),
  };
}

/**
 * A StudentSpecialEducationProgramAssociation as an IEP record. Its key is the association's
 * Ed-Fi identity: student, program organization, program name and begin date.
 */
export function iepRecord(file: string, element: XmlElement): Mapped<IepRecord> {
  const fields = fieldsOf(file, element);
  const ref = studentRef(fields, file, element);
  const program = 'ProgramReference/ProgramIdentity/';
  const programOrg = fields.need(
    `${program}EducationOrganizationReference/EducationOrganizationIdentity/EducationOrganizationId`,
  );
  const programName = fields.need(`${program}ProgramName`);
  const beginDate = fields.need('BeginDate');
  const setting = fields.may('SpecialEducationSetting');

  return finish(fields, {
    ...ref,
    sourceId: `${ref.studentSourceId}:${programOrg}:${programName}:${beginDate}`,
    beginDate: fields.may('IEPBeginDate') ?? beginDate,
    // The IEP's own end, else the day the student left the program or special education.
    endDate:
      fields.may('IEPEndDate') ?? fields.may('EndDate') ?? fields.may('SpecialEducationExitDate'),
    reviewDate: fields.may('IEPReviewDate'),
    setting: setting ? descriptorValue(setting) : null,
    disability: disabilitiesOf(element),
    hoursPerWeek: numberOf(fields.may('SpecialEducationHoursPerWeek')),
  });
}

/** The disabilities of an association in their order of significance, joined by "; ". */
function disabilitiesOf(element: XmlElement): string | null {
  const disabilities = elementsAt(element, 'Disability')
    .map((disability, index) => ({
      name: textAt(disability, 'Disability'),
      order: numberOf(textAt(disability, 'OrderOfDisability')) ?? index + 1,
    }))
    .filter((disability): disability is { name: string; order: number } => !!disability.name)
    .sort((a, b) => a.order - b.order);
  return disabilities.length ? disabilities.map((d) => descriptorValue(d.name)).join('; ') : null;
}

/** The key of a gradebook entry: `namespace#identifier`. */
function gradebookKey(fields: Fields, prefix: string): string {
  return `${fields.need(`${prefix}Namespace`)}#${fields.need(`${prefix}GradebookEntryIdentifier`)}`;
}

/** A GradebookEntry element (an assignment of one section) as a record. */
export function gradebookEntryRecord(
  file: string,
  element: XmlElement,
): Mapped<GradebookEntryRecord> {
  const fields = fieldsOf(file, element);
  return finish(fields, {
    file,
    line: element.line,
    sourceId: gradebookKey(fields, ''),
    sectionSourceId: sectionKeyOf(fields, 'SectionReference/SectionIdentity/'),
    title: fields.need('Title'),
    dateAssigned: fields.may('DateAssigned'),
    dueDate: fields.may('DueDate'),
  });
}

/** A StudentGradebookEntry element (one student's grade on one entry) as a record. */
export function studentGradeRecord(file: string, element: XmlElement): Mapped<StudentGradeRecord> {
  const fields = fieldsOf(file, element);
  const status = fields.may('SubmissionStatus');
  const late = fields.may('AssignmentLateStatus');
  return finish(fields, {
    ...studentRef(fields, file, element),
    entrySourceId: gradebookKey(fields, 'GradebookEntryReference/GradebookEntryIdentity/'),
    score: numberOf(fields.may('NumericGradeEarned')),
    status: status ? descriptorValue(status) : null,
    late: late !== null && descriptorValue(late).toLowerCase() === 'late',
  });
}
