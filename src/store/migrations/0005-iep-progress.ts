/**
 * IEP records and progress monitoring.
 *
 * How versions work (nothing is overwritten):
 * - `ieps` is the plan's identity; its date and case-manager columns mirror the current
 *   version so existing readers keep working, and `current_version_id` names that version.
 * - `iep_versions` holds every version of the plan's own fields (dates, case manager, present
 *   levels). An amendment inserts a new row and links the earlier one to it through
 *   `superseded_by`; the earlier row is never changed otherwise.
 * - Team members, objectives, accommodations and supports, and services belong to one version
 *   (`iep_version_id`); an amendment copies the ones it keeps into the new version.
 * - Goals are the one exception: data sessions, phase changes and progress reports hang off a
 *   goal, so a goal keeps its id across versions. `iep_version_goals` lists each version's
 *   goals with a JSON snapshot of the goal as it read in that version; the goal row holds the
 *   current wording, a `version` number for optimistic concurrency, and every change is kept
 *   in `iep_record_history` (who, when, old and new value). Data sessions are kept the same way.
 * - Progress codes are configurable per district; the five defaults are stored under the
 *   district id "*".
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The five default progress codes, in the order forms list them. */
const DEFAULT_PROGRESS_CODES = [
  ['mastered', 'Mastered', 'The goal’s mastery criterion has been met.'],
  [
    'sufficient_progress',
    'Sufficient progress',
    'Progress is on track for the goal to be met by its date.',
  ],
  [
    'insufficient_progress',
    'Insufficient progress',
    'Progress so far will not meet the goal by its date; the team is adjusting instruction.',
  ],
  ['not_yet_addressed', 'Not yet addressed', 'Work on this goal has not begun in this period.'],
  ['regressed', 'Regressed', 'Performance in this period fell below the starting point.'],
] as const;

/** Creates the IEP version, goal detail, data and progress-report tables. */
export async function up(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await widenIepTables(db);
  await createVersionTables(db);
  await createDataTables(db);
  await createHistoryTable(db, ctx);
  await createReportTables(db);
}

async function widenIepTables(db: AnyDb): Promise<void> {
  await db.schema.alterTable('ieps').addColumn('current_version_id', 'text').execute();

  const textColumns = [
    'collection_type',
    'collection_config_json',
    'schedule_json',
    'trend_method',
    'decision_rule_json',
    'unit_label',
    'added_in_version_id',
    'ended_in_version_id',
    'updated_at',
    'updated_by',
  ];
  for (const name of textColumns) {
    await db.schema.alterTable('iep_goals').addColumn(name, 'text').execute();
  }
  await db.schema
    .alterTable('iep_goals')
    .addColumn('list_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('iep_goals')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

async function createVersionTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('iep_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_id', 'text', (c) => c.notNull().references('ieps.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('begin_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('annual_review_date', 'text', (c) => c.notNull())
    .addColumn('reevaluation_date', 'text', (c) => c.notNull())
    .addColumn('case_manager_id', 'text', (c) => c.references('people.id'))
    .addColumn('present_levels', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'text', (c) => c.references('iep_versions.id'))
    .addUniqueConstraint('iep_versions_iep_number_key', ['iep_id', 'number'])
    .execute();

  await db.schema
    .createTable('iep_team_members')
    .addColumn('iep_version_id', 'text', (c) => c.notNull().references('iep_versions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('iep_team_members_pkey', ['iep_version_id', 'person_id', 'role'])
    .execute();

  await db.schema
    .createTable('iep_version_goals')
    .addColumn('iep_version_id', 'text', (c) => c.notNull().references('iep_versions.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('goal_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('iep_version_goals_pkey', ['iep_version_id', 'goal_id'])
    .execute();

  await db.schema
    .createTable('iep_goal_collectors')
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('iep_goal_collectors_pkey', ['goal_id', 'person_id'])
    .execute();

  await createVersionParts(db);
}

async function createVersionParts(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('iep_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_version_id', 'text', (c) => c.notNull().references('iep_versions.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_date', 'text')
    .addColumn('criterion_json', 'text')
    .execute();

  await db.schema
    .createTable('iep_accommodations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_version_id', 'text', (c) => c.notNull().references('iep_versions.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('iep_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iep_version_id', 'text', (c) => c.notNull().references('iep_versions.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('per', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .execute();

  for (const table of ['iep_objectives', 'iep_accommodations', 'iep_services']) {
    await db.schema
      .createIndex(`${table}_version_idx`)
      .on(table)
      .column('iep_version_id')
      .execute();
  }
}

async function createDataTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('iep_data_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('setting', 'text')
    .addColumn('collected_by', 'text', (c) => c.references('people.id'))
    .addColumn('collection_type', 'text', (c) => c.notNull())
    .addColumn('raw_json', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('gap_reason', 'text')
    .addColumn('correct', 'integer')
    .addColumn('trials', 'integer')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('iep_data_sessions_goal_idx')
    .on('iep_data_sessions')
    .columns(['goal_id', 'session_date'])
    .execute();

  await db.schema
    .createTable('iep_phase_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('change_date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('iep_phase_changes_goal_idx')
    .on('iep_phase_changes')
    .column('goal_id')
    .execute();
}

async function createHistoryTable(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await ctx
    .serialId(db.schema.createTable('iep_record_history'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('old_json', 'text')
    .addColumn('new_json', 'text')
    .execute();
  await db.schema
    .createIndex('iep_record_history_entity_idx')
    .on('iep_record_history')
    .columns(['entity', 'entity_id'])
    .execute();
}

async function createReportTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('progress_codes')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('progress_codes_pkey', ['district_id', 'code'])
    .execute();
  await db
    .insertInto('progress_codes')
    .values(
      DEFAULT_PROGRESS_CODES.map(([code, label, description], index) => ({
        district_id: '*',
        code,
        meaning: code,
        label,
        description,
        list_order: index + 1,
      })),
    )
    .execute();

  await db.schema
    .createTable('progress_reporting_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('iep_goals.id'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('suggested_code', 'text', (c) => c.notNull())
    .addColumn('suggested_rule', 'text', (c) => c.notNull())
    .addColumn('confirmed_code', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('narrative', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('progress_reports_goal_period_key', [
      'goal_id',
      'period_start',
      'period_end',
    ])
    .execute();
}
