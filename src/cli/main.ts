/**
 * The `trellis` command line. Each command group lives in its own `*.command.ts` file and
 * registers itself here; commands stay thin and call the services.
 */
import { Command } from 'commander';
import { registerCalcCommand } from './calc.command.js';
import { registerDbCommand } from './db.command.js';
import { registerReportCommand } from './report.command.js';
import { registerMasteryCommand } from './mastery.command.js';
import { registerImportCommand } from './import.command.js';
import { registerRecordsCommand } from './records.command.js';

const program = new Command('trellis')
  .description('Trellis: mastery-based grading and progress reporting')
  .showHelpAfterError();

registerCalcCommand(program);
registerDbCommand(program);
registerReportCommand(program);
registerMasteryCommand(program);
registerImportCommand(program);
registerRecordsCommand(program);

await program.parseAsync(process.argv);
