import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, ROUTES } from '../../src/server/app.js';
import { SIGN_IN_FAILED } from '../../src/server/auth.routes.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import { listDefaultScaleLevels } from '../../src/store/gradebook.repository.js';
import { LATEST_MIGRATION } from '../../src/store/migrations/index.js';
import { levelFor } from '../../src/web/views/levels.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, gridCellLabel, postForm, signedIn, signIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;

const password = (role: string) => demo.signIns.find((s) => s.role === role)!.password;
const usernameOf = (role: string) => demo.signIns.find((s) => s.role === role)!.username;
const as = (role: string) => signedIn(app, usernameOf(role), password(role));

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db);
  app = createApp({ store });
});
afterAll(() => store.destroy());

describe(`health on ${testDatabaseKind}`, () => {
  it('answers 200 with the database kind and the latest migration', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: testDatabaseKind,
      migration: LATEST_MIGRATION,
    });
  });
});

describe('sign-in', () => {
  it('signs in with the right password and stores only a hash of the session token', async () => {
    const { response, browser } = await signIn(app, 'teacher', password('teacher'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');

    const setCookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('trellis_session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = /trellis_session=([^;]+)/.exec(setCookie)![1]!;
    const hashed = createHash('sha256').update(token).digest('hex');
    const rows = await store.db.selectFrom('auth_sessions').select('id').execute();
    expect(rows.map((r) => r.id)).toContain(hashed);
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(browser).not.toBeNull();
  });

  it('hashes passwords with argon2id', async () => {
    const row = await store.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('username', '=', 'teacher')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await signIn(app, 'teacher', 'not-the-password');
    const unknown = await signIn(app, 'nobody-here', 'not-the-password');

    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    const [wrongText, unknownText] = [await wrong.response.text(), await unknown.response.text()];
    expect(wrongText).toContain(SIGN_IN_FAILED.replace("'", '&#39;'));
    const withoutTokens = (html: string) => html.replaceAll(/[\w-]{24,}/g, 'TOKEN');
    expect(withoutTokens(unknownText.replace('nobody-here', 'teacher'))).toBe(
      withoutTokens(wrongText),
    );
    expect(wrong.browser).toBeNull();
  });

  it('ends the session on the server at sign-out', async () => {
    const browser = await as('teacher');
    const out = await postForm(app, '/sign-out', browser, {});
    expect(out.status).toBe(303);

    const after = await get(app, '/', browser);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/sign-in');
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
  });
});

describe('home pages', () => {
  it.each([
    ['admin', 'Schools', 'Juniper Hill Elementary (demo)'],
    ['teacher', 'My classes', 'Grade 5 Math'],
    ['special_educator', 'My caseload and classes', 'Tuilagi, Sione'],
    ['guardian', 'My children', 'Mateo Hernández'],
    ['student', 'My dashboard', 'Hi, Kofi! Here is how you are doing.'],
  ])('shows the %s their home page', async (role, heading, content) => {
    const response = await get(app, '/', await as(role));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<title>${heading} · Trellis</title>`);
    expect(html).toContain(content);
  });

  it("does not list another family's child on a guardian's home page", async () => {
    const html = await (await get(app, '/', await as('guardian'))).text();
    expect(html).not.toContain(demo.studentIds[demo.otherFamilyChildKey]!);
    expect(html).not.toContain('Priya');
  });

  it('finds a student by name for an administrator', async () => {
    const response = await get(app, '/admin/students?q=okafor', await as('admin'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`/students/${demo.studentIds.s01}`);
  });

  it('answers 404 when a teacher opens the administrator search', async () => {
    expect((await get(app, '/admin/students?q=okafor', await as('teacher'))).status).toBe(404);
  });
});

describe('class grid', () => {
  it("shows the teacher's class grid with the stored level and evidence count in each cell", async () => {
    const browser = await as('teacher');
    const response = await get(app, `/classes/${demo.mathClassId}`, browser);
    expect(response.status).toBe(200);
    const html = await response.text();

    const levels = await listDefaultScaleLevels(store.db);
    const results = await store.db
      .selectFrom('mastery_results')
      .selectAll()
      .where('student_id', 'in', Object.values(demo.studentIds))
      .where('standard_id', '=', demo.standardIds['nbt-a1']!)
      .execute();
    expect(results.length).toBeGreaterThan(20);
    for (const result of results) {
      const label = gridCellLabel(html, result.student_id, result.standard_id);
      const level = levelFor(levels, result.level_value);
      expect(label).toContain(level ? level.label : 'not enough evidence yet');
      expect(label).toContain(`${result.evidence_count} piece`);
    }
  });

  it('says "Not enough evidence yet" where a student has no evidence', async () => {
    const browser = await as('teacher');
    const html = await (await get(app, `/classes/${demo.mathClassId}`, browser)).text();
    expect(html).toContain('Not enough evidence yet');
  });

  it('changes the cell after evidence is recorded', async () => {
    const standardId = demo.standardIds['md-c5']!;
    const studentId = await studentWithoutEvidence(standardId);
    const browser = await as('teacher');
    const before = await (await get(app, `/classes/${demo.mathClassId}`, browser)).text();
    expect(gridCellLabel(before, studentId, standardId)).toContain('not enough evidence yet');

    const saved = await postForm(app, `/classes/${demo.mathClassId}/evidence`, browser, {
      studentId,
      standardId,
      score: '4',
      observedOn: '2026-11-30',
      format: 'hands-on',
      strength: 'Packed the box without gaps and counted layers.',
      nextStep: 'Use the formula to check your count.',
      supports: '',
    });
    expect(saved.status).toBe(303);

    const after = await (await get(app, saved.headers.get('location')!, browser)).text();
    const stored = await store.db
      .selectFrom('mastery_results')
      .selectAll()
      .where('student_id', '=', studentId)
      .where('standard_id', '=', standardId)
      .executeTakeFirstOrThrow();
    const level = levelFor(await listDefaultScaleLevels(store.db), stored.level_value);
    expect(stored.evidence_count).toBe(1);
    expect(level?.label).toBe('Extending');
    expect(gridCellLabel(after, studentId, standardId)).toContain('Extending, 1 piece of evidence');
    expect(after).toContain('role="status"');
  });

  it('audits the change without the score or feedback text', async () => {
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'create')
      .where('entity', '=', 'evidence')
      .execute();
    expect(rows.length).toBe(1);
    expect(rows[0]!.detail_json).not.toMatch(/score|Packed|formula/);
  });

  it('answers 400 naming the field for an unknown field in the form', async () => {
    const browser = await as('teacher');
    const response = await postForm(app, `/classes/${demo.mathClassId}/evidence`, browser, {
      studentId: demo.studentIds.s01!,
      standardId: demo.standardIds['nbt-a1']!,
      score: '3',
      observedOn: '2026-11-30',
      format: 'written',
      role: 'admin',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown field: role');
  });

  it('answers 400 with the field messages for a level off the scale', async () => {
    const browser = await as('teacher');
    const response = await postForm(app, `/classes/${demo.mathClassId}/evidence`, browser, {
      studentId: demo.studentIds.s01!,
      standardId: demo.standardIds['nbt-a1']!,
      score: '9',
      observedOn: 'yesterday',
      format: 'written',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter the date the work was observed');
  });

  it('refuses evidence dated in the future, which would count as the newest for ever', async () => {
    const browser = await as('teacher');
    const response = await postForm(app, `/classes/${demo.mathClassId}/evidence`, browser, {
      studentId: demo.studentIds.s01!,
      standardId: demo.standardIds['nbt-a1']!,
      score: '3',
      observedOn: '2099-01-01',
      format: 'written',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The date observed cannot be in the future');
  });

  it('answers 404 when a guardian asks for a class grid', async () => {
    const browser = await as('guardian');
    expect((await get(app, `/classes/${demo.mathClassId}`, browser)).status).toBe(404);
  });
});

async function studentWithoutEvidence(standardId: string): Promise<string> {
  const withEvidence = await store.db
    .selectFrom('evidence')
    .select('student_id')
    .where('standard_id', '=', standardId)
    .execute();
  const taken = new Set(withEvidence.map((row) => row.student_id));
  const free = Object.values(demo.studentIds).find((id) => !taken.has(id));
  if (!free) throw new Error('the demo school has no student without evidence on this standard');
  return free;
}

describe('who may see a student', () => {
  it('answers 200 when a guardian asks for their own child and 404 for another family', async () => {
    const browser = await as('guardian');
    const own = await get(app, `/students/${demo.studentIds[demo.guardianChildKey]}`, browser);
    const other = await get(app, `/students/${demo.studentIds[demo.otherFamilyChildKey]}`, browser);
    const missing = await get(app, '/students/no-such-student', browser);

    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe(await missing.text());
  });

  it('answers 404 when a student asks for another student, and 200 for themself', async () => {
    const browser = await as('student');
    const self = await get(app, `/students/${demo.studentIds[demo.studentAccountKey]}`, browser);
    const other = await get(app, `/students/${demo.studentIds.s01}`, browser);
    expect(self.status).toBe(200);
    expect(other.status).toBe(404);
  });

  it('shows the IEP summary on the page of a student who has one', async () => {
    const browser = await as('special_educator');
    const response = await get(
      app,
      `/students/${demo.studentIds[demo.iepStudentKeys[0]!]}`,
      browser,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('IEP summary');
    expect(html).toContain('Math calculation');
  });

  it('answers 404 when a guardian link is restricted', async () => {
    const { schoolId } = await makeSchool(store.db);
    const child = await makePerson(store.db, { kind: 'student', schoolId });
    const guardian = await makePerson(store.db, { kind: 'guardian', schoolId });
    await linkGuardian(store.db, guardian, child, { restricted: 1 });
    const account = await makeAccount(store.db, { role: 'guardian', personId: guardian });
    const browser = await signedIn(app, account.username, account.password);
    expect((await get(app, `/students/${child}`, browser)).status).toBe(404);
  });

  it('answers 404 when a teacher or administrator of another school asks for a demo student', async () => {
    const { districtId, schoolId } = await makeSchool(store.db);
    const teacher = await makePerson(store.db, { kind: 'staff', schoolId });
    const ownStudent = await makePerson(store.db, { kind: 'student', schoolId });
    const [standard] = await makeStandards(store.db, 1);
    await makeClass(store.db, {
      schoolId,
      staffIds: [teacher],
      studentIds: [ownStudent],
      standardIds: [standard!],
    });
    await makeEvidence(store.db, { studentId: ownStudent, standardId: standard!, score: 2 });

    const teacherAccount = await makeAccount(store.db, { role: 'teacher', personId: teacher });
    const adminAccount = await makeAccount(store.db, {
      role: 'admin',
      personId: null,
      orgId: districtId,
    });
    const demoStudent = `/students/${demo.studentIds.s01}`;
    for (const account of [teacherAccount, adminAccount]) {
      const browser = await signedIn(app, account.username, account.password);
      expect((await get(app, demoStudent, browser)).status).toBe(404);
      expect((await get(app, `/students/${ownStudent}`, browser)).status).toBe(200);
    }
  });

  it('writes an audit row for each view of a student record and each refusal', async () => {
    const studentId = demo.studentIds[demo.guardianChildKey]!;
    const before = await auditCount('view', studentId);
    const browser = await as('guardian');
    await get(app, `/students/${studentId}`, browser);
    expect(await auditCount('view', studentId)).toBe(before + 1);
    await get(app, `/students/${demo.studentIds[demo.otherFamilyChildKey]}`, browser);
    expect(
      await auditCount('access-denied', demo.studentIds[demo.otherFamilyChildKey]!),
    ).toBeGreaterThan(0);
  });
});

async function auditCount(action: string, studentId: string): Promise<number> {
  const rows = await store.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('student_id', '=', studentId)
    .execute();
  return rows.length;
}

describe('family report', () => {
  it("answers a guardian's own child's report as HTML and PDF, and 404 for another family", async () => {
    const browser = await as('guardian');
    const own = demo.studentIds[demo.guardianChildKey]!;
    const other = demo.studentIds[demo.otherFamilyChildKey]!;

    const html = await get(app, `/students/${own}/report?lang=en`, browser);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Mateo');
    const policy = html.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');

    const pdf = await get(app, `/students/${own}/report.pdf`, browser);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect((await get(app, `/students/${other}/report`, browser)).status).toBe(404);
    expect((await get(app, `/students/${other}/report.pdf`, browser)).status).toBe(404);
  });
});

describe('cross-site request forgery', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await as('teacher');
  });

  const evidence = () => ({
    studentId: demo.studentIds.s03!,
    standardId: demo.standardIds['nbt-a1']!,
    score: '2',
    observedOn: '2026-11-30',
    format: 'written',
  });

  it('refuses a POST without the CSRF token and writes nothing', async () => {
    const before = await store.db.selectFrom('evidence').select('id').execute();
    const response = await postForm(
      app,
      `/classes/${demo.mathClassId}/evidence`,
      browser,
      evidence(),
      null,
    );
    expect(response.status).toBe(403);
    expect((await store.db.selectFrom('evidence').select('id').execute()).length).toBe(
      before.length,
    );
  });

  it('refuses a POST with another session token', async () => {
    const response = await postForm(
      app,
      `/classes/${demo.mathClassId}/evidence`,
      browser,
      evidence(),
      'forged',
    );
    expect(response.status).toBe(403);
  });

  it('refuses a POST from another origin even with the token', async () => {
    const response = await app.request(`/classes/${demo.mathClassId}/evidence`, {
      method: 'POST',
      headers: {
        cookie: browser.cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: browser.csrf, ...evidence() }),
    });
    expect(response.status).toBe(403);
  });

  it('refuses a sign-in POST without the pre-session token', async () => {
    const response = await app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'teacher', password: password('teacher') }),
    });
    expect(response.status).toBe(403);
  });
});

describe('security headers', () => {
  it('sends the policy headers and no-store on pages, errors and the API', async () => {
    const browser = await as('guardian');
    const responses = [
      await get(app, `/students/${demo.studentIds[demo.guardianChildKey]}`, browser),
      await get(app, '/students/no-such-student', browser),
      await app.request('/api/health'),
      await app.request('/sign-in'),
    ];
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
  });

  it('serves the stylesheet and htmx as static files', async () => {
    const css = await app.request('/static/app.css');
    const htmx = await app.request('/static/htmx.min.js');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(htmx.status).toBe(200);
    expect((await htmx.text()).length).toBeGreaterThan(10_000);
  });
});

describe('calculators over HTTP', () => {
  it('answers /api/calc/mastery with 400 naming the field on bad input', async () => {
    const response = await app.request('/api/calc/mastery', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'decaying_average',
        scale: { min: 0, max: 5, mastery: 3 },
        scores: [2, 'x'],
        param: 65,
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('scores[1]');
  });

  it('answers a good mastery request without sign-in', async () => {
    const response = await app.request('/api/calc/mastery', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'decaying_average',
        scale: { min: 0, max: 5, mastery: 3 },
        scores: [2, 3, 4],
        param: 65,
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { score: number };
    expect(body.score).toBeCloseTo(3.5275, 3);
  });

  it('answers 404 in JSON for an unknown calculator', async () => {
    const response = await app.request('/api/calc/constructor', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('access rules of every route', () => {
  it('declares a rule on every route, and only sign-in, invitations, health, calculators and static files are public', () => {
    const publicPaths = ROUTES.filter((r) => r.access.kind === 'public').map((r) => r.path);
    const publicPattern = /^\/(sign-in|invitations\/:token$|api\/health|api\/calc\/|static\/)/;
    expect(publicPaths.filter((p) => !publicPattern.test(p))).toEqual([]);
    const kinds = ['public', 'signed-in', 'student', 'class', 'class-staff', 'school', 'goal'];
    expect(ROUTES.filter((r) => ![...kinds, 'evidence'].includes(r.access.kind))).toEqual([]);
  });

  it('sends a signed-out visitor away from every non-public page', async () => {
    for (const route of ROUTES.filter((r) => r.access.kind !== 'public' && r.method === 'get')) {
      const path = route.path
        .replace(':studentId', demo.studentIds.s01!)
        .replace(':classId', demo.mathClassId);
      const response = await app.request(path);
      expect([303, 401]).toContain(response.status);
    }
  });
});
