/**
 * `trellis records purge`: purges every deleted record whose retention period has ended (the
 * restorable copy is emptied; the fact of the delete and the purge stay in the history and the
 * audit log), and `trellis records grant-export USERNAME`: gives one account the bulk-export
 * permission. Run the purge daily from cron or a scheduler.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { purgeExpiredRecords } from '../services/evidence-history.service.js';
import { findActiveAccountByUsername, grantPermission } from '../store/account.repository.js';
import { appendAudit } from '../store/audit.repository.js';
import { migrate, openStore } from '../store/database.js';

/** Registers the `records` command group. */
export function registerRecordsCommand(program: Command): void {
  const records = program.command('records').description('records retention and permissions');
  records
    .command('purge')
    .description('purge deleted records whose retention period has ended')
    .action(async () => {
      const store = openStore(loadConfig().databaseUrl);
      try {
        await migrate(store);
        const purged = await purgeExpiredRecords(store.db, new Date());
        console.log(
          `purged ${purged.length} deleted ${purged.length === 1 ? 'record' : 'records'}`,
        );
      } finally {
        await store.close();
      }
    });

  records
    .command('grant-export')
    .description('give an account the bulk-export permission')
    .argument('<username>', 'the account to grant it to')
    .action(async (username: string) => {
      const store = openStore(loadConfig().databaseUrl);
      try {
        await migrate(store);
        const account = await findActiveAccountByUsername(store.db, username.trim().toLowerCase());
        if (!account) {
          console.error(`no active account named "${username}"`);
          process.exitCode = 2;
          return;
        }
        const at = new Date().toISOString();
        await grantPermission(store.db, {
          accountId: account.id,
          permission: 'bulk-export',
          grantedBy: null,
          at,
        });
        await appendAudit(store.db, {
          at,
          account_id: null,
          action: 'permission-granted',
          entity: 'account',
          entity_id: account.id,
          student_id: null,
          request_id: null,
          detail_json: JSON.stringify({ scope: 'bulk-export' }),
        });
        console.log(`${account.username} may now make bulk exports`);
      } finally {
        await store.close();
      }
    });
}
