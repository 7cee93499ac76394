import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/interop/import-problem.js';
import { importCase, importEdfi } from '../../src/services/import.service.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';
import { counts, snapshot } from './import-snapshot.js';

const fixture = (name: string) => path.resolve('test/fixtures/case', name);
const commonCore = fixture('ccss-math-2017-pre-case1.json');

describe(`import case on ${testDatabaseKind}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    const outcome = await importCase(store.db, commonCore);
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([]);
  });
  afterAll(() => store.destroy());

  it('writes the Common Core framework with its 703 standards', async () => {
    const framework = await store.db.selectFrom('frameworks').selectAll().executeTakeFirstOrThrow();
    expect(framework).toMatchObject({
      title: 'Common Core State Standards for Mathematics',
      source_format: 'case',
    });
    expect((await counts(store.db)).standards).toBe(703);
  });

  it('keeps the hierarchy and list order: 5.NBT.A holds A.1 to A.4 in order', async () => {
    const rows = await store.db
      .selectFrom('standards as child')
      .innerJoin('standards as parent', 'parent.id', 'child.parent_id')
      .select(['child.code'])
      .where('parent.code', '=', 'CCSS.Math.Content.5.NBT.A')
      .orderBy('child.list_order')
      .execute();
    expect(rows.map((r) => r.code)).toEqual(
      [1, 2, 3, 4].map((n) => `CCSS.Math.Content.5.NBT.A.${n}`),
    );
  });

  it('round-trips characters outside the Basic Multilingual Plane', async () => {
    expect((await importCase(store.db, fixture('utf8-test-framework-case1.json'))).ok).toBe(true);
    const item = await store.db
      .selectFrom('standards as s')
      .innerJoin('frameworks as f', 'f.id', 's.framework_id')
      .select(['f.title', 's.statement'])
      .where('f.source_id', '=', 'd0000000-0000-0000-0000-000000000000')
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ title: 'UTF8 𝑑 Test', statement: 'Item 𝑑 1' });
  });

  it('keeps the CASE 1.0 exactMatchOf links whose destination is elsewhere as pending', async () => {
    expect((await importCase(store.db, fixture('what-standards-could-be-case1.json'))).ok).toBe(
      true,
    );
    const pending = await store.db.selectFrom('pending_alignments').select('kind').execute();
    expect(pending.filter((p) => p.kind === 'exactMatch')).toHaveLength(16);
  });

  it('changes nothing but the audit log when run a second time', async () => {
    const before = await snapshot(store.db);
    expect((await importCase(store.db, commonCore)).ok).toBe(true);
    expect({ ...(await snapshot(store.db)), audit_log: '' }).toEqual({ ...before, audit_log: '' });
  });

  it('fails on a truncated file, naming file and line, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-case-'));
    const file = path.join(dir, 'cut.json');
    fs.writeFileSync(file, fs.readFileSync(commonCore, 'utf8').slice(0, 500_000));
    try {
      const before = await snapshot(store.db);
      const outcome = await importCase(store.db, file);
      expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^cut\.json:\d+: <document> is not valid JSON/),
      ]);
      expect(await snapshot(store.db)).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links Ed-Fi codes to it when the district is imported afterwards', async () => {
    expect((await importEdfi(store.db, path.resolve('test/fixtures/edfi-grand-bend'))).ok).toBe(
      true,
    );
    const aligned = await store.db
      .selectFrom('standards as e')
      .innerJoin('standard_alignments as a', 'a.standard_id', 'e.id')
      .innerJoin('standards as c', 'c.id', 'a.aligned_standard_id')
      .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
      .select(['a.kind', 'c.code', 'f.title'])
      .where('e.code', '=', 'CC.5.NBT.3')
      .execute();
    expect(aligned).toEqual([
      {
        kind: 'exactMatch',
        code: 'CCSS.Math.Content.5.NBT.A.3',
        title: 'Common Core State Standards for Mathematics',
      },
    ]);
  });
});
