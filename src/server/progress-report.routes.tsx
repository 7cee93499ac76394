/**
 * Periodic IEP progress reports: a reporting period's page for one IEP (suggested codes with
 * their data; confirm or override with a reason, narrative, mark sent), the list of reports
 * due, overdue and sent, and the district's progress code set for administrators.
 */
import type { Context } from 'hono';
import { loadReportingPeriod, mayEditIepOf, reportLists } from '../services/iep-pages.service.js';
import {
  confirmProgressCode,
  markProgressReportSent,
  progressCodeSet,
  suggestProgressCode,
} from '../services/progress-monitoring.service.js';
import * as records from '../store/iep-records.repository.js';
import { listDistrictsFor, namesOf } from '../store/iep-web.repository.js';
import { listCaseload } from '../store/roster.repository.js';
import {
  ProgressCodesPage,
  ProgressPeriodPage,
  ReportsListPage,
  type ReportFieldProblem,
  type ReportFormProblem,
} from '../web/views/progress-report.view.js';
import { audit, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { firstValues, formFields, one, type FormFields } from './iep.form.js';
import { actorOf } from './iep.routes.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

/** The IEP of the path when it belongs to the student of the path; else 404. */
async function iepOfPath(c: Context<AppEnv>) {
  const db = c.get('store').db;
  const studentId = c.req.param('studentId') ?? '';
  const iep = await records.findIep(db, c.req.param('iepId') ?? '');
  if (!iep || iep.student_id !== studentId) throw new AppError('not_found');
  const names = await namesOf(db, [studentId]);
  return { db, iep, studentId, studentName: names.get(studentId) ?? '' };
}

const NOTICES: Readonly<Record<string, string>> = {
  confirmed: 'The progress code and narrative were saved.',
  sent: 'The report was marked as sent to the family.',
};

async function showPeriod(
  c: Context<AppEnv>,
  periodId: string | null = c.req.query('period') ?? null,
  problem: ReportFormProblem | null = null,
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const { db, iep, studentId, studentName } = await iepOfPath(c);
  const model = await loadReportingPeriod(db, iep.id, periodId, today());
  const page = {
    studentId,
    studentName,
    iepId: iep.id,
    model,
    canEdit: await mayEditIepOf(db, requireViewer(c), studentId, iep.id),
    problem,
    notice: NOTICES[c.req.query('saved') ?? ''] ?? null,
  };
  await audit(c, 'view', 'iep_progress_report', iep.id, studentId);
  const title = `${studentName}: progress report`;
  return renderPage(c, <ProgressPeriodPage {...frameOf(c, title)} page={page} />, status);
}

/** The period of the form, checked to apply to the IEP. */
async function periodOfForm(c: Context<AppEnv>, iepId: string, fields: FormFields) {
  const db = c.get('store').db;
  const model = await loadReportingPeriod(db, iepId, one(fields, 'period'), today());
  const period = model.periods.find((p) => p.id === one(fields, 'period'));
  if (!period) throw new AppError('invalid_input', 'Choose a reporting period of this school.');
  return period;
}

async function requireEditor(c: Context<AppEnv>, studentId: string, iepId: string) {
  const db = c.get('store').db;
  if (!(await mayEditIepOf(db, requireViewer(c), studentId, iepId))) {
    throw new AppError('not_found');
  }
}

async function goalOfIep(c: Context<AppEnv>, iepId: string) {
  const goal = await records.findGoal(c.get('store').db, c.req.param('goalId') ?? '');
  if (!goal || goal.iep_id !== iepId) throw new AppError('not_found');
  return goal;
}

async function saveConfirmation(c: Context<AppEnv>): Promise<Response> {
  const { db, iep, studentId } = await iepOfPath(c);
  await requireEditor(c, studentId, iep.id);
  const goal = await goalOfIep(c, iep.id);
  const fields = formFields(await c.req.parseBody());
  const period = await periodOfForm(c, iep.id, fields);

  const values = firstValues(fields);
  const missing = await missingAnswers(c, goal.id, period, fields);
  if (missing.length > 0) {
    return showPeriod(c, period.id, { goalId: goal.id, problems: missing, values }, 400);
  }

  const version = one(fields, 'expectedVersion');
  const saved = await confirmProgressCode(
    db,
    {
      goalId: goal.id,
      periodStart: period.start_date,
      periodEnd: period.end_date,
      code: one(fields, 'code'),
      reason: one(fields, 'reason') || null,
      narrative: one(fields, 'narrative'),
      ...(version === '' ? {} : { expectedVersion: Number(version) }),
    },
    actorOf(c),
    new Date(),
  );
  if (!saved.ok) {
    const problems =
      saved.kind === 'invalid'
        ? saved.problems.map(plainProblem)
        : saved.kind === 'conflict'
          ? [{ field: null, message: `${saved.message}. Reload to see the report as it is now.` }]
          : [];
    const problem = { goalId: goal.id, problems, values };
    return showPeriod(c, period.id, problem, saved.kind === 'conflict' ? 409 : 400);
  }
  await audit(c, 'confirm', 'iep_progress_report', saved.value.id, studentId, {
    overridden: saved.value.override_reason !== null,
  });
  return c.redirect(progressHref(studentId, iep.id, period.id, 'confirmed', goal.id), 303);
}

/**
 * Every answer the confirm form still needs, each naming its field, so all show at once:
 * a code, a reason when the code is not the suggested one, and a narrative.
 */
async function missingAnswers(
  c: Context<AppEnv>,
  goalId: string,
  period: { readonly start_date: string; readonly end_date: string },
  fields: FormFields,
): Promise<ReportFieldProblem[]> {
  const code = one(fields, 'code');
  const span = { start: period.start_date, end: period.end_date };
  const suggestion = await suggestProgressCode(c.get('store').db, goalId, span);
  const suggested = suggestion.ok ? suggestion.value.districtCode : code;

  const problems: ReportFieldProblem[] = [];
  if (code === '') problems.push({ field: 'code', message: 'Choose a progress code' });
  if (code !== '' && code !== suggested && one(fields, 'reason').trim() === '') {
    const message = 'Give a reason for choosing a different code than suggested';
    problems.push({ field: 'reason', message });
  }
  if (one(fields, 'narrative').trim() === '') {
    problems.push({ field: 'narrative', message: 'Write a short narrative' });
  }
  return problems;
}

/** A service problem ("code: ...") as a field and words without the field's prefix. */
function plainProblem(problem: string): ReportFieldProblem {
  const match = /^(code|reason|narrative): (.*)$/.exec(problem);
  if (!match) return { field: null, message: problem };
  const field = match[1] as 'code' | 'reason' | 'narrative';
  return { field, message: (match[2] ?? '').replace(/^./, (first) => first.toUpperCase()) };
}

function progressHref(
  studentId: string,
  iepId: string,
  periodId: string,
  saved: string,
  goalId: string,
): string {
  const period = encodeURIComponent(periodId);
  return `/students/${studentId}/iep/${iepId}/progress?period=${period}&saved=${saved}#report-${goalId}`;
}

async function saveSent(c: Context<AppEnv>): Promise<Response> {
  const { db, iep, studentId } = await iepOfPath(c);
  await requireEditor(c, studentId, iep.id);
  const goal = await goalOfIep(c, iep.id);
  const fields = formFields(await c.req.parseBody());
  const period = await periodOfForm(c, iep.id, fields);

  const report = await records.findReportById(db, one(fields, 'reportId'));
  if (!report || report.goal_id !== goal.id) throw new AppError('not_found');
  const sent = await markProgressReportSent(
    db,
    report.id,
    Number(one(fields, 'expectedVersion')),
    new Date(),
  );
  if (!sent.ok) {
    const message = sent.kind === 'invalid' ? sent.problems.join('; ') : 'The report changed.';
    throw new AppError(sent.kind === 'conflict' ? 'conflict' : 'invalid_input', message);
  }
  await audit(c, 'send', 'iep_progress_report', report.id, studentId);
  return c.redirect(progressHref(studentId, iep.id, period.id, 'sent', goal.id), 303);
}

async function showReportsList(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const students =
    viewer.role === 'special_educator'
      ? (await listCaseload(db, viewer.personId ?? '')).map((s) => s.id)
      : await studentsOfAdmin(c);
  const day = today();
  const lists = await reportLists(db, students, day);
  await audit(c, 'view', 'iep_progress_reports', null, null);
  return renderPage(
    c,
    <ReportsListPage {...frameOf(c, 'IEP progress reports')} model={{ today: day, ...lists }} />,
  );
}

/** Every student with an IEP in the administrator's organization (all for no organization). */
async function studentsOfAdmin(c: Context<AppEnv>): Promise<string[] | undefined> {
  const orgId = requireViewer(c).orgId;
  if (orgId === null) return undefined;
  const rows = await c
    .get('store')
    .db.selectFrom('ieps as i')
    .innerJoin('people as p', 'p.id', 'i.student_id')
    .leftJoin('organizations as o', 'o.id', 'p.school_id')
    .select('i.student_id')
    .where((eb) => eb.or([eb('p.school_id', '=', orgId), eb('o.parent_id', '=', orgId)]))
    .execute();
  return [...new Set(rows.map((r) => r.student_id))];
}

async function districtOf(c: Context<AppEnv>) {
  const db = c.get('store').db;
  const districts = await listDistrictsFor(db, requireViewer(c).orgId);
  const district = districts.find((d) => d.id === c.req.query('district')) ?? districts[0];
  if (!district) throw new AppError('not_found');
  return { db, districts, district };
}

async function showCodes(
  c: Context<AppEnv>,
  problem: string | null = null,
  status: 200 | 400 = 200,
): Promise<Response> {
  const { db, districts, district } = await districtOf(c);
  const codes = await progressCodeSet(db, district.id);
  const model = {
    districts,
    districtId: district.id,
    codes,
    usingDefaults: codes.every((code) => code.district_id === '*'),
    problem,
    notice: c.req.query('saved') ? 'The code set was saved.' : null,
  };
  return renderPage(
    c,
    <ProgressCodesPage {...frameOf(c, 'Progress codes')} model={model} />,
    status,
  );
}

const MEANINGS = new Set([
  'mastered',
  'sufficient_progress',
  'insufficient_progress',
  'not_yet_addressed',
  'regressed',
]);

/** The code rows of the form, or the first problem. */
function codesFromForm(fields: FormFields, districtId: string) {
  const rows = [];
  const seen = new Set<string>();
  const meanings = new Set<string>();
  for (let i = 0; fields[`code${i}.code`] !== undefined; i += 1) {
    const code = one(fields, `code${i}.code`);
    if (code === '') continue;
    const label = one(fields, `code${i}.label`);
    const description = one(fields, `code${i}.description`);
    const meaning = one(fields, `code${i}.meaning`);
    if (!/^[a-z0-9_-]{1,40}$/i.test(code))
      return `Row ${i + 1}: a code is letters, digits, - or _.`;
    if (seen.has(code)) return `Row ${i + 1}: the code "${code}" is listed twice.`;
    if (label === '' || description === '') return `Row ${i + 1}: give a label and a description.`;
    if (meaning !== '' && (!MEANINGS.has(meaning) || meanings.has(meaning))) {
      return `Row ${i + 1}: each meaning can belong to one code only.`;
    }
    seen.add(code);
    if (meaning !== '') meanings.add(meaning);
    rows.push({
      district_id: districtId,
      code,
      meaning: meaning || null,
      label,
      description,
      list_order: rows.length + 1,
    });
  }
  return rows.length === 0 ? 'Keep at least one code.' : rows;
}

async function saveCodes(c: Context<AppEnv>): Promise<Response> {
  const { db, district } = await districtOf(c);
  const rows = codesFromForm(formFields(await c.req.parseBody()), district.id);
  if (typeof rows === 'string') return showCodes(c, `Not saved: ${rows}`, 400);

  await db.transaction().execute((trx) => records.replaceProgressCodes(trx, district.id, rows));
  await audit(c, 'update', 'progress_codes', district.id, null, { codes: rows.length });
  return c.redirect(`/admin/progress-codes?district=${district.id}&saved=1`, 303);
}

const staffOfStudent = {
  kind: 'student',
  param: 'studentId',
  roles: ['special_educator', 'admin', 'teacher'],
} as const;
const editors = {
  kind: 'student',
  param: 'studentId',
  roles: ['special_educator', 'admin'],
} as const;
const admins = { kind: 'signed-in', roles: ['admin'] } as const;

export const progressReportRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/iep/:iepId/progress',
    access: staffOfStudent,
    handler: (c) => showPeriod(c),
  },
  {
    method: 'post',
    path: '/students/:studentId/iep/:iepId/progress/:goalId',
    access: editors,
    handler: saveConfirmation,
  },
  {
    method: 'post',
    path: '/students/:studentId/iep/:iepId/progress/:goalId/sent',
    access: editors,
    handler: saveSent,
  },
  {
    method: 'get',
    path: '/progress-reports',
    access: { kind: 'signed-in', roles: ['special_educator', 'admin'] },
    handler: showReportsList,
  },
  { method: 'get', path: '/admin/progress-codes', access: admins, handler: (c) => showCodes(c) },
  { method: 'post', path: '/admin/progress-codes', access: admins, handler: saveCodes },
];
