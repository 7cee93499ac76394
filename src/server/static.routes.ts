/**
 * Static files: the stylesheet and the grid script from src/web/static, and htmx from its
 * package. Read once at start-up and kept in memory; cached by browsers for an hour.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import type { RouteSpec } from './route.js';

const require = createRequire(import.meta.url);

const FILES: Readonly<Record<string, { readonly path: string; readonly type: string }>> = {
  'app.css': {
    path: fileURLToPath(new URL('../web/static/app.css', import.meta.url)),
    type: 'text/css; charset=utf-8',
  },
  'grid.js': {
    path: fileURLToPath(new URL('../web/static/grid.js', import.meta.url)),
    type: 'text/javascript; charset=utf-8',
  },
  'task-grid.js': {
    path: fileURLToPath(new URL('../web/static/task-grid.js', import.meta.url)),
    type: 'text/javascript; charset=utf-8',
  },
  'iep-collect.js': {
    path: fileURLToPath(new URL('../web/static/iep-collect.js', import.meta.url)),
    type: 'text/javascript; charset=utf-8',
  },
  'htmx.min.js': {
    path: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

const cache = new Map<string, string>();

function serveFile(name: string) {
  return (c: Context<AppEnv>): Response => {
    const file = FILES[name]!;
    let body = cache.get(name);
    if (body === undefined) {
      body = fs.readFileSync(file.path, 'utf8');
      cache.set(name, body);
    }
    return c.body(body, 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=3600',
    });
  };
}

export const staticRoutes: readonly RouteSpec[] = Object.keys(FILES).map((name) => ({
  method: 'get' as const,
  path: `/static/${name}`,
  access: { kind: 'public' as const },
  handler: serveFile(name),
}));
