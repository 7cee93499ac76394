import { describe, expect, it } from 'vitest';
import { commonCoreKey, matchCommonCore } from '../../../src/interop/standard-codes.js';

describe('commonCoreKey', () => {
  it.each([
    ['CC.5.NBT.3', 'math 5.NBT.3'],
    ['CCSS.Math.Content.5.NBT.A.3', 'math 5.NBT.3'],
    ['CC.6.RP.3c', 'math 6.RP.3c'],
    ['CCSS.Math.Content.6.RP.A.3c', 'math 6.RP.3c'],
    ['CC.K.RF.1a', 'ela RF.K.1a'],
    ['CCSS.ELA-Literacy.RF.K.1a', 'ela RF.K.1a'],
    ['CC.11-12.RL.1', 'ela RL.11-12.1'],
    ['CC.9-12.A.SSE.1a', 'math HSA-SSE.1a'],
    ['CCSS.Math.Content.HSA-SSE.A.1a', 'math HSA-SSE.1a'],
  ])('reduces %s to the cluster-free key %s', (code, key) => {
    expect(commonCoreKey(code)).toBe(key);
  });

  it.each([
    '110.13.1.A',
    'CCSS.Math.Content.5.NBT.A',
    'CCSS.Math.Content.5.NBT',
    'H4.9-12.1.1',
    '',
  ])('gives no key for %s, which is not a Common Core standard', (code) => {
    expect(commonCoreKey(code)).toBeNull();
  });
});

describe('matchCommonCore', () => {
  const common = [
    { id: 'c-cluster', code: 'CCSS.Math.Content.5.NBT.A' },
    { id: 'c-3', code: 'CCSS.Math.Content.5.NBT.A.3' },
    { id: 'c-3a', code: 'CCSS.Math.Content.5.NBT.A.3a' },
  ];

  it('links CC.5.NBT.3 to CCSS.Math.Content.5.NBT.A.3 and nothing else', () => {
    const local = [{ id: 'e-3', code: 'CC.5.NBT.3' }];
    expect(matchCommonCore(local, common)).toEqual([
      { standardId: 'e-3', alignedStandardId: 'c-3' },
    ]);
  });

  it('keeps a component apart from its standard', () => {
    const local = [{ id: 'e-3a', code: 'CC.5.NBT.3a' }];
    expect(matchCommonCore(local, common)).toEqual([
      { standardId: 'e-3a', alignedStandardId: 'c-3a' },
    ]);
  });

  it('matches nothing for state standards or CASE codes on the local side', () => {
    const local = [
      { id: 'teks', code: '110.13.1.A' },
      { id: 'case', code: 'CCSS.Math.Content.5.NBT.A.3' },
    ];
    expect(matchCommonCore(local, common)).toEqual([]);
  });

  it('links a code to each framework that carries it', () => {
    const local = [{ id: 'e', code: 'CC.6.RP.3c' }];
    const two = [
      { id: 'ccss', code: 'CCSS.Math.Content.6.RP.A.3c' },
      { id: 'other', code: 'CCSS.Math.Content.6.RP.A.3c' },
    ];
    expect(matchCommonCore(local, two).map((m) => m.alignedStandardId)).toEqual(['ccss', 'other']);
  });
});
