import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { isoWeekday } from '../../src/services/caseload.service.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import { explainMastery, setOverride } from '../../src/services/mastery.service.js';
import { listDefaultScaleLevels } from '../../src/store/gradebook.repository.js';
import { levelFor } from '../../src/web/views/levels.js';
import {
  makeAccount,
  makeClass,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, gridCellLabel, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;

const signInOf = (role: string) => demo.signIns.find((s) => s.role === role)!;
const as = (role: string) => signedIn(app, signInOf(role).username, signInOf(role).password);
const classPath = () => `/classes/${demo.mathClassId}`;
const quizPath = () => `${classPath()}/tasks/${demo.workspace.quizTaskId}`;

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db);
  app = createApp({ store });
});
afterAll(() => store.destroy());

/** Posts one attempt as task-grid.js does: form fields, JSON answer, the CSRF header. */
function postAttempt(
  browser: Browser,
  path: string,
  fields: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(
    app.request(`${path}/attempts`, {
      method: 'POST',
      headers: {
        cookie: browser.cookie,
        origin: 'http://localhost',
        accept: 'application/json',
        'x-csrf-token': browser.csrf,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        number: '1',
        version: '0',
        observedOn: '2026-12-01',
        format: 'written',
        strength: '',
        nextStep: '',
        supports: '',
        ...fields,
      }),
    }),
  );
}

interface TableCell {
  readonly classes: readonly string[];
  readonly html: string;
}

/** The cell page's evidence table: header words and each body row's cells. */
function evidenceTable(html: string): { headers: string[]; rows: TableCell[][] } {
  const start = html.indexOf('<table class="evidence-table"');
  const table = html.slice(start, html.indexOf('</table>', start));
  const [head, body] = table.split('<tbody>');
  const headers = [...head!.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
  const rows = [...body!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td(?: class="([^"]*)")?>([\s\S]*?)<\/td>/g)].map((cell) => ({
      classes: (cell[1] ?? '').split(' ').filter(Boolean),
      html: cell[2]!,
    })),
  );
  return { headers, rows };
}

interface CssRule {
  readonly selector: string;
  readonly body: string;
}

/** The innermost rules of the served stylesheet (inside media queries too). */
async function stylesheetRules(): Promise<CssRule[]> {
  const css = await (await get(app, '/static/app.css', null)).text();
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...bare.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1]!.trim(),
    body: m[2]!,
  }));
}

/** Whether a rule's selector list ends in one of these classes (on any element or a cell). */
function selectsCellClass(rule: CssRule, classes: ReadonlySet<string>): boolean {
  return rule.selector.split(',').some((selector) => {
    const last = selector.trim().split(/\s+/).at(-1) ?? '';
    const match = /^(?:td)?\.([\w-]+)$/.exec(last);
    return match !== null && classes.has(match[1]!);
  });
}

async function levelLabel(value: number): Promise<string> {
  return levelFor(await listDefaultScaleLevels(store.db), value)!.label;
}

describe(`class gradebook on ${testDatabaseKind}`, () => {
  it('marks a cell whose level a teacher set by override, in its accessible label', async () => {
    const studentId = demo.studentIds.s03!;
    const standardId = demo.standardIds['nbt-a1']!;
    const set = await setOverride(store.db, {
      studentId,
      standardId,
      levelValue: 3,
      reason: 'Showed it in a conference.',
      by: null,
    });
    expect(set.ok).toBe(true);

    const html = await (await get(app, classPath(), await as('teacher'))).text();
    expect(gridCellLabel(html, studentId, standardId)).toContain('level set by a teacher');
    expect(html).toContain('role="grid"');
    expect(html).toContain('role="gridcell"');
  });

  it('shows only students with an IEP when that filter is on', async () => {
    const html = await (await get(app, `${classPath()}?iep=1`, await as('teacher'))).text();
    const rows = [...html.matchAll(/<th scope="row"><a href="\/students\/([^/]+)\/profile"/g)];
    const iepIds = demo.iepStudentKeys.map((k) => demo.studentIds[k]!);
    expect(rows.map((r) => r[1]).sort()).toEqual([...iepIds].sort());
    expect(html).toContain(`Showing 3 of 24 students`);
  });

  it('shows only the standards of one strand when a strand is chosen', async () => {
    const html = await (await get(app, `${classPath()}?strand=5.NF`, await as('teacher'))).text();
    const headers = [
      ...html.matchAll(/<th scope="col"><a href="#standard-[^"]+" class="code"[^>]*>([^<]+)</g),
    ];
    expect(headers.map((h) => h[1])).toEqual(['5.NF.A.1', '5.NF.B.4']);
  });

  it('summarizes each standard as students per level adding up to the class', async () => {
    const html = await (await get(app, classPath(), await as('teacher'))).text();
    const summary = html.slice(html.indexOf('Class summary by standard'));
    const firstRow =
      /<tbody><tr><th scope="row" class="code">([^<]+)<\/th>((?:<td class="numeric">\d+<\/td>)+)/.exec(
        summary,
      )!;
    const counts = [...firstRow[2]!.matchAll(/>(\d+)</g)].map((m) => Number(m[1]));
    expect(firstRow[1]).toBe('5.NBT.A.1');
    expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('opens a cell with its evidence oldest first, formats, feedback and the calculation', async () => {
    const studentId = demo.studentIds.s01!;
    const standardId = demo.standardIds['nbt-a1']!;
    const response = await get(
      app,
      `${classPath()}/cells/${studentId}/${standardId}?partial=1`,
      await as('teacher'),
    );
    expect(response.status).toBe(200);
    const html = await response.text();

    const evidence = await store.db
      .selectFrom('evidence')
      .select(['observed_at', 'format'])
      .where('student_id', '=', studentId)
      .where('standard_id', '=', standardId)
      .orderBy('observed_at')
      .orderBy('id')
      .execute();
    const shownDays = [...html.matchAll(/<td class="nowrap">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(shownDays.length).toBe(evidence.length);
    expect(new Set(shownDays).size).toBeGreaterThan(0);
    expect(html).toContain('How this level is calculated');
    const explained = await explainMastery(store.db, studentId, standardId);
    expect(html).toContain(explained.steps[0]!.replaceAll("'", '&#39;'));
    expect(html).not.toContain('<html');
  });

  it('lines up each evidence cell under its header, with the level under Level, on the cell page', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s07!;
    const standardId = demo.standardIds['nbt-b6']!;
    const longFeedback = 'Checked'.repeat(40);
    const saved = await postAttempt(browser, quizPath(), {
      studentId,
      [`level.${standardId}`]: '3',
      strength: longFeedback,
    });
    expect(saved.status).toBe(200);

    const response = await get(app, `${classPath()}/cells/${studentId}/${standardId}`, browser);
    expect(response.status).toBe(200);
    const table = evidenceTable(await response.text());
    expect(table.headers).toEqual(['Date', 'Task', 'Format', 'Level', 'Feedback', 'Counts?']);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) {
      expect(row.length).toBe(table.headers.length);
      expect(row[table.headers.indexOf('Level')]!.html).toContain('class="badge');
      expect(row[table.headers.indexOf('Format')]!.html).not.toContain('badge');
    }

    const last = table.rows.at(-1)!;
    expect(last[table.headers.indexOf('Format')]!.html).toBe('written');
    expect(last[table.headers.indexOf('Feedback')]!.html).toContain(longFeedback);
    expect(last[table.headers.indexOf('Counts?')]!.html).toBe('Counts');

    const rules = await stylesheetRules();
    const cellClasses = new Set(table.rows.flat().flatMap((cell) => cell.classes));
    const blockified = rules.filter(
      (r) => /display:\s*(block|flex|grid)/.test(r.body) && selectsCellClass(r, cellClasses),
    );
    expect(blockified.map((r) => r.selector)).toEqual([]);
    const feedbackClass = last[table.headers.indexOf('Feedback')]!.classes[0]!;
    const wrapping = rules.filter(
      (r) => r.selector.includes(`.${feedbackClass}`) && /overflow-wrap:\s*anywhere/.test(r.body),
    );
    expect(wrapping.length).toBe(1);
  });

  it('answers 404 for a cell of a student who is not in the class', async () => {
    const { schoolId } = await makeSchool(store.db);
    const outsider = await makePerson(store.db, { kind: 'student', schoolId });
    const response = await get(
      app,
      `${classPath()}/cells/${outsider}/${demo.standardIds['nbt-a1']}`,
      await as('teacher'),
    );
    expect(response.status).toBe(404);
  });
});

describe('scoring a task', () => {
  it('writes evidence with the feedback given and changes the grid cell to that level', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s06!;
    const standardId = demo.standardIds['nbt-b6']!;
    const response = await postAttempt(browser, quizPath(), {
      studentId,
      [`level.${standardId}`]: '4',
      strength: 'Used partial quotients and checked by multiplying.',
      nextStep: 'Explain why the remainder makes sense.',
      supports: 'Graph paper',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { saved: { version: number; levels: object } };
    expect(body.saved.version).toBe(1);
    expect(body.saved.levels).toEqual({ [standardId]: 4 });

    const evidence = await store.db
      .selectFrom('evidence')
      .selectAll()
      .where('task_id', '=', demo.workspace.quizTaskId)
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow();
    expect(evidence.score).toBe(4);
    expect(evidence.strength).toBe('Used partial quotients and checked by multiplying.');
    expect(evidence.next_step).toBe('Explain why the remainder makes sense.');
    expect(evidence.supports).toBe('Graph paper');

    const grid = await (await get(app, classPath(), browser)).text();
    const stored = await store.db
      .selectFrom('mastery_results')
      .select('level_value')
      .where('student_id', '=', studentId)
      .where('standard_id', '=', standardId)
      .executeTakeFirstOrThrow();
    const label = await levelLabel(Number(stored.level_value));
    expect(gridCellLabel(grid, studentId, standardId)).toContain(`: ${label},`);
  });

  it("answers a level out of range with a sentence naming the student, not the field's id", async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s09!;
    const standardId = demo.standardIds['nbt-b5']!;
    const response = await postAttempt(browser, quizPath(), {
      studentId,
      [`level.${standardId}`]: '7',
    });
    expect(response.status).toBe(400);

    const person = await store.db
      .selectFrom('people')
      .select(['given_name', 'family_name'])
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toBe(
      `Type a level from 1 to 4 for ${person.given_name} ${person.family_name}`,
    );
    expect(body.error.message).not.toContain(standardId);
  });

  it('answers a missing date with the sentence alone, without the field name', async () => {
    const browser = await as('teacher');
    const response = await postAttempt(browser, quizPath(), {
      studentId: demo.studentIds.s09!,
      observedOn: '',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Enter the date the work was observed');
  });

  it('scores a revision that supersedes the earlier attempt', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s08!;
    const standardId = demo.standardIds['nbt-b5']!;
    const first = await postAttempt(browser, quizPath(), {
      studentId,
      [`level.${standardId}`]: '1',
      nextStep: 'Line up the partial products.',
    });
    expect(first.status).toBe(200);

    const started = await postForm(app, `${quizPath()}/revisions`, browser, { studentId });
    expect(started.status).toBe(303);
    const revision = await postAttempt(browser, quizPath(), {
      studentId,
      number: '2',
      version: '1',
      [`level.${standardId}`]: '4',
      strength: 'Fixed the place value of each partial product.',
    });
    expect(revision.status).toBe(200);

    const rows = await store.db
      .selectFrom('evidence')
      .select(['id', 'score', 'revises_id'])
      .where('task_id', '=', demo.workspace.quizTaskId)
      .where('student_id', '=', studentId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.score)).toEqual([1, 4]);
    expect(rows[1]!.revises_id).toBe(rows[0]!.id);

    const explained = await explainMastery(store.db, studentId, standardId);
    const statusOf = (id: number) => explained.evidence.find((e) => e.item.id === id)?.status;
    expect(statusOf(Number(rows[0]!.id))).toBe('superseded');
    expect(statusOf(Number(rows[1]!.id))).toBe('counted');
  });

  it('marks a revision waiting to be scored on the gradebook cell', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s09!;
    const standardId = demo.standardIds['nbt-b6']!;
    await postAttempt(browser, quizPath(), { studentId, [`level.${standardId}`]: '2' });
    await postForm(app, `${quizPath()}/revisions`, browser, { studentId });

    const grid = await (await get(app, classPath(), browser)).text();
    expect(gridCellLabel(grid, studentId, standardId)).toContain('revision waiting to be scored');
  });

  it('answers a stale save with 409 and the current value, and changes nothing', async () => {
    const teacher = await as('teacher');
    const coTeacher = await as('special_educator');
    const studentId = demo.studentIds.s11!;
    const standardId = demo.standardIds['nbt-b5']!;
    const mine = await postAttempt(teacher, quizPath(), {
      studentId,
      [`level.${standardId}`]: '3',
      strength: 'Clear area model.',
    });
    expect(mine.status).toBe(200);

    const theirs = await postAttempt(coTeacher, quizPath(), {
      studentId,
      [`level.${standardId}`]: '2',
    });
    expect(theirs.status).toBe(409);
    const body = (await theirs.json()) as {
      current: { levels: object; version: number; strength: string };
    };
    expect(body.current).toMatchObject({
      levels: { [standardId]: 3 },
      version: 1,
      strength: 'Clear area model.',
    });

    const stored = await store.db
      .selectFrom('evidence')
      .select('score')
      .where('task_id', '=', demo.workspace.quizTaskId)
      .where('student_id', '=', studentId)
      .execute();
    expect(stored.map((r) => r.score)).toEqual([3]);
  });

  it('answers a stale plain-form save with a 409 page naming the current value', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s12!;
    const standardId = demo.standardIds['nbt-b5']!;
    await postAttempt(browser, quizPath(), { studentId, [`level.${standardId}`]: '4' });

    const stale = await postForm(app, `${quizPath()}/attempts`, browser, {
      studentId,
      number: '1',
      version: '0',
      observedOn: '2026-12-01',
      format: 'written',
      [`level.${standardId}`]: '1',
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone else saved');
    expect(html).toContain(`5.NBT.B.5 4 ${await levelLabel(4)}`);
  });

  it('answers 404 when a teacher scores a student outside their classes', async () => {
    const { schoolId } = await makeSchool(store.db);
    const outsider = await makePerson(store.db, { kind: 'student', schoolId });
    const response = await postAttempt(await as('teacher'), quizPath(), {
      studentId: outsider,
      [`level.${demo.standardIds['nbt-b5']}`]: '3',
    });
    expect(response.status).toBe(404);
    const written = await store.db
      .selectFrom('evidence')
      .select('id')
      .where('student_id', '=', outsider)
      .execute();
    expect(written).toEqual([]);
  });

  it("answers 404 when a teacher of another class opens this class's task", async () => {
    const { schoolId } = await makeSchool(store.db);
    const staffId = await makePerson(store.db, { kind: 'staff', schoolId });
    const standards = await makeStandards(store.db, 1);
    await makeClass(store.db, {
      schoolId,
      staffIds: [staffId],
      studentIds: [],
      standardIds: standards,
    });
    const account = await makeAccount(store.db, { role: 'teacher', personId: staffId });
    const other = await signedIn(app, account.username, account.password);

    expect((await get(app, quizPath(), other)).status).toBe(404);
    const response = await postAttempt(other, quizPath(), {
      studentId: demo.studentIds.s01!,
      [`level.${demo.standardIds['nbt-b5']}`]: '3',
    });
    expect(response.status).toBe(404);
  });

  it('shows the IEP accommodations for this kind of task beside the student', async () => {
    const browser = await as('teacher');
    const rowOf = (html: string, key: string) => {
      const start = html.indexOf(`id="row-${demo.studentIds[key]}"`);
      return html.slice(start, html.indexOf('</tr>', start));
    };
    const quiz = await (await get(app, quizPath(), browser)).text();
    expect(rowOf(quiz, 's02')).toContain('Extended time (1.5x) on tests');
    expect(rowOf(quiz, 's02')).toContain('(classroom teacher)');
    expect(rowOf(quiz, 's07')).toContain('Directions read aloud on request');
    expect(rowOf(quiz, 's01')).not.toContain('Accommodations for this task');

    const oralPath = `${classPath()}/tasks/${demo.workspace.rubricTaskId}`;
    const oral = await (await get(app, oralPath, browser)).text();
    expect(rowOf(oral, 's02')).not.toContain('Extended time');
    expect(rowOf(oral, 's02')).toContain('Directions read aloud');
  });

  it('creates a task with a rubric whose criteria become the scoring columns', async () => {
    const browser = await as('teacher');
    const response = await postForm(app, `${classPath()}/tasks`, browser, {
      title: 'Volume build',
      kind: 'performance',
      format: 'hands-on',
      dueDate: '2026-12-10',
      'criterion.0.title': 'Builds with unit cubes',
      'criterion.0.standardId': demo.standardIds['md-c5']!,
      'criterion.0.level.3': 'Packs without gaps',
    });
    expect(response.status).toBe(303);
    const page = await (await get(app, response.headers.get('location')!, browser)).text();
    expect(page).toContain('Builds with unit cubes');
    expect(page).toContain('Packs without gaps');
  });

  it('offers another format to a student and a revision is recorded in that format', async () => {
    const browser = await as('teacher');
    const studentId = demo.studentIds.s14!;
    const standardId = demo.standardIds['nbt-b5']!;
    await postAttempt(browser, quizPath(), { studentId, [`level.${standardId}`]: '2' });
    const plan = await postForm(app, `${quizPath()}/plans`, browser, {
      studentId,
      offeredFormat: 'verbal',
      dueDate: '2026-12-11',
      reassessFrom: '2026-12-07',
      reassessUntil: '2026-12-14',
      note: 'Explain the strategy aloud instead.',
    });
    expect(plan.status).toBe(303);
    await postForm(app, `${quizPath()}/revisions`, browser, { studentId });

    const attempt = await store.db
      .selectFrom('task_attempts')
      .select(['number', 'format'])
      .where('task_id', '=', demo.workspace.quizTaskId)
      .where('student_id', '=', studentId)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    expect(attempt.format).toBe('verbal');
    const html = await (await get(app, quizPath(), browser)).text();
    expect(html).toContain('offered verbal, extended to Dec 11, 2026');
  });

  it("adds a comment to the teacher's bank and offers it in the scoring grid", async () => {
    const browser = await as('teacher');
    const added = await postForm(app, `${classPath()}/comments`, browser, {
      kind: 'next_step',
      text: 'Estimate first, then compute.',
    });
    expect(added.status).toBe(303);
    const html = await (await get(app, quizPath(), browser)).text();
    expect(html).toContain('<option value="Estimate first, then compute."></option>');
  });
});

describe('IEP data collection', () => {
  async function trialsGoal(): Promise<string> {
    const goal = await store.db
      .selectFrom('iep_goals')
      .select('id')
      .where('collection_type', '=', 'trials')
      .executeTakeFirstOrThrow();
    return goal.id;
  }

  it("lists the case manager's goals, those due today, and those needing a decision", async () => {
    const html = await (await get(app, '/caseload', await as('special_educator'))).text();
    expect(html).toContain('<h1>My caseload</h1>');
    const act = html.slice(html.indexOf('Needs your decision'), html.indexOf('</section>'));
    expect(act).toContain('Reading fluency');
    expect(act).toContain('Raise the goal');
    expect(act).toContain('Self-care and independence');
    expect(act).toContain('Change the intervention');

    const today = new Date().toISOString().slice(0, 10);
    const goals = await store.db
      .selectFrom('iep_goals')
      .select(['id', 'area', 'schedule_json'])
      .where('ended_in_version_id', 'is', null)
      .execute();
    const taken = await store.db
      .selectFrom('iep_data_sessions')
      .select('goal_id')
      .where('session_date', '=', today)
      .execute();
    const due = goals.filter((g) => {
      const weekdays = (JSON.parse(g.schedule_json ?? '{"weekdays":[]}') as { weekdays: number[] })
        .weekdays;
      return weekdays.includes(isoWeekday(today)) && !taken.some((t) => t.goal_id === g.id);
    });
    expect(html).toContain(`Due today (${due.length})`);
  });

  it('saves a quick-entry session and the graph shows one more point', async () => {
    const browser = await as('special_educator');
    const goalId = await trialsGoal();
    const before = await (await get(app, `/goals/${goalId}`, browser)).text();
    const pointsBefore = Number(/data-points="(\d+)"/.exec(before)![1]);

    const saved = await postForm(app, `/goals/${goalId}/sessions`, browser, {
      independent: '7',
      prompted: '2',
      incorrect: '1',
      noResponse: '0',
      date: new Date().toISOString().slice(0, 10),
      setting: 'resource room',
      note: 'Quick entry from the server test',
    });
    expect(saved.status).toBe(303);
    const after = await (await get(app, saved.headers.get('location')!, browser)).text();
    expect(Number(/data-points="(\d+)"/.exec(after)![1])).toBe(pointsBefore + 1);
    expect(after).toContain('Session saved');

    const row = await store.db
      .selectFrom('iep_data_sessions')
      .selectAll()
      .where('goal_id', '=', goalId)
      .where('note', '=', 'Quick entry from the server test')
      .executeTakeFirstOrThrow();
    expect(Number(row.value)).toBe(70);
    expect((JSON.parse(row.raw_json) as { outcomes: unknown[] }).outcomes).toHaveLength(10);
    expect(row.collected_by).not.toBeNull();
  });

  it('answers 400 naming the field for a count that is not a number', async () => {
    const response = await postForm(
      app,
      `/goals/${await trialsGoal()}/sessions`,
      await as('special_educator'),
      { independent: 'many', prompted: '0', incorrect: '0', noResponse: '0', date: '2026-12-01' },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter a whole number, 0 or more');
  });

  it('records a phase change with its label, shown on the graph', async () => {
    const browser = await as('special_educator');
    const goalId = await trialsGoal();
    const saved = await postForm(app, `/goals/${goalId}/phase-changes`, browser, {
      date: new Date().toISOString().slice(0, 10),
      label: 'Added worked examples',
    });
    expect(saved.status).toBe(303);
    const html = await (await get(app, `/goals/${goalId}`, browser)).text();
    expect(html).toContain('Added worked examples');
  });

  it('answers 404 for a goal to a teacher of another school', async () => {
    const { schoolId } = await makeSchool(store.db);
    const staffId = await makePerson(store.db, { kind: 'staff', schoolId });
    const account = await makeAccount(store.db, { role: 'teacher', personId: staffId });
    const other = await signedIn(app, account.username, account.password);
    const goalId = await trialsGoal();
    expect((await get(app, `/goals/${goalId}`, other)).status).toBe(404);
    expect((await get(app, `/goals/${goalId}/collect`, other)).status).toBe(404);
  });
});

describe('student profile for staff', () => {
  it('shows mastery, goals with graphs, supports with providers and marks staff-only parts', async () => {
    const response = await get(
      app,
      `/students/${demo.studentIds.s02}/profile`,
      await as('special_educator'),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Standards mastery');
    expect(html).toContain('<svg');
    expect(html).toContain('Directions read aloud');
    expect(html).toContain('provided by classroom teacher');
    expect(html).toContain('provided by special education staff');
    expect(html).toContain('IEP annual review');
    expect(html).toContain('<span class="staff-badge">Staff only</span>');
    expect(html).toContain('Mateo reads grade 5 text at 62 words correct per minute');
  });

  it('lists the work the student chose, in their order, and links to the portfolio', async () => {
    const kofi = demo.studentIds.s10!;
    const response = await get(app, `/students/${kofi}/profile`, await as('teacher'));
    const html = await response.text();

    expect(html).toContain('Portfolio highlights');
    const first = html.indexOf('Fraction strips I made');
    const second = html.indexOf('My place-value chart for 3.05');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(html).not.toContain('My library reading log');
    expect(html).toContain(`href="/students/${kofi}/portfolio"`);
  });

  it("answers 404 to a guardian asking for their own child's staff profile", async () => {
    const response = await get(
      app,
      `/students/${demo.studentIds[demo.guardianChildKey]}/profile`,
      await as('guardian'),
    );
    expect(response.status).toBe(404);
  });
});
