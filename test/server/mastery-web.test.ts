import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { rebuildMasteryReport, refreshMastery } from '../../src/services/mastery.service.js';
import { insertEvidence } from '../../src/store/gradebook.repository.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, gridCellLabel, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let teacher: Browser;
let guardian: Browser;
let admin: Browser;
let schoolId: string;
let classId: string;
let ada: string;
let ben: string;
let standards: string[];
let adaEvidence: number[];

const detailPath = (studentId: string, standardId: string) =>
  `/students/${studentId}/mastery/${standardId}`;

/** The text of a page without tags, entities decoded, spaces collapsed. */
async function textOf(response: Response): Promise<string> {
  const html = await response.text();
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1');
}

async function storedLevel(studentId: string, standardId: string) {
  const row = await store.db
    .selectFrom('mastery_results')
    .select(['level_value', 'score', 'method'])
    .where('student_id', '=', studentId)
    .where('standard_id', '=', standardId)
    .executeTakeFirstOrThrow();
  return { level: Number(row.level_value), score: Number(row.score), method: row.method };
}

beforeAll(async () => {
  store = await createTestStore();
  app = createApp({ store });
  const db = store.db;
  ({ schoolId } = await makeSchool(db));

  const staffId = await makePerson(db, { kind: 'staff', schoolId, givenName: 'Rosa' });
  ada = await makePerson(db, { kind: 'student', schoolId, givenName: 'Ada', familyName: 'Quill' });
  ben = await makePerson(db, { kind: 'student', schoolId, givenName: 'Ben', familyName: 'Ash' });
  const parentId = await makePerson(db, { kind: 'guardian', schoolId: null });
  await linkGuardian(db, parentId, ada);
  standards = await makeStandards(db, 2);
  classId = await makeClass(db, {
    schoolId,
    staffIds: [staffId],
    studentIds: [ada, ben],
    standardIds: standards,
  });

  // Ada on standard 1: 2, then 3, then 4 (default policy: decaying average, w = 65).
  adaEvidence = [
    await makeEvidence(db, {
      studentId: ada,
      standardId: standards[0]!,
      score: 2,
      observedAt: '2026-09-10',
    }),
    await makeEvidence(db, {
      studentId: ada,
      standardId: standards[0]!,
      score: 3,
      observedAt: '2026-09-20',
    }),
    await makeEvidence(db, {
      studentId: ada,
      standardId: standards[0]!,
      score: 4,
      observedAt: '2026-10-01',
    }),
  ];
  // Ben on standard 2: 4, then 1, then 1.
  for (const [score, day] of [
    [4, '2026-09-11'],
    [1, '2026-09-21'],
    [1, '2026-10-02'],
  ] as const) {
    await makeEvidence(db, { studentId: ben, standardId: standards[1]!, score, observedAt: day });
  }

  const teacherAccount = await makeAccount(db, { role: 'teacher', personId: staffId });
  const parentAccount = await makeAccount(db, { role: 'guardian', personId: parentId });
  const adminAccount = await makeAccount(db, { role: 'admin', personId: null });
  teacher = await signedIn(app, teacherAccount.username, teacherAccount.password);
  guardian = await signedIn(app, parentAccount.username, parentAccount.password);
  admin = await signedIn(app, adminAccount.username, adminAccount.password);
});
afterAll(() => store.destroy());

describe(`the mastery detail page on ${testDatabaseKind}`, () => {
  it('shows each step of the decaying average and the score rounded half up', async () => {
    // By hand: 2; 2 × 35% + 3 × 65% = 0.7 + 1.95 = 2.65; 2.65 × 35% + 4 × 65% = 0.9275 + 2.6
    // = 3.5275, shown to two decimals half up as 3.53, which is level 3 Proficient.
    const response = await get(app, detailPath(ada, standards[0]!), teacher);
    expect(response.status).toBe(200);
    const text = await textOf(response);

    expect(text).toContain(
      'Decaying average with w = 65: start with 2; 2 × 35% + 3 × 65% = 2.65; ' +
        '2.65 × 35% + 4 × 65% = 3.5275.',
    );
    expect(text).toContain('3.5275 shows as 3.53 (two decimals, rounded half up)');
    expect(text).toMatch(/Score 3\.53 .*Level 3 Proficient/);
    expect(text).toContain('Mastery threshold 3 Proficient reached.');
    expect(text).toContain('Scores counted, oldest first: 2, 3, 4.');
  });

  it('lists the evidence oldest first with whether each counted', async () => {
    const html = await (await get(app, detailPath(ada, standards[0]!), teacher)).text();
    const order = adaEvidence.map((id) => html.indexOf(`id="evidence-${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/>Counted</g)?.length).toBe(3);
  });

  it('recalculates and shows the reason when evidence is set aside, and counts it again', async () => {
    const path = `${detailPath(ada, standards[0]!)}/evidence/${adaEvidence[2]}`;
    const excluded = await postForm(app, `${path}/exclude`, teacher, {
      reason: 'Taken with the wrong test form',
    });
    expect(excluded.status).toBe(303);

    // Without the 4: 2 × 35% + 3 × 65% = 2.65, level 2 Developing. A next score s reaches 3
    // when 2.65 × 35% + s × 65% ≥ 3, so s ≥ 3.1885: the lowest level that does is 4.
    expect(await storedLevel(ada, standards[0]!)).toMatchObject({ level: 2, score: 2.65 });
    const text = await textOf(await get(app, excluded.headers.get('location')!, teacher));
    expect(text).toContain('Set aside, not counted: Taken with the wrong test form');
    expect(text).toContain('2.65 shows as 2.65');
    expect(text).toContain(
      'A 4 (Extending) on the next piece of evidence would reach 3 Proficient.',
    );
    expect(text).toContain('A next score of 3.19 or higher reaches the mastery threshold of 3.00.');

    const included = await postForm(app, `${path}/include`, teacher, {});
    expect(included.status).toBe(303);
    expect(await storedLevel(ada, standards[0]!)).toMatchObject({ level: 3, score: 3.5275 });
  });

  it('refuses to set evidence aside without a reason', async () => {
    const path = `${detailPath(ada, standards[0]!)}/evidence/${adaEvidence[0]}/exclude`;
    const response = await postForm(app, path, teacher, { reason: '  ' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('Say why, in a few words');
    expect(await storedLevel(ada, standards[0]!)).toMatchObject({ level: 3 });
  });

  it('marks an override, then marks it out of date when newer evidence arrives', async () => {
    const path = detailPath(ada, standards[0]!);
    const set = await postForm(app, `${path}/override`, teacher, {
      levelValue: '4',
      reason: 'Explained it fully in the oral conference',
    });
    expect(set.status).toBe(303);
    const before = await textOf(await get(app, path, teacher));
    expect(before).toContain('Set by hand');
    expect(before).toContain('Explained it fully in the oral conference');
    expect(before).not.toContain('Out of date');

    await makeEvidence(store.db, {
      studentId: ada,
      standardId: standards[0]!,
      score: 3,
      observedAt: '2026-10-05',
    });
    const after = await textOf(await get(app, path, teacher));
    expect(after).toContain('Out of date: 1 newer piece of evidence arrived after it was set.');

    const cleared = await postForm(app, `${path}/override/clear`, teacher, {});
    expect(cleared.status).toBe(303);
    expect(await textOf(await get(app, path, teacher))).not.toContain('Set by hand');
  });

  it('audits setting evidence aside and overrides without storing the reason', async () => {
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'detail_json'])
      .where('student_id', '=', ada)
      .where('action', 'in', ['exclude', 'include', 'override-set', 'override-clear'])
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual([
      'exclude',
      'include',
      'override-clear',
      'override-set',
    ]);
    expect(JSON.stringify(rows)).not.toContain('wrong test form');
  });
});

describe('families and students', () => {
  it('shows a guardian their child’s calculation in family words without staff controls', async () => {
    const response = await get(app, detailPath(ada, standards[0]!), guardian);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('This is how the level was worked out from your child’s work');
    expect(html).toContain('Decaying average with w = 65');
    expect(html).not.toContain('/override');
    expect(html).not.toContain('/exclude');
    expect(html).not.toContain('Set aside</button>');
  });

  it('answers 404 when a guardian asks for another child', async () => {
    const response = await get(app, detailPath(ben, standards[1]!), guardian);
    expect(response.status).toBe(404);
  });

  it('answers 404 when a guardian posts a staff change, and changes nothing', async () => {
    const path = `${detailPath(ada, standards[0]!)}/evidence/${adaEvidence[0]}/exclude`;
    const response = await postForm(app, path, guardian, { reason: 'I disagree' });
    expect(response.status).toBe(404);
    const row = await store.db
      .selectFrom('evidence')
      .select('excluded')
      .where('id', '=', adaEvidence[0]!)
      .executeTakeFirstOrThrow();
    expect(Number(row.excluded)).toBe(0);
  });

  it('refuses a POST without the CSRF token and changes nothing', async () => {
    const path = `${detailPath(ada, standards[0]!)}/evidence/${adaEvidence[0]}/exclude`;
    const response = await postForm(app, path, teacher, { reason: 'No token' }, null);
    expect(response.status).toBe(403);
    const row = await store.db
      .selectFrom('evidence')
      .select('excluded')
      .where('id', '=', adaEvidence[0]!)
      .executeTakeFirstOrThrow();
    expect(Number(row.excluded)).toBe(0);
  });
});

describe('how mastery is calculated', () => {
  it('shows every method with its example computed by the engine', async () => {
    const response = await get(app, '/mastery/how', guardian);
    expect(response.status).toBe(200);
    const text = await textOf(response);
    expect(text).toContain('scores 2, 3, 4 (oldest first), w = 65 give 3.53');
    expect(text).toContain('2.675 shows as 2.68');
    expect(text).toContain('Not enough evidence yet');
    expect(text.match(/Example:/g)?.length).toBe(12);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await get(app, '/mastery/how', null);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
  });
});

describe('choosing the calculation method', () => {
  it('states the exact counts, then recalculates and the grid shows the new levels', async () => {
    const path = `/classes/${classId}/mastery-settings/policy`;
    const fields = { scopeKind: 'course', method: 'mean', param: '', minEvidence: '1' };

    // The class has results for Ada on standard 1 and Ben on standard 2: 2 results, 2 students.
    const confirm = await postForm(app, path, teacher, fields);
    expect(confirm.status).toBe(200);
    const text = await textOf(confirm);
    expect(text).toContain('This recalculates 2 results of 2 students.');
    expect(text).toContain(
      'from Decaying average, w = 65 (the Trellis default) to Mean (average).',
    );
    expect(await storedLevel(ben, standards[1]!)).toMatchObject({ method: 'decaying_average' });

    // Ben by hand: decaying 4; 4 × 35% + 1 × 65% = 2.05; 2.05 × 35% + 1 × 65% = 1.3675
    // (Beginning); the mean (4 + 1 + 1) / 3 = 2 is Developing.
    const applied = await postForm(app, path, teacher, { ...fields, confirm: 'yes' });
    expect(applied.status).toBe(303);
    const notice = await textOf(await get(app, applied.headers.get('location')!, teacher));
    expect(notice).toMatch(/Recalculated 2 results of 2 students; \d changed\./);
    expect(await storedLevel(ben, standards[1]!)).toMatchObject({
      level: 2,
      score: 2,
      method: 'mean',
    });
    const grid = await (await get(app, `/classes/${classId}`, teacher)).text();
    expect(gridCellLabel(grid, ben, standards[1]!)).toMatch(/Developing/);
  });

  it('lets only an administrator give a standard its own method', async () => {
    const path = `/classes/${classId}/mastery-settings/policy`;
    const fields = { scopeKind: 'standard', standardId: standards[0]!, method: 'latest' };
    const byTeacher = await postForm(app, path, teacher, { ...fields, minEvidence: '1' });
    expect(byTeacher.status).toBe(404);

    const byAdmin = await postForm(app, path, admin, { ...fields, minEvidence: '1' });
    expect(byAdmin.status).toBe(200);
    expect(await textOf(byAdmin)).toContain('This recalculates 1 result of 1 student.');
  });

  it('names the field when the parameter is out of range', async () => {
    const path = `/classes/${classId}/mastery-settings/policy`;
    const response = await postForm(app, path, teacher, {
      scopeKind: 'course',
      method: 'decaying_average',
      param: '120',
      minEvidence: '1',
    });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain(
      'param: 120 is out of range; decaying_average needs w from 1 to 99',
    );
  });

  it('changes a school’s mastery level after a confirmation with the counts', async () => {
    const fields = {
      scopeKind: 'school',
      scopeId: schoolId,
      baseScaleId: 'default-scale',
      masteryValue: '4',
    };
    const confirm = await postForm(app, '/admin/mastery/scale', admin, fields);
    expect(confirm.status).toBe(200);
    expect(await textOf(confirm)).toContain('This recalculates 2 results of 2 students.');

    const applied = await postForm(app, '/admin/mastery/scale', admin, {
      ...fields,
      confirm: 'yes',
    });
    expect(applied.status).toBe(303);
    const row = await store.db
      .selectFrom('mastery_results')
      .select(['mastered', 'scale_id'])
      .where('student_id', '=', ada)
      .where('standard_id', '=', standards[0]!)
      .executeTakeFirstOrThrow();
    // Ada's mean (2 + 3 + 4 + 3) / 4 = 3 no longer reaches a threshold of 4.
    expect(row).toMatchObject({ scale_id: `scale-school-${schoolId}` });
    expect(Number(row.mastered)).toBe(0);
  });

  it('answers 404 to a teacher asking for the administrator’s settings', async () => {
    expect((await get(app, '/admin/mastery', teacher)).status).toBe(404);
    expect((await get(app, '/admin/mastery', admin)).status).toBe(200);
  });
});

describe('the student page', () => {
  it('shows the levels as they stood at the end of a chosen date', async () => {
    const rows = [
      { score: 1, observed_at: '2026-09-01', recorded_at: '2026-09-01T15:00:00.000Z' },
      { score: 3, observed_at: '2026-09-15', recorded_at: '2026-09-16T15:00:00.000Z' },
      { score: 4, observed_at: '2026-10-10', recorded_at: '2026-10-10T15:00:00.000Z' },
    ];
    await insertEvidence(
      store.db,
      rows.map((row) => ({
        ...row,
        student_id: ben,
        standard_id: standards[0]!,
        format: 'written',
        origin: 'test',
      })),
    );
    await refreshMastery(store.db, [{ studentId: ben, standardId: standards[0]! }]);

    // The class uses the mean now: on Sep 20 only 1 and 3 were known, (1 + 3) / 2 = 2.
    const then = await textOf(await get(app, `/students/${ben}?asOf=2026-09-20`, teacher));
    expect(then).toContain('Levels at the end of Sep 20, 2026');
    expect(then).toMatch(/TEST\.\d+\.1 Test standard 1 ◑ Developing 2\.00 2/);

    // Today all three count: (1 + 3 + 4) / 3 = 2.6667, shown 2.67.
    const now = await get(app, `/students/${ben}/mastery/${standards[0]}`, teacher);
    expect(await textOf(now)).toContain('Mean: (1 + 3 + 4) / 3 = 2.6667.');
  });

  it('rolls standards up to their parent, leaving out those without a score', async () => {
    const parentId = randomUUID();
    const child = await store.db
      .selectFrom('standards')
      .select('framework_id')
      .where('id', '=', standards[0]!)
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('standards')
      .values({
        id: parentId,
        framework_id: child.framework_id,
        source_id: `PARENT-${parentId}`,
        code: 'TEST.PARENT',
        statement: 'Number and operations',
        list_order: 99,
      })
      .execute();
    await store.db
      .updateTable('standards')
      .set({ parent_id: parentId })
      .where('id', 'in', standards)
      .execute();

    // Ada: standard 1 under the mean is (2 + 3 + 4 + 3) / 4 = 3; standard 2 has no result.
    const text = await textOf(await get(app, `/students/${ada}`, teacher));
    expect(text).toContain('Rollup to broader standards');
    expect(text).toMatch(/TEST\.PARENT Number and operations ◕ Proficient 3\.00 1 of 2/);
  });

  it('shows a course summary only after the school turns it on', async () => {
    expect(await textOf(await get(app, `/students/${ada}`, teacher))).not.toContain(
      'Course summary',
    );
    const toggled = await postForm(app, '/admin/mastery/course-summary', admin, {
      schoolId,
      enabled: 'yes',
    });
    expect(toggled.status).toBe(303);
    const text = await textOf(await get(app, `/students/${ada}`, teacher));
    expect(text).toMatch(/Course summary .* Test class: ◕ Proficient 3\.00, over 1 standard/);
  });
});

describe('the family report', () => {
  it('shows what is next and a teacher’s override from the engine, in family words', async () => {
    // The school's mastery level is now 4 and the class uses the mean: Ada's (2 + 3 + 4 + 3)
    // / 4 = 3 would need (12 + s) / 5 ≥ 4, s ≥ 8, so one more score cannot reach it.
    const report = `/students/${ada}/report`;
    const before = await textOf(await get(app, report, guardian));
    expect(before).toContain(
      'What is next: it will take more than one more piece of work to reach the goal.',
    );
    expect(before).not.toContain('The teacher set this level.');

    await postForm(app, detailPath(ada, standards[0]!) + '/override', teacher, {
      levelValue: '4',
      reason: 'Showed it in three settings',
    });
    const after = await textOf(await get(app, report, guardian));
    expect(after).toContain('The teacher set this level.');
    expect(after).not.toContain('What is next: it will take');
    expect(await textOf(await get(app, `${report}?lang=es`, guardian))).toContain(
      'El maestro puso este nivel.',
    );
  });
});

describe('the stored results after all these changes', () => {
  it('are exactly what a full rebuild computes', async () => {
    expect(await rebuildMasteryReport(store.db)).toMatchObject({ changed: 0 });
  });
});
