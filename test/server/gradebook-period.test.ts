import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { today } from '../../src/server/access.js';
import type { AppEnv } from '../../src/server/env.js';
import { setOverride } from '../../src/services/mastery.service.js';
import { listDefaultScaleLevels } from '../../src/store/gradebook.repository.js';
import { insertRoster } from '../../src/store/roster.repository.js';
import { levelFor } from '../../src/web/views/levels.js';
import {
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, gridCellLabel, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let teacher: Browser;
let classId: string;
let ameliaId: string;
let benId: string;
let standardIds: string[];

/** A day `days` before today, "YYYY-MM-DD", so the terms below have always begun. */
function daysAgo(days: number): string {
  return today(new Date(Date.now() - days * 86_400_000));
}

const TERM_1 = { id: randomUUID(), start: daysAgo(120), end: daysAgo(40) };
const TERM_2 = { id: randomUUID(), start: daysAgo(39), end: daysAgo(-60) };
const EARLIER = daysAgo(60);
const LATER = daysAgo(10);

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  const { schoolId } = await makeSchool(db, 'Willow Bend Elementary (test)');
  const teacherId = await makePerson(db, { kind: 'staff', schoolId });
  ameliaId = await makePerson(db, {
    kind: 'student',
    schoolId,
    givenName: 'Amelia',
    familyName: 'Quill',
  });
  benId = await makePerson(db, { kind: 'student', schoolId, givenName: 'Ben', familyName: 'Rook' });
  standardIds = await makeStandards(db, 2);
  classId = await makeClass(db, {
    schoolId,
    staffIds: [teacherId],
    studentIds: [ameliaId, benId],
    standardIds,
  });
  await seedTermsAndIep(schoolId, ameliaId);

  // Amelia: Developing (2) in term 1, then Advanced work (4) in term 2.
  await makeEvidence(db, {
    studentId: ameliaId,
    standardId: standardIds[0]!,
    score: 2,
    observedAt: EARLIER,
  });
  await makeEvidence(db, {
    studentId: ameliaId,
    standardId: standardIds[0]!,
    score: 4,
    observedAt: LATER,
  });
  // Ben: only term-2 evidence.
  await makeEvidence(db, {
    studentId: benId,
    standardId: standardIds[0]!,
    score: 3,
    observedAt: LATER,
  });

  const account = await makeAccount(db, { role: 'teacher', personId: teacherId });
  app = createApp({ store });
  teacher = await signedIn(app, account.username, account.password);
});
afterAll(() => store.destroy());

async function seedTermsAndIep(schoolId: string, studentId: string): Promise<void> {
  await insertRoster(store.db, {
    sessions: [
      session(TERM_1.id, 'Term 1', TERM_1.start, TERM_1.end, schoolId),
      session(TERM_2.id, 'Term 2', TERM_2.start, TERM_2.end, schoolId),
    ],
  });
  await store.db
    .insertInto('ieps')
    .values({
      id: randomUUID(),
      source_id: `IEP-${randomUUID()}`,
      student_id: studentId,
      begin_date: TERM_1.start,
      end_date: null,
      review_date: null,
      reevaluation_date: null,
      setting: null,
      disability: null,
      case_manager_id: null,
      service_hours_per_week: null,
      present_levels: null,
    })
    .execute();
}

function session(id: string, name: string, start: string, end: string, orgId: string) {
  return {
    id,
    source_id: `SESSION-${id}`,
    org_id: orgId,
    name,
    kind: 'term',
    start_date: start,
    end_date: end,
  };
}

async function labelOf(value: number): Promise<string> {
  return levelFor(await listDefaultScaleLevels(store.db), value)!.label;
}

async function page(query: string): Promise<{ status: number; html: string }> {
  const response = await get(app, `/classes/${classId}${query}`, teacher);
  return { status: response.status, html: await response.text() };
}

describe(`gradebook for a period on ${testDatabaseKind}`, () => {
  it('shows the level as of the end of an earlier term, from the evidence observed by then', async () => {
    const { status, html } = await page(`?period=${TERM_1.id}`);

    expect(status).toBe(200);
    expect(gridCellLabel(html, ameliaId, standardIds[0]!)).toBe(
      `Amelia Quill, ${await codeOf(0)}: ${await labelOf(2)}, 1 piece of evidence`,
    );
    expect(gridCellLabel(html, benId, standardIds[0]!)).toBe(
      `Ben Rook, ${await codeOf(0)}: not enough evidence yet, 0 pieces of evidence`,
    );
    expect(html).toContain(`Mastery in Term 1 as of`);
  });

  it('shows the later level in the current view (decaying average 65%: 2, 4 → 3.3)', async () => {
    const { status, html } = await page('');

    expect(status).toBe(200);
    expect(gridCellLabel(html, ameliaId, standardIds[0]!)).toBe(
      `Amelia Quill, ${await codeOf(0)}: ${await labelOf(3)}, 2 pieces of evidence`,
    );
    expect(html).toContain('Current mastery by student and standard');
  });

  it('takes a day as ?asOf and counts evidence observed up to the end of that day', async () => {
    const onTheDay = await page(`?asOf=${EARLIER}`);
    const dayBefore = await page(`?asOf=${daysAgo(61)}`);

    expect(gridCellLabel(onTheDay.html, ameliaId, standardIds[0]!)).toContain(
      `${await labelOf(2)}, 1 piece of evidence`,
    );
    expect(gridCellLabel(dayBefore.html, ameliaId, standardIds[0]!)).toContain(
      'not enough evidence yet, 0 pieces of evidence',
    );
  });

  it('summarizes each standard for the chosen period', async () => {
    const { html } = await page(`?period=${TERM_1.id}`);
    const row = summaryRow(html, await codeOf(0));

    // Levels 1 to 4, then "not enough evidence yet": Amelia Developing, Ben without evidence.
    expect(row).toEqual(['0', '1', '0', '0', '1']);
  });

  it('keeps the period with the IEP filter, in the filter form and in the period links', async () => {
    const { status, html } = await page(`?period=${TERM_1.id}&iep=1`);

    expect(status).toBe(200);
    expect(gridCellLabel(html, ameliaId, standardIds[0]!)).toContain(await labelOf(2));
    expect(gridCellLabel(html, benId, standardIds[0]!)).toBeNull();
    expect(html).toContain(`<input type="hidden" name="period" value="${TERM_1.id}"/>`);
    expect(html).toContain(`href="/classes/${classId}?period=${TERM_2.id}&amp;iep=1"`);
    expect(html).toContain(`href="/classes/${classId}?iep=1">Current</a>`);
    expect(html).toContain(`?period=${TERM_1.id}&amp;iep=1" aria-current="true">Term 1:`);
  });

  it('marks the overrides in force at the end of the period, not those set since', async () => {
    await setOverride(store.db, {
      studentId: benId,
      standardId: standardIds[1]!,
      levelValue: 3,
      reason: 'Explained it in a conference.',
      by: null,
    });

    const past = await page(`?period=${TERM_1.id}`);
    const current = await page('');

    expect(gridCellLabel(past.html, benId, standardIds[1]!)).not.toContain('set by a teacher');
    expect(gridCellLabel(current.html, benId, standardIds[1]!)).toContain('level set by a teacher');
  });

  it('answers 400 naming an unknown period, and shows current mastery below', async () => {
    const { status, html } = await page('?period=no-such-term');

    expect(status).toBe(400);
    expect(html).toContain(
      'There is no period &quot;no-such-term&quot; for this class. Showing current mastery instead.',
    );
    expect(gridCellLabel(html, ameliaId, standardIds[0]!)).toContain('2 pieces of evidence');
  });

  it('answers 400 for a date that is not a calendar day, one after today, or both fields', async () => {
    const notADay = await page('?asOf=2026-02-30');
    const future = await page(`?asOf=${daysAgo(-3)}`);
    const both = await page(`?period=${TERM_1.id}&asOf=${EARLIER}`);

    expect(notADay.status).toBe(400);
    expect(notADay.html).toContain('is not a date: write it as YYYY-MM-DD');
    expect(future.status).toBe(400);
    expect(future.html).toContain(`${daysAgo(-3)} is after today`);
    expect(both.status).toBe(400);
    expect(both.html).toContain('Choose a period or a date, not both.');
  });
});

async function codeOf(index: number): Promise<string> {
  const row = await store.db
    .selectFrom('standards')
    .select('code')
    .where('id', '=', standardIds[index]!)
    .executeTakeFirstOrThrow();
  return row.code ?? '';
}

/** The numbers in the class summary row of a standard, in column order. */
function summaryRow(html: string, code: string): string[] {
  const table = html.slice(html.indexOf('summary-table'));
  const start = table.indexOf(`<th scope="row" class="code">${code}</th>`);
  const row = table.slice(start, table.indexOf('</tr>', start));
  return [...row.matchAll(/<td class="numeric">(\d+)<\/td>/g)].map((m) => m[1]!);
}
