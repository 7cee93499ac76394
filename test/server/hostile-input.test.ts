import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/interop/csv-cell.js';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { requestLog } from '../../src/server/middleware/request-log.js';
import { familyReportHtml, familyReportPdf } from '../../src/reports/family/family-report.js';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { toCsv } from '../../src/services/export.service.js';
import { insertIeps } from '../../src/store/iep.repository.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeStandards,
} from '../support/factories.js';
import { get, postForm, type Browser } from '../support/http.js';
import {
  FORBIDDEN_MARKUP,
  HOSTILE_STRINGS,
  NUL_STRING,
  startsFormula,
} from '../support/hostile.js';
import { browserFor, buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;
let mainStudent = '';
let classId = '';
const studentIds: string[] = [];
let guardian: Browser;

/** How Hono's JSX writes text into HTML. */
const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });

  const schoolId = world.schoolA;
  for (const text of HOSTILE_STRINGS) {
    studentIds.push(
      await makePerson(store.db, {
        kind: 'student',
        schoolId,
        givenName: text,
        familyName: 'Hostile',
      }),
    );
  }
  mainStudent = studentIds[0]!;
  const standards = await makeStandards(store.db, HOSTILE_STRINGS.length);
  for (const [i, text] of HOSTILE_STRINGS.entries()) {
    await store.db
      .updateTable('standards')
      .set({ statement: text, family_wording: text, student_wording: text })
      .where('id', '=', standards[i]!)
      .execute();
  }
  classId = await makeClass(store.db, {
    schoolId,
    staffIds: [world.accounts.teacher.personId!],
    studentIds,
    standardIds: standards,
    title: HOSTILE_STRINGS[1],
  });
  for (const [i, text] of HOSTILE_STRINGS.entries()) {
    const id = await makeEvidence(store.db, {
      studentId: mainStudent,
      standardId: standards[i]!,
      score: 3,
    });
    await store.db
      .updateTable('evidence')
      .set({ strength: text, next_step: text, supports: text })
      .where('id', '=', id)
      .execute();
    await makeEvidence(store.db, {
      studentId: studentIds[i]!,
      standardId: standards[i]!,
      score: 2,
    });
  }
  await insertIeps(
    store.db,
    [
      {
        id: 'hostile-iep',
        source_id: 'hostile-iep',
        student_id: mainStudent,
        case_manager_id: world.accounts.special_educator.personId,
      },
    ],
    HOSTILE_STRINGS.slice(0, 6).map((text, i) => ({
      id: `hostile-goal-${i}`,
      iep_id: 'hostile-iep',
      area: text,
      statement: text,
      measurement_type: 'percent',
      direction: 'increase' as const,
    })),
  );

  const parent = await makePerson(store.db, {
    kind: 'guardian',
    schoolId,
    givenName: HOSTILE_STRINGS[2]!,
    familyName: "O'Brien",
  });
  await linkGuardian(store.db, parent, mainStudent);
  guardian = await browserFor(
    store.db,
    (await makeAccount(store.db, { role: 'guardian', personId: parent })).accountId,
  );
});
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

function expectInert(html: string, texts: readonly string[]): void {
  for (const pattern of FORBIDDEN_MARKUP) expect(html).not.toMatch(pattern);
  for (const text of texts) expect(html).toContain(escapeHtml(text));
}

async function pdfText(response: Response): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-')), 'f.pdf');
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', [file, '-']).toString();
}

const asText = HOSTILE_STRINGS.filter((t) => !/^[\t\r]/.test(t));

describe(`hostile text in HTML pages on ${testDatabaseKind}`, () => {
  it('renders every hostile feedback, standard and goal text inert on the student page', async () => {
    const teacher = await browserFor(store.db, world.accounts.teacher.accountId);
    const response = await get(app, `/students/${mainStudent}`, teacher);
    expect(response.status).toBe(200);
    expectInert(await response.text(), asText);
  });

  it('renders hostile student names and class title inert in the class grid', async () => {
    const teacher = await browserFor(store.db, world.accounts.teacher.accountId);
    const html = await (await get(app, `/classes/${classId}`, teacher)).text();
    expectInert(html, [HOSTILE_STRINGS[1]!, HOSTILE_STRINGS[4]!, HOSTILE_STRINGS[5]!, "O'Brien"]);
  });

  it('renders hostile names inert in search results, the access page and the accounts page', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const search = await (await get(app, '/admin/students?q=hostile', admin)).text();
    expectInert(search, asText.slice(0, 8));
    const access = await (await get(app, `/students/${mainStudent}/access`, admin)).text();
    expectInert(access, [HOSTILE_STRINGS[0]!, HOSTILE_STRINGS[2]!]);
    const accounts = await (await get(app, '/admin/accounts?role=guardian', admin)).text();
    expectInert(accounts, [HOSTILE_STRINGS[2]!]);
  });

  it('keeps hostile text literal in JSON answers (autocomplete and the records package)', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const found = (await (await get(app, '/api/students?q=hostile', admin)).json()) as {
      students: Array<{ name: string }>;
    };
    expect(found.students.map((s) => s.name)).toContain(`${HOSTILE_STRINGS[0]} Hostile`);
    const pkg = (await (
      await get(app, `/students/${mainStudent}/records.json`, guardian)
    ).json()) as { evidence: Array<{ strength: string }> };
    expect(pkg.evidence.map((e) => e.strength)).toEqual(
      expect.arrayContaining([...HOSTILE_STRINGS]),
    );
  });

  it('shows the hostile name in the family report HTML as text, and its PDF text holds it literally', async () => {
    const html = (await familyReportHtml(store.db, mainStudent, { lang: 'en' }))!;
    expectInert(html, [HOSTILE_STRINGS[0]!]);
    const pdf = (await familyReportPdf(store.db, mainStudent, { lang: 'en' }))!;
    const text = await pdfText(new Response(new Uint8Array(pdf)));
    expect(text).toContain('<script>alert("x")</script>');
  });

  it('prints hostile records into the records PDF as literal text', async () => {
    const text = await pdfText(await get(app, `/students/${mainStudent}/records.pdf`, guardian));
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{{constructor.constructor("alert(1)")()}}');
    expect(text).toContain('${process.exit(1)}');
  });
});

describe('hostile text in CSV exports', () => {
  it('neutralizes formula cells and keeps every other text unchanged', async () => {
    const exporter = await makeAccount(store.db, {
      role: 'admin',
      personId: null,
      orgId: world.schoolA,
    });
    await store.db
      .insertInto('account_permissions')
      .values({
        account_id: exporter.accountId,
        permission: 'bulk-export',
        granted_by: null,
        granted_at: new Date().toISOString(),
      })
      .execute();
    const csv = await (
      await get(
        app,
        `/classes/${classId}/mastery.csv`,
        await browserFor(store.db, exporter.accountId),
      )
    ).text();
    const rows = parse<Record<string, string>>(csv, { columns: true });
    const names = new Set(rows.map((row) => row.given_name!));
    for (const text of HOSTILE_STRINGS) {
      expect(names).toContain(startsFormula(text) ? `'${text}` : text);
    }
    for (const row of rows) {
      for (const cell of Object.values(row)) {
        if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(startsFormula(cell)).toBe(false);
      }
    }
  });

  it('keeps numbers as numbers, including negative ones', () => {
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell('-3')).toBe("'-3");
    expect(toCsv([]).csv.split('\n')[0]).toContain('student_id');
  });
});

describe('hostile request bodies', () => {
  it('refuses a NUL character in a form field, naming the field, and stores nothing', async () => {
    const teacher = await browserFor(store.db, world.accounts.teacher.accountId);
    const before = await store.db.selectFrom('evidence').select('id').execute();
    const response = await postForm(app, `/classes/${classId}/evidence`, teacher, {
      studentId: mainStudent,
      standardId: (
        await store.db
          .selectFrom('class_standards')
          .select('standard_id')
          .where('class_id', '=', classId)
          .executeTakeFirstOrThrow()
      ).standard_id,
      score: '3',
      observedOn: '2026-10-01',
      format: 'written',
      strength: NUL_STRING,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('null character');
    expect((await store.db.selectFrom('evidence').select('id').execute()).length).toBe(
      before.length,
    );
  });

  it('refuses __proto__ and constructor as form field names', async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    for (const name of ['__proto__', 'constructor']) {
      const response = await app.request(`/students/${mainStudent}/invitations`, {
        method: 'POST',
        headers: {
          cookie: admin.cookie,
          origin: 'http://localhost',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `_csrf=${admin.csrf}&givenName=A&familyName=B&${name}[role]=admin`,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Refused field name');
    }
  });

  it("round-trips an invited parent named O'Brien with a goal-like relation unchanged", async () => {
    const admin = await browserFor(store.db, world.accounts.admin.accountId);
    const response = await postForm(app, `/students/${mainStudent}/invitations`, admin, {
      givenName: 'Seán',
      familyName: "O'Brien",
      relation: 'DROP TABLE goals; --',
    });
    expect(response.status).toBe(200);
    const row = await store.db
      .selectFrom('invitations')
      .select(['given_name', 'family_name', 'relation'])
      .where('student_id', '=', mainStudent)
      .where('given_name', '=', 'Seán')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      given_name: 'Seán',
      family_name: "O'Brien",
      relation: 'DROP TABLE goals; --',
    });
    expect(await store.db.selectFrom('iep_goals').select('id').execute()).not.toHaveLength(0);
  });
});

describe('request logs', () => {
  it('logs one line per request with a request id and the route pattern, never ids, names or query text', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const probe = new Hono<AppEnv>();
    probe.use(
      '*',
      requestLog({
        info: (fields: Record<string, unknown>) => lines.push(fields),
      }),
    );
    probe.get('/students/:studentId', (c) => c.text('ok'));
    const response = await probe.request(`/students/${mainStudent}?q=O%27Brien`, {
      headers: { 'x-request-id': 'req-123' },
    });

    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect(lines).toHaveLength(1);
    expect(Object.keys(lines[0]!).sort()).toEqual(['method', 'ms', 'requestId', 'route', 'status']);
    expect(lines[0]!.route).toBe('/students/:studentId');
    expect(JSON.stringify(lines)).not.toContain(mainStudent);
    expect(JSON.stringify(lines)).not.toContain('Brien');
  });

  it('replaces a request id that is not a plain token', async () => {
    const response = await app.request('/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
