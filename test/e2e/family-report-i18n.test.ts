import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyReportHtml, familyReportPdf } from '../../src/reports/family/family-report.js';
import type { ReportLang } from '../../src/reports/i18n/index.js';
import {
  iepProgressReportHtml,
  iepProgressReportPdf,
} from '../../src/reports/iep/iep-progress-report.js';
import { chromiumPath, closePdfBrowser } from '../../src/reports/pdf.js';
import {
  generateFamilyReports,
  type BatchProgress,
} from '../../src/services/report-batch.service.js';
import { seedIepReportStudent, type IepReportSeed } from '../support/iep-report-seed.js';
import {
  seedEvidence,
  seedGuardian,
  seedReportContext,
  seedReportStudent,
  seedStudent,
} from '../support/report-seed.js';
import { createTestStore, type TestStore } from '../support/test-store.js';

const run = promisify(execFile);
const period = { today: '2026-10-20', from: '2026-10-01', to: '2026-10-31' };
let store: TestStore;
let dir: string;
let ines: IepReportSeed;

beforeAll(async () => {
  store = await createTestStore();
  await seedReportStudent(store.db);
  await seedReportContext(store.db);
  ines = await seedIepReportStudent(store.db);
  await seedClassmates();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-i18n-'));
});

afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Two more students in Math 5A: Bao (guardians reading Spanish and Vietnamese) and Chen. */
async function seedClassmates(): Promise<void> {
  for (const [id, sourceId, given] of [
    ['student-bao', '604823', 'Bao'],
    ['student-chen', '604824', 'Chen'],
  ] as const) {
    await seedStudent(store.db, { id, sourceId, given, family: 'Tran' }, 'school-maple');
    await store.db
      .insertInto('enrollments')
      .values({ class_id: 'class-math-5a', student_id: id, begin_date: null, end_date: null })
      .execute();
    await seedEvidence(store.db, {
      studentId: id,
      standardId: 'ccss-5-nf-a-1',
      score: 2,
      observedAt: '2026-10-05',
      nextStep: 'Draw the fractions first.',
    });
  }
  await seedGuardian(store.db, 'student-bao', {
    id: 'g-bao-1',
    given: 'An',
    family: 'Tran',
    lang: 'es',
  });
  await seedGuardian(store.db, 'student-bao', {
    id: 'g-bao-2',
    given: 'Mai',
    family: 'Tran',
    lang: 'vi',
  });
}

/** The PDF's text as pdftotext reads it, bidi marks removed and spaces collapsed. */
async function pdfText(pdf: Buffer, raw = true): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', file, '-']);
  return stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

async function pdfFonts(pdf: Buffer): Promise<string> {
  const file = path.join(dir, 'fonts.pdf');
  fs.writeFileSync(file, pdf);
  return (await run('pdffonts', [file])).stdout;
}

function familyPdf(lang: ReportLang): Promise<Buffer> {
  return familyReportPdf(store.db, 'student-rosa', { ...period, lang }).then((pdf) => pdf!);
}

describe('family report PDF in every language', () => {
  it('prints English and Spanish with the period, milestones and contact as text', async () => {
    const en = await pdfText(await familyPdf('en'));
    const es = await pdfText(await familyPdf('es'));

    expect(en).toContain('This report covers October 1, 2026 to October 31, 2026.');
    expect(en).toContain('Goals reached this period Rosa reached the goal in 2 new skills.');
    expect(en).toContain('Start of this period Developing');
    expect(en).toContain('Teachers Imani Okafor (Math 5A) · Email: i.okafor@maple.example.org');
    expect(es).toContain('Metas alcanzadas en este período');
    expect(es).toContain('Halla el volumen de una caja multiplicando.');
    expect(es).toContain('Algo para probar en casa');
  });

  it('prints Vietnamese with its diacritics as selectable text', async () => {
    const text = await pdfText(await familyPdf('vi'));

    expect(text).toContain('Báo cáo tiến bộ của Rosa Quill');
    expect(text).toContain('Cách đọc báo cáo này');
    expect(text).toContain('Các mục tiêu đạt được trong kỳ này');
    expect(text).toContain('Dựa trên 2 bài làm.');
    expect(text).toMatch(/Trang 1 \/ \d/);
  });

  it('prints Simplified Chinese characters as text, with Noto Sans SC embedded', async () => {
    const pdf = await familyPdf('zh');
    const text = (await pdfText(pdf)).replace(/ /g, '');

    expect(text).toContain('Rosa在2项技能上达到了目标（共3项）。');
    expect(text).toContain('如何阅读这份报告');
    expect(text).toContain('在家可以试一试的一件事');
    expect(text).toMatch(/第1页，共\d页/);
    expect(await pdfFonts(pdf)).toMatch(/NotoSansSC\w*-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('prints Arabic letters as text, with Noto Sans Arabic embedded', async () => {
    const pdf = await familyPdf('ar');
    const text = await pdfText(pdf, false);
    const arabicLetters = text.match(/[\u0621-\u064a]/g) ?? [];

    expect(arabicLetters.length).toBeGreaterThan(500);
    expect(text).toContain('تقرير تقدم');
    expect(text).toContain('Rosa Quill');
    expect(text).toContain('i.okafor@maple.example.org');
    expect(await pdfFonts(pdf)).toMatch(/NotoSansArabic-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });
});

describe('IEP progress report PDF', () => {
  it('prints the goal, its code and narrative in English, and Arabic letters in Arabic', async () => {
    const request = { today: '2026-11-20' };
    const en = await pdfText(
      (await iepProgressReportPdf(store.db, ines.studentId, { ...request, lang: 'en' }))!,
    );
    const ar = await pdfText(
      (await iepProgressReportPdf(store.db, ines.studentId, { ...request, lang: 'ar' }))!,
      false,
    );
    const zh = (
      await pdfText(
        (await iepProgressReportPdf(store.db, ines.studentId, { ...request, lang: 'zh' }))!,
      )
    ).replace(/ /g, '');

    expect(en).toContain('Date sent: November 10, 2026');
    expect(en).toContain(
      'Good progress (Sufficient progress): The progress is enough to meet the goal on time.',
    );
    expect(en).toContain('Ines reads 27 words correctly per minute, up from 20.');
    expect((ar.match(/[\u0621-\u064a]/g) ?? []).length).toBeGreaterThan(200);
    expect(zh).toContain('如何衡量进步');
    expect(zh).toContain('进步良好');
  });
});

describe('IEP progress graph in the PDF', () => {
  it('prints the Arabic graph’s legend and axis in Arabic, not in English', async () => {
    const pdf = async (lang: ReportLang): Promise<Buffer> =>
      (await iepProgressReportPdf(store.db, ines.studentId, { today: '2026-11-20', lang }))!;
    const en = await pdfText(await pdf('en'));
    const text = await pdfText(await pdf('ar'), false);

    expect(en).toContain('Data Goal line Trend Projection Criterion');
    for (const english of ['Data', 'Goal line', 'Trend', 'Date', 'Decision', 'in English)']) {
      expect(text).not.toContain(english);
    }
    expect(text).toContain('خط الهدف');
    expect(text).toContain('البيانات');
    expect(text).toContain('المعيار ≥');
    expect(text.replace(/ /g, '')).toContain('ديسمبر');
  });
});

describe('report pages and accessibility', () => {
  let browser: Browser;
  const axeSource = fs.readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser.close();
  });

  async function violations(html: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      await page.addScriptTag({ content: axeSource });
      return await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
        ).axe;
        return (await axe.run()).violations.map((violation) => violation.id);
      });
    } finally {
      await page.close();
    }
  }

  it.each(['en', 'es', 'vi', 'zh', 'ar'] as const)(
    'finds no axe violations on the %s family and IEP reports',
    async (lang) => {
      const family = (await familyReportHtml(store.db, 'student-rosa', { ...period, lang }))!;
      const iep = (await iepProgressReportHtml(store.db, ines.studentId, {
        today: '2026-11-20',
        lang,
      }))!;

      expect(await violations(family), `family ${lang}`).toEqual([]);
      expect(await violations(iep), `iep ${lang}`).toEqual([]);
    },
  );

  it('mirrors the Arabic page: text starts at the right edge', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        (await familyReportHtml(store.db, 'student-rosa', { ...period, lang: 'ar' }))!,
      );
      const sides = await page.evaluate(() => {
        const h1 = document.querySelector('h1')!.getBoundingClientRect();
        const dt = document.querySelector('.fact dt')!.getBoundingClientRect();
        const dd = document.querySelector('.fact dd')!.getBoundingClientRect();
        return {
          h1Right: h1.right,
          width: document.body.clientWidth,
          dtRight: dt.right,
          ddRight: dd.right,
        };
      });

      expect(sides.dtRight).toBeGreaterThan(sides.ddRight);
      expect(sides.h1Right).toBeGreaterThan(sides.width / 2);
    } finally {
      await page.close();
    }
  });
});

describe('family report batch', () => {
  it('writes one PDF per student and guardian language, and lists the student that failed', async () => {
    const outDir = fs.mkdtempSync(path.join(dir, 'batch-'));
    // A folder where Chen's PDF should go makes writing it fail.
    fs.mkdirSync(path.join(outDir, '604824-en.pdf'));
    const seen: BatchProgress[] = [];

    const result = await generateFamilyReports(
      store.db,
      { scope: { classId: 'class-math-5a' }, lang: 'guardian', outDir, ...period },
      (progress) => seen.push(progress),
    );

    expect(result.written.map((file) => path.basename(file))).toEqual([
      '604822-ar.pdf',
      '604823-es.pdf',
      '604823-vi.pdf',
    ]);
    expect(result.failures.map((f) => [f.sourceId, f.lang, f.problem.split(':')[0]])).toEqual([
      ['604824', 'en', 'EISDIR'],
    ]);
    expect(seen.map((p) => `${p.done} of ${p.total}`)).toEqual([
      '1 of 4',
      '2 of 4',
      '3 of 4',
      '4 of 4',
    ]);
    expect(await pdfText(fs.readFileSync(path.join(outDir, '604823-vi.pdf')))).toContain(
      'Báo cáo tiến bộ của Bao Tran',
    );
  });
});

describe('trellis report commands', () => {
  const cli = (args: string[]) =>
    run('npx', ['tsx', 'src/cli/main.ts', 'report', ...args], {
      env: { ...process.env, DATABASE_URL: store.url, LOG_LEVEL: 'silent' },
    }).then(
      (done): { code: number; stdout: string; stderr: string } => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('writes a class batch with progress on standard error, exit 1 listing the failure', async () => {
    const outDir = fs.mkdtempSync(path.join(dir, 'cli-'));
    fs.mkdirSync(path.join(outDir, '604824-en.pdf'));
    const result = await cli([
      'family',
      '--class',
      'MATH-5A',
      '--lang',
      'en',
      '--out-dir',
      outDir,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--date',
      '2026-10-20',
    ]);

    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain('1 of 3: 604822 (en) done');
    expect(result.stderr).toContain('3 of 3: 604824 (en) failed: EISDIR');
    expect(result.stderr).toContain('trellis report: 1 failed:\n  604824 (en): EISDIR');
    expect(result.stdout).toContain(`2 family reports written to ${outDir}`);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      '604822-en.pdf',
      '604823-en.pdf',
      '604824-en.pdf',
    ]);
  });

  it('writes the IEP progress report in the language asked for', async () => {
    const out = path.join(dir, 'iep.pdf');
    const result = await cli([
      'iep-progress',
      '--student',
      ines.sourceId,
      '--lang',
      'zh-Hans',
      '--date',
      '2026-11-20',
      '--out',
      out,
    ]);

    expect(result.stdout).toContain(`written to ${out}`);
    expect((await pdfText(fs.readFileSync(out))).replace(/ /g, '')).toContain('的IEP进步报告');
  });

  it('exits 1 naming the option for each bad input', async () => {
    const out = path.join(dir, 'x.pdf');
    const outcomes = await Promise.all([
      cli(['family', '--student', '604822', '--lang', 'fr', '--out', out]),
      cli(['family', '--student', '604822', '--from', '2026-02-30', '--out', out]),
      cli([
        'family',
        '--student',
        '604822',
        '--from',
        '2026-11-01',
        '--to',
        '2026-10-01',
        '--out',
        out,
      ]),
      cli(['family', '--class', 'NO-SUCH-CLASS', '--out-dir', dir]),
      cli(['family', '--class', 'MATH-5A', '--school', 'school-maple', '--out-dir', dir]),
      cli(['family', '--school', 'school-maple']),
      cli(['family', '--out', out]),
      cli(['iep-progress', '--student', '000000', '--out', out]),
    ]);

    expect(outcomes.map((outcome) => [outcome.code, outcome.stderr.trim()])).toEqual([
      [1, 'trellis report: --lang: "fr" is not a report language; choose en, es, vi, zh, ar'],
      [1, 'trellis report: --from: "2026-02-30" is not a date; write it as YYYY-MM-DD'],
      [1, 'trellis report: --from: 2026-11-01 is after --to 2026-10-01'],
      [1, 'trellis report: --class: no class "NO-SUCH-CLASS"'],
      [1, 'trellis report: --class: give either --class or --school, not both'],
      [1, 'trellis report: --out-dir: say which folder the PDFs go to'],
      [1, 'trellis report: --student: say whose report to write (--student, --class or --school)'],
      [1, 'trellis report: --student: no student with identifier "000000"'],
    ]);
  });
});
