import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendIep, createIep, getIep, updateGoalSettings } from '../../src/services/iep.service.js';
import { listHistory } from '../../src/store/iep-records.repository.js';
import { actorFor, goalInput, iepInput, makeIep, makeIepPeople } from '../support/iep-factories.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

describe(`IEP records on ${testDatabaseKind}`, () => {
  let store: TestStore;
  let people: Awaited<ReturnType<typeof makeIepPeople>>;
  const now = new Date('2026-09-10T15:00:00.000Z');

  beforeAll(async () => {
    store = await createTestStore();
    people = await makeIepPeople(store.db);
  });
  afterAll(() => store.destroy());

  it('creates an IEP: first version, goals, objectives, accommodations, services', async () => {
    const goal = goalInput({
      objectives: [{ statement: 'Reads 28 words correctly per minute by November.' }],
      collectorIds: [people.caseManagerId],
    });
    const created = await makeIep(
      store.db,
      iepInput(people, [goal]),
      actorFor(people.caseManagerId),
      now,
    );

    const view = await getIep(store.db, created.iepId);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.version.number).toBe(1);
    expect(view.value.version.kind).toBe('initial');
    expect(view.value.version.annual_review_date).toBe('2027-08-31');
    expect(view.value.team.map((m) => m.role).sort()).toEqual(['case manager', 'parent']);
    expect(view.value.goals).toHaveLength(1);
    expect(view.value.goals[0]!.target_value).toBe(40);
    expect(view.value.objectives.map((o) => o.statement)).toEqual([
      'Reads 28 words correctly per minute by November.',
    ]);
    expect(view.value.accommodations[0]!.settings).toBe('all classes and tests');
    expect(view.value.services[0]!.minutes).toBe(30);

    const iep = await store.db
      .selectFrom('ieps')
      .selectAll()
      .where('id', '=', created.iepId)
      .executeTakeFirstOrThrow();
    expect(iep.current_version_id).toBe(created.versionId);
    expect(iep.service_hours_per_week).toBe(2.5);
  });

  it('refuses a goal whose criterion is missing its comparison, naming the field', async () => {
    const goal = goalInput({ criterion: { measure: 'count', sessions: { consecutive: 3 } } });
    const refused = await createIep(
      store.db,
      iepInput(people, [goal]),
      actorFor(people.caseManagerId),
      now,
    );
    expect(refused).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['goals[0].criterion: give exactly one of atLeast and atMost'],
    });
  });

  it('refuses a goal date that is not after the baseline date', async () => {
    const goal = goalInput({ target: { date: '2026-09-01', value: 40 } });
    const refused = await createIep(
      store.db,
      iepInput(people, [goal]),
      actorFor(people.caseManagerId),
      now,
    );
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.kind !== 'invalid') return;
    expect(refused.problems[0]).toBe('goals[0].target.date: 2026-09-01 is not after baseline.date');
  });

  it('keeps the earlier version whole when an amendment changes a goal and supports', async () => {
    const actor = actorFor(people.caseManagerId);
    const created = await makeIep(store.db, iepInput(people), actor, now);
    const goalId = created.goalIds[0]!;

    const amended = await amendIep(
      store.db,
      created.iepId,
      {
        expectedVersion: 1,
        effectiveDate: '2026-11-02',
        reason: 'Team agreed to raise the reading target after fast progress.',
        plan: { presentLevels: 'Reads 31 words correctly per minute.' },
        accommodations: [
          {
            kind: 'support',
            description: 'Reading passages on tinted paper',
            settings: 'reading class',
            frequency: 'daily',
            provider: 'reading specialist',
          },
        ],
        goalChanges: [
          { goalId, expectedVersion: 1, changes: { target: { date: '2027-01-25', value: 50 } } },
        ],
      },
      actor,
      new Date('2026-11-02T16:00:00.000Z'),
    );
    expect(amended.ok).toBe(true);
    if (!amended.ok) return;
    expect(amended.value.number).toBe(2);

    const first = await getIep(store.db, created.iepId, 1);
    const second = await getIep(store.db, created.iepId, 2);
    if (!first.ok || !second.ok) throw new Error('both versions should load');
    expect(first.value.version.superseded_by).toBe(amended.value.versionId);
    expect(first.value.version.present_levels).toBe(
      'Reads 20 words correctly per minute in grade-level text.',
    );
    expect(first.value.goals[0]!.target_value).toBe(40);
    expect(first.value.accommodations.map((a) => a.description)).toEqual(['Extended time (1.5x)']);
    expect(second.value.version.superseded_by).toBeNull();
    expect(second.value.version.reason).toBe(
      'Team agreed to raise the reading target after fast progress.',
    );
    expect(second.value.goals[0]!.target_value).toBe(50);
    expect(second.value.goals[0]!.id).toBe(goalId);
    expect(second.value.accommodations.map((a) => a.description)).toEqual([
      'Reading passages on tinted paper',
    ]);
    expect(second.value.services.map((s) => s.service)).toEqual([
      'Specialized reading instruction',
    ]);
    expect(second.value.team).toHaveLength(2);

    const history = await listHistory(store.db, 'goal', goalId);
    expect(history.map((h) => [h.change, h.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    expect(JSON.parse(history[1]!.old_json!)).toMatchObject({ target_value: 40 });
    expect(JSON.parse(history[1]!.new_json!)).toMatchObject({ target_value: 50 });
    expect(history[1]!.changed_by).toBe(people.caseManagerId);
  });

  it('refuses an amendment made from a stale version, naming the current version', async () => {
    const actor = actorFor(people.caseManagerId);
    const created = await makeIep(store.db, iepInput(people), actor, now);
    const amendment = {
      expectedVersion: 1,
      effectiveDate: '2026-10-01',
      reason: 'New team member.',
    };
    expect((await amendIep(store.db, created.iepId, amendment, actor, now)).ok).toBe(true);

    const stale = await amendIep(store.db, created.iepId, amendment, actor, now);
    expect(stale).toEqual({
      ok: false,
      kind: 'conflict',
      message: 'the IEP is at version 2, not 1',
      current: { versionNumber: 2 },
    });
    const versions = await store.db
      .selectFrom('iep_versions')
      .select('number')
      .where('iep_id', '=', created.iepId)
      .execute();
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
  });

  it('ends a goal in an amendment, keeping it in the earlier version', async () => {
    const actor = actorFor(people.caseManagerId);
    const created = await makeIep(
      store.db,
      iepInput(people, [goalInput(), goalInput({ area: 'Written expression' })]),
      actor,
      now,
    );
    const ended = created.goalIds[1]!;
    const amended = await amendIep(
      store.db,
      created.iepId,
      { expectedVersion: 1, effectiveDate: '2026-12-01', reason: 'Goal met.', endGoalIds: [ended] },
      actor,
      now,
    );
    expect(amended.ok).toBe(true);

    const first = await getIep(store.db, created.iepId, 1);
    const current = await getIep(store.db, created.iepId);
    if (!first.ok || !current.ok) throw new Error('both versions should load');
    expect(first.value.goals.map((g) => g.area)).toEqual(['Reading fluency', 'Written expression']);
    expect(current.value.goals.map((g) => g.area)).toEqual(['Reading fluency']);
  });

  it('refuses an amendment that ends a goal of another IEP, naming the field', async () => {
    const actor = actorFor(people.caseManagerId);
    const mine = await makeIep(store.db, iepInput(people), actor, now);
    const other = await makeIep(store.db, iepInput(people), actor, now);
    const refused = await amendIep(
      store.db,
      mine.iepId,
      {
        expectedVersion: 1,
        effectiveDate: '2026-12-01',
        reason: 'Clean-up.',
        endGoalIds: [other.goalIds[0]!],
      },
      actor,
      now,
    );
    expect(refused).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['endGoalIds[0]: not a current goal of this IEP'],
    });
  });

  it('refuses a goal settings save from a stale version and returns the current goal', async () => {
    const actor = actorFor(people.caseManagerId);
    const created = await makeIep(store.db, iepInput(people), actor, now);
    const goalId = created.goalIds[0]!;

    const saved = await updateGoalSettings(
      store.db,
      goalId,
      { expectedVersion: 1, schedule: { weekdays: [1, 3] } },
      actor,
      now,
    );
    expect(saved.ok && saved.value.version).toBe(2);

    const stale = await updateGoalSettings(
      store.db,
      goalId,
      { expectedVersion: 1, decisionRule: { kind: 'trend', minPoints: 8 } },
      actor,
      now,
    );
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.kind !== 'conflict') return;
    expect(stale.message).toBe('the goal is at version 2, not 1');
    expect(stale.current.schedule).toEqual({ weekdays: [1, 3] });
    expect(stale.current.decisionRule).toEqual({ kind: 'consecutive', points: 4 });
  });
});
