import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gasTScore } from '../../src/domain/gas/gas.js';
import { analyzeProgress } from '../../src/domain/progress/progress.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import { readGoal } from '../../src/services/iep.service.js';
import { recordDataSession } from '../../src/services/progress-monitoring.service.js';
import * as records from '../../src/store/iep-records.repository.js';
import { get, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;

const as = (role: string): Promise<Browser> => {
  const signIn = demo.signIns.find((s) => s.role === role)!;
  return signedIn(app, signIn.username, signIn.password);
};
const student = (key: string) => demo.studentIds[key]!;
const SYSTEM = { personId: null, accountId: null, requestId: null };

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db, new Date('2026-12-03T15:00:00.000Z'));
  app = createApp({ store });
});
afterAll(() => store.destroy());

/** The id of the demo goal of a student with this area. */
async function goalId(studentKey: string, area: string): Promise<string> {
  const row = await store.db
    .selectFrom('iep_goals as g')
    .innerJoin('ieps as i', 'i.id', 'g.iep_id')
    .select('g.id')
    .where('i.student_id', '=', student(studentKey))
    .where('g.area', '=', area)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function iepIdOf(studentKey: string): Promise<string> {
  const row = await store.db
    .selectFrom('ieps')
    .select('id')
    .where('student_id', '=', student(studentKey))
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The fields of a complete goal fieldset `g{index}.`. */
function goalFields(index: number, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`g${index}.${k}`, v]));
}

const percentGoal = goalFields(0, {
  area: 'Math calculation',
  collectionType: 'trials',
  unitLabel: '% of trials correct',
  statement: 'Given 10 two-digit addition problems, Ana will answer 80% correctly.',
  baselineDate: '2026-09-01',
  baselineValue: '40',
  baselineMethod: 'three baseline probes',
  targetDate: '2027-06-01',
  targetValue: '80',
  comparison: 'atLeast',
  threshold: '80',
  minTrials: '10',
  window: 'consecutive',
  windowN: '3',
  windowK: '',
  ruleKind: 'consecutive',
  ruleSize: '4',
  trendMethod: 'ols',
});

const durationGoal = goalFields(1, {
  area: 'Behavior',
  collectionType: 'duration',
  unitLabel: 'seconds off task',
  statement: 'During independent work, Ana will be off task no more than 60 seconds.',
  baselineDate: '2026-09-01',
  baselineValue: '300',
  baselineMethod: 'timed observation',
  targetDate: '2027-06-01',
  targetValue: '60',
  comparison: 'atMost',
  threshold: '60',
  minTrials: '',
  window: 'kOfN',
  windowN: '5',
  windowK: '4',
  ruleKind: 'trend',
  ruleSize: '8',
  trendMethod: 'tukey',
});

const plan = {
  beginDate: '2026-09-01',
  endDate: '2027-08-31',
  annualReviewDate: '2027-08-31',
  reevaluationDate: '2029-09-01',
  presentLevels: 'Ana adds two-digit numbers with 40% accuracy.',
  disability: 'Specific learning disability',
  'acc0.kind': 'accommodation',
  'acc0.description': 'Calculator for multi-step problems',
  'acc0.settings': 'math class',
  'acc0.frequency': 'daily',
  'acc0.provider': 'math teacher',
  'svc0.service': 'Math intervention',
  'svc0.minutes': '90',
  'svc0.per': 'week',
  'svc0.setting': 'resource room',
  'svc0.provider': 'special education teacher',
};

describe(`IEP pages on ${testDatabaseKind}`, () => {
  it('creates an IEP with a percent goal and a duration goal, each criterion in English and Spanish', async () => {
    const sped = await as('special_educator');
    const me = (
      await store.db
        .selectFrom('accounts')
        .select('person_id')
        .where('username', '=', 'sped')
        .executeTakeFirstOrThrow()
    ).person_id!;
    const response = await postForm(app, `/students/${student('s01')}/iep/new`, sped, {
      ...plan,
      caseManagerId: me,
      ...percentGoal,
      ...durationGoal,
      intent: 'save',
    });
    expect(response.status).toBe(303);

    const page = await get(app, response.headers.get('location')!, sped);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(
      'at least 80% of trials correct in 3 consecutive sessions of at least 10 trials',
    );
    expect(html).toContain('al menos el 80 % de los ensayos correctos');
    expect(html).toContain('Calculator for multi-step problems');
    expect(html).toContain('Math intervention');

    const goals = await records.listCurrentGoals(store.db, await iepIdOf('s01'));
    expect(
      goals.map((g) => [g.area, g.measurement_type, g.collection_type, g.trend_method]),
    ).toEqual([
      ['Math calculation', 'percent', 'trials', 'ols'],
      ['Behavior', 'duration', 'duration', 'tukey'],
    ]);
    expect(JSON.parse(goals[1]!.criterion_json!)).toEqual({
      measure: 'duration',
      atMost: 60,
      sessions: { atLeast: 4, of: 5 },
    });
  });

  it('answers 400 naming the field when a goal leaves out its goal date, and saves nothing', async () => {
    const sped = await as('special_educator');
    const before = await store.db.selectFrom('ieps').select('id').execute();
    const response = await postForm(app, `/students/${student('s03')}/iep/new`, sped, {
      ...plan,
      caseManagerId: '',
      ...percentGoal,
      'g0.targetDate': '',
      intent: 'save',
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('href="#f-caseManagerId"');
    expect((await store.db.selectFrom('ieps').select('id').execute()).length).toBe(before.length);
  });

  it('shows each new session on the goal page: the point count and the least-squares slope', async () => {
    const sped = await as('special_educator');
    const [percent] = await records.listCurrentGoals(store.db, await iepIdOf('s01'));
    const outcomes = (correct: number) =>
      Array.from({ length: 10 }, (_, i) => (i < correct ? 'independent' : 'incorrect'));
    const days = [
      ['2026-09-08', 4],
      ['2026-09-15', 5],
      ['2026-09-22', 7],
    ] as const;
    for (const [date, correct] of days) {
      const saved = await recordDataSession(
        store.db,
        { goalId: percent!.id, date, record: { outcomes: outcomes(correct) } },
        SYSTEM,
        new Date(),
      );
      expect(saved.ok).toBe(true);
    }

    const html = await (await get(app, `/iep-goals/${percent!.id}`, sped)).text();
    expect(html).toContain('data-point-count="3"');
    // Weeks since 2026-09-01: 1, 2, 3; values 40, 50, 70: slope = 15 per week.
    expect(html).toContain('data-trend-slope="15"');
    expect(html).toContain('+15 per week (least squares)');
    expect(html).toContain(
      '4-point rule: 3 points in this phase; the rule needs 4 → not enough data yet',
    );
  });

  it("shows the demo goal's decision and slope as the domain computes them", async () => {
    const sped = await as('special_educator');
    const id = await goalId('s02', 'Math calculation');
    const goal = readGoal((await records.findGoal(store.db, id))!);
    const sessions = await records.listDataSessions(store.db, id);
    const expected = analyzeProgress({
      baseline: goal.baseline,
      goal: goal.target,
      points: sessions.map((s) => ({ date: s.session_date, value: Number(s.value) })),
      trend: 'ols',
      decisionRule: { kind: 'consecutive', points: 4 },
      direction: 'increase',
      phaseChanges: ['2026-10-20'],
    });

    const html = await (await get(app, `/iep-goals/${id}`, sped)).text();
    expect(expected.decision).toBe('continue');
    expect(html).toContain(`data-decision="continue"`);
    expect(html).toContain(
      '4-point rule: the last 4 points are not all on one side of the goal line → continue the intervention',
    );
    expect(html).toContain(`data-trend-slope="${expected.trend!.slopePerWeek}"`);
    expect(html).toContain(`data-point-count="${sessions.length}"`);
    expect(html).toContain('Added fact-family flash cards');
  });

  it('names the raise-the-goal decision for the demo fluency goal', async () => {
    const sped = await as('special_educator');
    const html = await (
      await get(app, `/iep-goals/${await goalId('s02', 'Reading fluency')}`, sped)
    ).text();
    expect(html).toContain(
      '4-point rule: the last 4 points are all above the goal line → raise the goal',
    );
  });

  it('voids a session (left out of the graph, kept in the list) and restores it', async () => {
    const sped = await as('special_educator');
    const id = await goalId('s13', 'Social communication');
    const [first] = await records.listDataSessions(store.db, id);
    const count = (await records.listDataSessions(store.db, id)).length;

    const voided = await postForm(app, `/iep-goals/${id}/sessions/${first!.id}/void`, sped, {
      expectedVersion: String(first!.version),
      restore: '0',
    });
    expect(voided.status).toBe(303);
    const html = await (await get(app, `/iep-goals/${id}`, sped)).text();
    expect(html).toContain(`data-point-count="${count - 1}"`);
    expect(html).toContain('voided');

    const stale = await postForm(app, `/iep-goals/${id}/sessions/${first!.id}/void`, sped, {
      expectedVersion: String(first!.version),
      restore: '1',
    });
    expect(stale.status).toBe(409);
    const restored = await postForm(app, `/iep-goals/${id}/sessions/${first!.id}/void`, sped, {
      expectedVersion: String(first!.version + 1),
      restore: '1',
    });
    expect(restored.status).toBe(303);
    const history = await records.listHistory(store.db, 'data_session', first!.id);
    expect(history.map((h) => h.change)).toEqual(['create', 'void', 'restore']);
  });

  it('amends an IEP into version 2 and keeps version 1 as it was', async () => {
    const sped = await as('special_educator');
    const iepId = await iepIdOf('s01');
    const response = await postForm(app, `/students/${student('s01')}/iep/${iepId}/amend`, sped, {
      expectedVersion: '1',
      effectiveDate: '2026-12-01',
      reason: 'Team moved the annual review.',
      annualReviewDate: '2027-06-15',
    });
    expect(response.status).toBe(303);

    const base = `/students/${student('s01')}/iep?iep=${iepId}`;
    const current = await (await get(app, base, sped)).text();
    const first = await (await get(app, `${base}&version=1`, sped)).text();
    expect(current).toContain('Annual review: 2027-08-31 → 2027-06-15');
    expect(current).toContain('Team moved the annual review.');
    expect(first).toContain('You are reading version 1');
    expect(first).toContain('Aug 31, 2027');
    expect(first).not.toContain('Jun 15, 2027</dd>');

    const stale = await postForm(app, `/students/${student('s01')}/iep/${iepId}/amend`, sped, {
      expectedVersion: '1',
      effectiveDate: '2026-12-02',
      reason: 'A stale edit.',
    });
    expect(stale.status).toBe(409);
  });

  it('adds a goal as an amendment with a prompt-level criterion', async () => {
    const sped = await as('special_educator');
    const iepId = await iepIdOf('s01');
    const fields = goalFields(0, {
      area: 'Communication',
      collectionType: 'prompt_level',
      unitLabel: 'prompt level',
      statement: 'Ana will ask for help with no more than a gestural prompt.',
      baselineDate: '2026-09-01',
      baselineValue: '3',
      baselineMethod: 'observation',
      targetDate: '2027-06-01',
      targetValue: '1',
      comparison: 'atMost',
      threshold: '1',
      window: 'consecutive',
      windowN: '3',
      hierarchy: 'independent, gestural, verbal, model, physical',
    });
    const response = await postForm(
      app,
      `/students/${student('s01')}/iep/${iepId}/goals/new`,
      sped,
      {
        expectedVersion: '2',
        effectiveDate: '2026-12-03',
        reason: 'Added a communication goal.',
        ...fields,
        intent: 'save',
      },
    );
    expect(response.status).toBe(303);
    const html = await (
      await get(app, `/students/${student('s01')}/iep?iep=${iepId}`, sped)
    ).text();
    expect(html).toContain('Goal added: Communication');
    expect(html).toContain('prompt level');
  });
});

describe(`progress reports on ${testDatabaseKind}`, () => {
  const period = () => `demo-q1-${demo.schoolId}`;

  it('refuses an override without a reason, then saves it with one and marks it sent', async () => {
    const sped = await as('special_educator');
    const iepId = await iepIdOf('s04');
    const goal = await goalId('s04', 'Self-care and independence');
    const action = `/students/${student('s04')}/iep/${iepId}/progress/${goal}`;

    const page = await (
      await get(app, `/students/${student('s04')}/iep/${iepId}/progress?period=${period()}`, sped)
    ).text();
    expect(page).toContain('Suggested: Insufficient progress');

    const refused = await postForm(app, action, sped, {
      period: period(),
      code: 'sufficient_progress',
      reason: '',
      narrative: 'Sione is learning the first steps of his routine.',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      'Give a reason for choosing a different code than suggested',
    );
    expect(await records.findReport(store.db, goal, '2026-08-31', '2026-11-06')).toBeUndefined();

    const saved = await postForm(app, action, sped, {
      period: period(),
      code: 'sufficient_progress',
      reason: 'He was absent for two weeks; the team saw progress in class.',
      narrative: 'Sione is learning the first steps of his routine.',
    });
    expect(saved.status).toBe(303);
    const report = (await records.findReport(store.db, goal, '2026-08-31', '2026-11-06'))!;
    expect(report.suggested_code).toBe('insufficient_progress');
    expect(report.confirmed_code).toBe('sufficient_progress');
    expect(report.override_reason).toBe(
      'He was absent for two weeks; the team saw progress in class.',
    );

    const sent = await postForm(app, `${action}/sent`, sped, {
      period: period(),
      reportId: report.id,
      expectedVersion: String(report.version),
    });
    expect(sent.status).toBe(303);
    expect((await records.findReportById(store.db, report.id))!.sent_at).not.toBeNull();
  });

  it('confirms the suggested code with no reason needed', async () => {
    const sped = await as('special_educator');
    const iepId = await iepIdOf('s04');
    const goal = await goalId('s04', 'Behavior');
    const response = await postForm(
      app,
      `/students/${student('s04')}/iep/${iepId}/progress/${goal}`,
      sped,
      {
        period: period(),
        code: 'sufficient_progress',
        narrative: 'Sione stays in his seat longer each week.',
      },
    );
    expect(response.status).toBe(303);
    const report = (await records.findReport(store.db, goal, '2026-08-31', '2026-11-06'))!;
    expect([report.confirmed_code, report.override_reason]).toEqual(['sufficient_progress', null]);
  });

  it('lists reports due, overdue and sent, and shows them on the special educator home', async () => {
    const sped = await as('special_educator');
    const list = await (await get(app, '/progress-reports', sped)).text();
    expect(list).toContain('Overdue (');
    expect(list).toContain('Reading fluency');
    const home = await (await get(app, '/', sped)).text();
    expect(home).toContain('Needs your attention');
    expect(home).toMatch(
      /Self-care and independence<\/a> — <strong>Change the intervention<\/strong>/,
    );
    expect(home).toContain('overdue');
  });

  it('lets an administrator relabel the district code set', async () => {
    const admin = await as('admin');
    const page = await get(app, `/admin/progress-codes?district=${demo.districtId}`, admin);
    expect(page.status).toBe(200);
    const fields: Record<string, string> = {};
    const codes = [
      'mastered',
      'sufficient_progress',
      'insufficient_progress',
      'not_yet_addressed',
      'regressed',
    ];
    codes.forEach((code, i) => {
      Object.assign(fields, {
        [`code${i}.code`]: code,
        [`code${i}.meaning`]: code,
        [`code${i}.label`]: code === 'mastered' ? 'Goal met' : code,
        [`code${i}.description`]: `About ${code}`,
      });
    });
    const saved = await postForm(
      app,
      `/admin/progress-codes?district=${demo.districtId}`,
      admin,
      fields,
    );
    expect(saved.status).toBe(303);
    const rows = await records.listProgressCodes(store.db, demo.districtId);
    expect(rows.map((r) => r.label)[0]).toBe('Goal met');
    expect(rows.every((r) => r.district_id === demo.districtId)).toBe(true);

    const sped = await as('special_educator');
    expect((await get(app, '/admin/progress-codes', sped)).status).toBe(404);
  });

  it('records a goal attainment scaling review and shows its T-score', async () => {
    const sped = await as('special_educator');
    const iepId = await iepIdOf('s13');
    const goals = await records.listCurrentGoals(store.db, iepId);
    const response = await postForm(app, `/students/${student('s13')}/iep/${iepId}/gas`, sped, {
      reviewDate: '2026-12-03',
      rho: '0.3',
      'goal0.id': goals[0]!.id,
      'goal0.level': '1',
      'goal0.weight': '1',
      'goal1.id': goals[1]!.id,
      'goal1.level': '2',
      'goal1.weight': '2',
    });
    expect(response.status).toBe(303);
    const html = await (
      await get(app, `/students/${student('s13')}/iep/${iepId}/gas`, sped)
    ).text();
    // T = 50 + 10 (1 + 4) / √(0.7 · 5 + 0.3 · 9) = 50 + 50 / √6.2 ≈ 70.08.
    expect(gasTScore([1, 2], [1, 2], 0.3).toFixed(1)).toBe('70.1');
    expect(html).toContain(
      `data-t-score="${gasTScore([1, 2], [1, 2], 0.3).toFixed(4)}">70.1</span>`,
    );

    const refused = await postForm(app, `/students/${student('s13')}/iep/${iepId}/gas`, sped, {
      reviewDate: '2026-12-03',
      'goal0.id': goals[0]!.id,
      'goal0.level': '3',
      'goal0.weight': '1',
    });
    expect(refused.status).toBe(400);
  });
});

describe(`who sees an IEP on ${testDatabaseKind}`, () => {
  it("answers 404 when a guardian asks for another child's IEP or a goal page", async () => {
    const guardian = await as('guardian');
    const other = await get(app, `/students/${student('s04')}/iep`, guardian);
    const goal = await get(app, `/iep-goals/${await goalId('s02', 'Reading fluency')}`, guardian);
    expect(other.status).toBe(404);
    expect(goal.status).toBe(404);
  });

  it("shows a guardian their child's goals in plain words, in Spanish, with no staff-only fields", async () => {
    const guardian = await as('guardian');
    await store.db
      .updateTable('people')
      .set({ preferred_language: 'es' })
      .where('given_name', '=', 'Marisol')
      .execute();
    const response = await get(app, `/students/${student('s02')}/iep`, guardian);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Reading fluency');
    expect(html).toContain('Se logra con:');
    expect(html).toContain('Progress reports sent home');
    for (const hidden of [
      'Disability category',
      'Present levels',
      'Version history',
      'median of three grade 5 probes',
      'Decision',
      'Amend',
      'Team',
    ]) {
      expect(html).not.toContain(hidden);
    }
  });

  it('shows a teacher goals and accommodations but no way to change them', async () => {
    const teacher = await as('teacher');
    const html = await (await get(app, `/students/${student('s02')}/iep`, teacher)).text();
    expect(html).toContain('Accommodations and supports');
    expect(html).toContain('Reading fluency');
    expect(html).not.toContain('Present levels');
    expect(html).not.toContain('>Amend<');
    expect((await get(app, `/students/${student('s02')}/iep/new`, teacher)).status).toBe(404);
  });

  it('refuses every IEP page POST without the CSRF token', async () => {
    const sped = await as('special_educator');
    const s = student('s04');
    const iep = await iepIdOf('s04');
    const goal = await goalId('s04', 'Behavior');
    const [session] = await records.listDataSessions(store.db, goal);
    const paths = [
      `/students/${s}/iep/new`,
      `/students/${s}/iep/${iep}/goals/new`,
      `/students/${s}/iep/${iep}/amend`,
      `/students/${s}/iep/${iep}/gas`,
      `/students/${s}/iep/${iep}/progress/${goal}`,
      `/students/${s}/iep/${iep}/progress/${goal}/sent`,
      `/iep-goals/${goal}/phase-changes`,
      `/iep-goals/${goal}/settings`,
      `/iep-goals/${goal}/sessions/${session!.id}/void`,
      `/iep-goals/${goal}/sessions/${session!.id}/correct`,
      '/admin/progress-codes',
    ];
    for (const path of paths) {
      const response = await postForm(app, path, sped, { reason: 'x' }, null);
      expect([path, response.status]).toEqual([path, 403]);
    }
  });
});
