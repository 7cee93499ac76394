/**
 * Starts the real app for browser tests: a temporary SQLite database, migrated and seeded with
 * the synthetic demo school, served over HTTP on a random free port of 127.0.0.1. Also the
 * browser side every e2e test shares: launching Debian's chromium, signing in with the
 * keyboard only, and checking a page with axe-core.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import { DEMO_SIGN_INS, seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import { migrate, openStore, type Store } from '../../src/store/database.js';

/** A running app: its base URL, store and demo school, and how to stop it. */
export interface E2eApp {
  readonly url: string;
  readonly store: Store;
  readonly demo: DemoSchool;
  stop(): Promise<void>;
}

/** Starts the app over a fresh demo-school database in a temporary folder. */
export async function startE2eApp(): Promise<E2eApp> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const store = openStore(path.join(folder, 'trellis.sqlite'));
  await migrate(store);
  const demo = await seedDemoSchool(store.db);

  const app = createApp({ store });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    demo,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The flags Debian's chromium needs here: no sandbox, no GPU, nothing from the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless chromium from /usr/bin/chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The demo password of a role. */
export function demoPassword(role: string): { username: string; password: string } {
  const signIn = DEMO_SIGN_INS.find((s) => s.role === role);
  if (!signIn) throw new Error(`no demo sign-in for ${role}`);
  return { username: signIn.username, password: signIn.password };
}

/**
 * Signs in on the sign-in page with the keyboard only: focus moves by Tab from the top of the
 * page to the username field, then the password, then Enter submits.
 */
export async function signInWithKeyboard(page: Page, baseUrl: string, role: string): Promise<void> {
  const { username, password } = demoPassword(role);
  await page.goto(`${baseUrl}/sign-in`);
  await tabTo(page, 'input[name=username]');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/`);
}

/**
 * Presses Tab until the focused element matches the CSS `selector` (at most `limit` presses);
 * throws naming what was focused last when it never does.
 */
export async function tabTo(page: Page, selector: string, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      (css) => document.activeElement?.matches(css) ?? false,
      selector,
    );
    if (found) return;
  }
  const last = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${selector}; focus ended on ${last}`);
}

/** One axe violation, short enough to read in a test failure. */
export interface AxeProblem {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Injects axe-core into the page and answers its violations (WCAG 2.1 A and AA and best practice). */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  // Evaluated over the DevTools protocol: the page's policy allows no inline script.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              nodes: Array<{ target: string[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
