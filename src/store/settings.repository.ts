/**
 * Security settings of a district or school: whether staff must use a second factor, and how
 * many days a deleted record can be restored. A school's own row wins over its district's,
 * which wins over the "*" row; with no row at all the defaults apply.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The settings in force for one organization. */
export interface SecuritySettings {
  readonly requireStaffTotp: boolean;
  readonly retentionDays: number;
}

/** With no settings row anywhere: no second factor required, 30 days to restore. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  requireStaffTotp: false,
  retentionDays: 30,
};

/**
 * The settings for the organizations `orgIds` (most specific first, e.g. [school, district]),
 * falling back to "*" and then the defaults.
 */
export async function securitySettingsFor(
  db: Kysely<Database>,
  orgIds: ReadonlyArray<string | null>,
): Promise<SecuritySettings> {
  const keys = [...orgIds.filter((id): id is string => id !== null), '*'];
  const rows = await db
    .selectFrom('security_settings')
    .selectAll()
    .where('org_id', 'in', keys)
    .execute();
  const row = keys.map((key) => rows.find((r) => r.org_id === key)).find(Boolean);
  if (!row) return DEFAULT_SECURITY_SETTINGS;
  return { requireStaffTotp: row.require_staff_totp === 1, retentionDays: row.retention_days };
}

/** Sets the settings of one organization ("*" for the default everywhere). */
export async function saveSecuritySettings(
  db: Kysely<Database>,
  orgId: string,
  settings: SecuritySettings,
  by: { readonly accountId: string | null; readonly at: string },
): Promise<void> {
  const values = {
    require_staff_totp: settings.requireStaffTotp ? (1 as const) : (0 as const),
    retention_days: settings.retentionDays,
    updated_at: by.at,
    updated_by: by.accountId,
  };
  await db
    .insertInto('security_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
