/**
 * Reading a submitted form against a zod schema. Unknown fields are refused (schemas are
 * strict); the CSRF field is checked by its middleware and removed before validation.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';

/** A valid form, or the problems by field name together with the values sent. */
export type FormResult<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly errors: Record<string, string>;
      readonly values: Record<string, string>;
    };

/** Parses the request's form body with `schema`. */
export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== '_csrf' && typeof value === 'string') values[key] = value;
  }

  const fields = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '_csrf'));
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: problemsByField(parsed.error), values };
}

/** One message per field; unknown fields are reported under `_form`, naming them. */
export function problemsByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`
        : issue.message;
    errors[field] ??= message;
  }
  return errors;
}
