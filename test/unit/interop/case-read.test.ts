import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCase } from '../../../src/interop/case/case-plan.js';
import { parseCase, readCaseFile } from '../../../src/interop/case/read-case.js';
import { formatProblem } from '../../../src/interop/import-problem.js';

const fixture = (name: string) => path.resolve('test/fixtures/case', name);

function frameworkOf(name: string) {
  const read = readCaseFile(fixture(name));
  if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
  return read.framework;
}

describe('readCaseFile', () => {
  it('reads the pre-1.0 Common Core file: ASN ids, 703 items, parents by isChildOf', () => {
    const framework = frameworkOf('ccss-math-2017-pre-case1.json');
    const plan = planCase(framework);
    const byCode = new Map(plan.standards.map((s) => [s.code, s]));

    expect(framework.identifier).toBe('http://purl.org/ASN/resources/D10003FB');
    expect(plan.standards).toHaveLength(703);
    const standard = byCode.get('CCSS.Math.Content.5.NBT.A.3')!;
    expect(standard).toMatchObject({
      statement: 'Read, write, and compare decimals to thousandths.',
      item_type: 'Standard',
      grade_levels: '05',
    });
    expect(standard.parent_id).toBe(byCode.get('CCSS.Math.Content.5.NBT.A')!.id);
  });

  it('reads the CASE 1.0 package: alignments inside it, and exactMatchOf links kept pending', () => {
    const plan = planCase(frameworkOf('what-standards-could-be-case1.json'));
    expect(plan.standards).toHaveLength(16);
    expect(plan.pending.filter((p) => p.kind === 'exactMatch')).toHaveLength(16);
    expect(plan.alignments.map((a) => a.kind)).toEqual(['precedes', 'precedes']);
  });

  it('keeps characters outside the Basic Multilingual Plane', () => {
    const framework = frameworkOf('utf8-test-framework-case1.json');
    expect(framework.title).toBe('UTF8 𝑑 Test');
    expect(framework.items[0]?.statement).toBe('Item 𝑑 1');
  });
});

describe('parseCase on broken documents', () => {
  const text = fs.readFileSync(fixture('what-standards-could-be-case1.json'), 'utf8');

  it('names the line of a truncated document', () => {
    const read = parseCase('cut.json', text.slice(0, 2000));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toMatchObject({ file: 'cut.json', element: 'document' });
    expect(read.problems[0]?.line).toBeGreaterThan(1);
  });

  it('names the item, its line and the missing fullStatement', () => {
    const json = JSON.parse(text) as { CFItems: Record<string, unknown>[] };
    delete json.CFItems[2]!.fullStatement;
    const broken = JSON.stringify(json, null, 2);
    const read = parseCase('broken.json', broken);

    expect(read.ok).toBe(false);
    if (read.ok) return;
    const line =
      broken.split('\n').findIndex((l) => l.includes(String(json.CFItems[2]!.identifier))) + 1;
    expect(read.problems).toEqual([
      expect.objectContaining({ file: 'broken.json', line, element: 'CFItems[2].fullStatement' }),
    ]);
  });

  it('refuses a hierarchy link to an item that is not in the document', () => {
    const json = JSON.parse(text) as {
      CFAssociations: { associationType: string; destinationNodeURI: { identifier: string } }[];
    };
    const link = json.CFAssociations.find((a) => a.associationType === 'isChildOf')!;
    link.destinationNodeURI.identifier = 'no-such-item';
    const read = parseCase('orphan.json', JSON.stringify(json, null, 2));

    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(formatProblem(read.problems[0]!)).toMatch(
        /^orphan\.json:\d+: <CFAssociations\[\d+\]> .*no-such-item/,
      );
  });
});
