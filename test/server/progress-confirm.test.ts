/**
 * The progress-code confirm form shows every problem at once in plain words, each linked to
 * its field, and the suggestion names the decision behind it.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import * as records from '../../src/store/iep-records.repository.js';
import { get, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db, new Date('2026-12-03T15:00:00.000Z'));
  app = createApp({ store });
});
afterAll(() => store.destroy());

const sped = (): Promise<Browser> => {
  const signIn = demo.signIns.find((s) => s.role === 'special_educator')!;
  return signedIn(app, signIn.username, signIn.password);
};

/** The IEP and one goal of a demo student, and the confirm form's address. */
async function reportOf(studentKey: string, area: string) {
  const studentId = demo.studentIds[studentKey]!;
  const goal = await store.db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select(['g.id', 'g.iep_id'])
    .where('i.student_id', '=', studentId)
    .where('g.area', '=', area)
    .executeTakeFirstOrThrow();
  const base = `/students/${studentId}/iep/${goal.iep_id}/progress`;
  return { goalId: goal.id, page: base, action: `${base}/${goal.id}` };
}

const period = () => `demo-q1-${demo.schoolId}`;

describe(`confirming a progress code on ${testDatabaseKind}`, () => {
  it('lists every missing answer at once, in plain words linked to its field', async () => {
    const { goalId, action } = await reportOf('s04', 'Self-care and independence');
    const response = await postForm(app, action, await sped(), {
      period: period(),
      code: 'sufficient_progress',
      reason: '',
      narrative: '  ',
    });

    expect(response.status).toBe(400);
    const html = await response.text();
    const suffix = goalId.slice(0, 8);
    expect(html).toContain(
      `<a href="#reason-${suffix}">Give a reason for choosing a different code than suggested</a>`,
    );
    expect(html).toContain(`<a href="#narrative-${suffix}">Write a short narrative</a>`);
    expect(html).toContain(`id="reason-${suffix}"`);
    expect(html).not.toContain('Not saved: narrative');
    expect(html).not.toContain('expected a short narrative');
    expect(await records.findReport(store.db, goalId, '2026-08-31', '2026-11-06')).toBeUndefined();
  });

  it('asks only for the narrative when the suggested code is kept', async () => {
    const { action } = await reportOf('s04', 'Self-care and independence');
    const response = await postForm(app, action, await sped(), {
      period: period(),
      code: 'insufficient_progress',
      narrative: '',
    });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Write a short narrative');
    expect(html).not.toContain('Give a reason');
  });

  it('says in words what the decision rule decided when it chose the suggestion', async () => {
    const { page } = await reportOf('s04', 'Behavior');
    const html = await (await get(app, `${page}?period=${period()}`, await sped())).text();
    const section = html.slice(html.indexOf('>Behavior</a>'));

    expect(section).toContain(
      'Suggested: Sufficient progress</strong> <span class="muted">(because the 4-point rule ' +
        'decided “Continue the intervention” at the end of the period: the last 4 points are ' +
        'not all on one side of the goal line)',
    );
    expect(html).not.toContain("the decision rule's answer at the end of the period)");
  });
});
