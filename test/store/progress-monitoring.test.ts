import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalInput } from '../../src/services/iep.schema.js';
import { seedIepProgressDemo } from '../../src/services/iep-demo.js';
import {
  confirmProgressCode,
  correctDataSession,
  goalProgress,
  markProgressReportSent,
  progressReportsStatus,
  recordDataSession,
  recordPhaseChange,
  suggestProgressCode,
} from '../../src/services/progress-monitoring.service.js';
import {
  insertReportingPeriods,
  listDataSessions,
  listHistory,
} from '../../src/store/iep-records.repository.js';
import { actorFor, goalInput, iepInput, makeIep, makeIepPeople } from '../support/iep-factories.js';
import { makePerson, makeSchool } from '../support/factories.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

/** Mondays from 2026-09-14: weeks 1..9 after the baseline date 2026-09-07. */
const MONDAYS = [
  '2026-09-14',
  '2026-09-21',
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
];
const WORKED_VALUES = [20, 22, 21, 25, 24, 27, 28, 27, 31];

describe(`progress monitoring on ${testDatabaseKind}`, () => {
  let store: TestStore;
  let people: Awaited<ReturnType<typeof makeIepPeople>>;
  const now = new Date('2026-11-10T15:00:00.000Z');

  beforeAll(async () => {
    store = await createTestStore();
    people = await makeIepPeople(store.db);
  });
  afterAll(() => store.destroy());

  async function goalOf(fields: Partial<GoalInput> = {}): Promise<string> {
    const actor = actorFor(people.caseManagerId);
    const created = await makeIep(store.db, iepInput(people, [goalInput(fields)]), actor, now);
    return created.goalIds[0]!;
  }

  async function record(goalId: string, date: string, rec: Record<string, unknown>) {
    const result = await recordDataSession(
      store.db,
      { goalId, date, collectedBy: people.caseManagerId, record: rec },
      actorFor(people.caseManagerId),
      now,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.value;
  }

  async function workedGoal(): Promise<string> {
    const goalId = await goalOf();
    for (const [index, date] of MONDAYS.entries()) {
      await record(goalId, date, { count: WORKED_VALUES[index] });
    }
    return goalId;
  }

  it('derives each session value from its raw record by data collection type', async () => {
    const trials = await goalOf({
      measurement: 'percent',
      collectionType: 'trials',
      criterion: { measure: 'percent', atLeast: 80, sessions: { consecutive: 3 } },
    });
    const rate = await goalOf({
      measurement: 'rate',
      collectionType: 'rate',
      criterion: rateCriterion(),
    });
    const cbm = await goalOf({
      measurement: 'score',
      collectionType: 'cbm',
      criterion: scoreCriterion(),
    });
    const prompt = await goalOf({
      measurement: 'prompt_level',
      collectionType: 'prompt_level',
      collectionConfig: { hierarchy: ['independent', 'gestural', 'verbal', 'physical'] },
      baseline: { date: '2026-09-07', value: 3, method: 'observation' },
      target: { date: '2027-01-25', value: 0 },
      criterion: { measure: 'prompt_level', atMost: 0, sessions: { consecutive: 3 } },
    });

    const outcomes = ['independent', 'prompted', 'independent', 'incorrect', 'independent'];
    expect(await record(trials, '2026-09-14', { outcomes })).toMatchObject({
      value: { kind: 'measured', value: 60, correct: 3, trials: 5 },
    });
    expect((await record(rate, '2026-09-14', { count: 12, minutes: 4 })).value).toEqual({
      kind: 'measured',
      value: 3,
    });
    expect((await record(rate, '2026-09-15', { count: 0, minutes: 0 })).value).toEqual({
      kind: 'gap',
      reason: 'no_observation_time',
    });
    expect((await record(cbm, '2026-09-14', { probes: [42, 55, 47] })).value).toEqual({
      kind: 'measured',
      value: 47,
    });
    const levels = ['verbal', 'gestural', 'verbal'];
    expect((await record(prompt, '2026-09-14', { levels })).value).toEqual({
      kind: 'measured',
      value: 2,
    });

    const stored = await listDataSessions(store.db, rate);
    expect(stored.map((s) => [s.value, s.gap_reason])).toEqual([
      [3, null],
      [null, 'no_observation_time'],
    ]);
  });

  it('stores a count of 0 as a real zero and leaves a day without a session as a gap', async () => {
    const goalId = await goalOf({ schedule: { weekdays: [1] } });
    await record(goalId, '2026-09-14', { count: 0 });
    await record(goalId, '2026-09-28', { count: 4 });

    const progress = await goalProgress(store.db, goalId);
    if (!progress.ok) throw new Error('progress should load');
    expect(progress.value.sessions.map((s) => [s.date, s.value])).toEqual([
      ['2026-09-14', { kind: 'measured', value: 0 }],
      ['2026-09-21', { kind: 'gap', reason: 'no_data' }],
      ['2026-09-28', { kind: 'measured', value: 4 }],
    ]);
    expect(progress.value.sessions[1]!.sessionId).toBeNull();
    expect(progress.value.points).toEqual([
      { date: '2026-09-14', value: 0 },
      { date: '2026-09-28', value: 4 },
    ]);
  });

  it('refuses a record that does not fit the goal, naming the field', async () => {
    const goalId = await goalOf();
    const wrongType = await recordDataSession(
      store.db,
      { goalId, date: '2026-09-14', record: { type: 'duration', episodeSeconds: [30] } },
      actorFor(people.caseManagerId),
      now,
    );
    expect(wrongType).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['record.type: "duration" is not this goal\'s data collection type (count)'],
    });

    const negative = await recordDataSession(
      store.db,
      { goalId, date: '2026-09-14', record: { count: -2 } },
      actorFor(people.caseManagerId),
      now,
    );
    expect(negative).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['record.count: expected 0 or more'],
    });
  });

  it('computes the worked example: slopes 1 and 1.25, projection 43.75, continue', async () => {
    const goalId = await workedGoal();

    const progress = await goalProgress(store.db, goalId);
    if (!progress.ok) throw new Error('progress should load');
    const picture = progress.value;
    expect(picture.goalLine).toEqual({ slopePerWeek: 1, valueAtBaseline: 20 });
    expect(picture.trend!.slopePerWeek).toBeCloseTo(1.25, 12);
    expect(picture.trend!.valueAtBaseline).toBeCloseTo(18.75, 12);
    expect(picture.projectedAtGoalDate).toBeCloseTo(43.75, 12);
    expect(picture.trendSpan).toEqual({ from: '2026-09-14', to: '2026-11-09' });
    expect(picture.decision.value).toBe('continue');
    expect(picture.decision.ruleName).toEqual({ en: '4-point rule', es: 'regla de los 4 puntos' });
    expect(picture.decision.why.en).toBe(
      'The last 4 points are not all on one side of the goal line.',
    );
    expect(picture.criterion!.met).toBe(false);
    expect(picture.criterion!.sentence).toEqual({
      en: 'at least 40 occurrences in 3 consecutive sessions',
      es: 'al menos 40 ocurrencias en 3 sesiones consecutivas',
    });
    expect(picture.criterion!.shortfall!.en).toBe(
      '0 of 3 consecutive sessions so far; the last session scored 31 and needs at least 40',
    );
  });

  it('starts the trend again from a phase change: slope 1.1 through weeks 6 to 9', async () => {
    const goalId = await workedGoal();
    const phase = await recordPhaseChange(
      store.db,
      { goalId, date: '2026-10-19', label: 'Added repeated reading' },
      actorFor(people.caseManagerId),
      now,
    );
    expect(phase.ok).toBe(true);

    const progress = await goalProgress(store.db, goalId);
    if (!progress.ok) throw new Error('progress should load');
    expect(progress.value.phaseChanges).toEqual([
      { date: '2026-10-19', label: 'Added repeated reading' },
    ]);
    expect(progress.value.trend!.slopePerWeek).toBeCloseTo(1.1, 12);
    expect(progress.value.trend!.valueAtBaseline).toBeCloseTo(20, 12);
    expect(progress.value.trendSpan).toEqual({ from: '2026-10-19', to: '2026-11-09' });
    expect(progress.value.decision.pointsUsed).toBe(4);
    expect(progress.value.decision.value).toBe('continue');
  });

  it('answers raise_goal when the last four points are all above the goal line', async () => {
    const goalId = await goalOf();
    for (const [index, date] of MONDAYS.slice(0, 4).entries()) {
      await record(goalId, date, { count: 30 + index });
    }
    const progress = await goalProgress(store.db, goalId);
    expect(progress.ok && progress.value.decision.value).toBe('raise_goal');
    expect(progress.ok && progress.value.decision.why.en).toBe(
      'The last 4 points are all above the goal line.',
    );
  });

  it('refuses a correction from a stale version and returns the current value', async () => {
    const goalId = await goalOf();
    const { sessionId } = await record(goalId, '2026-09-14', { count: 5 });
    const actor = actorFor(people.caseManagerId);

    const first = await correctDataSession(
      store.db,
      sessionId,
      { expectedVersion: 1, record: { count: 6 } },
      actor,
      now,
    );
    expect(first.ok && first.value.value).toEqual({ kind: 'measured', value: 6 });

    const stale = await correctDataSession(
      store.db,
      sessionId,
      { expectedVersion: 1, record: { count: 9 } },
      actor,
      now,
    );
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.kind !== 'conflict') return;
    expect(stale.message).toBe('the session is at version 2, not 1');
    expect(stale.current.value).toEqual({ kind: 'measured', value: 6 });
    expect(stale.current.record).toEqual({ type: 'count', count: 6 });

    const history = await listHistory(store.db, 'data_session', sessionId);
    expect(history.map((h) => h.change)).toEqual(['create', 'update']);
    expect(JSON.parse(history[1]!.old_json!)).toMatchObject({ value: 5 });
    expect(JSON.parse(history[1]!.new_json!)).toMatchObject({ value: 6 });
  });

  it('suggests sufficient progress by the decision rule for the worked example', async () => {
    const goalId = await workedGoal();
    const suggested = await suggestProgressCode(store.db, goalId, {
      start: '2026-09-07',
      end: '2026-11-13',
    });
    expect(suggested).toEqual({
      ok: true,
      value: {
        code: 'sufficient_progress',
        rule: 'decision_rule',
        districtCode: 'sufficient_progress',
        label: 'Sufficient progress',
        description: 'Progress is on track for the goal to be met by its date.',
      },
    });

    const empty = await suggestProgressCode(store.db, goalId, {
      start: '2026-11-16',
      end: '2026-11-27',
    });
    expect(empty.ok && [empty.value.code, empty.value.rule]).toEqual([
      'not_yet_addressed',
      'no_data_in_period',
    ]);
  });

  it('suggests mastered once the criterion is met and regressed below the baseline', async () => {
    const trials = await goalOf({
      measurement: 'percent',
      collectionType: 'trials',
      baseline: { date: '2026-09-07', value: 40, method: 'probe' },
      target: { date: '2027-01-25', value: 80 },
      criterion: { measure: 'percent', atLeast: 80, sessions: { consecutive: 3 } },
    });
    const four = ['independent', 'independent', 'independent', 'independent', 'incorrect'];
    for (const date of MONDAYS.slice(0, 3)) await record(trials, date, { outcomes: four });
    const mastered = await suggestProgressCode(store.db, trials, {
      start: '2026-09-07',
      end: '2026-10-02',
    });
    expect(mastered.ok && [mastered.value.code, mastered.value.rule]).toEqual([
      'mastered',
      'criterion_met',
    ]);

    const falling = await goalOf();
    for (const date of MONDAYS.slice(0, 3)) await record(falling, date, { count: 12 });
    const regressed = await suggestProgressCode(store.db, falling, {
      start: '2026-09-07',
      end: '2026-10-02',
    });
    expect(regressed.ok && [regressed.value.code, regressed.value.rule]).toEqual([
      'regressed',
      'worse_than_baseline',
    ]);
  });

  it('needs a reason to override the suggested code, and lists reports due and sent', async () => {
    const goalId = await workedGoal();
    await insertReportingPeriods(store.db, [
      {
        id: `q1-${goalId}`,
        org_id: people.schoolId,
        name: 'Quarter 1',
        start_date: '2026-09-01',
        end_date: '2026-11-06',
        due_date: '2026-11-13',
      },
    ]);
    const actor = actorFor(people.caseManagerId);
    const period = { goalId, periodStart: '2026-09-01', periodEnd: '2026-11-06' };

    const noReason = await confirmProgressCode(
      store.db,
      { ...period, code: 'insufficient_progress', narrative: 'Reading is slower this term.' },
      actor,
      now,
    );
    expect(noReason).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['reason: required when the code differs from the suggested "sufficient_progress"'],
    });

    const before = await progressReportsStatus(store.db, {
      asOf: '2026-11-20',
      studentIds: [people.studentId],
    });
    const mine = before.due.filter((r) => r.goalId === goalId);
    expect(mine.map((r) => [r.period.name, r.status, r.overdue])).toEqual([
      ['Quarter 1', 'not_started', true],
    ]);

    const confirmed = await confirmProgressCode(
      store.db,
      {
        ...period,
        code: 'insufficient_progress',
        reason: 'Absent for two weeks; the last probes were read with support.',
        narrative: 'Ines reads 27 words correctly per minute, up from 20.',
      },
      actor,
      now,
    );
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
    expect(confirmed.value.suggested_code).toBe('sufficient_progress');
    expect(confirmed.value.confirmed_code).toBe('insufficient_progress');
    expect(confirmed.value.override_reason).toBe(
      'Absent for two weeks; the last probes were read with support.',
    );

    const sent = await markProgressReportSent(store.db, confirmed.value.id, 1, now);
    expect(sent.ok && sent.value.sent_at).toBe('2026-11-10T15:00:00.000Z');
    const again = await markProgressReportSent(store.db, confirmed.value.id, 2, now);
    expect(again.ok).toBe(false);

    const after = await progressReportsStatus(store.db, {
      asOf: '2026-11-20',
      studentIds: [people.studentId],
    });
    expect(after.due.some((r) => r.goalId === goalId)).toBe(false);
    expect(after.sent.filter((r) => r.goalId === goalId).map((r) => r.status)).toEqual(['sent']);
  });
});

function rateCriterion() {
  return { measure: 'rate', atLeast: 3, sessions: { consecutive: 3 } };
}

function scoreCriterion() {
  return { measure: 'score', atLeast: 60, sessions: { atLeast: 2, of: 3 } };
}

describe(`IEP progress demo on ${testDatabaseKind}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.destroy());

  it('gives demo goals showing all three decisions, inside a transaction', async () => {
    const { schoolId } = await makeSchool(store.db);
    const students = await Promise.all(
      ['Mateo', 'Sione', 'Hana'].map((givenName) =>
        makePerson(store.db, { kind: 'student', schoolId, givenName }),
      ),
    );
    const caseManagerId = await makePerson(store.db, { kind: 'staff', schoolId });
    // The demo school seeds inside one transaction; the demo must work there too.
    const demo = await store.db
      .transaction()
      .execute((trx) =>
        seedIepProgressDemo(trx, { studentIds: students, caseManagerId, schoolId }),
      );

    const decisions: Record<string, string> = {};
    for (const [key, goalId] of Object.entries(demo.goalIds)) {
      const progress = await goalProgress(store.db, goalId);
      if (!progress.ok) throw new Error(key);
      decisions[key] = progress.value.decision.value;
      expect(progress.value.points.length).toBeGreaterThanOrEqual(10);
    }
    expect(decisions).toEqual({
      'mateo-fluency': 'raise_goal',
      'mateo-facts': 'continue',
      'sione-routine': 'change_intervention',
      'sione-seat': 'continue',
      'hana-prompts': 'continue',
      'hana-initiations': 'continue',
    });

    const reports = await progressReportsStatus(store.db, { asOf: '2026-12-03' });
    expect(reports.sent.map((r) => r.goalId).sort()).toEqual(
      [demo.goalIds['mateo-fluency'], demo.goalIds['mateo-facts']].sort(),
    );
    expect(reports.due.filter((r) => r.period.name === 'Quarter 1')).toHaveLength(4);
  });
});
