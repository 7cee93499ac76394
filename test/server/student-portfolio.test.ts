/**
 * The student dashboard and the portfolio over HTTP on a real database: self-assessment beside
 * the teacher's level, released results only, uploads checked by content and size, download
 * headers, 404 for anyone else, endorsement as evidence, curation order, and what a family sees.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyReportHtml } from '../../src/reports/family/family-report.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { refreshMastery } from '../../src/services/mastery.service.js';
import { encodePng } from '../../src/services/tiny-png.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let uploads: string;
let ada: string;
let ben: string;
let standards: string[];
let adaBrowser: Browser;
let benBrowser: Browser;
let teacher: Browser;
let adaFamily: Browser;
let benFamily: Browser;

const savedEnv = { dir: process.env.PORTFOLIO_DIR, max: process.env.PORTFOLIO_MAX_MB };
const ORIGIN = 'http://localhost';

/** The text of a page without tags, entities decoded, spaces collapsed. */
async function textOf(response: Response): Promise<string> {
  const html = await response.text();
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replace(/\s+/g, ' ');
}

/** Posts the upload form (multipart) as the browser. */
function upload(
  browser: Browser,
  studentId: string,
  file: { bytes: Uint8Array; name: string; type?: string },
  fields: Record<string, string | string[]> = {},
): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', browser.csrf);
  form.set('title', 'My work');
  form.set('observedOn', '2026-10-05');
  form.set('setting', 'class');
  for (const [key, value] of Object.entries(fields)) {
    form.delete(key);
    for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
  }
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/png' });
  form.set('file', new File([blob], file.name, { type: file.type ?? 'image/png' }));
  return Promise.resolve(
    app.request(`/students/${studentId}/portfolio`, {
      method: 'POST',
      headers: { cookie: browser.cookie, origin: ORIGIN },
      body: form,
    }),
  );
}

/** A small real PNG: a 12 × 8 two-color picture. */
function png(seed = 0): Uint8Array {
  return encodePng(12, 8, (x, y) => [(x * 20 + seed) % 256, y * 30, 120]);
}

async function artifactIdOf(title: string): Promise<string> {
  const row = await store.db
    .selectFrom('portfolio_artifacts')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-uploads-'));
  process.env.PORTFOLIO_DIR = uploads;
  delete process.env.PORTFOLIO_MAX_MB;
  store = await createTestStore();
  app = createApp({ store });

  const { schoolId } = await makeSchool(store.db);
  const staff = await makePerson(store.db, { kind: 'staff', schoolId });
  ada = await makePerson(store.db, { kind: 'student', schoolId, givenName: 'Ada' });
  ben = await makePerson(store.db, { kind: 'student', schoolId, givenName: 'Ben' });
  standards = await makeStandards(store.db, 2);
  await makeClass(store.db, {
    schoolId,
    staffIds: [staff],
    studentIds: [ada, ben],
    standardIds: standards,
  });
  await makeEvidence(store.db, { studentId: ada, standardId: standards[0]!, score: 2 });

  const adaGuardian = await makePerson(store.db, { kind: 'guardian', schoolId: null });
  const benGuardian = await makePerson(store.db, { kind: 'guardian', schoolId: null });
  await linkGuardian(store.db, adaGuardian, ada);
  await linkGuardian(store.db, benGuardian, ben);

  const sign = async (role: 'student' | 'teacher' | 'guardian', personId: string) => {
    const account = await makeAccount(store.db, { role, personId });
    return signedIn(app, account.username, account.password);
  };
  adaBrowser = await sign('student', ada);
  benBrowser = await sign('student', ben);
  teacher = await sign('teacher', staff);
  adaFamily = await sign('guardian', adaGuardian);
  benFamily = await sign('guardian', benGuardian);
});

afterAll(async () => {
  await store.destroy();
  fs.rmSync(uploads, { recursive: true, force: true });
  for (const [key, value] of [
    ['PORTFOLIO_DIR', savedEnv.dir],
    ['PORTFOLIO_MAX_MB', savedEnv.max],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe(`student dashboard on ${testDatabaseKind}`, () => {
  it('is the student home and shows the teacher level in "I can" words', async () => {
    const text = await textOf(await get(app, '/', adaBrowser));
    expect(text).toContain('Hi, Ada! Here is how you are doing.');
    expect(text).toMatch(
      /My teacher says ◑ Developing I can do the simpler parts of this on my own\./,
    );
    // One 2 under decaying average (w = 65): 0.35 × 2 + 0.65 × s ≥ 3 needs s ≥ 3.54, level 4.
    expect(text).toContain(
      'Next, show work at the level "I can use this in new and harder situations."',
    );
  });

  it('saves a self-assessment and shows it beside the teacher level as a talk, not a grade', async () => {
    const response = await postForm(app, `/students/${ada}/self-assessments`, adaBrowser, {
      standardId: standards[0]!,
      levelValue: '4',
      why: 'I explained my steps to a friend.',
    });
    expect(response.status).toBe(303);

    const rows = await store.db.selectFrom('self_assessments').selectAll().execute();
    expect(rows.map((r) => [r.student_id, r.standard_id, Number(r.level_value), r.why])).toEqual([
      [ada, standards[0], 4, 'I explained my steps to a friend.'],
    ]);
    const text = await textOf(await get(app, response.headers.get('location')!, adaBrowser));
    expect(text).toContain('Your rating is saved.');
    expect(text).toMatch(
      /My teacher says ◑ Developing .* I say ● Extending .* Why: I explained my steps to a friend\./,
    );
    expect(text).toContain(
      'Talk about it: You rated yourself higher than your teacher did. Ask your teacher what would show your level.',
    );
  });

  it('refuses a rating off the scale with a message beside the form', async () => {
    const response = await postForm(app, `/students/${ada}/self-assessments`, adaBrowser, {
      standardId: standards[0]!,
      levelValue: '9',
    });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('Choose one of the levels.');
  });

  it('shows only released evidence, without staff-only fields, and levels from released work', async () => {
    await store.db
      .insertInto('evidence')
      .values({
        student_id: ada,
        standard_id: standards[0]!,
        score: 4,
        observed_at: '2026-10-20',
        recorded_at: new Date().toISOString(),
        format: 'written',
        strength: 'Held-back judgement',
        supports: 'Read aloud (staff note)',
        origin: 'test',
        released: 0,
      })
      .execute();
    // Stored mastery now counts the held-back 4 (3.3, Proficient); the student's view does not.
    await refreshMastery(store.db, [{ studentId: ada, standardId: standards[0]! }]);
    const text = await textOf(await get(app, '/', adaBrowser));
    expect(text).not.toContain('Held-back judgement');
    expect(text).not.toContain('Read aloud (staff note)');
    expect(text).toContain('What went well: Clear steps.');
    expect(text).toMatch(/My teacher says ◑ Developing/);
  });

  it('adds a personal goal and ticks it off', async () => {
    await postForm(app, `/students/${ada}/goals`, adaBrowser, { text: 'Practice fractions daily' });
    const goal = await store.db.selectFrom('student_goals').selectAll().executeTakeFirstOrThrow();
    const ticked = await postForm(app, `/students/${ada}/goals/${goal.id}`, adaBrowser, {
      done: '1',
    });
    expect(ticked.status).toBe(303);

    const text = await textOf(await get(app, '/', adaBrowser));
    expect(text).toContain('☑ Practice fractions daily (done) Mark as not done');
    expect(
      await postForm(app, `/students/${ben}/goals/${goal.id}`, benBrowser, { done: '0' }),
    ).toHaveProperty('status', 404);
  });

  it('saves a reflection on released evidence and refuses one on held-back evidence', async () => {
    const released = await store.db
      .selectFrom('evidence')
      .select(['id', 'released'])
      .where('student_id', '=', ada)
      .orderBy('id')
      .execute();
    const [open, held] = [released[0]!, released.find((e) => Number(e.released) === 0)!];
    const path = (id: number) => `/students/${ada}/evidence/${id}/reflection`;

    expect(
      (await postForm(app, path(open.id), adaBrowser, { text: 'I checked my work.' })).status,
    ).toBe(303);
    expect((await postForm(app, path(held.id), adaBrowser, { text: 'Sneaky' })).status).toBe(404);
    expect(await textOf(await get(app, '/', adaBrowser))).toContain('I checked my work.');
  });

  it('answers 404 when a student opens another student dashboard or a teacher rates', async () => {
    expect((await get(app, `/students/${ada}/dashboard`, benBrowser)).status).toBe(404);
    const byTeacher = await postForm(app, `/students/${ada}/self-assessments`, teacher, {
      standardId: standards[0]!,
      levelValue: '3',
    });
    expect(byTeacher.status).toBe(404);
  });
});

describe(`portfolio uploads on ${testDatabaseKind}`, () => {
  it('accepts a real PNG, stores it under its SHA-256 outside the web root', async () => {
    const bytes = png();
    const response = await upload(
      adaBrowser,
      ada,
      { bytes, name: 'Fraction strips.png' },
      {
        title: 'Fraction strips',
        description: 'Strips cut into halves and quarters.',
        reflection: 'Two quarters make a half.',
        link: `standard:${standards[0]}`,
        setting: 'home',
      },
    );
    expect(response.status).toBe(303);

    const row = await store.db
      .selectFrom('portfolio_artifacts')
      .selectAll()
      .where('title', '=', 'Fraction strips')
      .executeTakeFirstOrThrow();
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect([
      row.content_type,
      row.kind,
      row.stored_name,
      row.setting,
      Number(row.size_bytes),
    ]).toEqual(['image/png', 'image', sha, 'home', bytes.length]);
    expect(fs.readFileSync(path.join(uploads, sha))).toEqual(Buffer.from(bytes));
    const links = await store.db.selectFrom('portfolio_artifact_links').selectAll().execute();
    expect(links).toEqual([{ artifact_id: row.id, kind: 'standard', target_id: standards[0] }]);
  });

  it('refuses a file named .png that holds HTML, naming the file', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    const response = await upload(adaBrowser, ada, { bytes: html, name: 'homework.png' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain(
      '"homework.png" is not a file we accept (its content is unknown, whatever its name says).',
    );
  });

  it('refuses a file named .png that holds a program', async () => {
    const elf = new Uint8Array(128);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
    const response = await upload(adaBrowser, ada, { bytes: elf, name: 'drawing.png' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain(
      '"drawing.png" is not a file we accept (its content is ELF, whatever its name says).',
    );
    const count = await store.db
      .selectFrom('portfolio_artifacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a file over the limit with the limit in the message', async () => {
    process.env.PORTFOLIO_MAX_MB = '1';
    try {
      const big = new Uint8Array(1.1 * 1024 * 1024);
      big.set(png(), 0);
      const response = await upload(adaBrowser, ada, { bytes: big, name: 'big.png' });
      expect(response.status).toBe(400);
      expect(await textOf(response)).toContain(
        '"big.png" is 1.1 MB; the largest file you can upload is 1 MB.',
      );

      const huge = await upload(adaBrowser, ada, {
        bytes: new Uint8Array(3 * 1024 * 1024),
        name: 'huge.png',
      });
      expect(huge.status).toBe(413);
      expect(await textOf(huge)).toContain(
        'The file is too big: the largest file you can upload is 1 MB. Choose a smaller file.',
      );
    } finally {
      delete process.env.PORTFOLIO_MAX_MB;
    }
  });
});

describe(`portfolio downloads and access on ${testDatabaseKind}`, () => {
  it('serves the file only as an attachment with the checked type and a closed policy', async () => {
    const id = await artifactIdOf('Fraction strips');
    const response = await get(app, `/students/${ada}/portfolio/${id}/file`, adaBrowser);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Fraction strips.png"; filename*=UTF-8''Fraction%20strips.png`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(png()));
  });

  it('answers 404 to another student and another family, for the artifact and its download', async () => {
    const id = await artifactIdOf('Fraction strips');
    for (const who of [benBrowser, benFamily]) {
      expect((await get(app, `/students/${ada}/portfolio/${id}/file`, who)).status).toBe(404);
      expect((await get(app, `/students/${ada}/portfolio`, who)).status).toBe(404);
    }
    // The artifact id under Ben's own path is not Ben's artifact.
    expect((await get(app, `/students/${ben}/portfolio/${id}/file`, benBrowser)).status).toBe(404);
    const share = await postForm(app, `/students/${ben}/portfolio/${id}/share`, benBrowser, {
      shared: '1',
    });
    expect(share.status).toBe(404);
  });

  it('answers 404 to the family for work not shared, and serves it once shared', async () => {
    const id = await artifactIdOf('Fraction strips');
    const href = `/students/${ada}/portfolio/${id}/file`;
    expect((await get(app, href, adaFamily)).status).toBe(404);
    const shared = await postForm(app, `/students/${ada}/portfolio/${id}/share`, adaBrowser, {
      shared: '1',
    });
    expect(shared.status).toBe(303);
    expect((await get(app, href, adaFamily)).status).toBe(200);
  });
});

describe(`curation, endorsement and family view on ${testDatabaseKind}`, () => {
  it('keeps the chosen order the student sets with move up and move down', async () => {
    for (const [index, title] of ['Second piece', 'Third piece'].entries()) {
      await upload(adaBrowser, ada, { bytes: png(index + 1), name: `${index}.png` }, { title });
    }
    for (const title of ['Fraction strips', 'Second piece', 'Third piece']) {
      const id = await artifactIdOf(title);
      await postForm(app, `/students/${ada}/portfolio/${id}/choose`, adaBrowser, { chosen: '1' });
    }
    const third = await artifactIdOf('Third piece');
    const moved = await postForm(app, `/students/${ada}/portfolio/${third}/move`, adaBrowser, {
      direction: 'up',
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toContain(`focus=move-up%3A${third}`);

    const order = await store.db
      .selectFrom('portfolio_artifacts')
      .select('title')
      .where('student_id', '=', ada)
      .where('chosen', '=', 1)
      .orderBy('list_order')
      .execute();
    expect(order.map((r) => r.title)).toEqual(['Fraction strips', 'Third piece', 'Second piece']);
    const text = await textOf(await get(app, `/students/${ada}/portfolio`, adaBrowser));
    expect(text).toMatch(/1\. Fraction strips .* 2\. Third piece .* 3\. Second piece/);
  });

  it('records an endorsement as evidence with the feedback and changes mastery', async () => {
    const id = await artifactIdOf('Fraction strips');
    const before = await store.db
      .selectFrom('mastery_results')
      .select(['score', 'evidence_count'])
      .where('student_id', '=', ada)
      .where('standard_id', '=', standards[0]!)
      .executeTakeFirstOrThrow();
    const response = await postForm(app, `/students/${ada}/portfolio/${id}/endorse`, teacher, {
      score: '4',
      strength: 'Careful strips.',
      nextStep: 'Try thirds and sixths.',
    });
    expect(response.status).toBe(303);

    const evidence = await store.db
      .selectFrom('evidence')
      .select(['score', 'strength', 'next_step', 'observed_at', 'format'])
      .where('student_id', '=', ada)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect({ ...evidence, score: Number(evidence.score) }).toEqual({
      score: 4,
      strength: 'Careful strips.',
      next_step: 'Try thirds and sixths.',
      observed_at: '2026-10-05',
      format: 'written',
    });
    const after = await store.db
      .selectFrom('mastery_results')
      .select(['score', 'evidence_count'])
      .where('student_id', '=', ada)
      .where('standard_id', '=', standards[0]!)
      .executeTakeFirstOrThrow();
    // Decaying average, w = 65: [2, 4] gives 0.35 × 2 + 0.65 × 4 = 3.3; the endorsed 4 then
    // gives 0.35 × 3.3 + 0.65 × 4 = 3.755.
    expect([Number(before.evidence_count), Number(before.score)]).toEqual([2, 3.3]);
    expect(Number(after.evidence_count)).toBe(3);
    expect(Number(after.score)).toBeCloseTo(3.755, 10);
    const again = await postForm(app, `/students/${ada}/portfolio/${id}/endorse`, teacher, {
      score: '3',
    });
    expect(await textOf(again)).toContain('This work is already endorsed.');
  });

  it('answers 404 when a student tries to endorse their own work', async () => {
    const id = await artifactIdOf('Second piece');
    const response = await postForm(app, `/students/${ada}/portfolio/${id}/endorse`, adaBrowser, {
      score: '4',
    });
    expect(response.status).toBe(404);
  });

  it('shows the family only the shared work, on the page and in the family report', async () => {
    const text = await textOf(await get(app, `/students/${ada}/portfolio`, adaFamily));
    expect(text).toContain('Work samples from Ada');
    expect(text).toContain('Fraction strips');
    expect(text).toContain("In Ada's words: Two quarters make a half.");
    expect(text).not.toContain('Second piece');
    expect(text).not.toContain('Third piece');
    expect(text).not.toContain('Endorse as evidence');

    const report = (await familyReportHtml(store.db, ada, { lang: 'es' }))!;
    expect(report).toContain('Muestras de trabajo');
    expect(report).toContain('Fraction strips');
    expect(report).toContain('data:image/png;base64,');
    expect(report).not.toContain('Second piece');
  });
});
