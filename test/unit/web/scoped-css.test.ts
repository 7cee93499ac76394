import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { styleAttributeHashes } from '../../../src/server/report-page.js';
import { REPORT_CSS } from '../../../src/reports/family/family-report.view.js';
import { scopeCss, scopeSelectors } from '../../../src/web/scoped-css.js';

describe('scoping a report style sheet to one element', () => {
  it.each([
    ['h2, h3', '.r h2, .r h3'],
    [':root', '.r'],
    ['body', '.r'],
    [':lang(zh-Hans) body', '.r:lang(zh-Hans)'],
    ["[dir='rtl'] .shape", ".r[dir='rtl'] .shape, .r [dir='rtl'] .shape"],
    ['.legend-list li', '.r .legend-list li'],
    ['*', '.r *'],
  ])('prefixes %s as %s', (selector, scoped) => {
    expect(scopeSelectors(selector, '.r')).toBe(scoped);
  });

  it('keeps @media blocks with their rules scoped and drops @page', () => {
    const css = '@page { margin: 1cm; } @media print { h1 { a: b; } } p { c: d; }';
    expect(scopeCss(css, '.r')).toBe('@media print {\n.r h1 { a: b; }\n}\n.r p { c: d; }');
  });

  it('leaves no rule of the family report unscoped', () => {
    const scoped = scopeCss(REPORT_CSS, '.family-report');
    const selectors = [...scoped.matchAll(/(?:^|\})\s*([^{}@]+)\{/g)].map((m) => m[1]!.trim());
    expect(selectors.length).toBeGreaterThan(40);
    for (const selector of selectors) {
      for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.family-report/);
    }
    expect(scoped).not.toContain('@page');
  });
});

describe('hashing style attributes for the content security policy', () => {
  it('hashes each distinct value once, after decoding character references', () => {
    const document =
      '<span style="background-color: #d5f0d8">a</span><span style="background-color: #d5f0d8">' +
      'b</span><svg style="font-family: &quot;Noto&quot;"></svg>';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(styleAttributeHashes(document)).toEqual([
      sha('background-color: #d5f0d8'),
      sha('font-family: "Noto"'),
    ]);
  });
});
