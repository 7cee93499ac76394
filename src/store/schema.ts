/**
 * The row types of every table, as Kysely sees them. One schema serves SQLite and PostgreSQL:
 * ids are text (UUIDs or stable source ids), dates are ISO-8601 text ("2026-10-02" for a day,
 * "2026-10-02T10:00:00.000Z" for an instant, always UTC), booleans are 0 or 1.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** 0 or 1: the portable boolean. */
export type Flag = 0 | 1;

export interface OrganizationTable {
  id: string;
  source_id: string;
  name: string;
  kind: 'district' | 'school' | 'other';
  parent_id: string | null;
}

export interface AcademicSessionTable {
  id: string;
  source_id: string;
  org_id: string | null;
  name: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
}

export type PersonKind = 'student' | 'staff' | 'guardian';

export interface PersonTable {
  id: string;
  /** The identifier from the source system, e.g. the Ed-Fi StudentUniqueId. */
  source_id: string;
  kind: PersonKind;
  given_name: string;
  family_name: string;
  email: string | null;
  grade_level: string | null;
  preferred_language: ColumnType<string, string | undefined, string>;
  school_id: string | null;
}

export interface GuardianshipTable {
  guardian_id: string;
  student_id: string;
  relation: string | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  restricted: ColumnType<Flag, Flag | undefined, Flag>;
}

export type Role = 'admin' | 'teacher' | 'special_educator' | 'guardian' | 'student';

export interface AccountTable {
  id: string;
  person_id: string | null;
  username: string;
  password_hash: string;
  role: Role;
  /** The school or district an administrator administers. */
  org_id: string | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

export interface AuthSessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ClassTable {
  id: string;
  source_id: string;
  school_id: string | null;
  session_id: string | null;
  title: string;
  course_code: string | null;
  subject: string | null;
  grade_level: string | null;
}

export interface ClassStaffTable {
  class_id: string;
  staff_id: string;
  role: string;
}

export interface EnrollmentTable {
  class_id: string;
  student_id: string;
  begin_date: string | null;
  end_date: string | null;
}

export interface FrameworkTable {
  id: string;
  /** The CASE CFDocument identifier, or a stable id for a framework from another source. */
  source_id: string;
  title: string;
  creator: string | null;
  subject: string | null;
  version: string | null;
  source_format: string;
}

export interface StandardTable {
  id: string;
  framework_id: string;
  /** The CASE CFItem identifier (or URI), or the source system's standard id. */
  source_id: string;
  /** The human coding scheme, e.g. "CCSS.Math.Content.5.NBT.A.3". */
  code: string | null;
  statement: string;
  student_wording: string | null;
  family_wording: string | null;
  parent_id: string | null;
  item_type: string | null;
  grade_levels: string | null;
  list_order: number | null;
}

/** A link from one framework's standard to the same standard in another (CASE exactMatchOf). */
export interface StandardAlignmentTable {
  standard_id: string;
  aligned_standard_id: string;
  kind: string;
}

export interface ProficiencyScaleTable {
  id: string;
  name: string;
  scope_kind: 'district' | 'school' | 'course' | 'framework';
  scope_id: string | null;
}

export interface ScaleLevelTable {
  scale_id: string;
  value: number;
  label: string;
  descriptor: string;
  color: string;
  student_wording: string;
  family_wording: string;
  is_mastery: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface TaskTable {
  id: string;
  source_id: string | null;
  class_id: string | null;
  title: string;
  kind: string;
  format: string;
  due_date: string | null;
  created_at: string;
}

export interface EvidenceTable {
  /** Increases in the order evidence was recorded: the tie-break for equal dates. */
  id: Generated<number>;
  source_id: string | null;
  student_id: string;
  standard_id: string;
  task_id: string | null;
  /** The evidence this attempt revises; a revision supersedes it. */
  revises_id: number | null;
  score: number | null;
  /** When the learning was observed: a day or an instant; null counts as oldest. */
  observed_at: string | null;
  recorded_at: string;
  judged_by: string | null;
  format: string;
  strength: string | null;
  next_step: string | null;
  supports: string | null;
  excluded: ColumnType<Flag, Flag | undefined, Flag>;
  exclusion_reason: string | null;
  origin: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface MasteryResultTable {
  student_id: string;
  standard_id: string;
  method: string;
  param: number | null;
  score: number | null;
  level_value: number | null;
  evidence_count: number;
  computed_at: string;
}

export interface IepTable {
  id: string;
  source_id: string;
  student_id: string;
  begin_date: string | null;
  end_date: string | null;
  review_date: string | null;
  reevaluation_date: string | null;
  setting: string | null;
  disability: string | null;
  case_manager_id: string | null;
  service_hours_per_week: number | null;
  present_levels: string | null;
}

export interface IepGoalTable {
  id: string;
  iep_id: string;
  area: string;
  statement: string;
  baseline_date: string | null;
  baseline_value: number | null;
  baseline_method: string | null;
  target_value: number | null;
  goal_date: string | null;
  measurement_type: string;
  direction: 'increase' | 'decrease';
  criterion_json: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  account_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  student_id: string | null;
  request_id: string | null;
  detail_json: string | null;
}

export interface Database {
  organizations: OrganizationTable;
  academic_sessions: AcademicSessionTable;
  people: PersonTable;
  guardianships: GuardianshipTable;
  accounts: AccountTable;
  auth_sessions: AuthSessionTable;
  classes: ClassTable;
  class_staff: ClassStaffTable;
  enrollments: EnrollmentTable;
  frameworks: FrameworkTable;
  standards: StandardTable;
  standard_alignments: StandardAlignmentTable;
  proficiency_scales: ProficiencyScaleTable;
  scale_levels: ScaleLevelTable;
  tasks: TaskTable;
  evidence: EvidenceTable;
  mastery_results: MasteryResultTable;
  ieps: IepTable;
  iep_goals: IepGoalTable;
  audit_log: AuditLogTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type Standard = Selectable<StandardTable>;
export type Evidence = Selectable<EvidenceTable>;
export type NewEvidence = Insertable<EvidenceTable>;
export type EvidenceUpdate = Updateable<EvidenceTable>;
export type Account = Selectable<AccountTable>;
export type MasteryResult = Selectable<MasteryResultTable>;
