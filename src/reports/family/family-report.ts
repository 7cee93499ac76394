/**
 * The family report of one student, as an HTML page or a PDF with the same content. The web
 * app's routes, the `trellis report family` command and the batch job call these functions.
 * The reporting period's start and end levels come from the mastery engine (masteryAsOf).
 */
import type { Kysely } from 'kysely';
import { levelFor, masteryLevel } from '../../domain/scale.js';
import { nextLevelToReach } from '../../services/mastery-detail.service.js';
import { explainMastery, masteryAsOf, type MasteryOnDate } from '../../services/mastery.service.js';
import { listUnreleasedEvidenceIds } from '../../store/records.repository.js';
import {
  loadFamilyReportData,
  loadReportSessions,
  type FamilyReportData,
} from '../../store/family-report.queries.js';
import type { Database } from '../../store/schema.js';
import { embeddedFontCss } from '../fonts.js';
import { directionOf, htmlLangOf, translator, type ReportLang } from '../i18n/index.js';
import { renderPdf, type PaperSize } from '../pdf.js';
import {
  buildFamilyReportModel,
  type FamilyReportModel,
  preferredReportLang,
  type EngineStandard,
  reportScale,
  type PeriodLevel,
  type ReportPeriod,
} from './family-report.model.js';
import { renderFamilyReportHtml } from './family-report.view.js';
import { addDays, resolvePeriod } from './report-period.js';
import { buildWorkSamples, loadSharedWork } from './work-samples.js';

/** How to make a family report. */
export interface FamilyReportRequest {
  /** The report language; the guardian's (else the student's) preferred language when absent. */
  readonly lang?: ReportLang;
  /** The day the report is dated, as an ISO date; today (UTC) when absent. */
  readonly today?: string;
  /** First day of the reporting period; see resolvePeriod for the default. */
  readonly from?: string;
  /** Last day of the reporting period; see resolvePeriod for the default. */
  readonly to?: string;
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
  const model = await familyReportModel(db, studentId, request);
  return model && { html: renderFamilyReportHtml(model), lang: model.lang };
}

/**
 * The family report's model (what the page and the PDF show), or null when there is no such
 * student: for the web app, which shows the report inside its own frame.
 */
export async function familyReportModel(
  db: Kysely<Database>,
  studentId: string,
  request: FamilyReportRequest = {},
): Promise<FamilyReportModel | null> {
  const stored = await loadFamilyReportData(db, studentId);
  if (!stored) return null;

  // A family reads only what staff have released: levels leave held-back evidence out.
  const unreleased = await listUnreleasedEvidenceIds(db, stored.student.id);
  const engine = await loadEngineStandards(db, stored, unreleased);
  const data = unreleased.size === 0 ? stored : withReleasedLevels(stored, engine);

  const lang = request.lang ?? preferredReportLang(data);
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  const sessions = await loadReportSessions(db, data.student.schoolId);
  const period = resolvePeriod(request, sessions, today);
  const periodLevels = await loadPeriodLevels(db, data, period, unreleased);
  // Work samples: a separate section, see work-samples.ts.
  const shared = await loadSharedWork(db, data.student.id);
  const workSamples = buildWorkSamples(shared, lang, data.student.givenName);
  const options = { lang, today, period, periodLevels, engine, workSamples };
  return buildFamilyReportModel(data, options);
}

/**
 * Each standard's level at the start of the period (the end of the day before it) and at its
 * end, read on the report's scale; a teacher's override in force that day is the level.
 */
export async function loadPeriodLevels(
  db: Kysely<Database>,
  data: FamilyReportData,
  period: ReportPeriod,
  unreleased: ReadonlySet<number> = new Set(),
): Promise<PeriodLevel[]> {
  const options = { leaveOut: unreleased };
  const [start, end] = await Promise.all([
    masteryAsOf(db, data.student.id, addDays(period.from, -1), options),
    masteryAsOf(db, data.student.id, period.to, options),
  ]);
  const scale = reportScale(data);
  const goal = masteryLevel(scale).value;
  const levelOf = (found: MasteryOnDate | undefined): number | null =>
    found?.override?.levelValue ?? levelFor(scale, found?.score ?? null)?.value ?? null;

  return end.map((atEnd) => {
    const atStart = start.find((row) => row.standardId === atEnd.standardId);
    const startLevel = levelOf(atStart);
    const endLevel = levelOf(atEnd);
    return {
      standardId: atEnd.standardId,
      startLevel,
      startMastered: startLevel !== null && startLevel >= goal,
      endLevel,
      endMastered: endLevel !== null && endLevel >= goal,
    };
  });
}

/**
 * Each standard's override in force and what's next, from the mastery engine (one
 * explanation per standard on the report).
 */
export async function loadEngineStandards(
  db: Kysely<Database>,
  data: FamilyReportData,
  unreleased: ReadonlySet<number> = new Set(),
): Promise<EngineStandard[]> {
  const ids = [...new Set(data.standards.map((standard) => standard.standardId))];
  const lines: EngineStandard[] = [];
  for (const standardId of ids) {
    const explained = await explainMastery(db, data.student.id, standardId, {
      leaveOut: unreleased,
    });
    lines.push({
      released: {
        method: explained.policy.method,
        score: explained.score,
        levelValue: explained.level?.value ?? null,
        evidenceCount: explained.evidence.filter((e) => e.status === 'counted').length,
      },
      standardId,
      override: explained.override && {
        levelValue: explained.override.override.levelValue,
        stale: explained.override.stale,
      },
      masteredNow: explained.whatNext.masteredNow,
      nextLevelValue: nextLevelToReach(explained)?.value ?? null,
    });
  }
  return lines;
}

/**
 * The report data with each standard's stored level replaced by the level worked out from
 * released evidence alone (the stored result counts evidence staff have not released yet).
 */
function withReleasedLevels(
  data: FamilyReportData,
  engine: readonly EngineStandard[],
): FamilyReportData {
  const released = new Map(engine.map((line) => [line.standardId, line.released]));
  const standards = data.standards.map((standard) => ({
    ...standard,
    mastery: released.get(standard.standardId) ?? standard.mastery,
  }));
  return { ...data, standards };
}

/**
 * "Page 1 of 2" in the report's language, in Chromium's footer template form. The footer is
 * drawn apart from the page, so it carries its own fonts for its script.
 */
export function pageFooter(lang: ReportLang): string {
  const text = translator(lang)('report.page', {
    page: '<span class="pageNumber"></span>',
    total: '<span class="totalPages"></span>',
  });
  const fonts = `<style>${embeddedFontCss(text)}</style>`;
  const family = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', sans-serif";
  const style = `width:100%;font-size:8pt;color:#444;text-align:center;font-family:${family}`;
  return `${fonts}<div lang="${htmlLangOf(lang)}" dir="${directionOf(lang)}" style="${style}">${text}</div>`;
}
