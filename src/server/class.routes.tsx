/**
 * The class view (students-by-standards mastery grid for a period, with filters and a summary
 * per standard), a cell opened (its evidence and calculation), and recording evidence in a
 * class. Saving refreshes the student's mastery on that standard and shows the updated grid.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { recordEvidence } from '../services/evidence.service.js';
import { choosePeriod, CURRENT_PERIOD, periodsOfClass } from '../services/gradebook-period.js';
import { loadGradebook } from '../services/gradebook.service.js';
import { explainMastery } from '../services/mastery.service.js';
import {
  listClassSessions,
  listClassStandards,
  listDefaultScaleLevels,
} from '../store/gradebook.repository.js';
import { hasPermission } from '../store/account.repository.js';
import { findClass, listClassStudents } from '../store/roster.repository.js';
import { listCellEvidence } from '../store/workspace.repository.js';
import { CellDetail, CellDetailPage } from '../web/views/cell-detail.view.js';
import { ClassGridPage } from '../web/views/class-grid.view.js';
import {
  EVIDENCE_FORMATS,
  EvidenceFormPage,
  type EvidenceFormValues,
} from '../web/views/evidence-form.view.js';
import { audit, mayRecordInClass, requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf, renderPage } from './render.js';
import { shortCode } from '../web/views/levels.js';
import type { RouteSpec } from './route.js';

const optionalText = z
  .string()
  .trim()
  .max(2000, 'Keep this under 2,000 characters')
  .transform((text) => (text === '' ? null : text));

/**
 * Whether a day is not after today. A day of grace covers a teacher whose evening is already
 * tomorrow in UTC; a later date would count as the newest evidence for ever after.
 */
function notInTheFuture(day: string): boolean {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return day <= tomorrow;
}

/** The record-evidence form. Level values are checked against the scale separately. */
export const evidenceFormSchema = z.strictObject({
  studentId: z.string().min(1, 'Choose a student'),
  standardId: z.string().min(1, 'Choose a standard'),
  score: z.coerce.number({ error: 'Choose a level' }).finite('Choose a level'),
  observedOn: z.iso
    .date({ error: 'Enter the date the work was observed' })
    .refine(notInTheFuture, 'The date observed cannot be in the future'),
  format: z.enum(EVIDENCE_FORMATS, { error: 'Choose a format' }),
  strength: optionalText.optional().default(''),
  nextStep: optionalText.optional().default(''),
  supports: optionalText.optional().default(''),
});

async function loadClass(c: Context<AppEnv>) {
  const db = c.get('store').db;
  const classId = c.req.param('classId') ?? '';
  const info = await findClass(db, classId);
  if (!info) throw new AppError('not_found');

  const students = await listClassStudents(db, classId, today());
  const standards = await listClassStandards(db, classId);
  const levels = await listDefaultScaleLevels(db);
  return { db, classId, info, students, standards, levels };
}

/**
 * The gradebook. `?period=ID` (a session of the class) or `?asOf=YYYY-MM-DD` (a day up to
 * today) shows mastery as it stood at the end of that period; an unknown period, a malformed
 * or future date, or both at once answer 400 with the reason on the page and current mastery
 * below it, so the teacher can choose again.
 */
async function showClass(c: Context<AppEnv>): Promise<Response> {
  const db = c.get('store').db;
  const classId = c.req.param('classId') ?? '';
  const info = await findClass(db, classId);
  if (!info) throw new AppError('not_found');

  const filters = {
    strand: c.req.query('strand') || null,
    iepOnly: c.req.query('iep') === '1',
    littleEvidenceOnly: c.req.query('little') === '1',
  };
  const periods = periodsOfClass(await listClassSessions(db, classId));
  const query = { period: c.req.query('period'), asOf: c.req.query('asOf') };
  const choice = choosePeriod(query, periods, today());
  const period = choice.ok ? choice.period : CURRENT_PERIOD;
  const gradebook = await loadGradebook(db, classId, filters, today(), period);
  const [savedStudent, savedStandard] = (c.req.query('saved') ?? '').split('.');

  const model = {
    ...gradebook,
    classInfo: info,
    filters,
    periods,
    period,
    periodError: choice.ok ? null : choice.message,
    today: today(),
    canRecord: await mayRecordInClass(db, requireViewer(c), classId),
    canExport: await hasPermission(db, requireViewer(c).accountId, 'bulk-export'),
    saved:
      savedStudent && savedStandard ? { studentId: savedStudent, standardId: savedStandard } : null,
  };
  await audit(c, 'view', 'class', classId, null);
  const page = <ClassGridPage {...frameOf(c, info.title)} model={model} />;
  return renderPage(c, page, choice.ok ? 200 : 400);
}

/** A gradebook cell opened: the evidence and calculation; a fragment with `?partial=1`. */
async function showCell(c: Context<AppEnv>): Promise<Response> {
  const { db, classId, students, standards, levels } = await loadClass(c);
  const student = students.find((s) => s.id === c.req.param('studentId'));
  const standard = standards.find((s) => s.id === c.req.param('standardId'));
  if (!student || !standard) throw new AppError('not_found');

  const model = {
    classId,
    student,
    standard,
    levels,
    evidence: await listCellEvidence(db, student.id, standard.id),
    explained: await explainMastery(db, student.id, standard.id),
    canRecord: await mayRecordInClass(db, requireViewer(c), classId),
    csrfToken: c.get('csrfToken') ?? '',
    today: today(),
  };
  await audit(c, 'view', 'mastery-cell', `${student.id}.${standard.id}`, student.id);
  if (c.req.query('partial') === '1') {
    return c.html(<CellDetail model={model} headingLevel={2} />);
  }
  const title = `${student.givenName} ${student.familyName}, ${shortCode(standard.code)}`;
  return renderPage(c, <CellDetailPage {...frameOf(c, title)} model={model} />);
}

async function showEvidenceForm(c: Context<AppEnv>): Promise<Response> {
  const values: EvidenceFormValues = {
    studentId: c.req.query('student') ?? '',
    standardId: c.req.query('standard') ?? '',
    observedOn: today(),
  };
  return renderForm(c, values, {}, 200);
}

async function renderForm(
  c: Context<AppEnv>,
  values: EvidenceFormValues,
  errors: Record<string, string>,
  status: 200 | 400,
): Promise<Response> {
  const { classId, info, students, standards, levels } = await loadClass(c);
  const model = { classId, classTitle: info.title, students, standards, levels, values, errors };
  return renderPage(
    c,
    <EvidenceFormPage {...frameOf(c, 'Record evidence')} model={model} />,
    status,
  );
}

async function saveEvidence(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const form = await readForm(c, evidenceFormSchema);
  if (!form.ok) return renderForm(c, form.values, form.errors, 400);

  const { db, classId, students, standards, levels } = await loadClass(c);
  const input = form.data;
  const errors: Record<string, string> = {};
  if (!students.some((s) => s.id === input.studentId))
    errors.studentId = 'Choose a student in this class';
  if (!standards.some((s) => s.id === input.standardId))
    errors.standardId = 'Choose a standard of this class';
  if (!levels.some((l) => l.value === input.score)) errors.score = 'Choose a level on the scale';
  if (Object.keys(errors).length > 0) return renderForm(c, asFormValues(input), errors, 400);

  await recordEvidence(
    db,
    { ...input, observedOn: input.observedOn },
    { accountId: viewer.accountId, personId: viewer.personId, requestId: c.get('requestId') },
    new Date(),
  );
  const saved = `${input.studentId}.${input.standardId}`;
  return c.redirect(`/classes/${classId}?saved=${encodeURIComponent(saved)}#saved`, 303);
}

function asFormValues(input: z.output<typeof evidenceFormSchema>): EvidenceFormValues {
  return {
    ...input,
    score: String(input.score),
    strength: input.strength ?? '',
    nextStep: input.nextStep ?? '',
    supports: input.supports ?? '',
  };
}

export const classRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/classes/:classId',
    access: { kind: 'class', param: 'classId' },
    handler: showClass,
  },
  {
    method: 'get',
    path: '/classes/:classId/cells/:studentId/:standardId',
    access: { kind: 'class', param: 'classId' },
    handler: showCell,
  },
  {
    method: 'get',
    path: '/classes/:classId/evidence/new',
    access: { kind: 'class-staff', param: 'classId' },
    handler: showEvidenceForm,
  },
  {
    method: 'post',
    path: '/classes/:classId/evidence',
    access: { kind: 'class-staff', param: 'classId' },
    handler: saveEvidence,
  },
];
