import { describe, expect, it } from 'vitest';
import {
  buildFamilyReportModel,
  type PeriodLevel,
} from '../../../src/reports/family/family-report.model.js';
import { renderFamilyReportHtml } from '../../../src/reports/family/family-report.view.js';
import type { ReportLang } from '../../../src/reports/i18n/index.js';
import { reportData } from './family-report.fixture.js';

const period = { from: '2026-10-01', to: '2026-10-31', source: 'given' } as const;

/** Decimals rose from 2 to 3 in the period: one milestone. */
const periodLevels: PeriodLevel[] = [
  {
    standardId: 'std-CCSS.Math.Content.5.NBT.A.3',
    startLevel: 2,
    startMastered: false,
    endLevel: 3,
    endMastered: true,
  },
  {
    standardId: 'std-CCSS.Math.Content.5.MD.C.5',
    startLevel: 4,
    startMastered: true,
    endLevel: 4,
    endMastered: true,
  },
];

function page(lang: ReportLang): string {
  const data = reportData({
    teachers: [
      {
        id: 't1',
        name: 'Imani Okafor',
        email: 'i.okafor@maple.example.org',
        classTitle: 'Math 5A',
      },
    ],
    contact: { phone: '+1 555 0100', email: null, conferenceUrl: null },
  });
  return renderFamilyReportHtml(
    buildFamilyReportModel(data, { lang, today: '2026-10-20', period, periodLevels }),
  );
}

function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('family report in each language', () => {
  it.each([
    ['en', 'en', 'ltr', 'How to read this report', 'Rosa reached the goal in 1 new skill.'],
    ['es', 'es', 'ltr', 'Cómo leer este informe', 'Rosa alcanzó la meta en 1 destreza nueva.'],
    ['vi', 'vi', 'ltr', 'Cách đọc báo cáo này', 'Rosa đã đạt mục tiêu ở 1 kỹ năng mới.'],
    ['zh', 'zh-Hans', 'ltr', '如何阅读这份报告', 'Rosa在1项新技能上达到了目标。'],
    ['ar', 'ar', 'rtl', 'كيف تقرأ هذا التقرير', 'Rosa: تحقق الهدف في مهارة جديدة واحدة.'],
  ] as const)(
    'writes %s with its lang and dir, its own labels and its plural forms',
    (lang, htmlLang, dir, legendTitle, milestone) => {
      const html = page(lang);
      const text = textOf(html);

      expect(html.startsWith(`<!doctype html>\n<html lang="${htmlLang}" dir="${dir}">`)).toBe(true);
      expect(text).toContain(legendTitle);
      expect(text).toContain(milestone);
    },
  );

  it('counts skills with each language’s plural rule in the summary', () => {
    expect(textOf(page('en'))).toContain('Rosa has reached the goal in 2 of 3 skills.');
    expect(textOf(page('es'))).toContain('Rosa alcanzó la meta en 2 de 3 destrezas.');
    expect(textOf(page('vi'))).toContain('Rosa đã đạt mục tiêu ở 2 trên 3 kỹ năng.');
    expect(textOf(page('zh'))).toContain('Rosa在2项技能上达到了目标（共3项）。');
    expect(textOf(page('ar'))).toContain('Rosa: تحقق الهدف في 2 من أصل 3 مهارات.');
  });

  it('celebrates the milestone first, before the legend', () => {
    const text = textOf(page('en'));
    const celebrated = text.indexOf('Goals reached this period');

    expect(celebrated).toBeGreaterThan(text.indexOf('Rosa has reached the goal in 2 of 3 skills.'));
    expect(celebrated).toBeLessThan(text.indexOf('How to read this report'));
    expect(text).toContain(
      'Proficient Family wording of CCSS.Math.Content.5.NBT.A.3. How to read this report',
    );
  });

  it('shows where each standard started the period and whether it is on track', () => {
    const text = textOf(page('en'));

    expect(text).toContain('Start of this period Developing On track? Yes. The goal is reached.');
    expect(text).toContain(
      'Level now Beginning Not at the goal yet On track? It is too soon to tell.',
    );
  });

  it('keeps addresses, numbers and English names left to right on an Arabic page', () => {
    const html = page('ar');

    expect(html).toContain('<bdi dir="ltr" class="ltr">+1 555 0100</bdi>');
    expect(html).toContain('<bdi dir="auto">Imani Okafor (Math 5A)</bdi>');
    expect(html).toContain('<span lang="en" dir="ltr">Family wording of');
    expect(html).toContain('<dd class="feedback" dir="auto">Find a common denominator first.</dd>');
    expect(textOf(html)).toContain('(بالإنجليزية)');
  });

  it('offers one thing to try at home from the next step furthest from the goal', () => {
    const text = textOf(page('en'));

    expect(text).toContain(
      'One thing to try at home Ask Rosa to show you this skill. Then try the next step together for a few minutes. Skill Family wording of CCSS.Math.Content.5.NF.A.1. Next step Find a common denominator first.',
    );
  });

  it('says how to reach the teacher and the school, and how to book a meeting', () => {
    const text = textOf(page('es'));

    expect(text).toContain('Hable con el maestro o la maestra');
    expect(text).toContain(
      'Docente Imani Okafor (Math 5A) · Correo electrónico: i.okafor@maple.example.org',
    );
    expect(text).toContain('Teléfono de la escuela +1 555 0100');
    expect(text).toContain('¿Quiere reunirse? Llame o escriba para elegir una hora.');
    expect(text).toContain('Puede pedir un intérprete gratis.');
  });

  it('writes labels with a full-width colon in Chinese', () => {
    expect(textOf(page('zh'))).toMatch(/领域：\s*Math problem solving/);
    expect(textOf(page('en'))).toContain('Area: Math problem solving');
  });
});
