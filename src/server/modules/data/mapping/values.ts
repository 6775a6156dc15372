/**
 * Cell values as text the results checks understand. Pure. Spreadsheets hand over real dates,
 * Excel serial day numbers, rich text and formula results; CSV files hand over whatever the MIS wrote.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A date as yyyy-mm-dd when it can be read without guessing: ISO (with or without a time), an Excel
 * serial day number (1955 to 2119, so a mark such as 7 is never taken for a date), or dd-mm-yyyy and
 * dd.mm.yyyy as dd/mm/yyyy. Anything else is returned as it was, for the date check to report.
 */
export function normaliseDate(raw: string): string {
  const v = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(v);
  if (iso) return iso[1]!;
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const n = Math.floor(Number(v));
    if (n >= 20_000 && n <= 80_000) return isoOf(new Date(EXCEL_EPOCH + n * DAY));
  }
  const dmy = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(v);
  if (dmy) return `${dmy[1]}/${dmy[2]}/${dmy[3]}`;
  return v;
}

/** A bare number of a year group ("10", as MIS exports write it) as Y10; anything else as it was. */
export function normaliseYearGroup(raw: string): string {
  const v = raw.trim();
  return /^\d{1,2}$/.test(v) ? `Y${Number(v)}` : v;
}

type RichText = { richText: { text: string }[] };
const hasKey = <K extends string>(v: object, k: K): v is Record<K, unknown> => k in v;

/** One exceljs cell value as text: dates as yyyy-mm-dd, formulas as their result, errors as their code. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoOf(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if (hasKey(value, 'richText') && Array.isArray(value.richText))
      return (value as RichText).richText.map((r) => r.text).join('');
    if (hasKey(value, 'result')) return cellText(value.result);
    if (hasKey(value, 'text')) return cellText(value.text);
    if (hasKey(value, 'error')) return String(value.error);
  }
  return String(value);
}
