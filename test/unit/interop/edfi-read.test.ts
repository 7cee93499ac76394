import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDistrict, parentsByPrefix } from '../../../src/interop/edfi/district-plan.js';
import { readDistrict } from '../../../src/interop/edfi/read-district.js';
import { readInterchange, type XmlElement } from '../../../src/interop/edfi/xml-reader.js';
import { formatProblem } from '../../../src/interop/import-problem.js';

const fixtures = path.resolve('test/fixtures/edfi-grand-bend');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-edfi-unit-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeXml(name: string, body: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<InterchangeStudent xmlns="http://ed-fi.org/5.2.0">\n${body}`,
  );
  return file;
}

describe('readInterchange', () => {
  it('hands out each record with the line it starts on', async () => {
    const file = writeXml(
      'two.xml',
      '<Student>\n<StudentUniqueId>1</StudentUniqueId>\n</Student>\n<Student>\n</Student>\n</InterchangeStudent>\n',
    );
    const records: XmlElement[] = [];
    const outcome = await readInterchange(file, (record) => records.push(record));

    expect(outcome).toEqual({ root: 'InterchangeStudent', problem: null });
    expect(records.map((r) => [r.name, r.line])).toEqual([
      ['Student', 3],
      ['Student', 6],
    ]);
    expect(records[0]?.children[0]).toMatchObject({ name: 'StudentUniqueId', line: 4, text: '1' });
  });

  it('reports a truncated file with its line and the element left open', async () => {
    const file = writeXml(
      'cut.xml',
      '<Student>\n<StudentUniqueId>1</StudentUniqueId>\n<Name>\n<FirstName>Ty',
    );
    const outcome = await readInterchange(file, () => undefined);

    expect(outcome.problem).toMatchObject({ file: 'cut.xml', line: 6, element: 'FirstName' });
    expect(formatProblem(outcome.problem!)).toMatch(
      /^cut\.xml:6: <FirstName> is not well-formed XML/,
    );
  });
});

describe('parentsByPrefix', () => {
  it('makes the longest dotted prefix the parent', () => {
    const parents = parentsByPrefix(['110.13', '110.13.1', '110.13.1.A', 'CC.5.NBT.3']);
    expect([...parents]).toEqual([
      ['110.13.1', '110.13'],
      ['110.13.1.A', '110.13.1'],
    ]);
  });
});

describe('reading and planning Grand Bend', async () => {
  const read = await readDistrict(fixtures);
  const { plan, problems } = planDistrict(read.records);

  it('reads every file without a problem', () => {
    expect(read.problems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('finds the district, its three schools, 960 students and 97 IEP records', () => {
    expect(plan.organizations.filter((o) => o.kind === 'district').map((o) => o.name)).toEqual([
      'Grand Bend ISD',
    ]);
    expect(plan.organizations.filter((o) => o.kind === 'school')).toHaveLength(3);
    expect(plan.students).toHaveLength(960);
    expect(plan.ieps).toHaveLength(97);
  });

  it('keeps the setting, disabilities in order, hours and dates of an IEP', () => {
    const rows = read.records.ieps.filter((i) => i.studentSourceId === '604956');
    expect(rows).toEqual([
      expect.objectContaining({
        beginDate: '2021-09-01',
        endDate: '2021-12-17',
        reviewDate: '2021-08-27',
        disability: 'Motor impairment; Physical Disability',
      }),
    ]);
  });

  it('makes one piece of evidence per objective result and aligned standard: 1,968', () => {
    expect(read.records.studentAssessments).toHaveLength(82);
    expect(read.records.studentAssessments.flatMap((r) => r.objectives)).toHaveLength(984);
    expect(plan.evidence).toHaveLength(1968);
    expect(new Set(plan.evidence.map((e) => e.score))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('turns the gradebook into 10 tasks, 250 scores and 25 enrollments in one class', () => {
    expect(plan.tasks.filter((t) => t.kind === 'gradebook entry')).toHaveLength(10);
    expect(plan.taskScores.filter((s) => s.source_id.startsWith('edfi:grade:'))).toHaveLength(250);
    expect(plan.enrollments).toHaveLength(25);
    expect(new Set(plan.enrollments.map((e) => e.class_id)).size).toBe(1);
  });

  it('names the standards framework after the district', () => {
    expect(plan.framework?.title).toBe('Grand Bend ISD learning standards');
    expect(plan.standards).toHaveLength(5597);
    expect(plan.standards.find((s) => s.code === 'CC.5.NBT.3')).toMatchObject({
      grade_levels: '05',
    });
  });
});
