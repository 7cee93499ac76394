/**
 * `trellis import edfi DIR` and `trellis import case FILE`: import a district's Ed-Fi XML
 * interchanges or a CASE framework into DATABASE_URL (migrating it first). Problems go to
 * standard error, one per line with file, line and element, and the exit status is 1.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { formatProblem } from '../interop/import-problem.js';
import { importCase, importEdfi, type ImportOutcome } from '../services/import.service.js';
import { migrate, openStore } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Kysely } from 'kysely';

type Importer = (db: Kysely<Database>, source: string) => Promise<ImportOutcome>;

export function registerImportCommand(program: Command): void {
  const command = program.command('import').description('import a district or a framework');
  command
    .command('edfi')
    .description('import the Ed-Fi XML interchange files of a folder')
    .argument('<dir>', 'folder of Ed-Fi interchange files')
    .action((dir: string) => run('edfi', importEdfi, dir));
  command
    .command('case')
    .description('import a CASE framework (CFPackage JSON)')
    .argument('<file>', 'CASE JSON file')
    .action((file: string) => run('case', importCase, file));
}

async function run(format: string, importer: Importer, source: string): Promise<void> {
  const store = openStore(loadConfig().databaseUrl);
  try {
    await migrate(store);
    const outcome = await importer(store.db, source);
    if (!outcome.ok) return fail(format, outcome.problems.map(formatProblem));
    print(format, source, outcome);
  } finally {
    await store.close();
  }
}

function print(format: string, source: string, outcome: ImportOutcome & { ok: true }): void {
  console.log(`imported ${format} from ${source}`);
  for (const [kind, count] of Object.entries(outcome.counts)) console.log(`  ${kind}: ${count}`);
  const skipped = Object.entries(outcome.skipped).map(([name, count]) => `${name} ${count}`);
  if (skipped.length) console.log(`  not imported: ${skipped.join(', ')}`);
}

function fail(format: string, lines: readonly string[]): void {
  for (const line of lines.slice(0, 20)) console.error(`trellis import ${format}: ${line}`);
  if (lines.length > 20)
    console.error(`trellis import ${format}: ... and ${lines.length - 20} more`);
  console.error(`trellis import ${format}: nothing was written`);
  process.exitCode = 1;
}
