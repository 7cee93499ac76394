/**
 * Reading values out of one record tree. `fieldsOf` collects what a record lacks instead of
 * throwing, so a mapper reads every field and then reports all that are missing at once.
 */
import { problemAt, type ImportProblem } from '../import-problem.js';
import type { XmlElement } from './xml-reader.js';

/** The first element at `path` (names joined by "/"), searching children step by step. */
export function elementAt(element: XmlElement, path: string): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path.split('/')) {
    current = current?.children.find((child) => child.name === name);
  }
  return current;
}

/** Every element at `path`, e.g. all `Disability/Disability` of a program association. */
export function elementsAt(element: XmlElement, path: string): XmlElement[] {
  const names = path.split('/');
  let level: XmlElement[] = [element];
  for (const name of names) {
    level = level.flatMap((parent) => parent.children.filter((child) => child.name === name));
  }
  return level;
}

/** The first descendant named `name`, at any depth, in document order. */
export function descendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.name === name) return child;
    const deeper = descendant(child, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** The trimmed text at `path`, or null when the element is absent or empty. */
export function textAt(element: XmlElement, path: string): string | null {
  const text = elementAt(element, path)?.text.trim();
  return text ? text : null;
}

/** The trimmed text of the first descendant named `name`, or null. */
export function descendantText(element: XmlElement, name: string): string | null {
  const text = descendant(element, name)?.text.trim();
  return text ? text : null;
}

/**
 * The value part of an Ed-Fi descriptor URI: what follows "#".
 *
 * Example: `descriptorValue("uri://ed-fi.org/PerformanceLevelDescriptor#Met Standard")` is
 * `"Met Standard"`; a value without "#" comes back unchanged.
 */
export function descriptorValue(uri: string): string {
  const hash = uri.lastIndexOf('#');
  return hash === -1 ? uri : uri.slice(hash + 1);
}

/** The number in `text`, or null when it is absent or not a finite number. */
export function numberOf(text: string | null): number | null {
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Reads required and optional fields of one record, remembering what is missing. */
export interface Fields {
  /** The text at `path`; when absent, "" and the path is remembered as missing. */
  need(path: string): string;
  /** The text at `path`, or null. */
  may(path: string): string | null;
  /** A problem naming every missing path, or null when nothing required is missing. */
  problem(): ImportProblem | null;
}

/** Field access for `record` of `file`. */
export function fieldsOf(file: string, record: XmlElement): Fields {
  const missing: string[] = [];
  return {
    need(path) {
      const value = textAt(record, path);
      if (value === null) missing.push(path);
      return value ?? '';
    },
    may: (path) => textAt(record, path),
    problem() {
      if (missing.length === 0) return null;
      const names = missing.map((path) => `<${path}>`).join(', ');
      return problemAt(file, record.line, record.name, `lacks the required ${names}`);
    },
  };
}

/** A record read from an element, or the problem that kept it from being read. */
export type Mapped<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ImportProblem };

/** The record `value`, unless `fields` noticed a missing required element. */
export function finish<T>(fields: Fields, value: T): Mapped<T> {
  const problem = fields.problem();
  return problem ? { ok: false, problem } : { ok: true, value };
}
