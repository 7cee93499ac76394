import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type ProficiencyScale } from '../../src/domain/scale.js';
import {
  ensureDefaultScale,
  loadAllResults,
  loadScales,
} from '../../src/store/mastery.repository.js';
import type { Database } from '../../src/store/schema.js';
import {
  clearOverride,
  courseSummaryFor,
  explainMastery,
  masteryAsOf,
  masteryRollup,
  rebuildMasteryReport,
  refreshMastery,
  refreshPairs,
  setCourseSummary,
  setOverride,
  setPolicy,
  setScale,
} from '../../src/services/mastery.service.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

type Db = Kysely<Database>;

const SCHOOL = 'sch-oak';

/** Inserts a synthetic student at the test school. */
async function addStudent(db: Db, id: string, schoolId: string | null = SCHOOL): Promise<void> {
  await db
    .insertInto('people')
    .values({
      id,
      source_id: id,
      kind: 'student',
      given_name: 'Sam',
      family_name: `Test ${id}`,
      school_id: schoolId,
    })
    .execute();
}

/** Inserts a standard in framework fw-math. */
async function addStandard(db: Db, id: string, parentId: string | null = null): Promise<void> {
  await db
    .insertInto('standards')
    .values({
      id,
      framework_id: 'fw-math',
      source_id: id,
      code: id,
      statement: `Standard ${id}`,
      student_wording: null,
      family_wording: null,
      parent_id: parentId,
      item_type: 'Standard',
      grade_levels: '05',
      list_order: null,
    })
    .execute();
}

interface EvidenceValues {
  readonly score: number | null;
  readonly observedAt?: string | null;
  readonly recordedAt?: string;
  readonly taskId?: string | null;
  readonly revisesId?: number | null;
  readonly excluded?: 0 | 1;
}

/** Inserts evidence for a pair; returns its id. */
async function addEvidence(db: Db, studentId: string, standardId: string, values: EvidenceValues) {
  const observedAt = values.observedAt === undefined ? '2026-10-01' : values.observedAt;
  const row = await db
    .insertInto('evidence')
    .values({
      source_id: null,
      student_id: studentId,
      standard_id: standardId,
      task_id: values.taskId ?? null,
      revises_id: values.revisesId ?? null,
      score: values.score,
      observed_at: observedAt,
      recorded_at: values.recordedAt ?? `${observedAt ?? '2026-09-01'}T12:00:00.000Z`,
      judged_by: null,
      format: 'written',
      strength: null,
      next_step: null,
      supports: null,
      excluded: values.excluded ?? 0,
      exclusion_reason: values.excluded ? 'scored for the wrong student' : null,
      origin: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function resultOf(db: Db, studentId: string, standardId: string) {
  return db
    .selectFrom('mastery_results')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('standard_id', '=', standardId)
    .executeTakeFirst();
}

describe(`mastery service on ${testDatabaseKind}`, () => {
  let store: TestStore;
  let db: Db;

  beforeAll(async () => {
    store = await createTestStore();
    db = store.db;
    await db
      .insertInto('organizations')
      .values({
        id: SCHOOL,
        source_id: SCHOOL,
        name: 'Oak School',
        kind: 'school',
        parent_id: null,
      })
      .execute();
    await db
      .insertInto('frameworks')
      .values({
        id: 'fw-math',
        source_id: 'fw-math',
        title: 'Math',
        creator: null,
        subject: 'Math',
        version: null,
        source_format: 'test',
      })
      .execute();
    await addStandard(db, 'P');
    for (const id of ['A', 'B', 'C', 'D']) await addStandard(db, id, 'P');
    for (const id of ['s1', 's2', 's3', 's4', 's5']) await addStudent(db, id);
    await db
      .insertInto('classes')
      .values({
        id: 'class-5a',
        source_id: 'class-5a',
        school_id: SCHOOL,
        session_id: null,
        title: 'Math 5A',
        course_code: 'M5',
        subject: 'Math',
        grade_level: '5',
      })
      .execute();
    await db
      .insertInto('tasks')
      .values({
        id: 'quiz-1',
        source_id: null,
        class_id: 'class-5a',
        title: 'Quiz 1',
        kind: 'quiz',
        format: 'written',
        due_date: null,
        created_at: '2026-09-01T00:00:00Z',
      })
      .execute();
    expect(await ensureDefaultScale(db)).toBe(true);
  });
  afterAll(() => store.destroy());

  it('stores the default scale once, and only when no scale exists', async () => {
    expect(await ensureDefaultScale(db)).toBe(false);
    const scales = await loadScales(db);
    expect(scales).toHaveLength(1);
    expect(scales[0]).toMatchObject({ id: DEFAULT_SCALE.id, scopeKind: 'district', scopeId: null });
    expect(scales[0]?.levels).toEqual(DEFAULT_SCALE.levels);
  });

  it('refreshes a result after evidence arrives, with the default decaying average', async () => {
    await addEvidence(db, 's1', 'A', { score: 2, observedAt: null });
    await addEvidence(db, 's1', 'A', { score: 3, observedAt: null });
    await addEvidence(db, 's1', 'A', { score: 4, observedAt: '2026-10-02T10:00:00Z' });
    await refreshMastery(db, [{ studentId: 's1', standardId: 'A' }]);

    expect(await resultOf(db, 's1', 'A')).toMatchObject({
      method: 'decaying_average',
      param: 65,
      score: 3.5275,
      level_value: 3,
      evidence_count: 3,
      scale_id: DEFAULT_SCALE.id,
      mastered: 1,
    });
  });

  it('lets a revision supersede the attempt it revises', async () => {
    const first = await addEvidence(db, 's1', 'B', {
      score: 1,
      taskId: 'quiz-1',
      observedAt: '2026-10-01',
    });
    await addEvidence(db, 's1', 'B', {
      score: 4,
      taskId: 'quiz-1',
      revisesId: first,
      observedAt: '2026-10-08',
    });
    await refreshMastery(db, [{ studentId: 's1', standardId: 'B' }]);

    expect(await resultOf(db, 's1', 'B')).toMatchObject({
      score: 4,
      evidence_count: 1,
      level_value: 4,
    });
    const explained = await explainMastery(db, 's1', 'B');
    expect(explained.evidence.map((e) => [e.item.id, e.status, e.supersededBy])).toEqual([
      [first, 'superseded', first + 1],
      [first + 1, 'counted', null],
    ]);
  });

  it('keeps excluded evidence in the explanation but does not count it', async () => {
    await addEvidence(db, 's2', 'A', { score: 3, observedAt: '2026-10-01' });
    await addEvidence(db, 's2', 'A', { score: 0, observedAt: '2026-10-02', excluded: 1 });
    await refreshMastery(db, [{ studentId: 's2', standardId: 'A' }]);

    expect(await resultOf(db, 's2', 'A')).toMatchObject({ score: 3, evidence_count: 1 });
    const explained = await explainMastery(db, 's2', 'A');
    expect(explained.evidence.map((e) => e.status)).toEqual(['counted', 'excluded']);
    expect(explained.steps).toContain(
      'Not counted: evidence ' +
        `${explained.evidence[1]?.item.id} (observed 2026-10-02, score 0) ` +
        '(set aside by the teacher: scored for the wrong student).',
    );
    expect(explained).toMatchObject({
      methodName: 'Decaying average',
      shownScore: '3.00',
      mastered: true,
    });
    expect(explained.whatNext).toEqual({ kind: 'reachable', lowestScore: 3, masteredNow: true });
  });

  it('marks an override out of date when newer evidence arrives, and clears it', async () => {
    await addEvidence(db, 's3', 'A', { score: 2, observedAt: '2026-10-01' });
    const set = await setOverride(db, {
      studentId: 's3',
      standardId: 'A',
      levelValue: 3,
      reason: 'Explained it clearly in a conference',
      by: 'teacher-1',
      at: new Date('2026-10-03T10:00:00Z'),
    });
    expect(set.ok).toBe(true);
    expect((await explainMastery(db, 's3', 'A')).override).toMatchObject({
      stale: false,
      level: { label: 'Proficient' },
    });

    const newer = await addEvidence(db, 's3', 'A', { score: 2, observedAt: '2026-10-10' });
    const explained = await explainMastery(db, 's3', 'A');
    expect(explained.override).toMatchObject({ stale: true, newerEvidenceIds: [newer] });
    expect(explained.steps.at(-1)).toMatch(
      /It is out of date: 1 newer piece of evidence arrived since\.$/,
    );

    expect(await clearOverride(db, { studentId: 's3', standardId: 'A' }, 'teacher-1')).toBe(true);
    expect((await explainMastery(db, 's3', 'A')).override).toBeNull();
    const history = await db
      .selectFrom('mastery_overrides')
      .selectAll()
      .where('student_id', '=', 's3')
      .execute();
    expect(history).toHaveLength(1);
  });

  it('refuses an override off the scale or without a reason', async () => {
    const refused = await setOverride(db, {
      studentId: 's3',
      standardId: 'A',
      levelValue: 7,
      reason: '',
      by: null,
    });
    expect(refused).toEqual({
      ok: false,
      problems: [
        'level: 7 is not a level of this scale (1, 2, 3, 4)',
        'reason: say why the level is set by hand',
      ],
    });
  });

  it('answers mastery as it stood on a past date, with the override then in force', async () => {
    await addEvidence(db, 's4', 'C', { score: 2, observedAt: '2026-09-10' });
    await addEvidence(db, 's4', 'C', { score: 3, observedAt: '2026-10-01' });
    await addEvidence(db, 's4', 'C', { score: 4, observedAt: '2026-11-05' });
    await addEvidence(db, 's4', 'D', { score: 1, observedAt: '2026-10-20' });
    await setOverride(db, {
      studentId: 's4',
      standardId: 'C',
      levelValue: 4,
      reason: 'Portfolio',
      by: null,
      at: new Date('2026-11-06T09:00:00Z'),
    });

    const october = await masteryAsOf(db, 's4', '2026-10-15');
    expect(
      october.map((m) => [m.standardId, m.score, m.shownScore, m.evidenceCount, m.override]),
    ).toEqual([
      ['C', 2.65, '2.65', 2, null],
      ['D', null, null, 0, null],
    ]);
    const november = await masteryAsOf(db, 's4', '2026-11-30');
    expect(november[0]).toMatchObject({
      standardId: 'C',
      score: 3.5275,
      override: { levelValue: 4, reason: 'Portfolio' },
    });
  });

  it('reports how many students a policy change touches before recalculating them', async () => {
    await refreshMastery(db, [
      { studentId: 's4', standardId: 'C' },
      { studentId: 's4', standardId: 'D' },
      { studentId: 's3', standardId: 'A' },
    ]);
    const before = await loadAllResults(db);

    const preview = await setPolicy(
      db,
      { scopeKind: 'school', scopeId: SCHOOL, method: 'highest', param: null, by: 'admin' },
      { dryRun: true },
    );
    expect(preview).toEqual({ ok: true, dryRun: true, students: 4, results: 6, changed: 0 });
    expect(await loadAllResults(db)).toEqual(before);

    const applied = await setPolicy(
      db,
      { scopeKind: 'school', scopeId: SCHOOL, method: 'highest', param: null, by: 'admin' },
      { dryRun: false },
    );
    expect(applied).toMatchObject({ ok: true, dryRun: false, students: 4, results: 6 });
    expect(await resultOf(db, 's4', 'C')).toMatchObject({
      method: 'highest',
      param: null,
      score: 4,
    });
    expect(await resultOf(db, 's2', 'A')).toMatchObject({ method: 'highest', score: 3 });
  });

  it('lets a standard policy win over the school policy and touches only that standard', async () => {
    const change = {
      scopeKind: 'standard',
      scopeId: 'C',
      method: 'mean',
      param: null,
      minEvidence: 2,
      by: 'admin',
    } as const;
    expect(await setPolicy(db, change, { dryRun: true })).toMatchObject({
      students: 1,
      results: 1,
    });
    await setPolicy(db, change, { dryRun: false });

    expect(await resultOf(db, 's4', 'C')).toMatchObject({
      method: 'mean',
      score: 3,
      evidence_count: 3,
    });
    expect(await resultOf(db, 's4', 'D')).toMatchObject({ method: 'highest', score: 1 });
  });

  it('refuses a policy with a parameter out of range', async () => {
    const refused = await setPolicy(
      db,
      { scopeKind: 'course', scopeId: 'class-5a', method: 'recent_mean', param: 50, by: null },
      { dryRun: true },
    );
    expect(refused).toEqual({
      ok: false,
      problems: ['param: 50 is out of range; recent_mean needs n from 1 to 20'],
    });
  });

  it('recalculates the results read on a scale when the scale changes', async () => {
    const threeLevels: ProficiencyScale = {
      id: 'scale-math',
      name: 'Math three levels',
      levels: DEFAULT_SCALE.levels
        .slice(0, 3)
        .map((level) => ({ ...level, isMastery: level.value === 2 })),
    };
    const change = { scale: threeLevels, scopeKind: 'framework', scopeId: 'fw-math' } as const;
    const preview = await setScale(db, change, { dryRun: true });
    expect(preview).toMatchObject({ ok: true, dryRun: true, students: 4, results: 6, changed: 0 });

    await setScale(db, change, { dryRun: false });
    expect(await resultOf(db, 's4', 'D')).toMatchObject({
      scale_id: 'scale-math',
      score: 1,
      mastered: 0,
    });
    expect(await resultOf(db, 's3', 'A')).toMatchObject({
      scale_id: 'scale-math',
      score: 2,
      mastered: 1,
      level_value: 2,
    });
  });

  it('rebuilds exactly the stored results, and repairs a stored result that drifted', async () => {
    const before = await loadAllResults(db);
    expect(await rebuildMasteryReport(db)).toEqual({ computed: before.length, changed: 0 });
    expect(await loadAllResults(db)).toEqual(before);

    await db
      .updateTable('mastery_results')
      .set({ score: 0 })
      .where('student_id', '=', 's1')
      .where('standard_id', '=', 'A')
      .execute();
    expect(await rebuildMasteryReport(db)).toEqual({ computed: before.length, changed: 1 });
    const repaired = await loadAllResults(db);
    expect(repaired.map(({ computedAt: _c, ...rest }) => rest)).toEqual(
      before.map(({ computedAt: _c, ...rest }) => rest),
    );
  });

  it('rolls standards up to their parent and shows a course summary only when turned on', async () => {
    const rollups = await masteryRollup(db, 's1');
    const parent = rollups.find((r) => r.standardId === 'P');
    expect(parent).toMatchObject({ childCount: 4, scoredChildCount: 2 });
    const a = await resultOf(db, 's1', 'A');
    const b = await resultOf(db, 's1', 'B');
    expect(parent?.score).toBeCloseTo(((a?.score ?? 0) + (b?.score ?? 0)) / 2, 12);

    expect(await courseSummaryFor(db, 's1', 'class-5a')).toEqual({ kind: 'off' });
    await setCourseSummary(db, SCHOOL, true);
    expect(await courseSummaryFor(db, 's1', 'class-5a')).toMatchObject({
      kind: 'summary',
      score: b?.score,
      standardCount: 1,
    });
  });

  it('removes the stored result when a pair has no evidence left', async () => {
    const id = await addEvidence(db, 's5', 'A', { score: 2 });
    await refreshMastery(db, [{ studentId: 's5', standardId: 'A' }]);
    expect(await resultOf(db, 's5', 'A')).toMatchObject({ score: 2, evidence_count: 1 });

    await db.deleteFrom('evidence').where('id', '=', id).execute();
    await refreshMastery(db, [{ studentId: 's5', standardId: 'A' }]);
    expect(await resultOf(db, 's5', 'A')).toBeUndefined();
    expect((await rebuildMasteryReport(db)).changed).toBe(0);
  });

  it('refreshes a thousand pairs in a few queries, not one per pair', async () => {
    const students = Array.from({ length: 100 }, (_, i) => `bulk-${i}`);
    const standards = Array.from({ length: 10 }, (_, i) => `bulk-std-${i}`);
    for (const id of students) await addStudent(db, id);
    for (const id of standards) await addStandard(db, id);
    const rows = students.flatMap((studentId, i) =>
      standards.map((standardId, j) => ({
        source_id: null,
        student_id: studentId,
        standard_id: standardId,
        task_id: null,
        revises_id: null,
        score: (i + j) % 5,
        observed_at: '2026-10-01',
        recorded_at: '2026-10-01T12:00:00Z',
        judged_by: null,
        format: 'written',
        strength: null,
        next_step: null,
        supports: null,
        excluded: 0 as const,
        exclusion_reason: null,
        origin: 'test',
      })),
    );
    for (let start = 0; start < rows.length; start += 200) {
      await db
        .insertInto('evidence')
        .values(rows.slice(start, start + 200))
        .execute();
    }

    let queries = 0;
    const counted = db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const pairs = students.flatMap((studentId) =>
      standards.map((standardId) => ({ studentId, standardId })),
    );
    const report = await refreshPairs(counted, pairs);

    expect(report).toEqual({ computed: 1000, changed: 1000 });
    expect(queries).toBeLessThanOrEqual(20);
    expect(await resultOf(db, 'bulk-7', 'bulk-std-3')).toMatchObject({
      score: 0,
      evidence_count: 1,
      method: 'highest',
    });
  });
});
