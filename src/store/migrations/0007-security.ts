/**
 * Accounts, access, audit and records rights:
 * - `sign_in_failures`: failed sign-ins keyed by a hash of the name typed or of the address,
 *   so several servers share one throttle;
 * - `invitations`: single-use links that let a guardian join, stored as token hashes;
 * - `totp_credentials`, `recovery_codes`, `sign_in_challenges`: the second factor;
 * - `account_identities`, `oidc_requests`: sign-in through the district's OpenID provider;
 * - `security_settings`: per district or school (or "*" for everywhere): whether staff need a
 *   second factor, and how long deleted records can be restored;
 * - `account_permissions`: grants beyond the role (bulk export);
 * - `change_history`: old and new value of every change to evidence and scores;
 * - `deleted_records`: the restorable copy of a deleted row until its purge;
 * - new columns: `guardianships.emergency_contact` (an emergency contact sees nothing) and
 *   `evidence.released` (a student sees only released results), `task_scores.version` (for
 *   saves that name the version they started from);
 * - triggers that make `audit_log` and `change_history` append-only on both databases.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Migrations see the database untyped: the schema they build is the type being defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the security tables, columns and append-only triggers. */
export async function up(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await createSignInTables(db, ctx);
  await createInvitations(db);
  await createSecondFactorTables(db);
  await createSettingsAndPermissions(db);
  await createHistoryTables(db, ctx);
  await addColumns(db);
  await makeAppendOnly(db, ctx, 'audit_log');
  await makeAppendOnly(db, ctx, 'change_history');
}

async function createSignInTables(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await ctx
    .serialId(db.schema.createTable('sign_in_failures'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_key_idx')
    .on('sign_in_failures')
    .columns(['key', 'at'])
    .execute();

  await db.schema
    .createTable('account_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_identities_pkey', ['issuer', 'subject'])
    .execute();

  await db.schema
    .createTable('oidc_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createInvitations(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('guardian_id', 'text', (c) => c.references('people.id'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('invitations_student_idx')
    .on('invitations')
    .column('student_id')
    .execute();
}

async function createSecondFactorTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('totp_credentials')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_time_step', 'bigint')
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pkey', ['account_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

async function createSettingsAndPermissions(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('security_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('require_staff_totp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('account_permissions')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_permissions_pkey', ['account_id', 'permission'])
    .execute();
}

async function createHistoryTables(db: AnyDb, ctx: MigrationContext): Promise<void> {
  await ctx
    .serialId(db.schema.createTable('change_history'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text')
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('old_json', 'text')
    .addColumn('new_json', 'text')
    .execute();
  await db.schema
    .createIndex('change_history_entity_idx')
    .on('change_history')
    .columns(['entity', 'entity_id'])
    .execute();

  await ctx
    .serialId(db.schema.createTable('deleted_records'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text')
    .addColumn('row_json', 'text')
    .addColumn('deleted_by', 'text')
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('purge_after', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('restored_by', 'text')
    .addColumn('purged_at', 'text')
    .execute();
}

async function addColumns(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('guardianships')
    .addColumn('emergency_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('evidence')
    .addColumn('released', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('task_scores')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

/** Refuses UPDATE and DELETE (and on PostgreSQL TRUNCATE) on a table, whoever asks. */
async function makeAppendOnly(db: AnyDb, ctx: MigrationContext, table: string): Promise<void> {
  const name = sql.raw(table);
  const message = sql.lit(`${table} is append-only`);
  if (ctx.kind === 'sqlite') {
    for (const event of ['update', 'delete'] as const) {
      const trigger = sql.raw(`${table}_no_${event}`);
      await sql`create trigger ${trigger} before ${sql.raw(event)} on ${name}
        begin select raise(abort, ${message}); end`.execute(db);
    }
    return;
  }

  const fn = sql.raw(`${table}_append_only`);
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    begin raise exception ${message}; end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete
    on ${name} for each row execute function ${fn}()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate
    on ${name} for each statement execute function ${fn}()`.execute(db);
}
