/**
 * Reads a CASE framework file and checks it whole before anything is written. The file is read
 * with one JSON.parse: CASE packages are a few megabytes (the whole Common Core math framework
 * is 1.8 MB and parses in about 20 ms), and the whole document must be in hand anyway to check
 * its associations against its items. Problems name the file, the line and the JSON path.
 */
import fs from 'node:fs';
import type { z } from 'zod';
import { problemAt, type ImportProblem } from '../import-problem.js';
import { casePackageSchema, normalizeCase, type CaseFramework } from './case-package.js';

/** Files above this size are refused rather than read into memory. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The framework of a file, or the problems that keep it from being imported. */
export type CaseRead =
  | { readonly ok: true; readonly framework: CaseFramework }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Reads and checks the CASE package in `file`. */
export function readCaseFile(file: string): CaseRead {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return failed(problemAt(file, null, 'file', 'does not exist or is not a file'));
  }
  if (fs.statSync(file).size > MAX_BYTES) {
    return failed(problemAt(file, null, 'file', `is larger than ${MAX_BYTES} bytes`));
  }
  return parseCase(file, fs.readFileSync(file, 'utf8'));
}

/** Parses and checks the text of a CASE package read from `file`. */
export function parseCase(file: string, text: string): CaseRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failed(syntaxProblem(file, text, error));
  }

  const parsed = casePackageSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problems: schemaProblems(file, text, json, parsed.error) };

  const framework = normalizeCase(parsed.data);
  const problems = referenceProblems(file, text, framework);
  return problems.length ? { ok: false, problems } : { ok: true, framework };
}

function failed(problem: ImportProblem): CaseRead {
  return { ok: false, problems: [problem] };
}

/** The 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function syntaxProblem(file: string, text: string, error: unknown): ImportProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const line = lineAt(text, position === undefined ? text.length : Number(position));
  return problemAt(file, line, 'document', `is not valid JSON: ${message}`);
}

/** Path segments as CASE people read them: `CFItems[12].fullStatement`. */
function pathName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`,
    )
    .join('');
}

function schemaProblems(
  file: string,
  text: string,
  json: unknown,
  error: z.ZodError,
): ImportProblem[] {
  return error.issues.slice(0, 20).map((issue) => {
    const element = pathName(issue.path);
    return problemAt(file, lineOfEntry(text, json, issue.path), element, issue.message);
  });
}

/**
 * The line where the array entry on `path` starts (e.g. CFItems[12]), found by its
 * identifier; the line of the array's key when the entry has none.
 */
function lineOfEntry(text: string, json: unknown, path: readonly PropertyKey[]): number | null {
  const [list, index] = path;
  if (typeof list !== 'string') return null;
  const listStart = text.indexOf(`"${list}"`);
  if (listStart === -1) return null;

  const entries = (json as Record<string, unknown>)[list];
  const entry: unknown =
    Array.isArray(entries) && typeof index === 'number' ? (entries as unknown[])[index] : undefined;
  const identifier = (entry as { identifier?: unknown } | undefined)?.identifier;
  const found =
    typeof identifier === 'string' ? text.indexOf(JSON.stringify(identifier), listStart) : -1;
  return lineAt(text, found === -1 ? listStart : found);
}

/** Associations whose tree ends are not in the document: a broken hierarchy. */
function referenceProblems(file: string, text: string, framework: CaseFramework): ImportProblem[] {
  const items = new Set(framework.items.map((item) => item.identifier));
  return framework.associations.flatMap((association, index) => {
    if (association.type !== 'isChildOf') return [];
    const missing = [association.origin, association.destination].find(
      (end) => !items.has(end) && end !== framework.identifier,
    );
    if (missing === undefined) return [];
    const line = lineAt(text, Math.max(0, text.indexOf(JSON.stringify(association.identifier))));
    const message = `makes ${association.origin} a child of ${association.destination}, but ${missing} is neither an item nor the document`;
    return [problemAt(file, line, `CFAssociations[${index}]`, message)];
  });
}
