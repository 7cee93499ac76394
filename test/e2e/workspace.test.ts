import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainMastery } from '../../src/services/mastery.service.js';
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

beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'silent';
  app = await startE2eApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function signedInPage(role: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInWithKeyboard(page, app.url, role);
  return page;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

const quizPath = () => `/classes/${app.demo.mathClassId}/tasks/${app.demo.workspace.quizTaskId}`;
const levelInput = (studentKey: string, standardKey: string) =>
  `input[name="level.${app.demo.standardIds[standardKey]}"][form="attempt-${app.demo.studentIds[studentKey]}"]`;
const saveState = (page: Page, studentKey: string) =>
  page.locator(`#row-${app.demo.studentIds[studentKey]} [data-save-state]`);

async function attemptEvidence(studentKey: string) {
  return app.store.db
    .selectFrom('evidence')
    .select(['id', 'standard_id', 'score', 'strength', 'next_step', 'revises_id'])
    .where('task_id', '=', app.demo.workspace.quizTaskId)
    .where('student_id', '=', app.demo.studentIds[studentKey]!)
    .orderBy('id')
    .execute();
}

describe('the teacher workspace in a browser, with the keyboard only', () => {
  it('signs in as the demo teacher, records evidence from a grid cell and sees the cell change', async () => {
    const page = await signedInPage('teacher');
    await tabTo(page, `a[href="/classes/${app.demo.mathClassId}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('table[role=grid]');
    await expectNoAxeViolations(page);

    await tabTo(page, 'a[data-cell-link][tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const cell = page.locator(':focus');
    const before = await cell.getAttribute('aria-label');
    const td = cell.locator('xpath=..');
    const [studentId, standardId] = [
      await td.getAttribute('data-student'),
      await td.getAttribute('data-standard'),
    ];
    expect(before).toContain('Tomás Álvarez, 5.NBT.A.1');

    await page.keyboard.press('Enter');
    await page.waitForSelector('#cell-heading:focus');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      before,
    );

    await page.keyboard.press('Enter');
    await page.waitForSelector('#cell-heading:focus');
    await tabTo(page, '#cell-dialog input[name=score]');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await tabTo(page, '#cell-dialog input[name=strength]');
    await page.keyboard.type('Explained each place as ten times the next.');
    await Promise.all([page.waitForURL(/saved=/), page.keyboard.press('Enter')]);

    const after = await page
      .locator(`td[data-student="${studentId}"][data-standard="${standardId}"] a`)
      .getAttribute('aria-label');
    const count = (label: string | null) =>
      Number(/(\d+) pieces? of evidence/.exec(label ?? '')![1]);
    expect(count(after)).toBe(count(before) + 1);
    await expect.poll(() => page.locator('#saved').textContent()).toContain('Saved. Tomás Álvarez');
    await page.context().close();
  });

  it('scores a task for the class with feedback, saving each row as it is typed', async () => {
    const page = await signedInPage('teacher');
    await page.goto(app.url + quizPath());
    await expectNoAxeViolations(page);

    await tabTo(page, levelInput('s03', 'nbt-b5'));
    await page.keyboard.type('3');
    await expect.poll(() => saveState(page, 's03').textContent()).toBe('Saved');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await tabTo(page, `input[name=strength][form="attempt-${app.demo.studentIds.s03}"]`);
    await page.keyboard.type('Lined up the partial products.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Check each quotient by multiplying.');
    await page.keyboard.press('Tab');
    await expect.poll(() => saveState(page, 's03').textContent()).toBe('Saved');

    await expect
      .poll(async () =>
        (await attemptEvidence('s03')).map((e) => [e.score, e.strength, e.next_step]),
      )
      .toEqual([
        [3, 'Lined up the partial products.', 'Check each quotient by multiplying.'],
        [2, 'Lined up the partial products.', 'Check each quotient by multiplying.'],
      ]);
    await page.goto(`${app.url}/classes/${app.demo.mathClassId}`);
    const label = await page
      .locator(
        `td[data-student="${app.demo.studentIds.s03}"][data-standard="${app.demo.standardIds['nbt-b6']}"] a`,
      )
      .getAttribute('aria-label');
    const explained = await explainMastery(
      app.store.db,
      app.demo.studentIds.s03!,
      app.demo.standardIds['nbt-b6']!,
    );
    expect(label).toContain(`: ${explained.level!.label},`);
    await page.context().close();
  });

  it('scores a revision, which supersedes the earlier attempt', async () => {
    const page = await signedInPage('teacher');
    await page.goto(app.url + quizPath());
    await tabTo(page, levelInput('s04', 'nbt-b5'));
    await page.keyboard.type('1');
    await expect.poll(() => saveState(page, 's04').textContent()).toBe('Saved');

    await page.reload();
    await tabTo(page, `#row-${app.demo.studentIds.s04} form[action$="/revisions"] button`);
    await Promise.all([page.waitForURL(/revision=1/), page.keyboard.press('Enter')]);
    await expect
      .poll(() => page.locator(`#row-${app.demo.studentIds.s04} .attempt-cell`).textContent())
      .toContain('Revision (attempt 2)');
    await tabTo(page, levelInput('s04', 'nbt-b5'));
    await page.keyboard.type('4');
    await expect.poll(() => saveState(page, 's04').textContent()).toBe('Saved');
    await expectNoAxeViolations(page);

    const rows = await attemptEvidence('s04');
    expect(rows.map((r) => r.score)).toEqual([1, 4]);
    expect(rows[1]!.revises_id).toBe(rows[0]!.id);
    const explained = await explainMastery(
      app.store.db,
      app.demo.studentIds.s04!,
      app.demo.standardIds['nbt-b5']!,
    );
    expect(explained.evidence.find((e) => e.item.id === Number(rows[0]!.id))?.status).toBe(
      'superseded',
    );
    await page.context().close();
  });

  it('shows an edit conflict with the current value and lets each teacher resolve it', async () => {
    const first = await signedInPage('teacher');
    const second = await signedInPage('special_educator');
    await first.goto(app.url + quizPath());
    await second.goto(app.url + quizPath());

    await tabTo(first, levelInput('s05', 'nbt-b5'));
    await first.keyboard.type('3');
    await expect.poll(() => saveState(first, 's05').textContent()).toBe('Saved');

    await tabTo(second, levelInput('s05', 'nbt-b5'));
    await second.keyboard.type('2');
    const conflict = second.locator(`tr[data-conflict-for="${app.demo.studentIds.s05}"]`);
    await conflict.waitFor({ state: 'visible' });
    await expect
      .poll(() => conflict.textContent())
      .toContain('Current value: 5.NBT.B.5 3 Proficient');
    await expect.poll(() => saveState(second, 's05').textContent()).toBe('Not saved: conflict');
    await expectNoAxeViolations(second);

    expect(await second.evaluate(() => document.activeElement?.textContent)).toBe(
      'Keep mine and save',
    );
    await second.keyboard.press('Enter');
    await expect.poll(() => saveState(second, 's05').textContent()).toBe('Saved');
    expect((await attemptEvidence('s05')).map((e) => e.score)).toEqual([2]);

    await first.keyboard.press('Shift+Tab');
    await first.keyboard.press('Tab');
    await first.keyboard.type('4');
    const firstConflict = first.locator(`tr[data-conflict-for="${app.demo.studentIds.s05}"]`);
    await expect
      .poll(() => firstConflict.textContent())
      .toContain('Current value: 5.NBT.B.5 2 Developing');
    await first.keyboard.press('Tab');
    await first.keyboard.press('Enter');
    await expect.poll(() => first.locator(levelInput('s05', 'nbt-b5')).inputValue()).toBe('2');
    await firstConflict.waitFor({ state: 'hidden' });
    expect((await attemptEvidence('s05')).map((e) => e.score)).toEqual([2]);

    await first.context().close();
    await second.context().close();
  });

  it('records an IEP session on a phone with tap counters and sees the graph change', async () => {
    const goal = await app.store.db
      .selectFrom('iep_goals')
      .select('id')
      .where('collection_type', '=', 'trials')
      .executeTakeFirstOrThrow();
    const page = await signedInPage('special_educator', PHONE);
    await tabTo(page, 'a[href="/caseload"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("My caseload")');
    await expectNoAxeViolations(page);

    await page.goto(`${app.url}/goals/${goal.id}`);
    const pointsBefore = Number(await page.locator('[data-points]').getAttribute('data-points'));
    await tabTo(page, `a[href="/goals/${goal.id}/collect"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-trials]');
    await expectNoAxeViolations(page);

    await tabTo(page, 'button.counter-plus[data-target=independent]');
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('Enter');
    await tabTo(page, 'button.counter-plus[data-target=incorrect]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-tally]').textContent())
      .toContain('10 trials: 8 correct');
    await tabTo(page, 'input[name=note]');
    await page.keyboard.type('Keyboard-only e2e session');
    await tabTo(page, 'button[type=submit].big');
    await Promise.all([page.waitForURL(/recorded=1/), page.keyboard.press('Enter')]);

    await expect
      .poll(() => page.locator('[role=status]').first().textContent())
      .toContain('Session saved');
    const pointsAfter = Number(await page.locator('[data-points]').getAttribute('data-points'));
    expect(pointsAfter).toBe(pointsBefore + 1);
    const stored = await app.store.db
      .selectFrom('iep_data_sessions')
      .select(['value', 'session_date'])
      .where('note', '=', 'Keyboard-only e2e session')
      .executeTakeFirstOrThrow();
    expect(Number(stored.value)).toBe(80);
    await expect
      .poll(() =>
        page
          .locator(`circle.data-point[data-date="${stored.session_date}"][data-value="80"]`)
          .count(),
      )
      .toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('shows the staff profile, the task list and the new-task form without axe violations', async () => {
    const page = await signedInPage('special_educator');
    await page.goto(`${app.url}/students/${app.demo.studentIds.s02}/profile`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mateo Hernández');
    await expectNoAxeViolations(page);

    const teacher = await signedInPage('teacher');
    for (const path of ['/tasks', '/tasks/new']) {
      await teacher.goto(`${app.url}/classes/${app.demo.mathClassId}${path}`);
      await expectNoAxeViolations(teacher);
    }
    await page.context().close();
    await teacher.context().close();
  });
});
