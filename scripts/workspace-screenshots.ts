/**
 * Screenshots of every workspace page at desktop (1280 × 900) and phone (390 × 844) sizes,
 * for review: `npx tsx scripts/workspace-screenshots.ts [folder]` (default
 * /tmp/trellis-workspace). Starts the app over a temporary demo-school database.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoPassword, launchBrowser, startE2eApp, type E2eApp } from '../test/support/e2e-app.js';

const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

interface Shot {
  readonly name: string;
  readonly role: string;
  readonly path: (app: E2eApp) => string | Promise<string>;
  readonly then?: (page: Page) => Promise<void>;
}

async function firstGoal(app: E2eApp): Promise<string> {
  const goal = await app.store.db
    .selectFrom('iep_goals')
    .select('id')
    .where('collection_type', '=', 'trials')
    .executeTakeFirstOrThrow();
  return goal.id;
}

const SHOTS: readonly Shot[] = [
  { name: 'gradebook', role: 'teacher', path: (a) => `/classes/${a.demo.mathClassId}` },
  {
    name: 'gradebook-past-period',
    role: 'teacher',
    path: (a) => `/classes/${a.demo.mathClassId}?asOf=2026-10-15`,
  },
  {
    name: 'gradebook-cell-dialog',
    role: 'teacher',
    path: (a) => `/classes/${a.demo.mathClassId}`,
    then: async (page) => {
      await page.focus('a[data-cell-link][tabindex="0"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#cell-heading');
    },
  },
  {
    name: 'cell-detail',
    role: 'teacher',
    path: (a) =>
      `/classes/${a.demo.mathClassId}/cells/${a.demo.studentIds.s01}/${a.demo.standardIds['nbt-a1']}`,
  },
  { name: 'tasks', role: 'teacher', path: (a) => `/classes/${a.demo.mathClassId}/tasks` },
  {
    name: 'task-new',
    role: 'teacher',
    path: (a) => `/classes/${a.demo.mathClassId}/tasks/new`,
  },
  {
    name: 'task-scoring',
    role: 'teacher',
    path: (a) => `/classes/${a.demo.mathClassId}/tasks/${a.demo.workspace.quizTaskId}`,
  },
  {
    name: 'task-scoring-rubric',
    role: 'teacher',
    path: (a) => `/classes/${a.demo.mathClassId}/tasks/${a.demo.workspace.rubricTaskId}`,
  },
  { name: 'caseload', role: 'special_educator', path: () => '/caseload' },
  {
    name: 'goal-collect',
    role: 'special_educator',
    path: async (a) => `/goals/${await firstGoal(a)}/collect`,
  },
  { name: 'goal', role: 'special_educator', path: async (a) => `/goals/${await firstGoal(a)}` },
  {
    name: 'student-profile',
    role: 'special_educator',
    path: (a) => `/students/${a.demo.studentIds.s02}/profile`,
  },
];

async function signIn(page: Page, url: string, role: string): Promise<void> {
  const { username, password } = demoPassword(role);
  await page.goto(`${url}/sign-in`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`${url}/`), page.press('input[name=password]', 'Enter')]);
}

async function main(): Promise<void> {
  const folder = process.argv[2] ?? '/tmp/trellis-workspace';
  fs.mkdirSync(folder, { recursive: true });
  const app = await startE2eApp();
  const browser = await launchBrowser();
  try {
    for (const [size, viewport] of Object.entries(SIZES)) {
      for (const role of [...new Set(SHOTS.map((s) => s.role))]) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await signIn(page, app.url, role);
        for (const shot of SHOTS.filter((s) => s.role === role)) {
          const response = await page.goto(app.url + (await shot.path(app)));
          if (shot.then) await shot.then(page);
          const file = path.join(folder, `${shot.name}-${size}.png`);
          await page.screenshot({ path: file, fullPage: !shot.then });
          process.stdout.write(`${response?.status()} ${file}\n`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
