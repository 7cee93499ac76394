import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { familyReportHtml, familyReportPdf } from '../../src/reports/family/family-report.js';
import { chromiumPath, closePdfBrowser } from '../../src/reports/pdf.js';
import { HOSTILE_TEXT, seedReportStudent } from '../support/report-seed.js';
import { createTestStore, type TestStore } from '../support/test-store.js';

const run = promisify(execFile);
let store: TestStore;
let dir: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedReportStudent(store.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-pdf-'));
});

afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The PDF's text in content order (pdftotext -raw), with runs of spaces collapsed. */
async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function pdfInfo(pdf: Buffer, tool: 'pdfinfo' | 'pdffonts'): Promise<string> {
  const file = path.join(dir, `${tool}.pdf`);
  fs.writeFileSync(file, pdf);
  return (await run(tool, [file])).stdout;
}

describe('family report PDF', () => {
  it('prints the English report as selectable text, feedback kept literal', async () => {
    const pdf = await familyReportPdf(store.db, 'student-rosa', {
      lang: 'en',
      today: '2026-10-20',
    });
    const text = await pdfText(pdf!);

    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('Progress report for Rosa Quill');
    expect(text).toContain('Rosa has reached the goal in 2 of 3 skills.');
    expect(text).toContain('Level now Extending Goal reached');
    expect(text).toContain('CCSS.Math.Content.5.NBT.A.3');
    expect(text).toContain(HOSTILE_TEXT);
    expect(text).toContain('Start 72% Target 95%');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('prints the Spanish report with its accents, fonts embedded and tagged', async () => {
    const pdf = await familyReportPdf(store.db, 'student-rosa', {
      lang: 'es',
      today: '2026-10-20',
    });
    const text = await pdfText(pdf!);

    expect(text).toContain('Informe de progreso de Rosa Quill');
    expect(text).toContain('Dónde está Rosa ahora');
    expect(text).toContain('Cómo leer este informe');
    expect(text).toContain('Próximo paso');
    expect(text).toContain('Puntuación: 3,13 de 4.');
    expect(text).toContain('Finds the volume of a box by multiplying. (en inglés)');
    expect(text).toMatch(/Página 1 de \d/);

    expect(await pdfInfo(pdf!, 'pdfinfo')).toMatch(/Tagged:\s+yes/);
    const fonts = await pdfInfo(pdf!, 'pdffonts');
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold/);
  });

  it('answers null for a student that does not exist', async () => {
    expect(await familyReportPdf(store.db, 'student-nobody')).toBeNull();
  });
});

describe('family report page', () => {
  it('has no accessibility violations that axe can find, in English and Spanish', async () => {
    const axeSource = fs.readFileSync(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox'],
    });
    try {
      for (const lang of ['en', 'es'] as const) {
        const page = await browser.newPage();
        await page.setContent((await familyReportHtml(store.db, 'student-rosa', { lang }))!);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
          ).axe;
          return (await axe.run()).violations.map((violation) => violation.id);
        });
        expect(violations, lang).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});

describe('trellis report family', () => {
  const cli = (args: string[]) =>
    run('npx', ['tsx', 'src/cli/main.ts', 'report', 'family', ...args], {
      env: { ...process.env, DATABASE_URL: store.url, LOG_LEVEL: 'silent' },
    });

  it('writes a Spanish PDF for the student identifier from the import', async () => {
    const out = path.join(dir, 'report.pdf');
    const { stdout } = await cli(['--student', '604822', '--lang', 'es', '--out', out]);

    expect(stdout).toContain(`written to ${out}`);
    expect(await pdfText(fs.readFileSync(out))).toContain('Metas del IEP');
  });

  it('writes HTML with --html', async () => {
    const out = path.join(dir, 'report.html');
    await cli(['--student', '604822', '--lang', 'en', '--html', '--out', out]);

    expect(fs.readFileSync(out, 'utf8')).toContain('<h1>Progress report for Rosa Quill</h1>');
  });

  it('exits 1 with a clear message for an unknown student or an unwritable path', async () => {
    const unknown = await cli(['--student', '000000', '--out', path.join(dir, 'x.pdf')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    const blocked = await cli([
      '--student',
      '604822',
      '--out',
      path.join(dir, 'report.html', 'x.pdf'),
    ]).catch((error: { code: number; stderr: string }) => error);

    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'trellis report: --student: no student with identifier "000000"\n',
    });
    expect(blocked).toMatchObject({ code: 1 });
    expect((blocked as { stderr: string }).stderr).toContain('--out: the folder');
  });
});
