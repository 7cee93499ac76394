import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  policyFor,
  policyId,
  type ScopedPolicy,
} from '../../../src/domain/mastery/policy.js';
import { DEFAULT_POLICY } from '../../../src/domain/mastery/types.js';

describe('calculation policies', () => {
  it('defaults to the decaying average with w = 65 when no scope sets a policy', () => {
    expect(policyFor([], { standardId: 's1', schoolId: 'sch1' })).toEqual({
      method: 'decaying_average',
      param: 65,
      minEvidence: 1,
    });
    expect(DEFAULT_POLICY.method).toBe('decaying_average');
  });

  it('uses the nearest policy: standard, then course, then school, then district', () => {
    const policies: ScopedPolicy[] = [
      { scopeKind: 'district', scopeId: null, method: 'mean', param: null, minEvidence: 1 },
      { scopeKind: 'school', scopeId: 'sch1', method: 'median', param: null, minEvidence: 1 },
      { scopeKind: 'course', scopeId: 'c1', method: 'highest', param: null, minEvidence: 2 },
      { scopeKind: 'standard', scopeId: 's1', method: 'latest', param: null, minEvidence: 1 },
    ];
    const method = (context: object) => policyFor(policies, context).method;
    expect(method({ standardId: 's1', courseIds: ['c1'], schoolId: 'sch1' })).toBe('latest');
    expect(method({ standardId: 's2', courseIds: ['c1'], schoolId: 'sch1' })).toBe('highest');
    expect(method({ standardId: 's2', courseIds: ['c2'], schoolId: 'sch1' })).toBe('median');
    expect(method({ standardId: 's2', courseIds: [], schoolId: 'sch2' })).toBe('mean');
  });

  it('checks the method, its parameter and the minimum evidence', () => {
    expect(checkPolicy({ method: 'decaying_average', param: 120, minEvidence: 0 })).toEqual([
      'param: 120 is out of range; decaying_average needs w from 1 to 99',
      'minEvidence: must be a whole number of at least 1',
    ]);
    expect(checkPolicy({ method: 'recent_mode', param: null, minEvidence: 1 })).toEqual([
      'param: missing; recent_mode needs n from 1 to 20',
    ]);
    expect(checkPolicy({ method: 'avg', param: null, minEvidence: 1 })[0]).toMatch(
      /^method: unknown method "avg"/,
    );
    expect(checkPolicy({ method: 'power_law', param: null, minEvidence: 3 })).toEqual([]);
  });

  it('gives each scope one stable policy id', () => {
    expect(policyId({ scopeKind: 'school', scopeId: 'sch1' })).toBe('school:sch1');
    expect(policyId({ scopeKind: 'district', scopeId: null })).toBe('district:*');
  });
});
