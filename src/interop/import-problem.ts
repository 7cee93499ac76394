/**
 * What is wrong with an import file, said so that a person can find and fix it: the file, the
 * line, the element and what is wrong. Readers and validators return these as data; the
 * command prints them and writes nothing.
 */
import path from 'node:path';

export interface ImportProblem {
  /** The file's name (without its folder). */
  readonly file: string;
  /** 1-based line, or null where the format gives none. */
  readonly line: number | null;
  /** The element (XML) or JSON path the problem is in. */
  readonly element: string;
  readonly message: string;
}

/** A problem at one place of one file. */
export function problemAt(
  file: string,
  line: number | null,
  element: string,
  message: string,
): ImportProblem {
  return { file: path.basename(file), line, element, message };
}

/**
 * One line per problem: `file:line: <element> message`.
 *
 * Example: `Student.xml:12: <Student> lacks the required <StudentUniqueId>`.
 */
export function formatProblem(problem: ImportProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const element = problem.element.startsWith('<') ? problem.element : `<${problem.element}>`;
  return `${where}: ${element} ${problem.message}`;
}
