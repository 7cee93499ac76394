import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAuditOfStudent } from '../../src/store/audit.repository.js';
import { insertIeps } from '../../src/store/iep.repository.js';
import { findStudent, searchStudents } from '../../src/store/roster.repository.js';
import { securitySettingsFor, saveSecuritySettings } from '../../src/store/settings.repository.js';
import { countSignInFailures, recordSignInFailure } from '../../src/store/sign-in.repository.js';
import {
  appendChange,
  listChanges,
  updateVersioned,
} from '../../src/store/versioned.repository.js';
import { makeEvidence, makePerson, makeSchool, makeStandards } from '../support/factories.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let school: { districtId: string; schoolId: string };

beforeAll(async () => {
  store = await createTestStore();
  school = await makeSchool(store.db);
});
afterAll(() => store.destroy());

const entry = (studentId: string | null = null) => ({
  at: new Date().toISOString(),
  account_id: null,
  action: 'view',
  entity: 'student',
  entity_id: studentId,
  student_id: studentId,
  request_id: 'test',
  detail_json: null,
});

describe(`the audit log on ${testDatabaseKind}`, () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    await appendAudit(store.db, entry());
    await expect(
      store.db.updateTable('audit_log').set({ action: 'tampered' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const rows = await store.db.selectFrom('audit_log').select('action').execute();
    expect(rows.map((r) => r.action)).not.toContain('tampered');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses TRUNCATE too where the database has it', async () => {
    if (testDatabaseKind !== 'postgres') return;
    await expect(sql`truncate audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the history table append-only as well', async () => {
    await appendChange(store.db, {
      entity: 'append-only-check',
      entity_id: '1',
      student_id: null,
      change: 'update',
      version: 2,
      changed_by: null,
      changed_at: new Date().toISOString(),
      old_json: '{}',
      new_json: '{}',
    });
    await expect(store.db.deleteFrom('change_history').execute()).rejects.toThrow(/append-only/);
    await expect(
      store.db.updateTable('change_history').set({ new_json: 'x' }).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses detail that would hold a grade, free text or a secret', async () => {
    const bad = [
      { score: 3 },
      { note: 'x' },
      { reason: 'free text with spaces' },
      { token: 'abc' },
    ];
    for (const detail of bad) {
      await expect(
        appendAudit(store.db, { ...entry(), detail_json: JSON.stringify(detail) }),
      ).rejects.toThrow(/may not hold/);
    }
    await appendAudit(store.db, {
      ...entry(),
      detail_json: JSON.stringify({ rows: 12, scope: 'class' }),
    });
  });

  it('lists the rows about a student newest first, with times in UTC', async () => {
    const studentId = await makePerson(store.db, { kind: 'student', schoolId: school.schoolId });
    await appendAudit(store.db, entry(studentId));
    await appendAudit(store.db, { ...entry(studentId), action: 'export' });
    const rows = await listAuditOfStudent(store.db, studentId);
    expect(rows.map((r) => r.action)).toEqual(['export', 'view']);
    expect(rows.every((r) => r.at.endsWith('Z'))).toBe(true);
  });
});

describe('versioned updates', () => {
  it('saves from the current version, refuses a stale one with the current row, and records old and new', async () => {
    const studentId = await makePerson(store.db, { kind: 'student', schoolId: school.schoolId });
    const [standardId] = await makeStandards(store.db, 1);
    const id = await makeEvidence(store.db, { studentId, standardId: standardId!, score: 2 });
    const at = new Date().toISOString();

    const first = await updateVersioned(store.db, {
      table: 'evidence',
      id,
      expectedVersion: 1,
      changes: { score: 3 },
      changedBy: 'a1',
      at,
    });
    expect(first.ok).toBe(true);
    const stale = await updateVersioned(store.db, {
      table: 'evidence',
      id,
      expectedVersion: 1,
      changes: { score: 1 },
      changedBy: 'a2',
      at,
    });
    expect(stale).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { score: 3, version: 2 },
    });
    const missing = await updateVersioned(store.db, {
      table: 'evidence',
      id: 999_999,
      expectedVersion: 1,
      changes: { score: 1 },
      changedBy: 'a2',
      at,
    });
    expect(missing).toEqual({ ok: false, reason: 'not_found' });

    const history = await listChanges(store.db, 'evidence', String(id));
    expect(history.map((h) => [h.change, h.version, h.changed_by, h.old_json, h.new_json])).toEqual(
      [['update', 2, 'a1', '{"score":2}', '{"score":3}']],
    );
  });

  it('throws for a field that may not be changed (a bug in the caller)', async () => {
    await expect(
      updateVersioned(store.db, {
        table: 'evidence',
        id: 1,
        expectedVersion: 1,
        changes: { student_id: 'x' },
        changedBy: null,
        at: '',
      }),
    ).rejects.toThrow(/not editable: student_id/);
  });

  it('versions task scores the same way', async () => {
    const studentId = await makePerson(store.db, { kind: 'student', schoolId: school.schoolId });
    const taskId = randomUUID();
    await store.db
      .insertInto('tasks')
      .values({
        id: taskId,
        source_id: taskId,
        class_id: null,
        title: 'Quiz',
        kind: 'quiz',
        format: 'written',
        due_date: null,
        created_at: '2026-10-01T00:00:00.000Z',
      })
      .execute();
    const scoreId = randomUUID();
    await store.db
      .insertInto('task_scores')
      .values({
        id: scoreId,
        source_id: scoreId,
        task_id: taskId,
        student_id: studentId,
        score: 7,
        max_score: 10,
        level_label: null,
        status: null,
        observed_at: null,
        origin: 'test',
      })
      .execute();
    const at = new Date().toISOString();
    expect(
      (
        await updateVersioned(store.db, {
          table: 'task_scores',
          id: scoreId,
          expectedVersion: 1,
          changes: { score: 8 },
          changedBy: null,
          at,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await updateVersioned(store.db, {
          table: 'task_scores',
          id: scoreId,
          expectedVersion: 1,
          changes: { score: 9 },
          changedBy: null,
          at,
        })
      ).ok,
    ).toBe(false);
  });
});

describe('hostile text round-trips unchanged', () => {
  const hostile = [
    "O'Brien",
    'DROP TABLE goals; --',
    "Robert'); DROP TABLE people;--",
    '%_\\',
    '🧒🏽 ‮evil‭',
    'a\u0000b'.replace('\u0000', ''),
  ];

  it('stores and reads names and goal statements exactly, and finds them by search', async () => {
    for (const text of hostile) {
      const studentId = await makePerson(store.db, {
        kind: 'student',
        schoolId: school.schoolId,
        familyName: text,
      });
      expect((await findStudent(store.db, studentId))?.familyName).toBe(text);
      const found = await searchStudents(store.db, text, null);
      expect(found.map((s) => s.id)).toContain(studentId);

      const iepId = randomUUID();
      const goalId = randomUUID();
      await insertIeps(
        store.db,
        [{ id: iepId, source_id: iepId, student_id: studentId }],
        [
          {
            id: goalId,
            iep_id: iepId,
            area: text,
            statement: text,
            measurement_type: 'percent',
            direction: 'increase',
          },
        ],
      );
      const goal = await store.db
        .selectFrom('iep_goals')
        .select(['area', 'statement'])
        .where('id', '=', goalId)
        .executeTakeFirstOrThrow();
      expect(goal).toEqual({ area: text, statement: text });
    }
    const tables = await store.db.selectFrom('iep_goals').select('id').execute();
    expect(tables.length).toBe(hostile.length);
  });

  it('finds nothing for a search made of SQL wildcards alone', async () => {
    expect(await searchStudents(store.db, '%%', null)).toEqual([]);
  });
});

describe('sign-in failures and settings', () => {
  it('counts failures per key within the window', async () => {
    const now = Date.now();
    await recordSignInFailure(store.db, 'account:k1', new Date(now - 20 * 60_000).toISOString());
    await recordSignInFailure(store.db, 'account:k1', new Date(now).toISOString());
    const since = new Date(now - 15 * 60_000).toISOString();
    expect(await countSignInFailures(store.db, 'account:k1', since)).toBe(1);
    expect(await countSignInFailures(store.db, 'account:k2', since)).toBe(0);
  });

  it("applies a school's settings over its district's over the default", async () => {
    const by = { accountId: null, at: new Date().toISOString() };
    expect(await securitySettingsFor(store.db, [school.schoolId, school.districtId])).toEqual({
      requireStaffTotp: false,
      retentionDays: 30,
    });
    await saveSecuritySettings(
      store.db,
      school.districtId,
      { requireStaffTotp: true, retentionDays: 60 },
      by,
    );
    expect(await securitySettingsFor(store.db, [school.schoolId, school.districtId])).toEqual({
      requireStaffTotp: true,
      retentionDays: 60,
    });
    await saveSecuritySettings(
      store.db,
      school.schoolId,
      { requireStaffTotp: false, retentionDays: 7 },
      by,
    );
    expect(await securitySettingsFor(store.db, [school.schoolId, school.districtId])).toEqual({
      requireStaffTotp: false,
      retentionDays: 7,
    });
  });
});
