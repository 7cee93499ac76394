/**
 * The IEP progress report of a student for a reporting period: the page (period chooser,
 * language, send state, the report), its PDF, and marking the period's confirmed goal reports
 * as sent. Staff who may see the student read it; the special educator (or an administrator)
 * marks it sent.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import {
  iepProgressReportModel,
  iepProgressReportPdf,
} from '../reports/iep/iep-progress-report.js';
import { preferredReportLang } from '../reports/family/family-report.model.js';
import { REPORT_LANGUAGES, type ReportLang } from '../reports/i18n/index.js';
import {
  defaultPeriod,
  goalReportStates,
  markPeriodSent,
  reportingPeriodsOf,
  type PagePeriod,
} from '../services/iep-progress-page.service.js';
import { loadFamilyReportData } from '../store/family-report.queries.js';
import { IepProgressScreen } from '../web/views/iep-progress-page.view.js';
import { audit, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf } from './render.js';
import { documentOf, isoDay, queryOf, reportPagePolicy, requestedLang } from './report-page.js';
import type { RouteSpec } from './route.js';

/** The page of a student's IEP progress report for a period and language. */
export function iepProgressPath(
  studentId: string,
  query: Readonly<Record<string, string | null | undefined>> = {},
  pdf = false,
): string {
  const base = `/students/${encodeURIComponent(studentId)}/iep-progress`;
  return `${base}${pdf ? '.pdf' : ''}${queryOf(query)}`;
}

/** The period asked for, else the default one; the lang asked for, else the family's. */
async function pageRequest(c: Context<AppEnv>, studentId: string) {
  const db = c.get('store').db;
  const data = await loadFamilyReportData(db, studentId);
  if (!data) throw new AppError('not_found');

  const periods = await reportingPeriodsOf(db, studentId);
  const period = chosenPeriod(c, periods) ?? defaultPeriod(periods, today());
  const lang: ReportLang = requestedLang(c) ?? preferredReportLang(data);
  return {
    periods,
    period,
    lang,
    studentName: `${data.student.givenName} ${data.student.familyName}`,
  };
}

function chosenPeriod(c: Context<AppEnv>, periods: readonly PagePeriod[]): PagePeriod | null {
  const from = isoDay(c.req.query('from'));
  const to = isoDay(c.req.query('to'));
  if (!from || !to || from > to) return null;
  const named = periods.find((p) => p.from === from && p.to === to);
  return { id: named?.id ?? null, from, to, name: named?.name ?? null };
}

async function showIepProgress(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const db = c.get('store').db;
  const { periods, period, lang, studentName } = await pageRequest(c, studentId);
  const report = await iepProgressReportModel(db, studentId, {
    from: period.from,
    to: period.to,
    lang,
  });
  if (!report) throw new AppError('not_found');

  const query = (p: PagePeriod) => ({ from: p.from, to: p.to, lang });
  const model = {
    studentId,
    studentName,
    report,
    period,
    periods,
    lang,
    goals: await goalReportStates(db, studentId, period),
    pdfHref: iepProgressPath(studentId, query(period), true),
    pageHref: (p: PagePeriod) => iepProgressPath(studentId, query(p)),
    iepHref: `/students/${encodeURIComponent(studentId)}/iep`,
    canMarkSent: mayMarkSent(c),
    notice: noticeOf(c),
  };
  const page = <IepProgressScreen {...frameOf(c, report.title)} model={model} />;
  const document = await documentOf(page);

  await audit(c, 'view', 'iep-progress-report', studentId, studentId, { lang });
  c.header('Content-Security-Policy', reportPagePolicy(document));
  return c.html(document);
}

async function downloadIepProgress(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const { period, lang } = await pageRequest(c, studentId);
  const pdf = await iepProgressReportPdf(c.get('store').db, studentId, {
    from: period.from,
    to: period.to,
    lang,
  });
  if (!pdf) throw new AppError('not_found');

  await audit(c, 'export', 'iep-progress-report-pdf', studentId, studentId, { lang });
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="iep-progress-${period.from}-${period.to}-${lang}.pdf"`,
  });
}

const sentSchema = z.strictObject({
  from: z
    .string()
    .refine((value) => isoDay(value) !== null, 'from: expected a day like 2026-08-31'),
  to: z.string().refine((value) => isoDay(value) !== null, 'to: expected a day like 2026-11-06'),
  lang: z.enum(REPORT_LANGUAGES as [ReportLang, ...ReportLang[]]),
});

async function markSent(c: Context<AppEnv>): Promise<Response> {
  requireViewer(c);
  const studentId = c.req.param('studentId') ?? '';
  const form = await readForm(c, sentSchema);
  if (!form.ok) throw new AppError('invalid_input', Object.values(form.errors).join(' '));

  const { from, to, lang } = form.data;
  const period = { id: null, from, to, name: null };
  const result = await markPeriodSent(c.get('store').db, studentId, period, new Date());
  await audit(c, 'update', 'iep-progress-sent', studentId, studentId, { from, to, ...result });
  return c.redirect(iepProgressPath(studentId, { from, to, lang, sent: String(result.sent) }), 303);
}

function mayMarkSent(c: Context<AppEnv>): boolean {
  const role = c.get('viewer')?.role;
  return role === 'special_educator' || role === 'admin';
}

function noticeOf(c: Context<AppEnv>): string | null {
  const sent = c.req.query('sent');
  if (sent === undefined || !/^\d{1,4}$/.test(sent)) return null;
  const count = Number(sent);
  return count === 1
    ? 'One goal report was marked as sent today.'
    : `${count} goal reports were marked as sent today.`;
}

const READERS = {
  kind: 'student',
  param: 'studentId',
  roles: ['admin', 'special_educator', 'teacher'],
} as const;
const SENDERS = {
  kind: 'student',
  param: 'studentId',
  roles: ['admin', 'special_educator'],
} as const;

export const iepProgressRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/iep-progress',
    access: READERS,
    handler: showIepProgress,
  },
  {
    method: 'get',
    path: '/students/:studentId/iep-progress.pdf',
    access: READERS,
    handler: downloadIepProgress,
  },
  {
    method: 'post',
    path: '/students/:studentId/iep-progress/sent',
    access: SENDERS,
    handler: markSent,
  },
];
