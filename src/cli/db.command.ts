/** `trellis db migrate`: applies pending migrations to the configured database. */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openStore } from '../store/database.js';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply every pending migration to DATABASE_URL')
    .action(async () => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl);
      try {
        const version = await migrate(store);
        console.log(`${config.databaseKind} database at migration ${version}`);
      } finally {
        await store.close();
      }
    });
}
