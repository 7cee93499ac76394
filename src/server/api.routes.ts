/**
 * The JSON API that needs no sign-in: health, and the calculators (pure computations on the
 * numbers sent, the same as `trellis calc`; no student data is read or stored).
 */
import type { Context } from 'hono';
import { runCalculator } from '../domain/calculator.js';
import { calculators } from '../domain/calculators.js';
import { schemaVersion } from '../store/database.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import type { RouteSpec } from './route.js';

/** `GET /api/health`: 200 with the database kind and the newest applied migration. */
async function health(c: Context<AppEnv>): Promise<Response> {
  const store = c.get('store');
  const migration = await schemaVersion(store);
  return c.json({ status: 'ok', database: store.kind, migration });
}

/** `POST /api/calc/:kind`: one answer per request, or 400 naming the field at fault. */
async function calculate(c: Context<AppEnv>): Promise<Response> {
  const kind = c.req.param('kind') ?? '';
  const calculator = Object.hasOwn(calculators, kind) ? calculators[kind] : undefined;
  if (!calculator) throw new AppError('not_found', `No calculator named "${kind}".`);

  const input = await c.req.json<unknown>().catch(() => {
    throw new AppError('invalid_input', 'body: not JSON');
  });
  const result = runCalculator(calculator, input);
  if (!result.ok) throw new AppError('invalid_input', result.problem);
  return c.json(result.value);
}

export const apiRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/api/health', access: { kind: 'public' }, handler: health },
  { method: 'post', path: '/api/calc/:kind', access: { kind: 'public' }, handler: calculate },
];
