/**
 * Noto Sans for printed reports, read from the @fontsource packages at render time and
 * embedded as data: URLs, so a PDF carries the fonts its text needs and that text stays
 * selectable in every script (Latin, Arabic, Chinese). Only the subsets a page's characters
 * fall in are embedded: a Spanish report carries a few Latin files, not all of Chinese.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One @font-face rule of a @fontsource package. */
interface FontFace {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  readonly file: string;
  /** The rule's unicode-range as it was written, e.g. "U+0000-00FF,U+0131". */
  readonly rangeText: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

/** The font stack of the report style sheet, in fallback order, and the weights it uses. */
const PACKAGES = [
  '@fontsource/noto-sans',
  '@fontsource/noto-sans-arabic',
  '@fontsource/noto-sans-sc',
];
const WEIGHTS = ['400', '700'];

let facesCache: readonly (readonly FontFace[])[] | null = null;
const dataUrlCache = new Map<string, string>();

/**
 * The @font-face rules, with the fonts inline, that cover the characters of `text`. A family
 * is embedded only for characters the families before it in the stack do not cover.
 */
export function embeddedFontCss(text: string): string {
  let remaining = new Set(codePointsOf(text));
  const rules: string[] = [];

  for (const faces of fontFamilies()) {
    const needed = faces.filter((face) => coversAny(face, remaining));
    rules.push(...needed.map(fontFaceRule));
    remaining = new Set(
      [...remaining].filter((point) => !faces.some((face) => covers(face, point))),
    );
  }
  return rules.join('\n');
}

function fontFamilies(): readonly (readonly FontFace[])[] {
  facesCache ??= PACKAGES.map((name) => WEIGHTS.flatMap((weight) => readFaces(name, weight)));
  return facesCache;
}

/** Reads the @font-face rules of one package's style sheet for one weight. */
function readFaces(packageName: string, weight: string): FontFace[] {
  const require = createRequire(import.meta.url);
  const cssFile = require.resolve(`${packageName}/${weight}.css`);
  const css = fs.readFileSync(cssFile, 'utf8');

  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body = '']) => {
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const file = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
    const rangeText = /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.trim();
    if (!family || !file || !rangeText) return [];

    const style = /font-style:\s*(\w+)/.exec(body)?.[1] ?? 'normal';
    const absolute = path.resolve(path.dirname(cssFile), file);
    return [{ family, weight, style, file: absolute, rangeText, ranges: parseRanges(rangeText) }];
  });
}

/**
 * The code point ranges of a CSS unicode-range.
 * Example: "U+0000-00FF,U+0131,U+4E??" gives [[0, 255], [305, 305], [0x4e00, 0x4eff]].
 */
export function parseRanges(rangeText: string): Array<[number, number]> {
  return rangeText.split(',').flatMap((part) => {
    const value = part.trim().replace(/^U\+/i, '');
    if (value.includes('?')) {
      return [[parseInt(value.replaceAll('?', '0'), 16), parseInt(value.replaceAll('?', 'F'), 16)]];
    }
    const [low = '', high = low] = value.split('-');
    const range: [number, number] = [parseInt(low, 16), parseInt(high, 16)];
    return Number.isNaN(range[0]) || Number.isNaN(range[1]) ? [] : [range];
  });
}

function codePointsOf(text: string): number[] {
  const points = new Set<number>();
  for (const char of text) points.add(char.codePointAt(0) ?? 0);
  return [...points];
}

function covers(face: FontFace, point: number): boolean {
  return face.ranges.some(([low, high]) => point >= low && point <= high);
}

function coversAny(face: FontFace, points: ReadonlySet<number>): boolean {
  for (const point of points) if (covers(face, point)) return true;
  return false;
}

function fontFaceRule(face: FontFace): string {
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    `  src: url(${dataUrl(face.file)}) format('woff2');`,
    `  unicode-range: ${face.rangeText};`,
    '}',
  ].join('\n');
}

function dataUrl(file: string): string {
  let url = dataUrlCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrlCache.set(file, url);
  }
  return url;
}
