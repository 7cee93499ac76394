import { describe, expect, it } from 'vitest';
import { buildFamilyReportModel } from '../../../src/reports/family/family-report.model.js';
import { renderFamilyReportHtml } from '../../../src/reports/family/family-report.view.js';
import type { ReportLang } from '../../../src/reports/i18n/index.js';
import { reportData } from './family-report.fixture.js';

function html(lang: ReportLang = 'en'): string {
  return renderFamilyReportHtml(
    buildFamilyReportModel(reportData(), { lang, today: '2026-10-20' }),
  );
}

/** The text of the page with tags removed and spaces collapsed, as a reader meets it. */
function textOf(page: string): string {
  return page
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('family report view', () => {
  it('is a whole English document with language and direction set', () => {
    const page = html();

    expect(page.startsWith('<!doctype html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(page).toContain('<title>Progress report for Rosa Quill</title>');
    expect(page).toContain('<h1>Progress report for Rosa Quill</h1>');
  });

  it('shows each level with a color, a word and a distinct shape', () => {
    const page = html();
    const badges = [
      ...page.matchAll(
        /<span class="level" style="background-color: (#[0-9a-f]+)">(.*?)<\/span><\/span>/g,
      ),
    ];
    const legend = badges.slice(0, 4).map(([, color, inner = '']) => ({
      color,
      word: /<span class="level-word">([^<]*)/.exec(inner)?.[1],
      shape:
        /<path d="([^"]*)"/.exec(inner)?.[1] ??
        (inner.includes('r="6.5" fill="#1a1a1a"') ? 'full' : 'empty'),
    }));

    expect(legend.map((badge) => [badge.color, badge.word])).toEqual([
      ['#fde2d4', 'Beginning'],
      ['#fff1c2', 'Developing'],
      ['#d5f0d8', 'Proficient'],
      ['#d6e6fb', 'Extending'],
    ]);
    expect(new Set(legend.map((badge) => badge.shape)).size).toBe(4);
    expect(legend[0]?.shape).toBe('empty');
    expect(legend[3]?.shape).toBe('full');
  });

  it('leads with the answer, then the legend, then each standard', () => {
    const text = textOf(html());

    const summary = text.indexOf('Rosa has reached the goal in 2 of 3 skills.');
    const legend = text.indexOf('How to read this report');
    const standards = text.indexOf('Where Rosa is now');
    expect(summary).toBeGreaterThan(0);
    expect(legend).toBeGreaterThan(summary);
    expect(standards).toBeGreaterThan(legend);
    expect(text).toContain(
      'Proficient Your child has learned this and does it on their own. This is the goal.',
    );
    expect(text).toContain('Level now Beginning Not at the goal yet');
    expect(text).toContain('Next step Find a common denominator first.');
  });

  it('keeps hostile feedback inert and literal', () => {
    const page = html();

    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}');
    expect(textOf(page)).not.toMatch(/\b49\b/);
  });

  it('lists IEP goals with start, target and goal date', () => {
    const text = textOf(html());

    expect(text).toContain('IEP goals');
    expect(text).toContain('Area: Math problem solving');
    expect(text).toContain('Start 40% Target 80% Goal date June 11, 2027');
  });

  it('writes Spanish labels with lang=es and marks English text as untranslated', () => {
    const page = html('es');
    const text = textOf(page);

    expect(page).toContain('<html lang="es" dir="ltr">');
    expect(text).toContain('Informe de progreso de Rosa Quill');
    expect(text).toContain('Cómo leer este informe');
    expect(text).toContain('Nivel actual Inicial Todavía no alcanza la meta');
    expect(text).toContain('Próximo paso');
    expect(page).toContain('<span lang="en" dir="ltr">Math problem solving</span>');
    expect(text).toContain('Math problem solving (en inglés)');
    expect(text).toContain('Algunos textos todavía no tienen traducción.');
  });

  it('sets dir="rtl" on the page for a right-to-left language', () => {
    const model = buildFamilyReportModel(reportData(), { lang: 'en', today: '2026-10-20' });
    const page = renderFamilyReportHtml({ ...model, dir: 'rtl' });

    expect(page).toContain('<html lang="en" dir="rtl">');
  });
});
