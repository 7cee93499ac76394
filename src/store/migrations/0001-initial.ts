/**
 * The first schema: organizations, people and their links, classes, frameworks and standards,
 * proficiency scales, tasks, evidence with feedback, mastery results, IEPs with goals, and the
 * audit log. Written once for both dialects; `serialId` is the only column that differs.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await createPeopleTables(db);
  await createClassTables(db);
  await createStandardTables(db);
  await createEvidenceTables(db, ctx);
  await createIepTables(db);
  await createAuditLog(db, ctx);
}

async function createPeopleTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('organizations.id'))
    .execute();

  await db.schema
    .createTable('academic_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('grade_level', 'text')
    .addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('school_id', 'text', (c) => c.references('organizations.id'))
    .addUniqueConstraint('people_kind_source_id_key', ['kind', 'source_id'])
    .execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('guardian_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('relation', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('guardianships_pkey', ['guardian_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

async function createClassTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('school_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('session_id', 'text', (c) => c.references('academic_sessions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('course_code', 'text')
    .addColumn('subject', 'text')
    .addColumn('grade_level', 'text')
    .execute();

  await db.schema
    .createTable('class_staff')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_staff_pkey', ['class_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('begin_date', 'text')
    .addColumn('end_date', 'text')
    .addPrimaryKeyConstraint('enrollments_pkey', ['class_id', 'student_id'])
    .execute();
  await db.schema
    .createIndex('enrollments_student_idx')
    .on('enrollments')
    .column('student_id')
    .execute();
}

async function createStandardTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('creator', 'text')
    .addColumn('subject', 'text')
    .addColumn('version', 'text')
    .addColumn('source_format', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('standards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('student_wording', 'text')
    .addColumn('family_wording', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('standards.id'))
    .addColumn('item_type', 'text')
    .addColumn('grade_levels', 'text')
    .addColumn('list_order', 'integer')
    .addUniqueConstraint('standards_framework_source_key', ['framework_id', 'source_id'])
    .execute();
  await db.schema.createIndex('standards_code_idx').on('standards').column('code').execute();
  await db.schema.createIndex('standards_parent_idx').on('standards').column('parent_id').execute();

  await db.schema
    .createTable('standard_alignments')
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('aligned_standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_alignments_pkey', ['standard_id', 'aligned_standard_id'])
    .execute();

  await db.schema
    .createTable('proficiency_scales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text')
    .execute();

  await db.schema
    .createTable('scale_levels')
    .addColumn('scale_id', 'text', (c) => c.notNull().references('proficiency_scales.id'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('descriptor', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('student_wording', 'text', (c) => c.notNull())
    .addColumn('family_wording', 'text', (c) => c.notNull())
    .addColumn('is_mastery', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('scale_levels_pkey', ['scale_id', 'value'])
    .execute();
}

async function createEvidenceTables(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.unique())
    .addColumn('class_id', 'text', (c) => c.references('classes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await ctx
    .serialId(db.schema.createTable('evidence'))
    .addColumn('source_id', 'text', (c) => c.unique())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('revises_id', 'integer', (c) => c.references('evidence.id'))
    .addColumn('score', 'double precision')
    .addColumn('observed_at', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('judged_by', 'text', (c) => c.references('people.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('strength', 'text')
    .addColumn('next_step', 'text')
    .addColumn('supports', 'text')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exclusion_reason', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('evidence_student_standard_idx')
    .on('evidence')
    .columns(['student_id', 'standard_id'])
    .execute();

  await db.schema
    .createTable('mastery_results')
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('standard_id', 'text', (c) => c.notNull().references('standards.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('param', 'double precision')
    .addColumn('score', 'double precision')
    .addColumn('level_value', 'double precision')
    .addColumn('evidence_count', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mastery_results_pkey', ['student_id', 'standard_id'])
    .execute();
}

async function createIepTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('ieps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('begin_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('review_date', 'text')
    .addColumn('reevaluation_date', 'text')
    .addColumn('setting', 'text')
    .addColumn('disability', 'text')
    .addColumn('case_manager_id', 'text', (c) => c.references('people.id'))
    .addColumn('service_hours_per_week', 'double precision')
    .addColumn('present_levels', 'text')
    .execute();
  await db.schema.createIndex('ieps_student_idx').on('ieps').column('student_id').execute();

  await db.schema
    .createTable('iep_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_id', 'text', (c) => c.notNull().references('ieps.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('baseline_date', 'text')
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_method', 'text')
    .addColumn('target_value', 'double precision')
    .addColumn('goal_date', 'text')
    .addColumn('measurement_type', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('increase'))
    .addColumn('criterion_json', 'text')
    .execute();
}

async function createAuditLog(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await ctx
    .serialId(db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('student_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('detail_json', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_student_idx')
    .on('audit_log')
    .column('student_id')
    .execute();
}
