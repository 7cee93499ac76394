/**
 * The `trellis` command line. Each command group lives in its own `*.command.ts` file and
 * registers itself here; commands stay thin and call the services.
 */
import { Command } from 'commander';
import { registerCalcCommand } from './calc.command.js';
import { registerDbCommand } from './db.command.js';

const program = new Command('trellis')
  .description('Trellis: mastery-based grading and progress reporting')
  .showHelpAfterError();

registerCalcCommand(program);
registerDbCommand(program);

await program.parseAsync(process.argv);
