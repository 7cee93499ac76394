/**
 * `trellis calc KIND`: reads one JSON request or an array of them on standard input and writes
 * the answers as JSON. Bad input exits with status 2 and one line on standard error.
 */
import type { Command } from 'commander';
import { runCalculator } from '../domain/calculator.js';
import { calculators } from '../domain/calculators.js';

export function registerCalcCommand(program: Command): void {
  program
    .command('calc')
    .description(
      `answer calculation requests read as JSON on stdin (${Object.keys(calculators).join(', ')})`,
    )
    .argument('<kind>', 'which calculator')
    .action(async (kind: string) => {
      const calculator = calculators[kind];
      if (!calculator)
        fail(`kind: unknown calculator "${kind}"; choose ${Object.keys(calculators).join(', ')}`);

      const input = parseJson(await readStdin());
      const result = runCalculator(calculator, input);
      if (!result.ok) fail(result.problem);

      process.stdout.write(`${JSON.stringify(result.value)}\n`);
    });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // The parser's message can quote the input, newlines included: keep it to one line.
    return fail(`input: not JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
}

function fail(message: string): never {
  process.stderr.write(`trellis calc: ${message}\n`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
