/**
 * The family report of one student, as an HTML page or a PDF with the same content. The web
 * app's routes and the `trellis report family` command call these two functions.
 */
import type { Kysely } from 'kysely';
import { loadFamilyReportData } from '../../store/family-report.queries.js';
import type { Database } from '../../store/schema.js';
import { directionOf, reportLangOf, translator, type ReportLang } from '../i18n/index.js';
import { renderPdf, type PaperSize } from '../pdf.js';
import { buildFamilyReportModel } from './family-report.model.js';
import { renderFamilyReportHtml } from './family-report.view.js';

/** How to make a family report. */
export interface FamilyReportRequest {
  /** The report language; the student's preferred language (else English) when absent. */
  readonly lang?: ReportLang;
  /** The day the report is dated, as an ISO date; today (UTC) when absent. */
  readonly today?: string;
  /** Paper for the PDF; Letter when absent. */
  readonly paper?: PaperSize;
}

/** The family report as a whole HTML document, or null when there is no such student. */
export async function familyReportHtml(
  db: Kysely<Database>,
  studentId: string,
  request: FamilyReportRequest = {},
): Promise<string | null> {
  const report = await buildReport(db, studentId, request);
  return report?.html ?? null;
}

/** The family report as a PDF, or null when there is no such student. */
export async function familyReportPdf(
  db: Kysely<Database>,
  studentId: string,
  request: FamilyReportRequest = {},
): Promise<Buffer | null> {
  const report = await buildReport(db, studentId, request);
  if (!report) return null;

  return renderPdf(report.html, {
    paper: request.paper ?? 'Letter',
    footerHtml: pageFooter(report.lang),
  });
}

async function buildReport(
  db: Kysely<Database>,
  studentId: string,
  request: FamilyReportRequest,
): Promise<{ html: string; lang: ReportLang } | null> {
  const data = await loadFamilyReportData(db, studentId);
  if (!data) return null;

  const lang = request.lang ?? reportLangOf(data.student.preferredLanguage) ?? 'en';
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  return { html: renderFamilyReportHtml(buildFamilyReportModel(data, { lang, today })), lang };
}

/** "Page 1 of 2" in the report's language, in Chromium's footer template form. */
function pageFooter(lang: ReportLang): string {
  const text = translator(lang)('report.page', {
    page: '<span class="pageNumber"></span>',
    total: '<span class="totalPages"></span>',
  });
  const style = 'width:100%;font-size:8pt;color:#444;text-align:center;font-family:sans-serif';
  return `<div lang="${lang}" dir="${directionOf(lang)}" style="${style}">${text}</div>`;
}
