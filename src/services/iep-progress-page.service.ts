/**
 * What the IEP progress report page needs beside the report: the reporting periods to choose
 * from, the period shown when none is chosen, where each goal's report for the period stands
 * (not confirmed, confirmed, sent), and marking the period's confirmed reports as sent.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../reports/family/report-period.js';
import { loadFamilyReportData, type ReportIep } from '../store/family-report.queries.js';
import * as repo from '../store/iep-records.repository.js';
import { findStudentOrgIds } from '../store/report-web.repository.js';
import type { Database } from '../store/schema.js';
import { markProgressReportSent } from './progress-monitoring.service.js';

type Db = Kysely<Database>;

/** A reporting period, both days included. */
export interface PagePeriod {
  /** The stored reporting period's id, when it is one of the school's or district's. */
  readonly id: string | null;
  readonly from: string;
  readonly to: string;
  /** The school's or district's name for it ("Quarter 1"), when it is one of theirs. */
  readonly name: string | null;
}

/** Where one goal's report for the period stands. */
export interface GoalReportState {
  readonly goalId: string;
  readonly iepId: string;
  readonly area: string;
  readonly state: 'not_confirmed' | 'confirmed' | 'sent';
  readonly sentAt: string | null;
}

/** The reporting periods of the student's school and district, in order. */
export async function reportingPeriodsOf(db: Db, studentId: string): Promise<PagePeriod[]> {
  const rows = await repo.listReportingPeriods(db, await findStudentOrgIds(db, studentId));
  return rows
    .map((row) => ({ id: row.id, from: row.start_date, to: row.end_date, name: row.name }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/**
 * The period shown when none is chosen: the latest one that has ended by `today`, else one
 * that covers it, else the 90 days up to today.
 * Example: periods Aug 31–Nov 6 and Nov 9–Jan 22 on 2026-11-20 give Aug 31–Nov 6.
 */
export function defaultPeriod(periods: readonly PagePeriod[], today: string): PagePeriod {
  const ended = periods.filter((p) => p.to <= today);
  const current = periods.find((p) => p.from <= today && today <= p.to);
  return ended.at(-1) ?? current ?? { id: null, from: addDays(today, -89), to: today, name: null };
}

/** Each current goal of the plan in force during the period, with its report's state. */
export async function goalReportStates(
  db: Db,
  studentId: string,
  period: PagePeriod,
): Promise<GoalReportState[]> {
  const rows = await reportsOfPeriod(db, studentId, period);
  return rows.map(({ goal, report }) => ({
    goalId: goal.id,
    iepId: goal.iep_id,
    area: goal.area,
    state: report?.sent_at ? 'sent' : report?.confirmed_code ? 'confirmed' : 'not_confirmed',
    sentAt: report?.sent_at ?? null,
  }));
}

/**
 * Marks every confirmed, unsent goal report of the period as sent today; answers how many
 * were marked and how many goals still wait for their code to be confirmed.
 */
export async function markPeriodSent(
  db: Db,
  studentId: string,
  period: PagePeriod,
  now: Date,
): Promise<{ readonly sent: number; readonly notConfirmed: number }> {
  let sent = 0;
  let notConfirmed = 0;
  for (const { report } of await reportsOfPeriod(db, studentId, period)) {
    if (!report?.confirmed_code) notConfirmed += 1;
    else if (report.sent_at === null) {
      const marked = await markProgressReportSent(db, report.id, report.version, now);
      if (marked.ok) sent += 1;
    }
  }
  return { sent, notConfirmed };
}

async function reportsOfPeriod(
  db: Db,
  studentId: string,
  period: PagePeriod,
): Promise<Array<{ goal: repo.IepGoalRow; report: repo.ProgressReportRow | undefined }>> {
  const family = await loadFamilyReportData(db, studentId);
  const iep = family ? planInForce(family.ieps, period) : null;
  if (!iep) return [];

  const goals = await repo.listCurrentGoals(db, iep.id);
  return Promise.all(
    goals.map(async (goal) => ({
      goal,
      report: await repo.findReport(db, goal.id, period.from, period.to),
    })),
  );
}

/** The newest plan whose dates overlap the period (the plan the report is about). */
function planInForce(ieps: readonly ReportIep[], period: PagePeriod): ReportIep | null {
  return (
    ieps.find(
      (iep) =>
        (iep.beginDate ?? '') <= period.to && (iep.endDate === null || iep.endDate >= period.from),
    ) ?? null
  );
}
