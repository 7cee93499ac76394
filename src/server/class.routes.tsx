/**
 * The class view (students-by-standards mastery grid with filters and a summary per standard),
 * a cell opened (its evidence and calculation), and recording evidence in a class. Saving
 * refreshes the student's mastery on that standard and shows the updated grid.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { recordEvidence } from '../services/evidence.service.js';
import { loadGradebook } from '../services/gradebook.service.js';
import { explainMastery } from '../services/mastery.service.js';
import { listClassStandards, listDefaultScaleLevels } from '../store/gradebook.repository.js';
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

/** The record-evidence form. Level values are checked against the scale separately. */
export const evidenceFormSchema = z.strictObject({
  studentId: z.string().min(1, 'Choose a student'),
  standardId: z.string().min(1, 'Choose a standard'),
  score: z.coerce.number({ error: 'Choose a level' }).finite('Choose a level'),
  observedOn: z.iso.date({ error: 'Enter the date the work was observed' }),
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
  const gradebook = await loadGradebook(db, classId, filters, today());
  const [savedStudent, savedStandard] = (c.req.query('saved') ?? '').split('.');

  const model = {
    ...gradebook,
    classInfo: info,
    filters,
    canRecord: await mayRecordInClass(db, requireViewer(c), classId),
    saved:
      savedStudent && savedStandard ? { studentId: savedStudent, standardId: savedStandard } : null,
  };
  await audit(c, 'view', 'class', classId, null);
  return renderPage(c, <ClassGridPage {...frameOf(c, info.title)} model={model} />);
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
