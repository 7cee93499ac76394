/**
 * Tasks and scoring for the staff of a class: the task list with the comment bank, a new task
 * (standards, optional rubric), the scoring grid, saving one student's attempt (autosaved by
 * task-grid.js as JSON, or posted as a plain form), starting a revision, and a student's plan.
 * A student outside the class answers 404 like a task of another class.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  createTask,
  DEMONSTRATION_FORMATS,
  saveAttempt,
  savePlan,
  startRevision,
  stateOf,
  TASK_KINDS,
  type AttemptState,
  type SaveOutcome,
} from '../services/task-scoring.service.js';
import { listClassStandards, listDefaultScaleLevels } from '../store/gradebook.repository.js';
import {
  findClass,
  listClassStudents,
  studentsWithIep,
  type StudentSummary,
} from '../store/roster.repository.js';
import {
  addComment,
  findClassTask,
  listAttempts,
  listClassTasks,
  listComments,
  listPlans,
  listSupports,
  listTaskColumns,
  type StudentSupport,
  type TaskRow,
} from '../store/workspace.repository.js';
import { TaskScoringPage, type ScoringRow } from '../web/views/task-scoring.view.js';
import {
  RUBRIC_ROWS,
  TaskFormPage,
  TaskListPage,
  type TaskFormValues,
} from '../web/views/tasks.view.js';
import { requireViewer, today } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { problemsByField } from './forms.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

const optionalText = z
  .string()
  .trim()
  .max(2000, 'Keep this under 2,000 characters')
  .transform((text) => (text === '' ? null : text));
const optionalDate = z
  .union([z.literal(''), z.iso.date({ error: 'Enter a date like 2026-11-30' })])
  .transform((d) => (d === '' ? null : d));

/** The fields of an attempt save besides its levels (`level.<columnId>`). */
export const attemptFormSchema = z.strictObject({
  studentId: z.string().min(1, 'Choose a student'),
  number: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(0),
  observedOn: z.iso.date({ error: 'Enter the date the work was observed' }),
  format: z.enum(DEMONSTRATION_FORMATS, { error: 'Choose a format' }),
  strength: optionalText.optional().default(''),
  nextStep: optionalText.optional().default(''),
  supports: optionalText.optional().default(''),
});

const planSchema = z.strictObject({
  studentId: z.string().min(1),
  offeredFormat: z
    .union([z.literal(''), z.enum(DEMONSTRATION_FORMATS)])
    .transform((f) => (f === '' ? null : f)),
  dueDate: optionalDate,
  reassessFrom: optionalDate,
  reassessUntil: optionalDate,
  note: optionalText,
});

const commentSchema = z.strictObject({
  kind: z.enum(['strength', 'next_step']),
  text: z.string().trim().min(1, 'Write the comment').max(500),
});

const taskSchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the task a title').max(200),
  kind: z.enum(TASK_KINDS, { error: 'Choose a kind of task' }),
  format: z.enum(DEMONSTRATION_FORMATS, { error: 'Choose a format' }),
  dueDate: optionalDate,
});

function recorderOf(c: Context<AppEnv>) {
  const viewer = requireViewer(c);
  return { accountId: viewer.accountId, personId: viewer.personId, requestId: c.get('requestId') };
}

async function loadClassAndTask(c: Context<AppEnv>) {
  const db = c.get('store').db;
  const classId = c.req.param('classId') ?? '';
  const info = await findClass(db, classId);
  if (!info) throw new AppError('not_found');
  const taskId = c.req.param('taskId');
  const task = taskId ? await findClassTask(db, classId, taskId) : undefined;
  if (taskId && !task) throw new AppError('not_found');
  return { db, classId, info, task };
}

async function showTasks(c: Context<AppEnv>): Promise<Response> {
  const { db, classId, info } = await loadClassAndTask(c);
  const personId = requireViewer(c).personId;
  const model = {
    classId,
    classTitle: info.title,
    tasks: await listClassTasks(db, classId),
    comments: personId ? await listComments(db, personId) : [],
    notice: c.req.query('added') === 'comment' ? 'Added to your comment bank.' : null,
  };
  return renderPage(c, <TaskListPage {...frameOf(c, `Tasks · ${info.title}`)} model={model} />);
}

async function showTaskForm(c: Context<AppEnv>): Promise<Response> {
  return renderTaskForm(c, { format: 'written', kind: 'quiz' }, {}, 200);
}

async function renderTaskForm(
  c: Context<AppEnv>,
  values: TaskFormValues,
  errors: Record<string, string>,
  status: 200 | 400,
): Promise<Response> {
  const { db, classId, info } = await loadClassAndTask(c);
  const model = {
    classId,
    classTitle: info.title,
    standards: await listClassStandards(db, classId),
    levels: await listDefaultScaleLevels(db),
    formats: DEMONSTRATION_FORMATS,
    values,
    errors,
  };
  return renderPage(c, <TaskFormPage {...frameOf(c, 'New task')} model={model} />, status);
}

async function saveTask(c: Context<AppEnv>): Promise<Response> {
  const { db, classId } = await loadClassAndTask(c);
  const body = await c.req.parseBody({ all: true });
  const values = formValues(body);
  const parsed = taskSchema.safeParse(pick(values, ['title', 'kind', 'format', 'dueDate']));
  const standards = await listClassStandards(db, classId);
  const known = new Set(standards.map((s) => s.id));
  const standardIds = ([] as string[]).concat(values.standardIds ?? []);
  const criteria = readCriteria(values);

  const errors = parsed.success ? {} : problemsByField(parsed.error);
  if (standardIds.length === 0 && criteria.length === 0) {
    errors.standardIds = 'Choose at least one standard or write a rubric criterion';
  }
  if ([...standardIds, ...criteria.map((c) => c.standardId)].some((id) => !known.has(id))) {
    errors.standardIds = 'Choose standards of this class';
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return renderTaskForm(c, values, errors, 400);
  }

  const taskId = await createTask(
    db,
    { classId, ...parsed.data, standardIds, criteria },
    recorderOf(c),
    new Date(),
  );
  return c.redirect(`/classes/${classId}/tasks/${taskId}?created=1`, 303);
}

/** The rubric rows that have a title and a standard. */
function readCriteria(values: TaskFormValues) {
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  return Array.from({ length: RUBRIC_ROWS }, (_, i) => i)
    .filter((i) => text(`criterion.${i}.title`) !== '' && text(`criterion.${i}.standardId`) !== '')
    .map((i) => ({
      title: text(`criterion.${i}.title`),
      standardId: text(`criterion.${i}.standardId`),
      descriptors: Object.fromEntries(
        [1, 2, 3, 4]
          .map((v) => [String(v), text(`criterion.${i}.level.${v}`)] as const)
          .filter(([, d]) => d !== ''),
      ),
    }));
}

function formValues(body: Record<string, unknown>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === 'string');
  }
  return values;
}

function pick(values: TaskFormValues, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
}

async function showScoring(
  c: Context<AppEnv>,
  conflict?: { studentId: string; sent: AttemptState; current: AttemptState | null },
): Promise<Response> {
  const { db, classId, info, task } = await loadClassAndTask(c);
  const students = await listClassStudents(db, classId, today());
  const ids = students.map((s) => s.id);
  const attempts = await listAttempts(db, task!.id, ids);
  const plans = await listPlans(db, task!.id);
  const supports = await listSupports(db, ids);
  const withIep = await studentsWithIep(db, ids);
  const personId = requireViewer(c).personId;

  const rows: ScoringRow[] = students.map((student) => {
    const mine = attempts.filter((a) => a.student_id === student.id).map(stateOf);
    return {
      student,
      hasIep: withIep.has(student.id),
      supports: supports.filter((s) => s.studentId === student.id && appliesTo(s, task!)),
      plan: plans.get(student.id) ?? null,
      attempt: mine.at(-1) ?? null,
      earlier: mine.slice(0, -1),
      conflict: conflict?.studentId === student.id ? conflict : null,
    };
  });
  const model = {
    classId,
    classTitle: info.title,
    task: task!,
    columns: await listTaskColumns(db, task!.id),
    levels: await listDefaultScaleLevels(db),
    formats: DEMONSTRATION_FORMATS,
    rows,
    comments: personId ? await listComments(db, personId) : [],
    today: today(),
    notice: noticeOf(c.req.query()),
  };
  const page = <TaskScoringPage {...frameOf(c, `Score: ${task!.title}`)} model={model} />;
  return renderPage(c, page, conflict ? 409 : 200);
}

function noticeOf(query: Record<string, string>): string | null {
  if (query.created) return 'Task created. Score the class below.';
  if (query.revision) return 'Revision started: its scores will replace the earlier attempt.';
  if (query.plan) return 'Plan saved.';
  if (query.saved) return 'Saved.';
  return null;
}

/** Words that name each kind of task in an accommodation's settings or description. */
const KIND_WORDS: Readonly<Record<string, readonly string[]>> = {
  quiz: ['quiz', 'test', 'assessment'],
  project: ['project', 'assignment'],
  oral: ['oral', 'speaking', 'discussion', 'verbal', 'aloud'],
  performance: ['performance', 'hands-on', 'lab'],
  observation: ['observation', 'class work'],
};

function namesKind(text: string, kind: string): boolean {
  return (KIND_WORDS[kind] ?? [kind]).some((word) => text.includes(word));
}

/**
 * True when a support applies to this task's kind. A support noted by a teacher lists its
 * kinds. An IEP accommodation applies where its settings say "all" or name the kind, and, when
 * its description names kinds of task, only to those.
 * Example: "Extended time (1.5x) on tests" in "all classes" applies to a quiz, not to an oral
 * explanation; "Directions read aloud" in "all classes" applies to every kind.
 */
export function appliesTo(support: StudentSupport, task: Pick<TaskRow, 'kind'>): boolean {
  const applies = support.applies.toLowerCase();
  if (support.source === 'teacher') {
    return (
      applies === 'all tasks' ||
      applies
        .split(',')
        .map((k) => k.trim())
        .includes(task.kind)
    );
  }
  if (!/\ball\b/.test(applies) && !namesKind(applies, task.kind)) return false;

  const description = support.description.toLowerCase();
  const named = Object.keys(KIND_WORDS).filter(
    (kind) => kind !== 'oral' && namesKind(description, kind),
  );
  return named.length === 0 || named.includes(task.kind);
}

async function saveAttemptRoute(c: Context<AppEnv>): Promise<Response> {
  const { db, classId, task } = await loadClassAndTask(c);
  const body = await c.req.parseBody();
  const levels = readLevels(body);
  const fields = Object.fromEntries(
    Object.entries(body).filter(([k]) => k !== '_csrf' && !k.startsWith('level.')),
  );
  const parsed = attemptFormSchema.safeParse(fields);
  if (!parsed.success) return invalidSave(c, problemsByField(parsed.error));
  const student = await requireStudentInClass(c, classId, parsed.data.studentId);
  if (!levels.ok) {
    const name = `${student.givenName} ${student.familyName}`;
    return invalidSave(c, { [levels.field]: `${levels.message} for ${name}` });
  }

  const { version, ...input } = parsed.data;
  const outcome = await saveAttempt(
    db,
    { ...input, taskId: task!.id, expectedVersion: version, levels: levels.value },
    recorderOf(c),
    new Date(),
  );
  return answerSave(c, outcome, { ...input, version, levels: levels.value });
}

function wantsJsonAnswer(c: Context<AppEnv>): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** What the editor sent, to show again beside the current value after a conflict. */
type SentAttempt = z.output<typeof attemptFormSchema> & {
  readonly levels: Readonly<Record<string, number | null>>;
};

async function answerSave(
  c: Context<AppEnv>,
  outcome: SaveOutcome,
  input: SentAttempt,
): Promise<Response> {
  if (outcome.ok) {
    if (wantsJsonAnswer(c)) return c.json({ saved: outcome.attempt });
    const path = `/classes/${c.req.param('classId')}/tasks/${c.req.param('taskId')}`;
    return c.redirect(`${path}?saved=1#row-${input.studentId}`, 303);
  }
  if (outcome.kind !== 'conflict') {
    if (outcome.kind === 'not_found') throw new AppError('not_found');
    return invalidSave(c, { _form: outcome.message });
  }

  if (wantsJsonAnswer(c)) {
    return c.json(
      { error: { code: 'conflict', message: outcome.message }, current: outcome.current },
      409,
    );
  }
  const levels = Object.entries(input.levels).filter(
    (entry): entry is [string, number] => entry[1] !== null,
  );
  const sent: AttemptState = {
    ...input,
    isRevision: input.number > 1,
    levels: Object.fromEntries(levels),
  };
  return showScoring(c, { studentId: input.studentId, sent, current: outcome.current });
}

/**
 * A save refused for bad input. The JSON answer carries the problems as sentences for the
 * teacher, without internal field names; `fields` keeps which field each problem belongs to.
 */
function invalidSave(c: Context<AppEnv>, errors: Record<string, string>): Response {
  if (wantsJsonAnswer(c)) {
    const message = Object.values(errors).join('; ');
    return c.json({ error: { code: 'invalid_input', message, fields: errors } }, 400);
  }
  throw new AppError('invalid_input', Object.values(errors).join(' '));
}

type LevelsRead =
  | { readonly ok: true; readonly value: Record<string, number | null> }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** The `level.<columnId>` fields: a whole level 1-4, or empty to clear. */
function readLevels(body: Record<string, unknown>): LevelsRead {
  const value: Record<string, number | null> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (!key.startsWith('level.') || typeof raw !== 'string') continue;
    const text = raw.trim();
    if (text !== '' && !/^[1-4]$/.test(text)) {
      return { ok: false, field: key, message: 'Type a level from 1 to 4' };
    }
    value[key.slice('level.'.length)] = text === '' ? null : Number(text);
  }
  return { ok: true, value };
}

async function requireStudentInClass(
  c: Context<AppEnv>,
  classId: string,
  studentId: string,
): Promise<StudentSummary> {
  const students = await listClassStudents(c.get('store').db, classId, today());
  const student = students.find((s) => s.id === studentId);
  if (!student) throw new AppError('not_found');
  return student;
}

async function startRevisionRoute(c: Context<AppEnv>): Promise<Response> {
  const { db, classId, task } = await loadClassAndTask(c);
  const sent = (await c.req.parseBody()).studentId;
  const studentId = typeof sent === 'string' ? sent : '';
  await requireStudentInClass(c, classId, studentId);

  const plan = (await listPlans(db, task!.id)).get(studentId);
  const outcome = await startRevision(
    db,
    task!.id,
    studentId,
    plan?.offered_format ?? null,
    recorderOf(c),
    new Date(),
  );
  if (!outcome.ok) throw new AppError('invalid_input', outcome.message);
  return c.redirect(`/classes/${classId}/tasks/${task!.id}?revision=1#row-${studentId}`, 303);
}

async function savePlanRoute(c: Context<AppEnv>): Promise<Response> {
  const { db, classId, task } = await loadClassAndTask(c);
  const body = formValues(await c.req.parseBody());
  const parsed = planSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('invalid_input', Object.values(problemsByField(parsed.error)).join(' '));
  }
  await requireStudentInClass(c, classId, parsed.data.studentId);

  await savePlan(db, { taskId: task!.id, ...parsed.data }, recorderOf(c), new Date());
  const anchor = `#row-${parsed.data.studentId}`;
  return c.redirect(`/classes/${classId}/tasks/${task!.id}?plan=1${anchor}`, 303);
}

async function addCommentRoute(c: Context<AppEnv>): Promise<Response> {
  const { db, classId } = await loadClassAndTask(c);
  const parsed = commentSchema.safeParse(formValues(await c.req.parseBody()));
  if (!parsed.success) {
    throw new AppError('invalid_input', Object.values(problemsByField(parsed.error)).join(' '));
  }
  const ownerId = requireViewer(c).personId;
  if (!ownerId) throw new AppError('not_found');

  await addComment(db, {
    id: randomUUID(),
    owner_id: ownerId,
    kind: parsed.data.kind,
    text: parsed.data.text,
    created_at: new Date().toISOString(),
  });
  return c.redirect(`/classes/${classId}/tasks?added=comment`, 303);
}

const staffOfClass = { kind: 'class-staff', param: 'classId' } as const;

export const taskRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/classes/:classId/tasks', access: staffOfClass, handler: showTasks },
  {
    method: 'get',
    path: '/classes/:classId/tasks/new',
    access: staffOfClass,
    handler: showTaskForm,
  },
  { method: 'post', path: '/classes/:classId/tasks', access: staffOfClass, handler: saveTask },
  {
    method: 'get',
    path: '/classes/:classId/tasks/:taskId',
    access: staffOfClass,
    handler: (c) => showScoring(c),
  },
  {
    method: 'post',
    path: '/classes/:classId/tasks/:taskId/attempts',
    access: staffOfClass,
    handler: saveAttemptRoute,
  },
  {
    method: 'post',
    path: '/classes/:classId/tasks/:taskId/revisions',
    access: staffOfClass,
    handler: startRevisionRoute,
  },
  {
    method: 'post',
    path: '/classes/:classId/tasks/:taskId/plans',
    access: staffOfClass,
    handler: savePlanRoute,
  },
  {
    method: 'post',
    path: '/classes/:classId/comments',
    access: staffOfClass,
    handler: addCommentRoute,
  },
];
