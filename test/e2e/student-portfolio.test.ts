/**
 * The student's journey in a real browser, with the keyboard only: sign in, rate myself on a
 * standard, open my portfolio, upload a picture through the file input, choose it, move it up
 * and share it with my family; then the family sees only the shared work. axe-core finds no
 * violations on the dashboard, the portfolio and the family's work samples.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../src/services/tiny-png.js';
import {
  axeViolations,
  launchBrowser,
  signInWithKeyboard,
  startE2eApp,
  tabTo,
  type E2eApp,
} from '../support/e2e-app.js';

let app: E2eApp;
let browser: Browser;
let page: Page;
let uploads: string;
const previousDir = process.env.PORTFOLIO_DIR;

beforeAll(async () => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-uploads-'));
  process.env.PORTFOLIO_DIR = uploads;
  app = await startE2eApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(uploads, { recursive: true, force: true });
  if (previousDir === undefined) delete process.env.PORTFOLIO_DIR;
  else process.env.PORTFOLIO_DIR = previousDir;
});

/** Presses Enter on the focused control and waits for the page it leads to. */
async function enterAndWait(): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

async function focusedMatches(selector: string): Promise<boolean> {
  return page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector);
}

describe('the student dashboard and portfolio in chromium', () => {
  it('lets the student rate themself with the keyboard, beside the teacher level', async () => {
    await signInWithKeyboard(page, app.url, 'student');
    expect(await page.title()).toBe('My dashboard · Trellis');
    expect(await axeViolations(page)).toEqual([]);

    const standardId = app.demo.standardIds['nf-b4']!;
    const form = `#standard-${standardId} .rate-form`;
    await tabTo(page, `${form} input[name=levelValue]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, `${form} textarea[name=why]`);
    await page.keyboard.type('I can do 2/3 of 6 with a drawing.');
    await tabTo(page, `${form} button[type=submit]`);
    await enterAndWait();

    const card = page.locator(`#standard-${standardId}`);
    expect(await page.locator('.student-notice').textContent()).toBe('Your rating is saved.');
    expect(await card.locator('.compare-side').nth(1).innerText()).toContain('Proficient');
    expect(await card.locator('.talk').innerText()).toContain(
      'You rated yourself higher than your teacher did.',
    );
    expect(await focusedMatches(`${form} button[type=submit]`)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('uploads through the file input, chooses, reorders and shares with the keyboard', async () => {
    await tabTo(page, 'main a.button-secondary[href$="/portfolio"]');
    await enterAndWait();
    expect(await page.title()).toBe('My portfolio · Trellis');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, '#upload-file');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ]);
    const picture = encodePng(40, 30, (x, y) => [x * 6, y * 8, 160]);
    await chooser.setFiles({ name: 'bar-model.png', mimeType: 'image/png', buffer: picture });
    await tabTo(page, '#upload-title');
    await page.keyboard.type('My bar model for 2/3 of 6');
    await tabTo(page, '#upload-description');
    await page.keyboard.type('A bar cut into three parts, two of them shaded, over six dots.');
    await tabTo(page, 'input[name=setting]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, `input[name=link][value="standard:${app.demo.standardIds['nf-b4']}"]`);
    await page.keyboard.press('Space');
    await tabTo(page, '#upload-reflection');
    await page.keyboard.type('The bar showed me that 2/3 of 6 is 4.');
    await tabTo(page, '.upload-form button[type=submit]');
    await enterAndWait();

    const row = await app.store.db
      .selectFrom('portfolio_artifacts')
      .selectAll()
      .where('title', '=', 'My bar model for 2/3 of 6')
      .executeTakeFirstOrThrow();
    expect([row.content_type, row.setting, row.file_name]).toEqual([
      'image/png',
      'home',
      'bar-model.png',
    ]);
    const id = row.id;

    await tabTo(page, `form[action$="/${id}/choose"] button`);
    await enterAndWait();
    expect(await focusedMatches(`form[action$="/${id}/choose"] button`)).toBe(true);

    const moveUp = `form[action$="/${id}/move"]:has(input[value=up]) button`;
    await tabTo(page, moveUp);
    await enterAndWait();
    expect(await focusedMatches(moveUp)).toBe(true);
    await enterAndWait();
    // Now first: "Move up" is disabled, so focus is on "Move down" of the same piece.
    expect(await focusedMatches(`form[action$="/${id}/move"]:has(input[value=down]) button`)).toBe(
      true,
    );

    const order = await app.store.db
      .selectFrom('portfolio_artifacts')
      .select('id')
      .where('student_id', '=', row.student_id)
      .where('chosen', '=', 1)
      .orderBy('list_order')
      .execute();
    expect(order[0]?.id).toBe(id);
    expect(order).toHaveLength(3);

    await tabTo(page, `form[action$="/${id}/share"] button`);
    await enterAndWait();
    const shared = await app.store.db
      .selectFrom('portfolio_artifacts')
      .select('shared')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(shared.shared)).toBe(1);
    expect(await page.locator(`#artifact-${id} .tag-shared`).innerText()).toBe(
      'Shared with family',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the family only their child's shared work samples, with no axe violations", async () => {
    const family = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInWithKeyboard(family, app.url, 'guardian');
    await tabTo(family, 'a[href$="/portfolio"]');
    await Promise.all([family.waitForNavigation(), family.keyboard.press('Enter')]);

    expect(await family.locator('h1').innerText()).toBe('Work samples from Mateo');
    const titles = await family.locator('.artifact h3').allInnerTexts();
    expect(titles).toEqual(['Pizza fractions']);
    expect(await family.locator('.artifact img').getAttribute('alt')).toBe(
      'A drawing of a pizza cut into 8 slices, with 3 slices colored red to show 3/8.',
    );
    expect(await axeViolations(family)).toEqual([]);
    await family.close();
  });
});
