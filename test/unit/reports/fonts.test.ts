import { describe, expect, it } from 'vitest';
import { embeddedFontCss, parseRanges } from '../../../src/reports/fonts.js';

function familiesIn(css: string): string[] {
  return [
    ...new Set([...css.matchAll(/font-family: '([^']+)'/g)].map(([, family]) => family ?? '')),
  ];
}

describe('embedded report fonts', () => {
  it('reads CSS unicode ranges, wildcards included', () => {
    expect(parseRanges('U+0000-00FF,U+0131,U+4E??')).toEqual([
      [0, 255],
      [305, 305],
      [0x4e00, 0x4eff],
    ]);
  });

  it('embeds only Noto Sans for Latin text, in regular and bold', () => {
    const css = embeddedFontCss('Próximo paso: ¿Tiene preguntas?');

    expect(familiesIn(css)).toEqual(['Noto Sans']);
    expect(css).toMatch(/font-weight: 400;[\s\S]*font-weight: 700;/);
    expect(css).toContain('src: url(data:font/woff2;base64,');
  });

  it('adds Noto Sans Arabic for Arabic text and Noto Sans SC for Chinese text', () => {
    expect(familiesIn(embeddedFontCss('تقرير التقدم'))).toEqual(['Noto Sans', 'Noto Sans Arabic']);
    expect(familiesIn(embeddedFontCss('进度报告'))).toContain('Noto Sans SC');
  });
});
