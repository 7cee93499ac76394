/**
 * Calculation policies: which method (and parameter, and minimum evidence) a district,
 * school, course or standard uses. The nearest policy wins: a standard's own, then the
 * course's, then the school's, then the district's, then DEFAULT_POLICY.
 */
import { nearestScoped, type ScopeContext, type Scoped } from '../scale.js';
import { METHOD_PARAMETERS } from './methods.js';
import { DEFAULT_POLICY, MASTERY_METHODS, type CalculationPolicy } from './types.js';

/** A policy set for one scope. */
export interface ScopedPolicy extends CalculationPolicy, Scoped {
  readonly scopeKind: 'district' | 'school' | 'course' | 'standard';
}

/**
 * Checks a policy; returns its problems as sentences naming the field.
 *
 * Example: { method: 'decaying_average', param: 120, minEvidence: 0 } gives
 * ["param: 120 is out of range; decaying_average needs w from 1 to 99",
 *  "minEvidence: must be a whole number of at least 1"].
 */
export function checkPolicy(policy: {
  readonly method: string;
  readonly param: number | null;
  readonly minEvidence: number;
}): string[] {
  if (!(MASTERY_METHODS as readonly string[]).includes(policy.method)) {
    return [`method: unknown method "${policy.method}"; choose ${MASTERY_METHODS.join(', ')}`];
  }

  const problems: string[] = [];
  const rule = METHOD_PARAMETERS[policy.method as CalculationPolicy['method']];
  if (rule !== null) {
    const wanted = `${policy.method} needs ${rule.name} from ${rule.min} to ${rule.max}`;
    const { param } = policy;
    if (param === null) problems.push(`param: missing; ${wanted}`);
    else if (param < rule.min || param > rule.max || (rule.wholeNumber && !Number.isInteger(param)))
      problems.push(`param: ${param} is out of range; ${wanted}`);
  }
  if (!Number.isInteger(policy.minEvidence) || policy.minEvidence < 1) {
    problems.push('minEvidence: must be a whole number of at least 1');
  }
  return problems;
}

/**
 * The policy for one student's work on one standard: the nearest scoped policy, else the
 * default (decaying average, w = 65).
 *
 * Example: a school policy "mean" and a standard policy "latest" on standard S: S uses latest,
 * every other standard at that school uses mean.
 */
export function policyFor(
  policies: readonly ScopedPolicy[],
  context: ScopeContext,
): CalculationPolicy {
  const nearest = nearestScoped(policies, context);
  if (nearest === null) return DEFAULT_POLICY;
  return { method: nearest.method, param: nearest.param, minEvidence: nearest.minEvidence };
}

/** The stable id of the policy for a scope: "school:S1", or "district:*" without an id. */
export function policyId(scope: Scoped): string {
  return `${scope.scopeKind}:${scope.scopeId ?? '*'}`;
}
