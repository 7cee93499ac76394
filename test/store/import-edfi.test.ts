import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/interop/import-problem.js';
import { importCase, importEdfi, type ImportOutcome } from '../../src/services/import.service.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';
import { brokenCopy, counts, snapshot } from './import-snapshot.js';

const district = path.resolve('test/fixtures/edfi-grand-bend');
const commonCore = path.resolve('test/fixtures/case/ccss-math-2017-pre-case1.json');

function messages(outcome: ImportOutcome): string[] {
  return outcome.ok ? [] : outcome.problems.map(formatProblem);
}

describe(`import edfi on ${testDatabaseKind}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    const outcome = await importEdfi(store.db, district);
    expect(messages(outcome)).toEqual([]);
  });
  afterAll(() => store.destroy());

  it('writes the district, 960 students, 97 IEPs and 1,968 pieces of evidence', async () => {
    expect(await counts(store.db)).toMatchObject({
      organizations: 9,
      people: 960,
      ieps: 97,
      frameworks: 1,
      standards: 5597,
      classes: 532,
      enrollments: 25,
      task_scores: 1316,
      evidence: 1968,
      mastery_results: 902,
      audit_log: 1,
    });
  });

  it("records a student's objective results as evidence with the day and level", async () => {
    const rows = await store.db
      .selectFrom('evidence as e')
      .innerJoin('people as p', 'p.id', 'e.student_id')
      .innerJoin('standards as s', 's.id', 'e.standard_id')
      .innerJoin('tasks as t', 't.id', 'e.task_id')
      .innerJoin('task_scores as ts', (join) =>
        join.onRef('ts.task_id', '=', 't.id').onRef('ts.student_id', '=', 'p.id'),
      )
      .select([
        'e.score',
        'e.observed_at',
        'e.origin',
        't.title',
        'ts.score as raw',
        'ts.max_score',
        'ts.level_label',
      ])
      .where('p.source_id', '=', '605466')
      .where('s.code', '=', 'CC.5.NBT.3')
      .orderBy('t.title')
      .execute();

    expect(rows).toEqual([
      {
        score: 4,
        observed_at: '2021-04-08',
        origin: 'edfi',
        title: '7th Grade Math Placement: Seventh grade Mathematics-37',
        raw: 3,
        max_score: 3,
        level_label: 'Advanced',
      },
      {
        score: 2,
        observed_at: '2021-04-08',
        origin: 'edfi',
        title: '7th Grade Math Placement: Seventh grade Mathematics-38',
        raw: 1,
        max_score: 1.5,
        level_label: 'Below Basic',
      },
    ]);
  });

  it('keeps an IEP record with its dates, setting, disability and hours', async () => {
    const iep = await store.db
      .selectFrom('ieps as i')
      .innerJoin('people as p', 'p.id', 'i.student_id')
      .select([
        'i.begin_date',
        'i.end_date',
        'i.review_date',
        'i.setting',
        'i.disability',
        'i.service_hours_per_week',
      ])
      .where('p.source_id', '=', '604872')
      .executeTakeFirstOrThrow();
    expect(iep).toEqual({
      begin_date: '2021-09-01',
      end_date: '2021-10-01',
      review_date: '2021-08-27',
      setting: 'Inside regular class less than 40% of the day',
      disability: 'Autism Spectrum Disorders',
      service_hours_per_week: 25,
    });
  });

  it('writes an audit row with counts and no personal data', async () => {
    const audit = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'import', entity: 'edfi', student_id: null });
    expect(JSON.parse(audit.detail_json!)).toMatchObject({ students: 960, evidence: 1968 });
    expect(audit.detail_json).not.toMatch(/Dyer|604821/);
  });

  it('changes nothing but the audit log when run a second time', async () => {
    const before = await snapshot(store.db);
    const outcome = await importEdfi(store.db, district);
    const after = await snapshot(store.db);

    expect(outcome.ok && outcome.counts['evidence added']).toBe(0);
    expect({ ...after, audit_log: '' }).toEqual({ ...before, audit_log: '' });
    expect((await counts(store.db)).audit_log).toBe(2);
  });

  it('links CC.5.NBT.3 to CCSS.Math.Content.5.NBT.A.3 once the CASE framework arrives', async () => {
    expect((await importCase(store.db, commonCore)).ok).toBe(true);
    const aligned = await store.db
      .selectFrom('standards as e')
      .innerJoin('standard_alignments as a', 'a.standard_id', 'e.id')
      .innerJoin('standards as c', 'c.id', 'a.aligned_standard_id')
      .select(['a.kind', 'c.code', 'c.statement'])
      .where('e.code', '=', 'CC.5.NBT.3')
      .execute();
    expect(aligned).toEqual([
      {
        kind: 'exactMatch',
        code: 'CCSS.Math.Content.5.NBT.A.3',
        statement: 'Read, write, and compare decimals to thousandths.',
      },
    ]);
  });

  describe('a broken copy of the district', () => {
    const cases: [string, string, (text: string) => string, RegExp][] = [
      [
        'a truncated file',
        'StudentProgram.xml',
        (text) => text.slice(0, 300_000),
        /^StudentProgram\.xml:\d+: <\w+> is not well-formed XML/,
      ],
      [
        'a student without the required StudentUniqueId',
        'Student.xml',
        (text) => text.replace('<StudentUniqueId>604821</StudentUniqueId>', ''),
        /^Student\.xml:3: <Student> lacks the required <StudentUniqueId>$/,
      ],
      [
        'a result for a student who is not in Student.xml',
        'StudentAssessment-LearningStandardsMastery.xml',
        (text) =>
          text.replace(
            '<StudentUniqueId>605466</StudentUniqueId>',
            '<StudentUniqueId>999999</StudentUniqueId>',
          ),
        /^StudentAssessment-LearningStandardsMastery\.xml:22: <StudentUniqueId> names student 999999/,
      ],
    ];

    it.each(cases)(
      'fails on %s, naming file, line and element, and writes nothing',
      async (_name, file, change, expected) => {
        const dir = brokenCopy(district, file, change);
        try {
          const before = await snapshot(store.db);
          const outcome = await importEdfi(store.db, dir);

          expect(outcome.ok).toBe(false);
          expect(messages(outcome)[0]).toMatch(expected);
          expect(await snapshot(store.db)).toEqual(before);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
});
