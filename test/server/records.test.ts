import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { EXPORT_LIMIT } from '../../src/services/export.service.js';
import { purgeExpiredRecords } from '../../src/services/evidence-history.service.js';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { makeEvidence } from '../support/factories.js';
import { get, postForm, type Browser } from '../support/http.js';
import { browserFor, buildSecurityWorld, type SecurityWorld } from '../support/security-world.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let world: SecurityWorld;

beforeAll(async () => {
  store = await createTestStore();
  world = await buildSecurityWorld(store.db);
  app = createApp({ store });
});
afterAll(async () => {
  await closePdfBrowser();
  await store.destroy();
});

const as = (actor: keyof SecurityWorld['accounts']) =>
  browserFor(store.db, world.accounts[actor].accountId);

function postJson(browser: Browser, url: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method: 'POST',
      headers: {
        cookie: browser.cookie,
        origin: 'http://localhost',
        'content-type': 'application/json',
        'x-csrf-token': browser.csrf,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function freshEvidence(): Promise<number> {
  const { studentId, standardId } = world.targets.own;
  return makeEvidence(store.db, { studentId, standardId, score: 2 });
}

describe(`evidence history and conflicts on ${testDatabaseKind}`, () => {
  it('answers 409 with the current value when a second person saves from the same version', async () => {
    const id = await freshEvidence();
    const [teacher, sped] = [await as('teacher'), await as('admin')];

    const first = await postJson(teacher, `/api/evidence/${id}`, {
      version: 1,
      changes: { score: 3 },
    });
    expect(first.status).toBe(200);
    const second = await postJson(sped, `/api/evidence/${id}`, {
      version: 1,
      changes: { score: 1 },
    });
    expect(second.status).toBe(409);
    const body = (await second.json()) as { current: { score: number; version: number } };
    expect(body.current).toMatchObject({ score: 3, version: 2 });

    const stored = await store.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.score).toBe(3);
  });

  it('keeps who, when, the old and the new value in the history table and none of it in the audit log', async () => {
    const id = await freshEvidence();
    const teacher = await as('teacher');
    await postJson(teacher, `/api/evidence/${id}`, {
      version: 1,
      changes: { score: 4, strength: 'Secret praise' },
    });

    const history = (await (await get(app, `/api/evidence/${id}/history`, teacher)).json()) as {
      history: Array<{
        changed_by: string;
        old_json: string;
        new_json: string;
        changed_at: string;
      }>;
    };
    expect(history.history).toHaveLength(1);
    const [entry] = history.history;
    expect(entry!.changed_by).toBe(world.accounts.teacher.accountId);
    expect(JSON.parse(entry!.old_json)).toEqual({ score: 2, strength: 'Clear steps.' });
    expect(JSON.parse(entry!.new_json)).toEqual({ score: 4, strength: 'Secret praise' });
    expect(entry!.changed_at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);

    const audit = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((row) => row.action)).toContain('update');
    expect(JSON.stringify(audit)).not.toMatch(/Secret praise|"score":/);
  });

  it('refuses unknown fields such as studentId, and __proto__ keys, naming them', async () => {
    const id = await freshEvidence();
    const teacher = await as('teacher');
    const unknown = await postJson(teacher, `/api/evidence/${id}`, {
      version: 1,
      changes: { score: 3, student_id: world.targets.other.studentId },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      'student_id',
    );

    const role = await postJson(teacher, `/api/evidence/${id}`, {
      version: 1,
      changes: {},
      role: 'admin',
    });
    expect(((await role.json()) as { error: { message: string } }).error.message).toContain('role');

    const proto = await postJson(
      teacher,
      `/api/evidence/${id}`,
      '{"version":1,"changes":{"__proto__":{"score":1}}}',
    );
    expect(proto.status).toBe(400);
    expect(((await proto.json()) as { error: { message: string } }).error.message).toContain(
      '__proto__',
    );
  });

  it('deletes reversibly, restores exactly, and purges after the retention period with a record of it', async () => {
    const id = await freshEvidence();
    const teacher = await as('teacher');
    const before = await store.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

    const deleted = await postJson(teacher, `/api/evidence/${id}/delete`, {});
    expect(deleted.status).toBe(200);
    const { deletedId } = (await deleted.json()) as { deletedId: number };
    expect((await get(app, `/api/evidence/${id}`, teacher)).status).toBe(404);

    expect((await postJson(teacher, `/api/deleted/${deletedId}/restore`, {})).status).toBe(200);
    const after = await store.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);

    await postJson(teacher, `/api/evidence/${id}/delete`, {});
    const purged = await purgeExpiredRecords(store.db, new Date(Date.now() + 31 * 86_400_000));
    expect(purged.map((record) => record.entity_id)).toContain(String(id));
    const trail = await store.db
      .selectFrom('change_history')
      .select('change')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(trail.map((row) => row.change)).toEqual(['delete', 'restore', 'delete', 'purge']);
    const copies = await store.db
      .selectFrom('deleted_records')
      .select(['row_json', 'purged_at'])
      .where('entity_id', '=', String(id))
      .execute();
    expect(copies.every((copy) => copy.row_json === null || copy.purged_at === null)).toBe(true);
    const audit = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'purge')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('does not purge before the retention period ends', async () => {
    const id = await freshEvidence();
    await postJson(await as('teacher'), `/api/evidence/${id}/delete`, {});
    const purged = await purgeExpiredRecords(store.db, new Date(Date.now() + 29 * 86_400_000));
    expect(purged.map((record) => record.entity_id)).not.toContain(String(id));
  });

  it('answers 404 when a teacher restores a record of a student they do not teach', async () => {
    const { studentId, standardId } = world.targets.other;
    const id = await makeEvidence(store.db, { studentId, standardId, score: 2 });
    const admin = await browserFor(store.db, (await makeOtherAdmin()).accountId);
    const deleted = (await (await postJson(admin, `/api/evidence/${id}/delete`, {})).json()) as {
      deletedId: number;
    };
    const response = await postJson(
      await as('teacher'),
      `/api/deleted/${deleted.deletedId}/restore`,
      {},
    );
    expect(response.status).toBe(404);
  });
});

async function makeOtherAdmin() {
  const { makeAccount } = await import('../support/factories.js');
  return makeAccount(store.db, { role: 'admin', personId: null, orgId: world.districtB });
}

describe('records rights', () => {
  it('lists for an administrator who has access to a student and why, and who viewed the record', async () => {
    await get(app, `/students/${world.targets.own.studentId}`, await as('teacher'));
    const html = await (
      await get(app, `/students/${world.targets.own.studentId}/access`, await as('admin'))
    ).text();
    for (const actor of [
      'teacher',
      'special_educator',
      'related_service_provider',
      'guardian',
      'student',
    ] as const) {
      expect(html).toContain(world.accounts[actor].username);
    }
    expect(html).toContain('teacher of Test class');
    expect(html).toContain('case manager on the IEP');
    expect(html).toContain('collects data for the goal');
    expect(html).toContain('emergency contact only: no access');
    expect(html).toMatch(/view student/);
  });

  it('shows a guardian the disclosure record of their child, and 404 for another child', async () => {
    await get(app, `/students/${world.targets.own.studentId}`, await as('special_educator'));
    const guardian = await as('guardian');
    const response = await get(
      app,
      `/students/${world.targets.own.studentId}/disclosures`,
      guardian,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Test Caseload');
    expect(
      (await get(app, `/students/${world.targets.same.studentId}/disclosures`, guardian)).status,
    ).toBe(404);
  });

  it('gives a guardian every stored record of their child as JSON, audited with its size', async () => {
    const response = await get(
      app,
      `/students/${world.targets.own.studentId}/records.json`,
      await as('guardian'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pkg = (await response.json()) as Record<string, unknown[]> & {
      student: { family_name: string };
    };
    expect(pkg.student.family_name).toBe('Own');
    expect(pkg.evidence!.length).toBeGreaterThan(0);
    expect(pkg.iepGoals!.length).toBe(1);
    expect(pkg.disclosures!.length).toBeGreaterThan(0);
    expect(JSON.stringify(pkg)).not.toContain('password');
    const audit = await store.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('entity', '=', 'records-json')
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(audit.detail_json!) as object)).toEqual(['bytes']);
  });

  it('gives a guardian the same records as a PDF whose text names the child', async () => {
    const response = await get(
      app,
      `/students/${world.targets.own.studentId}/records.pdf`,
      await as('guardian'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'records-')), 'r.pdf');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Records of Test Own');
    expect(text).toContain('Reading fluency');
  });
});

describe('bulk export', () => {
  it('exports a class as CSV for an account with the permission, audited with rows and bytes', async () => {
    const exporter = await as('exporter');
    const response = await get(app, `/classes/${world.targets.own.classId}/mastery.csv`, exporter);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split('\n')[0]).toBe(
      'student_id,given_name,family_name,standard_code,standard,score,level,evidence_count,computed_at',
    );
    const row = await store.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('action', '=', 'export-bulk')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail_json!)).toEqual({
      scope: 'class',
      rows: csv.trim().split('\n').length - 1,
      bytes: Buffer.byteLength(csv),
    });
  });

  it('answers 404 to the class teacher without the export permission', async () => {
    expect(
      (await get(app, `/classes/${world.targets.own.classId}/mastery.csv`, await as('teacher')))
        .status,
    ).toBe(404);
  });

  it('answers 429 after the hourly limit of exports', async () => {
    const exporter = await as('exporter');
    const statuses: number[] = [];
    for (let i = 0; i < EXPORT_LIMIT + 1; i += 1) {
      statuses.push((await get(app, `/schools/${world.schoolA}/mastery.csv`, exporter)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 200)).toHaveLength(EXPORT_LIMIT - 1);
  });
});

describe('the student view', () => {
  it('shows a student only released evidence and no IEP', async () => {
    const { studentId, standardId } = world.targets.own;
    const id = await makeEvidence(store.db, { studentId, standardId, score: 1 });
    await store.db
      .updateTable('evidence')
      .set({ released: 0, strength: 'Held back draft' })
      .where('id', '=', id)
      .execute();
    const html = await (await get(app, `/students/${studentId}`, await as('student'))).text();
    expect(html).not.toContain('Held back draft');
    expect(html).not.toContain('Reading fluency');
    const staff = await (await get(app, `/students/${studentId}`, await as('teacher'))).text();
    expect(staff).toContain('Held back draft');
  });
});

describe('access changes at once', () => {
  it('answers 404 to a teacher the moment the enrollment ends, and to a case manager the moment the caseload moves', async () => {
    const { studentId, classId } = world.targets.own;
    const teacher = await as('teacher');
    const sped = await as('special_educator');
    expect((await get(app, `/students/${studentId}`, teacher)).status).toBe(200);
    expect((await get(app, `/students/${studentId}`, sped)).status).toBe(200);

    await store.db
      .updateTable('enrollments')
      .set({ end_date: '2020-01-01' })
      .where('class_id', '=', classId)
      .execute();
    await store.db
      .updateTable('ieps')
      .set({ case_manager_id: null })
      .where('student_id', '=', studentId)
      .execute();
    expect((await get(app, `/students/${studentId}`, teacher)).status).toBe(404);
    expect((await get(app, `/students/${studentId}`, sped)).status).toBe(404);

    await store.db
      .updateTable('enrollments')
      .set({ end_date: null })
      .where('class_id', '=', classId)
      .execute();
    await store.db
      .updateTable('ieps')
      .set({ case_manager_id: world.accounts.special_educator.personId })
      .where('student_id', '=', studentId)
      .execute();
    expect((await get(app, `/students/${studentId}`, teacher)).status).toBe(200);
  });

  it("answers 404 to a teacher once the class's term has ended", async () => {
    const { studentId, classId } = world.targets.own;
    const sessionId = `term-${classId}`;
    await store.db
      .insertInto('academic_sessions')
      .values({
        id: sessionId,
        source_id: sessionId,
        org_id: null,
        name: 'Old term',
        kind: 'term',
        start_date: '2019-08-01',
        end_date: '2019-12-20',
      })
      .execute();
    await store.db
      .updateTable('classes')
      .set({ session_id: sessionId })
      .where('id', '=', classId)
      .execute();
    expect((await get(app, `/students/${studentId}`, await as('teacher'))).status).toBe(404);
    await store.db
      .updateTable('classes')
      .set({ session_id: null })
      .where('id', '=', classId)
      .execute();
  });

  it('answers 404 to a guardian the moment the link is restricted', async () => {
    const { studentId } = world.targets.own;
    const guardian = await as('guardian');
    await store.db
      .updateTable('guardianships')
      .set({ restricted: 1 })
      .where('guardian_id', '=', world.accounts.guardian.personId!)
      .execute();
    expect((await get(app, `/students/${studentId}`, guardian)).status).toBe(404);
    await store.db
      .updateTable('guardianships')
      .set({ restricted: 0 })
      .where('guardian_id', '=', world.accounts.guardian.personId!)
      .execute();
    expect((await get(app, `/students/${studentId}`, guardian)).status).toBe(200);
  });

  it('writes an access-denied audit row for a refused request, with the method', async () => {
    await get(app, `/students/${world.targets.other.studentId}`, await as('guardian'));
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access-denied')
      .where('student_id', '=', world.targets.other.studentId)
      .executeTakeFirstOrThrow();
    expect(row.account_id).toBe(world.accounts.guardian.accountId);
    expect(JSON.parse(row.detail_json!)).toEqual({ method: 'GET' });
  });
});

describe('cache control', () => {
  it('sends no-store on pages, JSON, CSV and PDF answers with student data', async () => {
    const guardian = await as('guardian');
    for (const url of [
      `/students/${world.targets.own.studentId}`,
      `/students/${world.targets.own.studentId}/records.json`,
    ]) {
      expect((await get(app, url, guardian)).headers.get('cache-control')).toBe('no-store');
    }
    const csv = await get(
      app,
      `/classes/${world.targets.own.classId}/mastery.csv`,
      await as('exporter'),
    );
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const evidence = await postForm(app, '/account/recovery-codes', guardian, {});
    expect(evidence.headers.get('cache-control')).toBe('no-store');
  });
});
