/**
 * What students and families see of held-back results and staff-only fields: a student's own
 * page is their dashboard, the mastery detail leaves out evidence staff have not released and
 * the reasons for setting evidence aside, a guardian's student page shows released evidence
 * without the supports given, and the family report reads only released evidence and the
 * goals of the IEP's current version.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { loadFamilyReportData } from '../../src/store/family-report.queries.js';
import { explainMastery, refreshMastery } from '../../src/services/mastery.service.js';
import { familyReportModel } from '../../src/reports/family/family-report.js';
import { listUnreleasedEvidenceIds } from '../../src/store/records.repository.js';
import { makeEvidence } from '../support/factories.js';
import { get } from '../support/http.js';
import { browserFor, buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });

  const { studentId, standardId } = world.targets.own;
  await makeEvidence(store.db, { studentId, standardId, score: 2, observedAt: '2026-10-01' });
  const held = await makeEvidence(store.db, {
    studentId,
    standardId,
    score: 4,
    observedAt: '2026-10-05',
  });
  await store.db
    .updateTable('evidence')
    .set({ released: 0, strength: 'Held-back judgement', supports: 'Read aloud (staff note)' })
    .where('id', '=', held)
    .execute();
  const aside = await makeEvidence(store.db, { studentId, standardId, score: 1 });
  await store.db
    .updateTable('evidence')
    .set({ excluded: 1, exclusion_reason: 'Was unwell that morning' })
    .where('id', '=', aside)
    .execute();
  await store.db
    .updateTable('evidence')
    .set({ supports: 'Extra time (staff note)' })
    .where('student_id', '=', studentId)
    .where('released', '=', 1)
    .where('excluded', '=', 0)
    .execute();
  await refreshMastery(store.db, [{ studentId, standardId }]);
});
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

const as = (actor: keyof SecurityWorld['accounts']) =>
  browserFor(store.db, world.accounts[actor].accountId);

const textOf = async (response: Response) =>
  (await response.text())
    .replaceAll(/<[^>]+>/g, ' ')
    .replaceAll(/\s+/g, ' ')
    .trim();

const STAFF_ONLY = [
  'Held-back judgement',
  'Read aloud (staff note)',
  'Extra time (staff note)',
  'Was unwell that morning',
];

describe(`released results for students and families on ${testDatabaseKind}`, () => {
  it('shows a student their dashboard on their own page, without held-back or staff-only text', async () => {
    const { studentId } = world.targets.own;
    const response = await get(app, `/students/${studentId}`, await as('student'));
    const text = await textOf(response);

    expect(response.status).toBe(200);
    expect(text).toContain('My dashboard');
    for (const hidden of STAFF_ONLY) expect(text).not.toContain(hidden);
  });

  it('leaves held-back evidence and reasons out of the mastery detail a student or family reads', async () => {
    const { studentId, standardId } = world.targets.own;
    const path = `/students/${studentId}/mastery/${standardId}`;
    for (const actor of ['student', 'guardian'] as const) {
      const text = await textOf(await get(app, path, await as(actor)));
      for (const hidden of STAFF_ONLY) expect(text, actor).not.toContain(hidden);
      expect(text, actor).toContain('Set aside, not counted');
      // The world's released 3 and the released 2 count; the held-back 4 is not there at all.
      expect(text, actor).toContain('Scores counted, oldest first: 3, 2.');
      expect(text, actor).toContain('Score: 2.35');
    }

    const staff = await textOf(await get(app, path, await as('teacher')));
    expect(staff).toContain('Held-back judgement');
    expect(staff).toContain('Was unwell that morning');
  });

  it("shows a guardian their child's released evidence only, without the supports given", async () => {
    const { studentId } = world.targets.own;
    const response = await get(app, `/students/${studentId}`, await as('guardian'));
    const text = await textOf(response);

    expect(response.status).toBe(200);
    expect(text).toContain('Clear steps.');
    for (const hidden of STAFF_ONLY) expect(text).not.toContain(hidden);
    expect(text).not.toContain('Mastery as of a date');

    const staff = await textOf(await get(app, `/students/${studentId}`, await as('teacher')));
    expect(staff).toContain('Held-back judgement');
    expect(staff).toContain('Supports: Extra time (staff note)');
  });

  it('reads only released evidence and the current IEP goals into the family report', async () => {
    const { studentId, iepId } = world.targets.own;
    const endedGoal = randomUUID();
    await store.db
      .insertInto('iep_goals')
      .values({
        id: endedGoal,
        iep_id: iepId,
        area: 'Ended goal',
        statement: 'An amendment ended this goal.',
        measurement_type: 'rate',
        direction: 'increase',
        ended_in_version_id: `version-${randomUUID()}`,
      })
      .execute();

    const data = await loadFamilyReportData(store.db, studentId);
    const goals = data?.ieps.flatMap((iep) => iep.goals.map((goal) => goal.area));
    expect(goals).toEqual(['Reading fluency']);
    const standard = data?.standards.find((s) => s.standardId === world.targets.own.standardId);
    expect(standard?.scores?.map((s) => s.score)).toEqual([3, 2]);
    expect(standard?.feedback.strength).toBe('Clear steps.');

    const page = await textOf(
      await get(app, `/students/${studentId}/report`, await as('guardian')),
    );
    expect(page).not.toContain('An amendment ended this goal.');
    expect(page).not.toContain('Held-back judgement');
  });

  it("reads the family report's level from released evidence, not the stored result", async () => {
    const { studentId, standardId } = world.targets.own;
    const stored = await store.db
      .selectFrom('mastery_results')
      .select('level_value')
      .where('student_id', '=', studentId)
      .where('standard_id', '=', standardId)
      .executeTakeFirstOrThrow();
    const leaveOut = await listUnreleasedEvidenceIds(store.db, studentId);
    const released = await explainMastery(store.db, studentId, standardId, { leaveOut });
    // The held-back 4 lifts the stored level; the family must see the level without it.
    expect(released.level?.value).toBeLessThan(stored.level_value ?? 0);

    const model = await familyReportModel(store.db, studentId, { lang: 'en' });
    const data = await loadFamilyReportData(store.db, studentId);
    const code = data?.standards.find((s) => s.standardId === standardId)?.code ?? null;
    const line = model?.standards.find((s) => s.code === code);
    expect(line?.now?.value).toBe(released.level?.value);
  });
});
