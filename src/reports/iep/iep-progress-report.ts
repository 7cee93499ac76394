/**
 * The periodic IEP progress report of one student, as HTML or a PDF with the same content,
 * for `trellis report iep-progress` and the web app. Reads the plan in force during the
 * period, each current goal's progress as of the period's end (goalProgress), the progress
 * code staff confirmed for the period (else the suggested one) with the narrative, and the
 * short-term objectives.
 */
import type { Kysely } from 'kysely';
import type { ProgressCode } from '../../domain/progress/progress-code.js';
import { getIep, readGoal } from '../../services/iep.service.js';
import {
  goalProgress,
  suggestProgressCode,
  type ReportingPeriod,
} from '../../services/progress-monitoring.service.js';
import { loadFamilyReportData, type ReportIep } from '../../store/family-report.queries.js';
import { listIepsOfStudent } from '../../store/iep.repository.js';
import * as repo from '../../store/iep-records.repository.js';
import type { Database } from '../../store/schema.js';
import { pageFooter } from '../family/family-report.js';
import { preferredReportLang, type ReportPeriod } from '../family/family-report.model.js';
import { resolvePeriod, type PeriodRequest } from '../family/report-period.js';
import type { ReportLang } from '../i18n/index.js';
import { renderPdf, type PaperSize } from '../pdf.js';
import {
  buildIepProgressReportModel,
  type IepProgressReportData,
  type IepProgressReportModel,
  type IepReportGoal,
  type ReportObjective,
} from './iep-progress-report.model.js';
import { renderIepProgressReportHtml } from './iep-progress-report.view.js';

type Db = Kysely<Database>;

/** How to make an IEP progress report. */
export interface IepReportRequest extends PeriodRequest {
  /** The guardian's (else the student's) preferred language when absent. */
  readonly lang?: ReportLang;
  /** The day the report is made (ISO date); today (UTC) when absent. */
  readonly today?: string;
  readonly paper?: PaperSize;
}

/** The report as a whole HTML document, or null when there is no such student. */
export async function iepProgressReportHtml(
  db: Db,
  studentId: string,
  request: IepReportRequest = {},
): Promise<string | null> {
  return (await buildReport(db, studentId, request))?.html ?? null;
}

/** The report as a PDF, or null when there is no such student. */
export async function iepProgressReportPdf(
  db: Db,
  studentId: string,
  request: IepReportRequest = {},
): Promise<Buffer | null> {
  const report = await buildReport(db, studentId, request);
  if (!report) return null;
  return renderPdf(report.html, {
    paper: request.paper ?? 'Letter',
    footerHtml: pageFooter(report.lang),
  });
}

async function buildReport(
  db: Db,
  studentId: string,
  request: IepReportRequest,
): Promise<{ html: string; lang: ReportLang } | null> {
  const model = await iepProgressReportModel(db, studentId, request);
  return model && { html: renderIepProgressReportHtml(model), lang: model.lang };
}

/**
 * The report's model (what the page and the PDF show), or null when there is no such
 * student: for the web app, which shows the report inside its own frame.
 */
export async function iepProgressReportModel(
  db: Db,
  studentId: string,
  request: IepReportRequest = {},
): Promise<IepProgressReportModel | null> {
  const family = await loadFamilyReportData(db, studentId);
  if (!family) return null;

  const today = request.today ?? new Date().toISOString().slice(0, 10);
  const period = await reportPeriod(db, pickIep(family.ieps, request, today), request, today);
  const iep = pickIep(family.ieps, period, today);
  const data = await loadIepProgressReportData(db, family, iep, period);

  const lang = request.lang ?? preferredReportLang(family);
  return buildIepProgressReportModel(data, { lang, period, today });
}

/** The newest plan whose dates overlap the period asked for (or the report day). */
function pickIep(
  ieps: readonly ReportIep[],
  range: PeriodRequest,
  today: string,
): ReportIep | null {
  const from = range.from ?? range.to ?? today;
  const to = range.to ?? today;
  return (
    ieps.find(
      (iep) => (iep.beginDate ?? '') <= to && (iep.endDate === null || iep.endDate >= from),
    ) ?? null
  );
}

/**
 * The period: the dates asked for; else the latest progress-reporting period of the school or
 * district that has ended by the report day; else one that covers it; else the last 90 days.
 */
async function reportPeriod(
  db: Db,
  iep: ReportIep | null,
  request: PeriodRequest,
  today: string,
): Promise<ReportPeriod> {
  if (request.from !== undefined || request.to !== undefined)
    return resolvePeriod(request, [], today);

  const goalId = iep?.goals[0]?.id;
  const owner = goalId ? await repo.findGoalOwner(db, goalId) : undefined;
  const orgIds = [owner?.schoolId, owner?.districtId].filter((id): id is string => !!id);
  const periods = (await repo.listReportingPeriods(db, orgIds)).map((row) => ({
    id: row.id,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
  }));

  const ended = periods
    .filter((p) => p.endDate <= today)
    .sort((a, b) => a.endDate.localeCompare(b.endDate));
  const last = ended.at(-1);
  if (last) return { from: last.startDate, to: last.endDate, source: 'session' };
  return resolvePeriod({}, periods, today);
}

/** Everything the report model reads, for one plan and period. */
export async function loadIepProgressReportData(
  db: Db,
  family: NonNullable<Awaited<ReturnType<typeof loadFamilyReportData>>>,
  iep: ReportIep | null,
  period: ReportPeriod,
): Promise<IepProgressReportData> {
  const base = {
    student: family.student,
    guardians: family.guardians ?? [],
    translations: family.translations ?? [],
  };
  if (!iep) return { ...base, iep: null, goals: [] };

  const summary = (await listIepsOfStudent(db, family.student.id)).find((s) => s.iep.id === iep.id);
  const objectives = await objectivesOf(db, iep.id);
  const rows = await repo.listCurrentGoals(db, iep.id);
  const range: ReportingPeriod = { start: period.from, end: period.to };
  const goals = await Promise.all(rows.map((row) => reportGoal(db, row, range, objectives)));

  return {
    ...base,
    iep: {
      id: iep.id,
      beginDate: iep.beginDate,
      endDate: iep.endDate,
      caseManagerName: summary?.caseManagerName ?? null,
    },
    goals,
  };
}

async function reportGoal(
  db: Db,
  row: repo.IepGoalRow,
  period: ReportingPeriod,
  objectives: ReadonlyMap<string, ReportObjective[]>,
): Promise<IepReportGoal> {
  const goal = readGoal(row);
  const progress = await goalProgress(db, row.id, period.end);
  const stored = await repo.findReport(db, row.id, period.start, period.end);
  const code = await codeOf(db, row.id, period, stored);

  return {
    id: row.id,
    area: goal.area,
    statement: goal.statement,
    collectionType: goal.collectionType,
    unitLabel: goal.unitLabel,
    progress: progress.ok ? progress.value : null,
    code: code.code,
    codeLabel: code.label,
    codeConfirmed: code.confirmed,
    narrative: stored?.narrative ?? null,
    sentAt: stored?.sent_at ?? null,
    objectives: objectives.get(row.id) ?? [],
  };
}

/**
 * The period's progress code: the one staff confirmed (read through the district's code set
 * to its meaning), else the suggested one.
 */
async function codeOf(
  db: Db,
  goalId: string,
  period: ReportingPeriod,
  stored: repo.ProgressReportRow | undefined,
): Promise<{ code: ProgressCode | null; label: string | null; confirmed: boolean }> {
  if (stored?.confirmed_code) {
    const owner = await repo.findGoalOwner(db, goalId);
    const codes = await repo.listProgressCodes(db, owner?.districtId ?? null);
    const match = codes.find((c) => c.code === stored.confirmed_code);
    const meaning = (match?.meaning ?? stored.confirmed_code) as ProgressCode;
    return {
      code: isProgressCode(meaning) ? meaning : null,
      label: match?.label ?? stored.confirmed_code,
      confirmed: true,
    };
  }

  const suggested = await suggestProgressCode(db, goalId, period);
  if (!suggested.ok) return { code: null, label: null, confirmed: false };
  return { code: suggested.value.code, label: suggested.value.label, confirmed: false };
}

const PROGRESS_CODES: ReadonlySet<string> = new Set([
  'mastered',
  'sufficient_progress',
  'insufficient_progress',
  'not_yet_addressed',
  'regressed',
]);

function isProgressCode(value: string): value is ProgressCode {
  return PROGRESS_CODES.has(value);
}

/** The current version's objectives of each goal, in list order. */
async function objectivesOf(db: Db, iepId: string): Promise<Map<string, ReportObjective[]>> {
  const view = await getIep(db, iepId);
  const result = new Map<string, ReportObjective[]>();
  if (!view.ok) return result;

  const sorted = [...view.value.objectives].sort((a, b) => a.list_order - b.list_order);
  for (const row of sorted) {
    const list = result.get(row.goal_id) ?? [];
    list.push({
      id: row.id,
      statement: row.statement,
      targetValue: row.target_value,
      targetDate: row.target_date,
    });
    result.set(row.goal_id, list);
  }
  return result;
}
