/**
 * Streams an Ed-Fi interchange file and hands out its records one at a time: each child of the
 * interchange's root element, as a small tree that keeps the line each element starts on.
 * Memory stays bounded by the largest record, not the file.
 */
import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import { problemAt, type ImportProblem } from '../import-problem.js';

/** One XML element with its line, attributes, text and child elements. */
export interface XmlElement {
  readonly name: string;
  readonly line: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

interface OpenElement {
  name: string;
  line: number;
  attributes: Record<string, string>;
  text: string;
  children: OpenElement[];
}

/** What reading a file gives: its root element's name, and a problem if it is malformed. */
export interface ReadOutcome {
  readonly root: string | null;
  readonly problem: ImportProblem | null;
}

/**
 * Calls `onRecord` for every record (child of the root element) of `file`, in file order.
 * Malformed XML (a truncated file, a mismatched tag) ends the read with a problem that names
 * the line and the innermost open element.
 */
export async function readInterchange(
  file: string,
  onRecord: (record: XmlElement) => void,
): Promise<ReadOutcome> {
  const parser = new SaxesParser({ position: true });
  const stack: OpenElement[] = [];
  let root: string | null = null;

  parser.on('opentag', (tag) => {
    const element: OpenElement = {
      name: localName(tag.name),
      line: parser.line,
      attributes: attributesOf(tag.attributes),
      text: '',
      children: [],
    };
    if (stack.length === 0) root = element.name;
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    const closed = stack.pop();
    if (closed && stack.length === 1) onRecord(closed);
  });

  try {
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8' })) {
      parser.write(chunk as string);
    }
    parser.close();
  } catch (error) {
    return { root, problem: malformed(file, parser.line, stack, error) };
  }
  return { root, problem: null };
}

function malformed(
  file: string,
  line: number,
  stack: readonly OpenElement[],
  error: unknown,
): ImportProblem {
  // saxes prefixes its message with "line:column: "; the problem carries the line itself.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^\d+:\d+: /,
    '',
  );
  const element = stack.at(-1)?.name ?? 'document';
  return problemAt(file, line, element, `is not well-formed XML: ${message}`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function attributesOf(attributes: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string') result[localName(name)] = value;
  }
  return result;
}
