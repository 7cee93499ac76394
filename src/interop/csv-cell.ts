/**
 * Making a CSV cell safe to open in a spreadsheet. A cell that starts with =, +, -, @, a tab or
 * a carriage return can be read as a formula ("=HYPERLINK(...)" runs when clicked), so such a
 * cell gets a leading apostrophe, which spreadsheets show as text. Numbers stay numbers.
 *
 * Example: "=1+1" becomes "'=1+1"; "-3" (text) becomes "'-3"; the number -3 stays -3;
 * "O'Brien" is unchanged.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written to CSV: numbers as they are, text neutralized, empty for null. */
export function csvCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A whole row of cells made safe. */
export function csvRow(
  values: ReadonlyArray<string | number | null | undefined>,
): Array<string | number> {
  return values.map(csvCell);
}
