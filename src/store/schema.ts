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
  /** 1 for someone listed only as an emergency contact: they see nothing of the student. */
  emergency_contact: ColumnType<Flag, Flag | undefined, Flag>;
}

export type Role =
  | 'admin'
  | 'teacher'
  | 'special_educator'
  | 'guardian'
  | 'student'
  /** A therapist or other provider: sees the IEP goals they collect data for. */
  | 'related_service_provider';

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
  /** 0 while staff hold the judgement back: a student sees only released evidence. */
  released: ColumnType<Flag, Flag | undefined, Flag>;
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
  /** The scale the score was read on (null before the mastery engine stored it). */
  scale_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the score is at or above the mastery threshold. */
  mastered: ColumnType<Flag, Flag | undefined, Flag>;
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
  /** The current version in iep_versions (null for plans written before versions existed). */
  current_version_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** How a session's raw record is kept: trials, count, rate, duration, ... */
  collection_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** Type-specific settings: prompt hierarchy, latency ceiling, task steps, probes, ... */
  collection_config_json: ColumnType<string | null, string | null | undefined, string | null>;
  /** When data is due, e.g. {"weekdays": [1, 3]} (ISO weekdays, Monday = 1). */
  schedule_json: ColumnType<string | null, string | null | undefined, string | null>;
  trend_method: ColumnType<string | null, string | null | undefined, string | null>;
  decision_rule_json: ColumnType<string | null, string | null | undefined, string | null>;
  /** The y-axis unit, e.g. "words correct per minute". */
  unit_label: ColumnType<string | null, string | null | undefined, string | null>;
  added_in_version_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The version whose amendment ended the goal; null while the goal is current. */
  ended_in_version_id: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  list_order: ColumnType<number, number | undefined, number>;
  /** Optimistic concurrency: a save names the version it read; a stale one is refused. */
  version: ColumnType<number, number | undefined, number>;
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

/** A standard a class works on, in gradebook order. */
export interface ClassStandardTable {
  class_id: string;
  standard_id: string;
  list_order: ColumnType<number, number | undefined, number>;
}

/**
 * One student's raw result on one task: a gradebook grade, or an assessment's or objective's
 * score with the performance level it reached. Evidence on standards is kept apart, on the
 * 4-level proficiency scale.
 */
export interface TaskScoreTable {
  id: string;
  source_id: string;
  task_id: string;
  student_id: string;
  score: number | null;
  max_score: number | null;
  /** The source's performance level, e.g. "Met Standard". */
  level_label: string | null;
  status: string | null;
  late: ColumnType<Flag, Flag | undefined, Flag>;
  observed_at: string | null;
  origin: string;
  /** Optimistic concurrency: a save names the version it read; a stale one is refused. */
  version: ColumnType<number, number | undefined, number>;
}

/**
 * A CASE association (such as exactMatchOf) whose destination is not in the database yet; it
 * becomes a standard alignment once a framework holding the destination is imported.
 */
export interface PendingAlignmentTable {
  standard_id: string;
  target_identifier: string;
  kind: string;
  target_uri: string | null;
}

/** The calculation method chosen for a district, school, course (class) or standard. */
export interface CalculationPolicyTable {
  /** "scope_kind:scope_id" ("district:*" for the whole district): one policy per scope. */
  id: string;
  scope_kind: 'district' | 'school' | 'course' | 'standard';
  scope_id: string | null;
  method: string;
  param: number | null;
  min_evidence: ColumnType<number, number | undefined, number>;
  updated_at: string;
  updated_by: string | null;
}

/** A teacher's override of a computed level; cleared overrides are kept for the history. */
export interface MasteryOverrideTable {
  id: string;
  student_id: string;
  standard_id: string;
  level_value: number;
  reason: string;
  set_by: string | null;
  set_at: string;
  /** The newest evidence id for the pair when set: later evidence makes the override stale. */
  basis_evidence_id: number | null;
  cleared_at: string | null;
  cleared_by: string | null;
}

/** A school's mastery settings: whether report cards show a course summary level. */
export interface SchoolMasterySettingsTable {
  school_id: string;
  course_summary: ColumnType<Flag, Flag | undefined, Flag>;
  updated_at: string;
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
  class_standards: ClassStandardTable;
  task_scores: TaskScoreTable;
  pending_alignments: PendingAlignmentTable;
  calculation_policies: CalculationPolicyTable;
  mastery_overrides: MasteryOverrideTable;
  school_mastery_settings: SchoolMasterySettingsTable;
  iep_versions: IepVersionTable;
  iep_team_members: IepTeamMemberTable;
  iep_version_goals: IepVersionGoalTable;
  iep_goal_collectors: IepGoalCollectorTable;
  iep_objectives: IepObjectiveTable;
  iep_accommodations: IepAccommodationTable;
  iep_services: IepServiceTable;
  iep_data_sessions: IepDataSessionTable;
  iep_phase_changes: IepPhaseChangeTable;
  iep_record_history: IepRecordHistoryTable;
  progress_codes: ProgressCodeTable;
  progress_reporting_periods: ProgressReportingPeriodTable;
  progress_reports: ProgressReportTable;
  text_translations: TextTranslationTable;
  school_contacts: SchoolContactTable;
  sign_in_failures: SignInFailureTable;
  account_identities: AccountIdentityTable;
  oidc_requests: OidcRequestTable;
  invitations: InvitationTable;
  totp_credentials: TotpCredentialTable;
  recovery_codes: RecoveryCodeTable;
  sign_in_challenges: SignInChallengeTable;
  security_settings: SecuritySettingsTable;
  account_permissions: AccountPermissionTable;
  change_history: ChangeHistoryTable;
  deleted_records: DeletedRecordTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type Standard = Selectable<StandardTable>;
export type Evidence = Selectable<EvidenceTable>;
export type NewEvidence = Insertable<EvidenceTable>;
export type EvidenceUpdate = Updateable<EvidenceTable>;
export type Account = Selectable<AccountTable>;
export type MasteryResult = Selectable<MasteryResultTable>;

/** One version of an IEP's own fields; an amendment adds a version and supersedes the last. */
export interface IepVersionTable {
  id: string;
  iep_id: string;
  /** 1 for the first version, then 2, 3, ... per IEP. */
  number: number;
  kind: 'initial' | 'amendment';
  effective_date: string;
  reason: string | null;
  begin_date: string;
  end_date: string;
  annual_review_date: string;
  reevaluation_date: string;
  case_manager_id: string | null;
  present_levels: string;
  created_by: string | null;
  created_at: string;
  /** The version that replaced this one; null for the current version. */
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A person on the IEP team of one version, with their role ("parent", "speech therapist"). */
export interface IepTeamMemberTable {
  iep_version_id: string;
  person_id: string;
  role: string;
}

/** A goal in one IEP version, with the goal as it read in that version. */
export interface IepVersionGoalTable {
  iep_version_id: string;
  goal_id: string;
  goal_version: number;
  snapshot_json: string;
}

/** A staff member who collects data for a goal. */
export interface IepGoalCollectorTable {
  goal_id: string;
  person_id: string;
}

/** A short-term objective or benchmark under a goal, in one IEP version. */
export interface IepObjectiveTable {
  id: string;
  iep_version_id: string;
  goal_id: string;
  list_order: number;
  statement: string;
  target_value: number | null;
  target_date: string | null;
  criterion_json: string | null;
}

/** An accommodation, modification or support in one IEP version. */
export interface IepAccommodationTable {
  id: string;
  iep_version_id: string;
  list_order: number;
  kind: 'accommodation' | 'modification' | 'support';
  description: string;
  /** Where it applies, e.g. "all classes and state tests". */
  settings: string;
  /** How often, e.g. "daily", "for tests over 20 minutes". */
  frequency: string;
  /** Who provides it, e.g. "general education teacher". */
  provider: string;
}

/** Service minutes in one IEP version. */
export interface IepServiceTable {
  id: string;
  iep_version_id: string;
  list_order: number;
  service: string;
  provider: string;
  setting: string;
  minutes: number;
  per: 'day' | 'week' | 'month';
  start_date: string | null;
  end_date: string | null;
}

/**
 * One data-collection session for a goal: the raw record as JSON and the value derived from it.
 * `value` is null when the record makes no value (a gap, with its reason); a day without any
 * session has no row at all.
 */
export interface IepDataSessionTable {
  id: string;
  goal_id: string;
  session_date: string;
  setting: string | null;
  collected_by: string | null;
  collection_type: string;
  raw_json: string;
  value: number | null;
  gap_reason: string | null;
  /** For trial sessions: independent correct trials and all trials. */
  correct: number | null;
  trials: number | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
  /** A voided session is left out everywhere but kept, so the void can be undone. */
  voided_at: ColumnType<string | null, string | null | undefined, string | null>;
  voided_by: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
}

/** A dated change of intervention on a goal; the trend starts again from it. */
export interface IepPhaseChangeTable {
  id: string;
  goal_id: string;
  change_date: string;
  label: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** Every change to a goal or a data session: who, when, the old and the new value. */
export interface IepRecordHistoryTable {
  id: Generated<number>;
  entity: 'goal' | 'data_session';
  entity_id: string;
  change: 'create' | 'update' | 'void' | 'restore' | 'end';
  /** The entity's version after the change. */
  version: number;
  changed_by: string | null;
  changed_at: string;
  old_json: string | null;
  new_json: string | null;
}

/** A district's progress code; `meaning` ties it to one of the five suggested codes. */
export interface ProgressCodeTable {
  /** The district's organization id, or "*" for the defaults. */
  district_id: string;
  code: string;
  meaning: string | null;
  label: string;
  description: string;
  list_order: number;
}

/** A progress-reporting period of a school or district (org_id null: everywhere). */
export interface ProgressReportingPeriodTable {
  id: string;
  org_id: string | null;
  name: string;
  start_date: string;
  end_date: string;
  due_date: string;
}

/** The progress report on one goal for one reporting period. */
export interface ProgressReportTable {
  id: string;
  goal_id: string;
  period_start: string;
  period_end: string;
  suggested_code: string;
  suggested_rule: string;
  confirmed_code: string | null;
  override_reason: string | null;
  narrative: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  sent_at: string | null;
  created_at: string;
  version: ColumnType<number, number | undefined, number>;
}

/** A person's translation of one stored text (entity, id, field) into one report language. */
export interface TextTranslationTable {
  /** What the text belongs to: "standard", "iep_goal", "iep_objective", "scale_level", ... */
  entity: string;
  entity_id: string;
  /** The column translated, e.g. "family_wording" or "statement". */
  field: string;
  /** A report language tag ("es", "vi", "zh", "ar"). */
  lang: string;
  text: string;
  translated_by: string | null;
  updated_at: string;
}

/** How families reach a school and book a conference. */
export interface SchoolContactTable {
  school_id: string;
  phone: string | null;
  email: string | null;
  conference_url: string | null;
}

/** A standard a task is aligned to, in the order its scoring grid shows them. */
export interface TaskStandardTable {
  task_id: string;
  standard_id: string;
  list_order: ColumnType<number, number | undefined, number>;
}

/** One criterion of a task's rubric, aligned to a standard, with a descriptor per level. */
export interface TaskCriterionTable {
  id: string;
  task_id: string;
  standard_id: string;
  list_order: ColumnType<number, number | undefined, number>;
  title: string;
  /** Descriptors by level value, e.g. {"1": "Names a step", "4": "Explains why it works"}. */
  levels_json: string;
}

/** One student's attempt at a task, with its feedback; a revision revises an earlier one. */
export interface TaskAttemptTable {
  id: string;
  task_id: string;
  student_id: string;
  /** 1 for the first attempt, 2 for its revision, ... */
  number: number;
  revises_attempt_id: string | null;
  format: string;
  observed_on: string;
  strength: string | null;
  next_step: string | null;
  supports: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  /** Optimistic concurrency: a save names the version it read; a stale one is refused. */
  version: ColumnType<number, number | undefined, number>;
}

/** The evidence one scored column (a standard, or a rubric criterion) of an attempt wrote. */
export interface TaskAttemptScoreTable {
  attempt_id: string;
  /** The rubric criterion's id, or the standard's id when the task has no rubric. */
  column_id: string;
  standard_id: string;
  evidence_id: number;
}

/** Every saved version of an attempt: who, when, the levels and feedback before and after. */
export interface TaskAttemptHistoryTable {
  attempt_id: string;
  /** The attempt's version after the change. */
  version: number;
  changed_by: string | null;
  changed_at: string;
  old_json: string | null;
  new_json: string;
}

/** A student's own plan for a task: another format offered, an extension, a reassessment. */
export interface TaskStudentPlanTable {
  task_id: string;
  student_id: string;
  offered_format: string | null;
  due_date: string | null;
  reassess_from: string | null;
  reassess_until: string | null;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A teacher's own reusable comment: a strength or a next step. */
export interface CommentBankTable {
  id: string;
  owner_id: string;
  kind: 'strength' | 'next_step';
  text: string;
  created_at: string;
}

/** A support noted for a student outside an IEP, for some task kinds (null: every kind). */
export interface StudentSupportTable {
  id: string;
  student_id: string;
  /** Comma-separated task kinds ("quiz,performance"), or null for every kind. */
  task_kinds: string | null;
  description: string;
  provider: string;
  created_at: string;
}

/** The workspace tables (migration 0008), merged into the one Database interface. */
export interface Database {
  task_standards: TaskStandardTable;
  task_criteria: TaskCriterionTable;
  task_attempts: TaskAttemptTable;
  task_attempt_scores: TaskAttemptScoreTable;
  task_attempt_history: TaskAttemptHistoryTable;
  task_student_plans: TaskStudentPlanTable;
  comment_bank: CommentBankTable;
  student_supports: StudentSupportTable;
}

/** One failed sign-in; `key` is "account:" or "address:" and a SHA-256, never the name typed. */
export interface SignInFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}

/** An account's identity at an OpenID provider: the issuer and its subject identifier. */
export interface AccountIdentityTable {
  issuer: string;
  subject: string;
  account_id: string;
  linked_at: string;
}

/** A sign-in through the OpenID provider under way: keyed by the SHA-256 of its state. */
export interface OidcRequestTable {
  id: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
}

/** An invitation for a guardian to join, linked to one student; the token is only hashed. */
export interface InvitationTable {
  id: string;
  token_hash: string;
  student_id: string;
  /** An existing guardian record to link, or null to create one from the names. */
  guardian_id: string | null;
  given_name: string;
  family_name: string;
  relation: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_account_id: string | null;
  revoked_at: string | null;
}

/** An account's TOTP secret; `confirmed_at` is set once a code from the app was verified. */
export interface TotpCredentialTable {
  account_id: string;
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The newest time step accepted: a code is never accepted twice. */
  last_time_step: number | null;
}

/** One single-use recovery code, stored as its SHA-256. */
export interface RecoveryCodeTable {
  account_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A password that matched, waiting for the second factor; keyed by the token's SHA-256. */
export interface SignInChallengeTable {
  id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  failures: ColumnType<number, number | undefined, number>;
}

/** Security settings of a district or school ("*": the default everywhere). */
export interface SecuritySettingsTable {
  org_id: string;
  require_staff_totp: ColumnType<Flag, Flag | undefined, Flag>;
  /** Days a deleted record can be restored before it is purged. */
  retention_days: ColumnType<number, number | undefined, number>;
  updated_at: string;
  updated_by: string | null;
}

/** A permission granted to one account beyond its role. */
export type Permission = 'bulk-export';

export interface AccountPermissionTable {
  account_id: string;
  permission: Permission;
  granted_by: string | null;
  granted_at: string;
}

/** Every change to a record kept with history (evidence, task scores): who, when, old, new. */
export interface ChangeHistoryTable {
  id: Generated<number>;
  entity: string;
  entity_id: string;
  student_id: string | null;
  change: 'update' | 'delete' | 'restore' | 'purge';
  /** The record's version after the change. */
  version: number;
  changed_by: string | null;
  changed_at: string;
  old_json: string | null;
  new_json: string | null;
}

/** A deleted row kept for restoring until `purge_after`; a purge empties `row_json`. */
export interface DeletedRecordTable {
  id: Generated<number>;
  entity: string;
  entity_id: string;
  student_id: string | null;
  row_json: string | null;
  deleted_by: string | null;
  deleted_at: string;
  purge_after: string;
  restored_at: string | null;
  restored_by: string | null;
  purged_at: string | null;
}

/** A goal attainment scaling review of an IEP: the date, ρ used, and who recorded it. */
export interface IepGasReviewTable {
  id: string;
  iep_id: string;
  review_date: string;
  /** The assumed correlation between goal scores, in [0, 1). */
  rho: number;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** One goal's attainment level (−2..+2) and weight at a GAS review. */
export interface IepGasLevelTable {
  review_id: string;
  goal_id: string;
  level: number;
  weight: number;
}

export interface Database {
  iep_gas_reviews: IepGasReviewTable;
  iep_gas_levels: IepGasLevelTable;
}

/** A student's rating of themself on a standard, with a short "why" (migration 0011). */
export interface SelfAssessmentTable {
  id: Generated<number>;
  student_id: string;
  standard_id: string;
  level_value: number;
  why: string | null;
  created_at: string;
}

/** A goal a student set for themself. */
export interface StudentGoalTable {
  id: string;
  student_id: string;
  text: string;
  done: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  done_at: string | null;
}

/** An IEP goal in the student's own words, written by staff for the student's checklist. */
export interface IepGoalStudentWordingTable {
  goal_id: string;
  wording: string;
  updated_by: string | null;
  updated_at: string;
}

/** The student's short reflection on one piece of evidence. */
export interface EvidenceReflectionTable {
  evidence_id: number;
  student_id: string;
  text: string;
  updated_at: string;
}

/** Where a piece of portfolio work was done. */
export type PortfolioSetting = 'class' | 'therapy' | 'home' | 'community';

/** What kind of file an artifact is, from its checked content type. */
export type ArtifactKind = 'image' | 'pdf' | 'audio' | 'video';

/** A piece of student work in the portfolio; the file lives outside the web root. */
export interface PortfolioArtifactTable {
  id: string;
  student_id: string;
  title: string;
  /** What the work shows, for someone who cannot see it (the image's text alternative). */
  description: string | null;
  /** The uploaded file's name, cleaned, used only for the download's suggested name. */
  file_name: string;
  /** The generated name the file is stored under (a SHA-256 of its content). */
  stored_name: string;
  /** The type read from the file's content, never from its name. */
  content_type: string;
  kind: ArtifactKind;
  size_bytes: number;
  observed_on: string;
  setting: PortfolioSetting;
  reflection: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
  /** 1 when the student chose it to show their progress; `list_order` orders the chosen. */
  chosen: ColumnType<Flag, Flag | undefined, Flag>;
  list_order: ColumnType<number, number | undefined, number>;
  shared: ColumnType<Flag, Flag | undefined, Flag>;
  shared_by: string | null;
  shared_at: string | null;
  endorsed_by: string | null;
  endorsed_at: string | null;
  endorsement_score: number | null;
  endorsement_strength: string | null;
  endorsement_next_step: string | null;
}

/** A standard or IEP goal an artifact shows. */
export interface PortfolioArtifactLinkTable {
  artifact_id: string;
  kind: 'standard' | 'goal';
  target_id: string;
}

/** The evidence an endorsement recorded on one linked standard. */
export interface PortfolioEndorsementTable {
  artifact_id: string;
  standard_id: string;
  evidence_id: number;
}

/** The student dashboard and portfolio tables (migration 0011). */
export interface Database {
  self_assessments: SelfAssessmentTable;
  student_goals: StudentGoalTable;
  iep_goal_student_wordings: IepGoalStudentWordingTable;
  evidence_reflections: EvidenceReflectionTable;
  portfolio_artifacts: PortfolioArtifactTable;
  portfolio_artifact_links: PortfolioArtifactLinkTable;
  portfolio_endorsements: PortfolioEndorsementTable;
}

/** Where a report job stands. */
export type ReportJobState = 'queued' | 'running' | 'done' | 'failed';

/** A request for many family reports at once (the reports of one class). */
export interface ReportJobTable {
  id: string;
  /** What the job makes: "family-class" (the family reports of a class). */
  kind: 'family-class';
  class_id: string;
  /** A report language ("es"), or "guardian" for each family's preferred language. */
  lang: string;
  period_from: string | null;
  period_to: string | null;
  /** The account that asked for it. */
  requested_by: string;
  state: ReportJobState;
  total: ColumnType<number, number | undefined, number>;
  done: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  /** Why the whole job failed (reports that failed one by one are in report_job_files). */
  problem: string | null;
  created_at: string;
  started_at: string | null;
  /** Last sign of life of the worker running it; a stale running job may be taken over. */
  heartbeat_at: string | null;
  finished_at: string | null;
}

/** One report of a job: the PDF, or the reason it could not be made. */
export interface ReportJobFileTable {
  id: string;
  job_id: string;
  student_id: string;
  lang: string | null;
  /** The download's name, "DEMO-S02-es.pdf". */
  file_name: string;
  list_order: number;
  pdf: Buffer | null;
  problem: string | null;
}

export interface Database {
  report_jobs: ReportJobTable;
  report_job_files: ReportJobFileTable;
}
