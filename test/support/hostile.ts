/**
 * A corpus of hostile strings for renderer tests: markup and event handlers, template syntax,
 * spreadsheet formulas, SQL, a very long string, right-to-left overrides and emoji. The null
 * byte is kept apart: no database column can store it, so forms refuse it.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)" x="',
  "'><svg onload=alert(1)>",
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '<%= 7*7 %>',
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTabbed',
  '\rReturned',
  'DROP TABLE goals; --',
  "O'Brien",
  '\u202Eevil\u202C reversed',
  '👩🏽‍🏫 Ms. Ng 🧒',
  'L'.repeat(3000),
];

/** A string with a NUL character. */
export const NUL_STRING = 'before\u0000after';

/** Markup that must never appear unescaped in an HTML answer. */
export const FORBIDDEN_MARKUP: readonly RegExp[] = [
  /<script>alert/,
  /<img src=x onerror/,
  /<svg onload/,
  /" onmouseover="alert/,
];

/** True when the string starts a spreadsheet formula. */
export function startsFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}
