/**
 * The IEP quick-entry form refuses a session with nothing recorded (no probe score, no trial,
 * no observed interval, no seconds, no minutes observed), naming the field, and saves
 * nothing; a real zero (0 of 10 correct, a count of 0) is still saved.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import { get, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;
let goalId: string;

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db, new Date('2026-12-03T15:00:00.000Z'));
  app = createApp({ store });
  const goal = await store.db
    .selectFrom('iep_goals')
    .select('id')
    .where('collection_type', '=', 'cbm')
    .where('ended_in_version_id', 'is', null)
    .executeTakeFirstOrThrow();
  goalId = goal.id;
});
afterAll(() => store.destroy());

const sped = (): Promise<Browser> => {
  const signIn = demo.signIns.find((s) => s.role === 'special_educator')!;
  return signedIn(app, signIn.username, signIn.password);
};

/** Sets the goal's data collection type (and its settings) for one case. */
async function collectAs(type: string, config: Record<string, unknown> = {}): Promise<void> {
  await store.db
    .updateTable('iep_goals')
    .set({ collection_type: type, collection_config_json: JSON.stringify(config) })
    .where('id', '=', goalId)
    .execute();
}

async function sessionCount(): Promise<number> {
  const rows = await store.db
    .selectFrom('iep_data_sessions')
    .select('id')
    .where('goal_id', '=', goalId)
    .execute();
  return rows.length;
}

async function save(fields: Record<string, string>): Promise<Response> {
  return postForm(app, `/goals/${goalId}/sessions`, await sped(), fields);
}

describe(`IEP quick entry on ${testDatabaseKind}`, () => {
  it('refuses a probe form with no probe scores and no date, naming the field', async () => {
    await collectAs('cbm');
    const before = await sessionCount();

    const response = await save({ probes: '', date: '', setting: 'resource room' });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#probes">Enter at least one probe score</a>');
    expect(html).not.toContain('Session saved');
    expect(await sessionCount()).toBe(before);
  });

  it.each([
    ['trials', {}, { independent: '0', prompted: '0', incorrect: '0', noResponse: '0' }, 'trial'],
    ['interval', { probesPerSession: 3 }, {}, 'Mark at least one interval'],
    ['duration', {}, { episodes: ' ' }, 'Enter at least one episode in seconds'],
    ['latency', {}, { latencies: '' }, 'Enter at least one latency'],
    ['rate', {}, { count: '4', minutes: '' }, 'Enter the minutes observed, more than 0'],
    ['prompt_level', { hierarchy: ['independent', 'gestural'] }, {}, 'at least one trial'],
    ['task_analysis', { stepNames: [] }, {}, 'This goal has no task steps'],
  ] as const)('refuses an empty %s session and saves nothing', async (type, config, form, said) => {
    await collectAs(type, config);
    const before = await sessionCount();

    const response = await save({ ...form, date: '2026-12-01' });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain(said);
    expect(await sessionCount()).toBe(before);
  });

  it('saves a real zero: 0 of 10 trials correct, and a count of 0', async () => {
    await collectAs('trials');
    const trials = await save({ independent: '0', incorrect: '10', note: 'zero trials' });
    expect(trials.status).toBe(303);

    await collectAs('count');
    const count = await save({ count: '0', note: 'zero count' });
    expect(count.status).toBe(303);

    const values = await store.db
      .selectFrom('iep_data_sessions')
      .select(['note', 'value'])
      .where('goal_id', '=', goalId)
      .where('note', 'in', ['zero trials', 'zero count'])
      .orderBy('note', 'desc')
      .execute();
    expect(values.map((v) => [v.note, v.value === null ? null : Number(v.value)])).toEqual([
      ['zero trials', 0],
      ['zero count', 0],
    ]);
  });

  it('saves probe scores typed in the form and says so', async () => {
    await collectAs('cbm');
    const saved = await save({ probes: '42, 55, 47', date: '2026-12-03' });
    expect(saved.status).toBe(303);
    const page = await (await get(app, saved.headers.get('location')!, await sped())).text();
    expect(page).toContain('Session saved');
  });
});
