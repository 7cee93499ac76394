import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  signInWithKeyboard,
  startE2eApp,
  tabTo,
  type E2eApp,
} from '../support/e2e-app.js';

let running: E2eApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  running = await startE2eApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** The id of a demo goal by its student key and area. */
async function goalId(studentKey: string, area: string): Promise<string> {
  const row = await running.store.db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select('g.id')
    .where('i.student_id', '=', running.demo.studentIds[studentKey]!)
    .where('g.area', '=', area)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function pressEnterAndWait(target: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
}

describe('a special educator with the keyboard only', () => {
  it('opens a goal, adds a data session, sees the graph and decision change, and confirms a code', async () => {
    await signInWithKeyboard(page, running.url, 'special_educator');
    const fluency = await goalId('s02', 'Reading fluency');

    await tabTo(page, `a[href="/iep-goals/${fluency}"]`);
    await pressEnterAndWait(`${running.url}/iep-goals/${fluency}`);
    expect(await page.getAttribute('[data-point-count]', 'data-point-count')).toBe('12');
    expect(await page.getAttribute('[data-decision]', 'data-decision')).toBe('raise_goal');
    expect(await page.textContent('.iep-decision')).toContain(
      '4-point rule: the last 4 points are all above the goal line → raise the goal',
    );
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, `a[href="/goals/${fluency}/collect"]`);
    await pressEnterAndWait(`${running.url}/goals/${fluency}/collect`);
    await tabTo(page, '#probes');
    await page.keyboard.type('50, 52, 55');
    await tabTo(page, 'button[type=submit].big');
    await pressEnterAndWait(/recorded=1/);

    await page.goto(`${running.url}/iep-goals/${fluency}`);
    expect(await page.getAttribute('[data-point-count]', 'data-point-count')).toBe('13');
    expect(await page.getAttribute('.graph', 'data-points')).toBe('13');
    expect(await page.getAttribute('[data-decision]', 'data-decision')).toBe('continue');
    expect(await page.textContent('.iep-decision')).toContain(
      '4-point rule: the last 4 points are not all on one side of the goal line → continue',
    );

    const routine = await goalId('s04', 'Self-care and independence');
    await page.goto(`${running.url}/`);
    await tabTo(
      page,
      `.iep-dashboard a[href*="/progress?period="][href*="/students/${running.demo.studentIds.s04}/"]`,
    );
    await pressEnterAndWait(/\/progress\?period=/);
    const short = routine.slice(0, 8);
    await tabTo(page, `#narrative-${short}`);
    await page.keyboard.type('Sione now hangs up his backpack on his own most mornings.');
    await tabTo(page, `form[action$="/${routine}"] button[type=submit]`);
    await pressEnterAndWait(/saved=confirmed/);
    const status = page.locator(
      `section[aria-labelledby="report-${routine}"] [data-report-status]`,
    );
    expect(await status.getAttribute('data-report-status')).toBe('confirmed');
    expect(await status.textContent()).toContain('Confirmed: Insufficient progress');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads the IEP overview with no accessibility violations', async () => {
    await page.goto(`${running.url}/students/${running.demo.studentIds.s04}/iep`);
    expect(await page.textContent('h1')).toContain('Individualized education program');
    expect(await axeViolations(page)).toEqual([]);
  });
});
