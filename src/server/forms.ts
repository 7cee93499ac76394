/**
 * Reading a submitted form against a zod schema. Unknown fields are refused (schemas are
 * strict), and so are `__proto__`, `constructor` and `prototype`; the CSRF field is checked by
 * its middleware and removed before validation.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';

/**
 * Field names that could reach an object's prototype, alone or as a path segment
 * ("__proto__", "a.constructor", "x[prototype]"): refused in every form.
 */
const FORBIDDEN_FORM_KEY = /(^|[.[\]])(__proto__|constructor|prototype)($|[.[\]])/;

/** The message for a value holding a NUL character (no database column can store one). */
const NUL_MESSAGE = 'This contains a character that cannot be stored (a null character).';

function stripNul(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v.replaceAll('\u0000', '')]),
  );
}

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

  const refused = Object.keys(body).filter((key) => FORBIDDEN_FORM_KEY.test(key));
  if (refused.length > 0) {
    return { ok: false, errors: { _form: `Refused field name: ${refused.join(', ')}` }, values };
  }
  const withNul = Object.keys(values).filter((key) => values[key]!.includes('\u0000'));
  if (withNul.length > 0) {
    const errors = Object.fromEntries(withNul.map((key) => [key, NUL_MESSAGE]));
    return { ok: false, errors, values: stripNul(values) };
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
