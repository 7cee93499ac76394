/**
 * Scoring a task: creating a task aligned to standards (optionally with a rubric), saving one
 * student's attempt (levels by column, format, date and feedback), starting a revision, and a
 * student's own plan for the task.
 *
 * An attempt save names the version it read. In one transaction it checks that version, writes
 * or changes one piece of evidence per scored column, keeps the attempt's history, refreshes
 * mastery and audits the change. A stale save changes nothing and answers the current value.
 * A revision is a new attempt; each of its evidence rows `revises` the earlier attempt's row on
 * the same column, so it supersedes (never averages with) the earlier score.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit.repository.js';
import { insertEvidence } from '../store/gradebook.repository.js';
import type { Database } from '../store/schema.js';
import {
  appendAttemptHistory,
  findAttempt,
  insertAttempt,
  insertTask,
  linkAttemptScore,
  listTaskColumns,
  updateAttemptIfVersion,
  upsertPlan,
  type AttemptWithScores,
  type TaskColumn,
} from '../store/workspace.repository.js';
import type { Recorder } from './evidence.service.js';
import { refreshMastery } from './mastery.service.js';

type Db = Kysely<Database>;

/** The kinds of task a teacher can set. */
export const TASK_KINDS = ['quiz', 'project', 'oral', 'performance', 'observation'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The formats a demonstration can take. */
export const DEMONSTRATION_FORMATS = ['written', 'verbal', 'hands-on', 'multimodal'] as const;

/** An attempt as the scoring grid shows it and a conflict answers it. */
export interface AttemptState {
  readonly number: number;
  readonly version: number;
  readonly isRevision: boolean;
  readonly levels: Readonly<Record<string, number>>;
  readonly format: string;
  readonly observedOn: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
  readonly supports: string | null;
}

/** What a save answers: the saved state, or why it was refused (a conflict has the current). */
export type SaveOutcome =
  | { readonly ok: true; readonly attempt: AttemptState }
  | { readonly ok: false; readonly kind: 'not_found' | 'invalid'; readonly message: string }
  | {
      readonly ok: false;
      readonly kind: 'conflict';
      readonly message: string;
      readonly current: AttemptState | null;
    };

/** A new task as the form gives it. */
export interface TaskInput {
  readonly classId: string;
  readonly title: string;
  readonly kind: TaskKind;
  readonly format: string;
  readonly dueDate: string | null;
  readonly standardIds: readonly string[];
  readonly criteria: ReadonlyArray<{
    readonly title: string;
    readonly standardId: string;
    readonly descriptors: Readonly<Record<string, string>>;
  }>;
}

/** Creates a task with its standards (those of its rubric's criteria too) and rubric. */
export async function createTask(
  db: Db,
  input: TaskInput,
  recorder: Recorder,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const standardIds = [
    ...new Set([...input.standardIds, ...input.criteria.map((c) => c.standardId)]),
  ];
  await db.transaction().execute(async (trx) => {
    await insertTask(trx, {
      task: {
        id,
        source_id: null,
        class_id: input.classId,
        title: input.title,
        kind: input.kind,
        format: input.format,
        due_date: input.dueDate,
        created_at: now.toISOString(),
      },
      standardIds,
      criteria: input.criteria.map((c, i) => ({
        id: randomUUID(),
        task_id: id,
        standard_id: c.standardId,
        list_order: i,
        title: c.title,
        levels_json: JSON.stringify(c.descriptors),
      })),
    });
    await auditRow(trx, recorder, now, 'create', 'task', id, null);
  });
  return id;
}

/** One student's attempt as the grid sends it. */
export interface AttemptSave {
  readonly taskId: string;
  readonly studentId: string;
  readonly number: number;
  /** The version the editor read; 0 when the attempt did not exist yet. */
  readonly expectedVersion: number;
  /** Level by column id; null clears a column. Columns left out keep their level. */
  readonly levels: Readonly<Record<string, number | null>>;
  readonly format: string;
  readonly observedOn: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
  readonly supports: string | null;
}

/** Saves an attempt if nobody changed it since the editor read it; see the module comment. */
export async function saveAttempt(
  db: Db,
  save: AttemptSave,
  recorder: Recorder,
  now: Date,
): Promise<SaveOutcome> {
  try {
    return await saveInTransaction(db, save, recorder, now);
  } catch (error) {
    if (!(error instanceof StaleAttempt)) throw error;
    const current = await findAttempt(db, save.taskId, save.studentId, save.number);
    return conflict(current);
  }
}

/** Thrown inside the transaction when another save committed first, to roll it back. */
class StaleAttempt extends Error {}

async function saveInTransaction(
  db: Db,
  save: AttemptSave,
  recorder: Recorder,
  now: Date,
): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const columns = await listTaskColumns(trx, save.taskId);
    const unknown = Object.keys(save.levels).find((id) => !columns.some((c) => c.columnId === id));
    if (unknown !== undefined)
      return invalid('This task has changed since the page was opened. Reload it and score again.');

    const current = await findAttempt(trx, save.taskId, save.studentId, save.number);
    const refused = refusal(current, save);
    if (refused) return refused;

    const attemptId = await writeAttempt(trx, current, save, recorder, now);
    const previous =
      save.number > 1
        ? await findAttempt(trx, save.taskId, save.studentId, save.number - 1)
        : undefined;
    const touched = await writeEvidence(
      trx,
      attemptId,
      columns,
      save,
      previous,
      current,
      recorder,
      now,
    );
    await refreshMastery(
      trx,
      touched.map((standardId) => ({ studentId: save.studentId, standardId })),
    );

    const saved = await findAttempt(trx, save.taskId, save.studentId, save.number);
    await history(trx, saved!, current, recorder, now);
    await auditRow(
      trx,
      recorder,
      now,
      current ? 'update' : 'create',
      'task-attempt',
      attemptId,
      save.studentId,
    );
    return { ok: true as const, attempt: stateOf(saved!) };
  });
}

function refusal(current: AttemptWithScores | undefined, save: AttemptSave): SaveOutcome | null {
  if (!current && save.number > 1) {
    return { ok: false, kind: 'not_found', message: 'Start the revision before scoring it.' };
  }
  const currentVersion = current ? current.version : 0;
  return currentVersion === save.expectedVersion ? null : conflict(current);
}

function conflict(current: AttemptWithScores | undefined): SaveOutcome {
  return {
    ok: false,
    kind: 'conflict',
    message: 'Someone else saved this score while you were editing. Here is the current value.',
    current: current ? stateOf(current) : null,
  };
}

async function writeAttempt(
  trx: Db,
  current: AttemptWithScores | undefined,
  save: AttemptSave,
  recorder: Recorder,
  now: Date,
): Promise<string> {
  const fields = {
    format: save.format,
    observed_on: save.observedOn,
    strength: save.strength,
    next_step: save.nextStep,
    supports: save.supports,
    updated_at: now.toISOString(),
    updated_by: recorder.personId,
  };
  if (current) {
    const changed = await updateAttemptIfVersion(trx, current.id, current.version, fields);
    // A miss after the check means a concurrent save committed in between.
    if (!changed) throw new StaleAttempt();
    return current.id;
  }

  const id = randomUUID();
  try {
    await insertAttempt(trx, {
      id,
      task_id: save.taskId,
      student_id: save.studentId,
      number: 1,
      revises_attempt_id: null,
      created_at: now.toISOString(),
      ...fields,
    });
  } catch {
    // The unique (task, student, number) key refused it: a concurrent first save won.
    throw new StaleAttempt();
  }
  return id;
}

/** Writes each column's evidence; answers the standards whose mastery must be refreshed. */
async function writeEvidence(
  trx: Db,
  attemptId: string,
  columns: readonly TaskColumn[],
  save: AttemptSave,
  previous: AttemptWithScores | undefined,
  current: AttemptWithScores | undefined,
  recorder: Recorder,
  now: Date,
): Promise<string[]> {
  const touched = new Set<string>();
  for (const column of columns) {
    const existingId = current?.evidenceIds[column.columnId];
    const level = column.columnId in save.levels ? save.levels[column.columnId] : undefined;
    const feedback = {
      format: save.format,
      observed_at: save.observedOn,
      strength: save.strength,
      next_step: save.nextStep,
      supports: save.supports,
    };

    if (existingId !== undefined) {
      await trx
        .updateTable('evidence')
        .set((eb) => ({
          ...feedback,
          ...(level === undefined
            ? {}
            : level === null
              ? { excluded: 1, exclusion_reason: 'Level cleared in the task grid' }
              : { score: level, excluded: 0, exclusion_reason: null }),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', existingId)
        .execute();
      touched.add(column.standardId);
    } else if (level !== undefined && level !== null) {
      const [evidenceId] = await insertEvidence(trx, [
        {
          student_id: save.studentId,
          standard_id: column.standardId,
          task_id: save.taskId,
          revises_id: previous?.evidenceIds[column.columnId] ?? null,
          score: level,
          recorded_at: now.toISOString(),
          judged_by: recorder.personId,
          origin: 'task-grid',
          ...feedback,
        },
      ]);
      await linkAttemptScore(trx, {
        attempt_id: attemptId,
        column_id: column.columnId,
        standard_id: column.standardId,
        evidence_id: evidenceId!,
      });
      touched.add(column.standardId);
    }
  }
  return [...touched];
}

async function history(
  trx: Db,
  saved: AttemptWithScores,
  before: AttemptWithScores | undefined,
  recorder: Recorder,
  now: Date,
): Promise<void> {
  await appendAttemptHistory(trx, {
    attempt_id: saved.id,
    version: saved.version,
    changed_by: recorder.personId,
    changed_at: now.toISOString(),
    old_json: before ? JSON.stringify(stateOf(before)) : null,
    new_json: JSON.stringify(stateOf(saved)),
  });
}

/**
 * Starts a revision of a student's latest attempt: a new, unscored attempt that revises it,
 * in the format offered to the student when there is one. Answers the new attempt's number.
 */
export async function startRevision(
  db: Db,
  taskId: string,
  studentId: string,
  format: string | null,
  recorder: Recorder,
  now: Date,
): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('task_attempts')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('student_id', '=', studentId)
      .orderBy('number', 'desc')
      .executeTakeFirst();
    if (!latest) return invalid('Score a first attempt before starting a revision.');

    const number = latest.number + 1;
    await insertAttempt(trx, {
      id: randomUUID(),
      task_id: taskId,
      student_id: studentId,
      number,
      revises_attempt_id: latest.id,
      format: format ?? latest.format,
      observed_on: now.toISOString().slice(0, 10),
      strength: null,
      next_step: null,
      supports: latest.supports,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      updated_by: recorder.personId,
    });
    await auditRow(trx, recorder, now, 'create', 'task-revision', taskId, studentId);
    const created = await findAttempt(trx, taskId, studentId, number);
    return { ok: true as const, attempt: stateOf(created!) };
  });
}

/** A student's plan for a task: another format offered, an extension, a reassessment. */
export interface PlanInput {
  readonly taskId: string;
  readonly studentId: string;
  readonly offeredFormat: string | null;
  readonly dueDate: string | null;
  readonly reassessFrom: string | null;
  readonly reassessUntil: string | null;
  readonly note: string | null;
}

/** Saves a student's plan for a task and audits it. */
export async function savePlan(
  db: Db,
  plan: PlanInput,
  recorder: Recorder,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await upsertPlan(trx, {
      task_id: plan.taskId,
      student_id: plan.studentId,
      offered_format: plan.offeredFormat,
      due_date: plan.dueDate,
      reassess_from: plan.reassessFrom,
      reassess_until: plan.reassessUntil,
      note: plan.note,
      updated_at: now.toISOString(),
      updated_by: recorder.personId,
    });
    await auditRow(trx, recorder, now, 'update', 'task-plan', plan.taskId, plan.studentId);
  });
}

/** The state of an attempt as the grid and a conflict answer show it. */
export function stateOf(attempt: AttemptWithScores): AttemptState {
  return {
    number: attempt.number,
    version: attempt.version,
    isRevision: attempt.revises_attempt_id !== null,
    levels: attempt.levels,
    format: attempt.format,
    observedOn: attempt.observed_on,
    strength: attempt.strength,
    nextStep: attempt.next_step,
    supports: attempt.supports,
  };
}

function invalid(message: string): SaveOutcome {
  return { ok: false, kind: 'invalid', message };
}

async function auditRow(
  trx: Db,
  recorder: Recorder,
  now: Date,
  action: string,
  entity: string,
  entityId: string,
  studentId: string | null,
): Promise<void> {
  await appendAudit(trx, {
    at: now.toISOString(),
    account_id: recorder.accountId,
    action,
    entity,
    entity_id: entityId,
    student_id: studentId,
    request_id: recorder.requestId,
    detail_json: null,
  });
}
