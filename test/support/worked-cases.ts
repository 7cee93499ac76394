/**
 * Loads the worked cases copied into test/fixtures/cases and compares answers with them the
 * way ../shared/scripts/check-cases does: numbers to within 0.005, everything else exactly,
 * and only the fields a case names.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** One worked case: an input and the answer it must get. */
export interface WorkedCase {
  readonly id: string;
  readonly source: string;
  readonly input: unknown;
  readonly expected: unknown;
}

/** The cases in test/fixtures/cases/KIND.json (a list, or {"cases": [...]}). */
export function loadWorkedCases(kind: string): WorkedCase[] {
  const url = new URL(`../fixtures/cases/${kind}.json`, import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as WorkedCase[] | { cases?: WorkedCase[] };
  return Array.isArray(data) ? data : (data.cases ?? []);
}

/** Asserts that `actual` holds every field of `expected`, numbers to within 0.005. */
export function expectCaseAnswer(actual: unknown, expected: unknown, path = 'answer'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(0.005);
    return;
  }

  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    expect(actual, path).toBeTypeOf('object');
    for (const [key, value] of Object.entries(expected)) {
      expectCaseAnswer((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }

  expect(actual, path).toEqual(expected);
}
