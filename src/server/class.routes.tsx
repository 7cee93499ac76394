/**
 * The class view (students-by-standards mastery grid) and recording evidence in a class.
 * Saving refreshes the student's mastery on that standard and shows the updated grid.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { recordEvidence } from '../services/evidence.service.js';
import {
  listClassStandards,
  listDefaultScaleLevels,
  listMastery,
} from '../store/gradebook.repository.js';
import { findClass, listClassStudents, studentsWithIep } from '../store/roster.repository.js';
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
  const { db, classId, info, students, standards, levels } = await loadClass(c);
  const studentIds = students.map((s) => s.id);
  const cells = await listMastery(
    db,
    studentIds,
    standards.map((s) => s.id),
  );
  const [savedStudent, savedStandard] = (c.req.query('saved') ?? '').split('.');

  const model = {
    classInfo: info,
    standards,
    students,
    iepStudentIds: await studentsWithIep(db, studentIds),
    cells,
    levels,
    canRecord: await mayRecordInClass(db, requireViewer(c), classId),
    saved:
      savedStudent && savedStandard ? { studentId: savedStudent, standardId: savedStandard } : null,
  };
  await audit(c, 'view', 'class', classId, null);
  return renderPage(c, <ClassGridPage {...frameOf(c, info.title)} model={model} />);
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
