import { describe, expect, it } from 'vitest';
import { DEMO_SIGN_INS, demoSignInLines } from '../../src/services/demo-school.js';

describe('the demo sign-ins banner', () => {
  it('lines up the slash and the names on every line, "parent-es" included', () => {
    const lines = demoSignInLines();
    const slashes = new Set(lines.map((line) => line.indexOf(' / ')));
    const names = new Set(lines.map((line) => line.indexOf('(')));

    expect(lines).toHaveLength(DEMO_SIGN_INS.length);
    expect(slashes.size).toBe(1);
    expect(names.size).toBe(1);
    expect(lines.find((line) => line.includes('parent-es'))).toMatch(/ parent-es \/ /);
  });
});
