/**
 * Maps the standards and assessment elements of Ed-Fi interchanges to plain records:
 * learning standards and their equivalences, assessments with their objectives, items and
 * performance levels, and students' assessment results.
 */
import type {
  AssessmentItemRecord,
  AssessmentRecord,
  CutScore,
  EquivalenceRecord,
  ObjectiveRecord,
  ObjectiveResult,
  StandardRecord,
  StudentAssessmentRecord,
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

/** A LearningStandard element as a record. */
export function standardRecord(file: string, element: XmlElement): Mapped<StandardRecord> {
  const fields = fieldsOf(file, element);
  const grade = fields.may('GradeLevel');
  const subject = fields.may('AcademicSubject');
  return finish(fields, {
    file,
    line: element.line,
    sourceId: fields.need('LearningStandardId'),
    statement: fields.need('Description'),
    gradeLevel: grade ? descriptorValue(grade) : null,
    subject: subject ? descriptorValue(subject) : null,
  });
}

/** A LearningStandardEquivalenceAssociation element as a record. */
export function equivalenceRecord(file: string, element: XmlElement): Mapped<EquivalenceRecord> {
  const fields = fieldsOf(file, element);
  const strength = fields.may('LearningStandardEquivalenceStrength');
  const id = 'LearningStandardIdentity/LearningStandardId';
  return finish(fields, {
    file,
    line: element.line,
    sourceStandardId: fields.need(`SourceLearningStandardReference/${id}`),
    targetStandardId: fields.need(`TargetLearningStandardReference/${id}`),
    strength: strength ? descriptorValue(strength) : null,
  });
}

/** The key of an assessment: `namespace#identifier`, read at `prefix`. */
function assessmentKey(fields: Fields, prefix: string): string {
  return `${fields.need(`${prefix}Namespace`)}#${fields.need(`${prefix}AssessmentIdentifier`)}`;
}

const ASSESSMENT_REF = 'AssessmentReference/AssessmentIdentity/';

/** The performance levels of an assessment or objective, with their cut scores. */
function cutScoresOf(element: XmlElement): CutScore[] {
  return elementsAt(element, 'AssessmentPerformanceLevel').flatMap((level) => {
    const label = textAt(level, 'PerformanceLevel');
    const minimum = numberOf(textAt(level, 'MinimumScore'));
    if (label === null || minimum === null) return [];
    return [
      { label: descriptorValue(label), minimum, maximum: numberOf(textAt(level, 'MaximumScore')) },
    ];
  });
}

/** The LearningStandardIds an element references directly. */
function standardIdsOf(element: XmlElement): string[] {
  return elementsAt(
    element,
    'LearningStandardReference/LearningStandardIdentity/LearningStandardId',
  )
    .map((id) => id.text.trim())
    .filter((id) => id !== '');
}

/** An Assessment element as a record. */
export function assessmentRecord(file: string, element: XmlElement): Mapped<AssessmentRecord> {
  const fields = fieldsOf(file, element);
  return finish(fields, {
    file,
    line: element.line,
    key: assessmentKey(fields, ''),
    title: fields.need('AssessmentTitle'),
    maxScore: numberOf(fields.may('MaxRawScore') ?? fields.may('AssessmentScore/MaximumScore')),
    levels: cutScoresOf(element),
  });
}

/** An ObjectiveAssessment element as a record. */
export function objectiveRecord(file: string, element: XmlElement): Mapped<ObjectiveRecord> {
  const fields = fieldsOf(file, element);
  const itemCodes = elementsAt(element, 'AssessmentItemReference/AssessmentItemIdentity')
    .map((item) => textAt(item, 'IdentificationCode'))
    .filter((code): code is string => code !== null);
  return finish(fields, {
    file,
    line: element.line,
    assessmentKey: assessmentKey(fields, ASSESSMENT_REF),
    code: fields.need('IdentificationCode'),
    maxScore: numberOf(fields.may('MaxRawScore') ?? fields.may('AssessmentScore/MaximumScore')),
    levels: cutScoresOf(element),
    itemCodes,
    standardIds: standardIdsOf(element),
  });
}

/** An AssessmentItem element as a record. */
export function itemRecord(file: string, element: XmlElement): Mapped<AssessmentItemRecord> {
  const fields = fieldsOf(file, element);
  return finish(fields, {
    file,
    line: element.line,
    assessmentKey: assessmentKey(fields, ASSESSMENT_REF),
    code: fields.need('IdentificationCode'),
    standardIds: standardIdsOf(element),
  });
}

/** A StudentAssessment element (one student's result, by objective) as a record. */
export function studentAssessmentRecord(
  file: string,
  element: XmlElement,
): Mapped<StudentAssessmentRecord> {
  const fields = fieldsOf(file, element);
  const studentId = 'StudentReference/StudentIdentity/StudentUniqueId';
  const level = fields.may('PerformanceLevel/PerformanceLevel');
  const results = elementsAt(element, 'StudentObjectiveAssessment').map((result) =>
    objectiveResult(file, result),
  );
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) return failed;
  const objectives = results.flatMap((result) => (result.ok ? [result.value] : []));

  return finish(fields, {
    file,
    line: elementAt(element, studentId)?.line ?? element.line,
    studentSourceId: fields.need(studentId),
    sourceId: fields.need('StudentAssessmentIdentifier'),
    assessmentKey: assessmentKey(fields, ASSESSMENT_REF),
    // The administration's day; the time of day carries no zone in Ed-Fi, so it is dropped.
    date: fields.need('AdministrationDate').slice(0, 10),
    score: numberOf(fields.may('ScoreResult/Result')),
    levelLabel: level ? descriptorValue(level) : null,
    objectives,
  });
}

function objectiveResult(file: string, element: XmlElement): Mapped<ObjectiveResult> {
  const fields = fieldsOf(file, element);
  const level = fields.may('PerformanceLevel/PerformanceLevel');
  return finish(fields, {
    file,
    line: element.line,
    code: fields.need(
      'ObjectiveAssessmentReference/ObjectiveAssessmentIdentity/IdentificationCode',
    ),
    score: numberOf(fields.may('ScoreResult/Result')),
    levelLabel: level ? descriptorValue(level) : null,
  });
}
