/**
 * The report journeys in a real browser, each page checked with axe and photographed on a
 * desktop and a 390x844 phone (under /tmp/trellis-report-web): a parent sets Spanish, reads
 * the report, switches to Arabic and downloads the Arabic PDF; a special educator opens the
 * IEP progress report for a quarter and downloads it; a teacher makes the class's reports as
 * one job and watches it finish.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { reportWorkerFor } from '../../src/services/report-job.service.js';
import {
  axeViolations,
  launchBrowser,
  signInWithKeyboard,
  startE2eApp,
  tabTo,
  type E2eApp,
} from '../support/e2e-app.js';

const run = promisify(execFile);
const SHOTS = '/tmp/trellis-report-web';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let running: E2eApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  running = await startE2eApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await reportWorkerFor(running.store).idle();
  await closePdfBrowser();
  await running?.stop();
});

/** A fresh browser window at desktop size, signed out. */
async function freshPage(): Promise<Page> {
  await page?.context().close();
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  return context.newPage();
}

async function pressEnterAndWait(target: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
}

/**
 * Photographs the page whole on a desktop, and on a phone its first screen and whole; checks
 * that nothing is wider than the phone.
 */
async function photograph(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`) });
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone-full.png`), fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.setViewportSize(DESKTOP);
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
}

/** Downloads what the link matching `selector` points at, by the keyboard; answers the file. */
async function downloadBy(selector: string, name: string): Promise<string> {
  await tabTo(page, selector);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  const file = path.join(SHOTS, name);
  await download.saveAs(file);
  return file;
}

/** The PDF's text in reading order (pdftotext without -raw), bidi marks removed. */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

describe('a parent, as a new user would', () => {
  it('sets Spanish, reads the report, switches to Arabic and downloads the Arabic PDF', async () => {
    page = await freshPage();
    const child = running.demo.studentIds[running.demo.guardianChildKey]!;
    await signInWithKeyboard(page, running.url, 'guardian');

    await tabTo(page, 'a[href="/settings/language"]');
    await pressEnterAndWait(`${running.url}/settings/language`);
    expect(await page.textContent('h1')).toBe('Language');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, 'input[name=language][value=en]');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('input[value=es]')).toBe(true);
    await tabTo(page, 'button[type=submit].button-primary');
    await pressEnterAndWait(`${running.url}/settings/language?saved=1`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.textContent('[role=status]')).toContain('Guardado.');
    expect(await axeViolations(page)).toEqual([]);
    await photograph('settings-es');

    await tabTo(page, `a[href="/students/${child}/report"]`);
    await pressEnterAndWait(`${running.url}/students/${child}/report`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.textContent('h1')).toBe('Informe de progreso de Mateo Hernández');
    expect(await page.textContent('.main-nav')).toContain('Inicio');
    expect(await axeViolations(page)).toEqual([]);
    await photograph('report-es');

    await tabTo(page, 'a[hreflang=ar]');
    await pressEnterAndWait(`${running.url}/students/${child}/report?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('.family-report', 'dir')).toBe('rtl');
    expect(await page.textContent('h1')).toBe('تقرير تقدم Mateo Hernández');
    expect(await page.getAttribute('a[hreflang=ar]', 'aria-current')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await photograph('report-ar');

    const pdf = await downloadBy('.report-download a', 'report-ar.pdf');
    const text = await pdfText(pdf);
    expect(text).toContain('تقرير تقدم');
    expect(text).toContain('Mateo Hernández');
  });
});

describe('a special educator', () => {
  it('opens a student’s IEP progress report for a quarter and downloads its PDF', async () => {
    page = await freshPage();
    const mateo = running.demo.studentIds.s02!;
    await signInWithKeyboard(page, running.url, 'special_educator');

    await page.goto(`${running.url}/students/${mateo}/iep-progress`);
    await tabTo(page, 'a[href*="from=2026-08-31"]');
    await pressEnterAndWait(/from=2026-08-31&to=2026-11-06/);
    // The family now reads Spanish (the parent chose it above); staff may pick any language.
    expect(await page.textContent('h1')).toBe('Informe de progreso del IEP de Mateo Hernández');
    await tabTo(page, '#period-lang');
    await page.selectOption('#period-lang', 'en');
    await tabTo(page, '.period-chooser button[type=submit]');
    await pressEnterAndWait(/lang=en/);
    expect(await page.textContent('h1')).toBe('IEP progress report for Mateo Hernández');
    expect(await page.textContent('.send-state')).toContain('Sent on');
    expect(await axeViolations(page)).toEqual([]);
    await photograph('iep-progress');

    const pdf = await downloadBy('.report-download a', 'iep-progress.pdf');
    const text = await pdfText(pdf);
    expect(text).toContain('IEP progress report for Mateo Hernández');
    expect(text).toContain('Reading fluency');
  });
});

describe('a teacher', () => {
  it('makes the class’s family reports as one job and sees the progress reach done', async () => {
    page = await freshPage();
    const classId = running.demo.mathClassId;
    await signInWithKeyboard(page, running.url, 'teacher');

    await page.goto(`${running.url}/classes/${classId}`);
    await tabTo(page, `a[href="/classes/${classId}/family-reports"]`);
    await pressEnterAndWait(`${running.url}/classes/${classId}/family-reports`);
    expect(await axeViolations(page)).toEqual([]);
    await photograph('class-reports');

    await tabTo(page, 'form.job-form button[type=submit]');
    await pressEnterAndWait(/\/family-reports\/jobs\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1')).toBe('Family reports');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'job-running-desktop.png'), fullPage: true });

    await page.waitForSelector('.job-state-done', { timeout: 110_000 });
    const status = await page.textContent('#job-status');
    expect(status).toMatch(/Done\. (\d+) of \1 reports made\./);
    expect(await page.textContent('#job-downloads')).toMatch(/Download all \d+ PDFs as a zip/);
    expect(await axeViolations(page)).toEqual([]);
    await photograph('job-done');
  }, 120_000);
});
