/**
 * The two goal pages link to each other: the data-collection page (/goals/:id) and its quick
 * entry lead to the case manager's full goal page (/iep-goals/:id), and the IEP overview and
 * the progress-report pages lead to the IEP progress report for the family.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool } from '../../src/services/demo-school.js';
import { get, signedIn } from '../support/http.js';
import { browserFor, buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });
  await store.db
    .updateTable('iep_goals')
    .set({ collection_type: 'trials' })
    .where('id', '=', world.targets.own.goalId)
    .execute();
});
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

const as = (actor: keyof SecurityWorld['accounts']) =>
  browserFor(store.db, world.accounts[actor].accountId);

describe(`links between the goal pages on ${testDatabaseKind}`, () => {
  it('links the collector page, after a quick-entry save, to the full goal page', async () => {
    const goalId = world.targets.own.goalId;
    const sped = await as('special_educator');
    const html = await (await get(app, `/goals/${goalId}?recorded=1`, sped)).text();
    expect(html).toContain(`<a class="button-secondary" href="/iep-goals/${goalId}">`);
    expect(html).toContain('Full goal page');

    const collect = await (await get(app, `/goals/${goalId}/collect`, sped)).text();
    expect(collect).toContain(`href="/iep-goals/${goalId}">Full goal page</a>`);
  });

  it('links the full goal page to data collection', async () => {
    const goalId = world.targets.own.goalId;
    const html = await (
      await get(app, `/iep-goals/${goalId}`, await as('special_educator'))
    ).text();
    expect(html).toContain(`href="/goals/${goalId}/collect"`);
    expect(html).toContain('Collect data');
  });

  it('links the IEP overview and a progress-report page to the IEP progress report', async () => {
    const demoStore = await createTestStore();
    try {
      const demo = await seedDemoSchool(demoStore.db, new Date('2026-12-03T15:00:00.000Z'));
      const demoApp = createApp({ store: demoStore });
      const signIn = demo.signIns.find((s) => s.role === 'special_educator')!;
      const sped = await signedIn(demoApp, signIn.username, signIn.password);
      const studentId = demo.studentIds[demo.iepStudentKeys[0]!]!;

      const overview = await (await get(demoApp, `/students/${studentId}/iep`, sped)).text();
      expect(overview).toContain(`href="/students/${studentId}/iep-progress"`);
      const iep = await demoStore.db
        .selectFrom('ieps')
        .select('id')
        .where('student_id', '=', studentId)
        .executeTakeFirstOrThrow();
      const path = `/students/${studentId}/iep/${iep.id}/progress`;
      const period = await (await get(demoApp, path, sped)).text();
      expect(period).toContain(`href="/students/${studentId}/iep-progress"`);
    } finally {
      await demoStore.destroy();
    }
  });
});
