/**
 * How a feature declares its routes: method, path, access rule and handler. The rule is a
 * required field, so a route cannot be written without one; `mountRoutes` puts the guard for
 * the rule in front of every handler.
 */
import type { Context, Hono } from 'hono';
import { guard, type AccessRule } from './access.js';
import type { AppEnv } from './env.js';

/** One route of the app. */
export interface RouteSpec {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly access: AccessRule;
  readonly handler: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** Registers routes, each behind the guard of its access rule. */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, guard(route.access), route.handler);
  }
}
