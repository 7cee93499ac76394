/**
 * Prints report HTML to PDF with Chromium (through playwright-core): tagged for screen readers,
 * with backgrounds, an outline from the headings, and the Noto fonts the text needs embedded.
 * One browser serves every PDF of the process; `closePdfBrowser` ends it.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { logger } from '../logger.js';
import { embeddedFontCss } from './fonts.js';

/** Paper sizes a report prints on. */
export type PaperSize = 'Letter' | 'A4';

/** How to print one PDF. */
export interface PdfOptions {
  /** Letter unless told otherwise. */
  readonly paper?: PaperSize;
  /**
   * A footer line in Chromium's header/footer template HTML: spans with the classes pageNumber
   * and totalPages are filled in per page. No footer when absent.
   */
  readonly footerHtml?: string;
}

/** Chromium could not be found or started. */
export class ChromiumUnavailableError extends Error {
  override readonly name = 'ChromiumUnavailableError';
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Same margins as the report style sheet's @page rule; the footer sits in the bottom margin.
const MARGIN = { top: '16mm', right: '15mm', bottom: '18mm', left: '15mm' };

const log = logger('report');
let shared: Promise<Browser> | null = null;

/** Prints one HTML document to a PDF. Throws ChromiumUnavailableError when there is no Chromium. */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({ javaScriptEnabled: false });

  try {
    const page = await context.newPage();
    // The report is self-contained: anything it would fetch from elsewhere is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(withFonts(html), { waitUntil: 'load' });

    const started = Date.now();
    const pdf = await page.pdf({
      format: options.paper ?? 'Letter',
      printBackground: true,
      tagged: true,
      outline: true,
      margin: MARGIN,
      displayHeaderFooter: options.footerHtml !== undefined,
      headerTemplate: '<span></span>',
      footerTemplate: options.footerHtml ?? '<span></span>',
    });
    log.debug({ bytes: pdf.length, ms: Date.now() - started }, 'pdf printed');
    return pdf;
  } finally {
    await context.close();
  }
}

/** Closes the shared browser, if one was started. Safe to call more than once. */
export async function closePdfBrowser(): Promise<void> {
  const pending = shared;
  shared = null;
  if (!pending) return;
  const browser = await pending.catch(() => null);
  await browser?.close();
}

/** The Chromium to launch: CHROMIUM_PATH, else the Debian package's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw new ChromiumUnavailableError(
      `CHROMIUM_PATH is ${configured}, but there is no file there; point it at a Chromium binary`,
    );
  }
  if (fs.existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  throw new ChromiumUnavailableError(
    'PDFs need Chromium, and none was found at /usr/bin/chromium. Install it ' +
      '(Debian or Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.',
  );
}

function sharedBrowser(): Promise<Browser> {
  if (shared) return shared;

  const launching = launch();
  shared = launching;
  launching.then(
    (browser) =>
      browser.on('disconnected', () => {
        if (shared === launching) shared = null;
      }),
    () => {
      if (shared === launching) shared = null;
    },
  );
  return launching;
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new ChromiumUnavailableError(
      `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/** The document with @font-face rules for the Noto fonts its characters need. */
function withFonts(html: string): string {
  const style = `<style>\n${embeddedFontCss(html)}\n</style>`;
  const head = html.indexOf('</head>');
  return head === -1 ? `${style}${html}` : `${html.slice(0, head)}${style}${html.slice(head)}`;
}
