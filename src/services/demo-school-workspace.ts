/**
 * The demo school's workspace data, seeded after the school itself: each demo task's standard,
 * attempts built from the demo evidence (a revision as a second attempt), a new quiz and a
 * rubric task waiting to be scored, the teacher's comment bank, and a support noted outside
 * an IEP. (The IEPs, their accommodations and data sessions come from iep-demo.ts.) Every
 * person is invented.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { insertTask, linkAttemptScore } from '../store/workspace.repository.js';
import { MATH_TASKS, READING_TASKS } from './demo-school.data.js';

type Db = Kysely<Database>;

/** Ids the workspace seeding needs from the demo school. */
export interface DemoWorkspaceIds {
  readonly mathClassId: string;
  readonly teacherId: string;
  readonly studentIds: Readonly<Record<string, string>>;
  readonly standardIds: Readonly<Record<string, string>>;
}

/** Ids of what was seeded, for tests. */
export interface DemoWorkspace {
  /** The unscored quiz aligned to two multiplication and division standards. */
  readonly quizTaskId: string;
  /** The oral task with a two-criterion rubric. */
  readonly rubricTaskId: string;
}

/** Seeds the workspace data into a freshly seeded demo school. */
export async function seedDemoWorkspace(
  db: Db,
  ids: DemoWorkspaceIds,
  now: Date,
): Promise<DemoWorkspace> {
  await alignDemoTasks(db, ids);
  await attemptsFromEvidence(db);
  const tasks = await newTasks(db, ids, now);
  await commentBank(db, ids, now);
  await db
    .insertInto('student_supports')
    .values({
      id: randomUUID(),
      student_id: ids.studentIds.s07!,
      task_kinds: 'quiz,project',
      description: 'Directions read aloud on request',
      provider: 'classroom teacher',
      created_at: now.toISOString(),
    })
    .execute();
  return tasks;
}

async function alignDemoTasks(db: Db, ids: DemoWorkspaceIds): Promise<void> {
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'source_id'])
    .where('source_id', 'like', 'DEMO-TASK-%')
    .execute();
  const byKey = new Map(tasks.map((t) => [t.source_id!.slice('DEMO-TASK-'.length), t.id]));
  const rows = [...MATH_TASKS, ...READING_TASKS]
    .filter((t) => byKey.has(t.key))
    .map((t) => ({ task_id: byKey.get(t.key)!, standard_id: ids.standardIds[t.standardKey]! }));
  if (rows.length > 0) await db.insertInto('task_standards').values(rows).execute();
}

/** One attempt per first piece of task evidence, and a second attempt for each revision. */
async function attemptsFromEvidence(db: Db): Promise<void> {
  const evidence = await db
    .selectFrom('evidence')
    .selectAll()
    .where('task_id', 'is not', null)
    .orderBy('id')
    .execute();
  const attemptOfEvidence = new Map<number, string>();
  for (const e of evidence) {
    const revised = e.revises_id === null ? undefined : attemptOfEvidence.get(e.revises_id);
    const id = randomUUID();
    await db
      .insertInto('task_attempts')
      .values({
        id,
        task_id: e.task_id!,
        student_id: e.student_id,
        number: revised ? 2 : 1,
        revises_attempt_id: revised ?? null,
        format: e.format,
        observed_on: (e.observed_at ?? e.recorded_at).slice(0, 10),
        strength: e.strength,
        next_step: e.next_step,
        supports: e.supports,
        created_at: e.recorded_at,
        updated_at: e.recorded_at,
        updated_by: e.judged_by,
      })
      .execute();
    attemptOfEvidence.set(e.id, id);
    await linkAttemptScore(db, {
      attempt_id: id,
      column_id: e.standard_id,
      standard_id: e.standard_id,
      evidence_id: e.id,
    });
  }
}

async function newTasks(db: Db, ids: DemoWorkspaceIds, now: Date): Promise<DemoWorkspace> {
  const quizTaskId = randomUUID();
  const rubricTaskId = randomUUID();
  const base = { source_id: null, class_id: ids.mathClassId, created_at: now.toISOString() };
  await insertTask(db, {
    task: {
      ...base,
      id: quizTaskId,
      title: 'Multiply and divide check-in',
      kind: 'quiz',
      format: 'written',
      due_date: '2026-12-04',
    },
    standardIds: [ids.standardIds['nbt-b5']!, ids.standardIds['nbt-b6']!],
    criteria: [],
  });
  await insertTask(db, {
    task: {
      ...base,
      id: rubricTaskId,
      title: 'Explain your fraction strategy',
      kind: 'oral',
      format: 'verbal',
      due_date: '2026-12-09',
    },
    standardIds: [ids.standardIds['nf-a1']!],
    criteria: [
      criterion(rubricTaskId, ids.standardIds['nf-a1']!, 0, 'Finds a common denominator', [
        'Names the denominators',
        'Finds a common denominator with help',
        'Finds a common denominator',
        'Finds the least common denominator and says why',
      ]),
      criterion(rubricTaskId, ids.standardIds['nf-a1']!, 1, 'Explains each step', [
        'Says the answer',
        'Names some steps',
        'Explains each step in order',
        'Explains why each step works',
      ]),
    ],
  });
  return { quizTaskId, rubricTaskId };
}

function criterion(
  taskId: string,
  standardId: string,
  order: number,
  title: string,
  descriptors: readonly string[],
) {
  return {
    id: randomUUID(),
    task_id: taskId,
    standard_id: standardId,
    list_order: order,
    title,
    levels_json: JSON.stringify(Object.fromEntries(descriptors.map((d, i) => [String(i + 1), d]))),
  };
}

async function commentBank(db: Db, ids: DemoWorkspaceIds, now: Date): Promise<void> {
  const comments: ReadonlyArray<readonly ['strength' | 'next_step', string]> = [
    ['strength', 'Showed every step clearly.'],
    ['strength', 'Checked the answer with an estimate.'],
    ['strength', 'Used a model that fits the problem.'],
    ['next_step', 'Label each part of your model.'],
    ['next_step', 'Explain why your strategy works.'],
    ['next_step', 'Try the standard method, then check with your model.'],
  ];
  await db
    .insertInto('comment_bank')
    .values(
      comments.map(([kind, text]) => ({
        id: randomUUID(),
        owner_id: ids.teacherId,
        kind,
        text,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}
