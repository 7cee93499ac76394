/**
 * Reading a JSON request body against a zod schema. Keys that could reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`) and strings holding a NUL character are
 * refused at any depth before the schema runs; schemas are strict, so unknown fields such as `studentId` or `role` are refused
 * by name. Problems answer 400 naming the field.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { problemsByField } from './forms.js';

/** Keys refused anywhere in a request body. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Parses JSON text, refusing forbidden keys; answers the value or the problem. */
export function parseJsonSafely(
  text: string,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string } {
  let refused: string | null = null;
  try {
    const value: unknown = JSON.parse(text, (key, inner: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) refused ??= `${key}: field name refused`;
      if (typeof inner === 'string' && inner.includes('\u0000')) {
        refused ??= `${key}: contains a null character`;
      }
      return inner;
    });
    return refused ? { ok: false, problem: refused } : { ok: true, value };
  } catch {
    return { ok: false, problem: 'body: not JSON' };
  }
}

/** The request's JSON body checked against `schema`; throws `invalid_input` naming the field. */
export async function readJson<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<z.output<S>> {
  const parsed = parseJsonSafely(await c.req.text());
  if (!parsed.ok) throw new AppError('invalid_input', parsed.problem);

  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const problems = problemsByField(result.error);
  const message = Object.entries(problems)
    .map(([field, text]) => `${field}: ${text}`)
    .join('; ');
  throw new AppError('invalid_input', message);
}
