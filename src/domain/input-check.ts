/**
 * Checks a calculator's raw JSON against a zod schema and turns the first issue into one
 * problem line that names the field, such as `points[2].date: expected a date like 2026-09-14`.
 */
import { z } from 'zod';
import type { CheckResult } from './calculator.js';
import { isIsoDate } from './progress/dates.js';

/** A calendar date written YYYY-MM-DD that really exists ("2026-02-30" does not). */
export const isoDateSchema = z
  .string({ error: 'expected a date like 2026-09-14' })
  .refine(isIsoDate, { error: 'expected a real date like 2026-09-14' });

/** A finite JSON number (JSON cannot carry NaN or Infinity, but callers in code can). */
export const finiteNumberSchema = z.number({ error: 'expected a number' }).finite();

/**
 * Parses `input` with `schema`; on failure answers the first issue as "field: what is wrong".
 *
 * Example: a points array whose third date is "2026-13-01" answers
 * `{ ok: false, problem: "points[2].date: expected a real date like 2026-09-14" }`.
 */
export function checkWith<T>(schema: z.ZodType<T>, input: unknown): CheckResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };

  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, problem: 'input: not accepted' };
  return { ok: false, problem: describeIssue(issue, input) };
}

/** Writes a field path the way JavaScript would reach it: `points[2].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? 'input' : text;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return `${fieldPath([...issue.path, key])}: not a known field`;
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return `${fieldPath(issue.path)}: required`;
  }

  const message = issue.message.replace(/^Invalid input: /, '');
  return `${fieldPath(issue.path)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
