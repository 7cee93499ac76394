import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iepProgressReportHtml } from '../../src/reports/iep/iep-progress-report.js';
import { seedIepReportStudent, type IepReportSeed } from '../support/iep-report-seed.js';
import { createTestStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let seed: IepReportSeed;

beforeAll(async () => {
  store = await createTestStore();
  seed = await seedIepReportStudent(store.db);
});

afterAll(async () => {
  await store.destroy();
});

function textOf(page: string): string {
  return page
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' [graph] ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('IEP progress report', () => {
  it('reports every goal for the last reporting period, with the date it was sent', async () => {
    const html = (await iepProgressReportHtml(store.db, seed.studentId, {
      lang: 'en',
      today: '2026-11-20',
    }))!;
    const text = textOf(html);

    expect(text).toContain('IEP progress report for Ines');
    expect(text).toContain('This report covers September 1, 2026 to November 6, 2026.');
    expect(text).toContain('Date sent: November 10, 2026');
    expect(text).toContain('Goal 1: Reading fluency');
    expect(text).toContain(
      'How progress was measured We count how many times it happens. (words correct)',
    );
    expect(text).toContain(
      'There are 8 data points for this period. Last value: 27 on November 2, 2026. Lowest: 20. Highest: 28. Goal line on November 6, 2026: 28.57.',
    );
    expect(text).toContain(
      'Progress code Good progress (Sufficient progress): The progress is enough to meet the goal on time.',
    );
    expect(text).toContain(
      'Notes from the team Ines reads 27 words correctly per minute, up from 20. She reads more smoothly.',
    );
    expect(text).toContain(
      'Short-term steps Step 1: By November, Ines will read 28 words correctly per minute.',
    );
    expect(html).toContain('<figure class="graph" lang="en" dir="ltr">');
    expect(html).toContain('role="img"');
  });

  it('writes Arabic right to left and the graph left to right with its words in Arabic', async () => {
    const html = (await iepProgressReportHtml(store.db, seed.studentId, {
      lang: 'ar',
      today: '2026-11-20',
    }))!;
    const text = textOf(html);

    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(text).toContain('رمز التقدم تقدم جيد');
    expect(text).toContain('توجد 8 قياسات لهذه الفترة.');
    expect(text).toContain('(بالإنجليزية)');
    expect(html).toContain('<figure class="graph" lang="ar" dir="ltr">');
    expect(html).not.toContain('<figcaption');
    expect(html).toContain('<th scope="col">التاريخ</th>');
    expect(html).toMatch(
      /<g class="legend"[^>]*>.*>\u2067البيانات\u2069<\/text>.*>\u2067خط الهدف\u2069<\/text>/,
    );
  });

  it('uses the guardian’s language and the period asked for', async () => {
    const html = (await iepProgressReportHtml(store.db, seed.studentId, {
      today: '2026-11-20',
      from: '2026-10-01',
      to: '2026-10-31',
    }))!;
    const text = textOf(html);

    expect(html).toContain('<html lang="vi" dir="ltr">');
    expect(text).toContain('Có 4 lần đo trong kỳ này. Lần đo gần nhất: 28 vào 26 tháng 10, 2026.');
    expect(text).toContain('Mã tiến bộ');
  });

  it('answers null for a student that does not exist', async () => {
    expect(await iepProgressReportHtml(store.db, 'student-nobody')).toBeNull();
  });
});
