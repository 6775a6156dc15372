import { stringify } from 'csv-stringify/sync';

/**
 * Text a spreadsheet would run as a formula when a CSV is opened (=, +, -, @, tab or carriage return
 * first) is written with a leading apostrophe, so a name like "=HYPERLINK(…)" stays text. Plain
 * numbers such as -2 are left alone. The importers take the apostrophe off again, so a file exported
 * here imports back to exactly what was stored.
 */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const runs = (v: string) => FORMULA.test(v) && !NUMBER.test(v);
/** Apostrophes already in front of a formula get one more, so reading back takes off only ours. */
const needsEscape = (v: string) => runs(v.replace(/^'+/, ''));

export const spreadsheetSafe = (v: string): string => (needsEscape(v) ? `'${v}` : v);

export const fromSpreadsheetSafe = (v: string): string =>
  v.startsWith("'") && needsEscape(v.slice(1)) ? v.slice(1) : v;

type Cell = string | number | boolean | null | undefined;

/** A CSV document with every text cell made safe to open in a spreadsheet. */
export function safeCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows.map((r) => r.map((c) => (typeof c === 'string' ? spreadsheetSafe(c) : c))));
}
