/**
 * `trellis mastery rebuild`: recomputes every stored mastery result from the evidence and says
 * how many it computed and whether any stored result changed (none should, when the results
 * were kept current as evidence arrived).
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { migrate, openStore } from '../store/database.js';
import { ensureDefaultScale } from '../store/mastery.repository.js';
import { rebuildMasteryReport } from '../services/mastery.service.js';

/** Registers the `mastery` command group. */
export function registerMasteryCommand(program: Command): void {
  const mastery = program.command('mastery').description('mastery results');
  mastery
    .command('rebuild')
    .description('recompute every stored mastery result from the evidence')
    .action(async () => {
      const store = openStore(loadConfig().databaseUrl);
      try {
        await migrate(store);
        await ensureDefaultScale(store.db);
        const { computed, changed } = await rebuildMasteryReport(store.db);
        console.log(`rebuilt ${computed} mastery ${computed === 1 ? 'result' : 'results'}`);
        console.log(
          changed === 0
            ? 'no stored result changed'
            : `${changed} stored ${changed === 1 ? 'result' : 'results'} changed`,
        );
      } finally {
        await store.close();
      }
    });
}
