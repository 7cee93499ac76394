/**
 * Maps the organization and schedule elements of Ed-Fi interchanges to plain records:
 * education organizations, sessions, courses, course offerings and sections.
 */
import type {
  CourseOfferingRecord,
  CourseRecord,
  OrganizationKind,
  OrganizationRecord,
  SectionRecord,
  SessionRecord,
} from './records.js';
import { descriptorValue, elementAt, fieldsOf, finish, type Mapped } from './xml-fields.js';
import type { XmlElement } from './xml-reader.js';

/** The id element of each kind of education organization, and its kind in Trellis. */
export const ORGANIZATION_ELEMENTS: Readonly<Record<string, readonly [string, OrganizationKind]>> =
  {
    LocalEducationAgency: ['LocalEducationAgencyId', 'district'],
    School: ['SchoolId', 'school'],
    StateEducationAgency: ['StateEducationAgencyId', 'other'],
    EducationServiceCenter: ['EducationServiceCenterId', 'other'],
    CommunityOrganization: ['CommunityOrganizationId', 'other'],
    CommunityProvider: ['CommunityProviderId', 'other'],
    PostSecondaryInstitution: ['PostSecondaryInstitutionId', 'other'],
    OrganizationDepartment: ['OrganizationDepartmentId', 'other'],
  };

/** The references that name an organization's parent, by identity element or `ref`. */
const PARENT_REFERENCES: readonly (readonly [string, string])[] = [
  ['LocalEducationAgencyReference', 'LocalEducationAgencyIdentity/LocalEducationAgencyId'],
  ['EducationServiceCenterReference', 'EducationServiceCenterIdentity/EducationServiceCenterId'],
  ['StateEducationAgencyReference', 'StateEducationAgencyIdentity/StateEducationAgencyId'],
  ['ParentLocalEducationAgencyReference', 'LocalEducationAgencyIdentity/LocalEducationAgencyId'],
  ['ParentEducationOrganizationReference', 'EducationOrganizationIdentity/EducationOrganizationId'],
  ['CommunityOrganizationReference', 'CommunityOrganizationIdentity/CommunityOrganizationId'],
];

/** An education organization element (School, LocalEducationAgency, ...) as a record. */
export function organizationRecord(file: string, element: XmlElement): Mapped<OrganizationRecord> {
  const [idPath, kind] = ORGANIZATION_ELEMENTS[element.name] ?? ['', 'other'];
  const fields = fieldsOf(file, element);
  const sourceId = fields.need(idPath);
  const name = fields.need('NameOfInstitution');
  const parent = parentOf(element);

  return finish(fields, {
    file,
    line: element.line,
    sourceId,
    name,
    kind,
    xmlId: element.attributes.id ?? null,
    parentSourceId: parent.sourceId,
    parentRef: parent.ref,
  });
}

function parentOf(element: XmlElement): { sourceId: string | null; ref: string | null } {
  for (const [referenceName, identityPath] of PARENT_REFERENCES) {
    const reference = elementAt(element, referenceName);
    if (!reference) continue;
    const sourceId = elementAt(reference, identityPath)?.text.trim() || null;
    return { sourceId, ref: reference.attributes.ref ?? null };
  }
  return { sourceId: null, ref: null };
}

/** The key of a session: `schoolId:schoolYear:sessionName`. */
export function sessionKey(schoolId: string, schoolYear: string, sessionName: string): string {
  return `${schoolId}:${schoolYear}:${sessionName}`;
}

/** A Session element (a term of one school) as a record. */
export function sessionRecord(file: string, element: XmlElement): Mapped<SessionRecord> {
  const fields = fieldsOf(file, element);
  const name = fields.need('SessionName');
  const schoolYear = fields.need('SchoolYear');
  const schoolSourceId = fields.need('SchoolReference/SchoolIdentity/SchoolId');
  const term = fields.may('Term');

  return finish(fields, {
    file,
    line: element.line,
    sourceId: sessionKey(schoolSourceId, schoolYear, name),
    schoolSourceId,
    name,
    kind: term ? descriptorValue(term) : 'term',
    beginDate: fields.may('BeginDate'),
    endDate: fields.may('EndDate'),
  });
}

/** A Course element (from the education organization interchange) as a record. */
export function courseRecord(file: string, element: XmlElement): Mapped<CourseRecord> {
  const fields = fieldsOf(file, element);
  const code = fields.need('CourseCode');
  const title = fields.need('CourseTitle');
  const orgId = fields.need(
    'EducationOrganizationReference/EducationOrganizationIdentity/EducationOrganizationId',
  );
  const subject = fields.may('AcademicSubject');

  return finish(fields, {
    file,
    line: element.line,
    key: `${orgId}:${code}`,
    title,
    subject: subject ? descriptorValue(subject) : null,
  });
}

/** The key of a course offering, read from an element holding its identity. */
function offeringKeyOf(fields: ReturnType<typeof fieldsOf>, prefix: string): string {
  const code = fields.need(`${prefix}LocalCourseCode`);
  const school = fields.need(`${prefix}SchoolReference/SchoolIdentity/SchoolId`);
  const year = fields.need(`${prefix}SessionReference/SessionIdentity/SchoolYear`);
  const session = fields.need(`${prefix}SessionReference/SessionIdentity/SessionName`);
  return `${sessionKey(school, year, session)}:${code}`;
}

/** A CourseOffering element as a record. */
export function offeringRecord(file: string, element: XmlElement): Mapped<CourseOfferingRecord> {
  const fields = fieldsOf(file, element);
  const key = offeringKeyOf(fields, '');
  const code = fields.need('CourseReference/CourseIdentity/CourseCode');
  const orgId = fields.need(
    'CourseReference/CourseIdentity/EducationOrganizationReference/EducationOrganizationIdentity/EducationOrganizationId',
  );
  return finish(fields, { file, line: element.line, key, courseKey: `${orgId}:${code}` });
}

const OFFERING_IDENTITY = 'CourseOfferingReference/CourseOfferingIdentity/';

/**
 * The key of a section, read from a Section or a SectionReference's SectionIdentity:
 * `schoolId:schoolYear:sessionName:localCourseCode:sectionIdentifier`.
 */
export function sectionKeyOf(fields: ReturnType<typeof fieldsOf>, prefix: string): string {
  const identifier = fields.need(`${prefix}SectionIdentifier`);
  return `${offeringKeyOf(fields, `${prefix}${OFFERING_IDENTITY}`)}:${identifier}`;
}

/** A Section element as a record. */
export function sectionRecord(file: string, element: XmlElement): Mapped<SectionRecord> {
  const fields = fieldsOf(file, element);
  const offeringKey = offeringKeyOf(fields, OFFERING_IDENTITY);
  const sourceId = `${offeringKey}:${fields.need('SectionIdentifier')}`;
  const school = fields.need(`${OFFERING_IDENTITY}SchoolReference/SchoolIdentity/SchoolId`);
  const session = `${OFFERING_IDENTITY}SessionReference/SessionIdentity/`;
  const sessionSourceId = sessionKey(
    school,
    fields.need(`${session}SchoolYear`),
    fields.need(`${session}SessionName`),
  );
  const localCourseCode = fields.need(`${OFFERING_IDENTITY}LocalCourseCode`);

  return finish(fields, {
    file,
    line: element.line,
    sourceId,
    offeringKey,
    schoolSourceId: school,
    sessionSourceId,
    localCourseCode,
    name: fields.may('SectionName'),
    period: fields.may('ClassPeriodReference/ClassPeriodIdentity/ClassPeriodName'),
  });
}
