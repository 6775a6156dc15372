import { parse } from 'csv-parse/sync';
import { decodeText, normaliseHeader, parseDate, type Rejected } from './pupil-file';

/**
 * The common first step of the small-file CSV importers (attendance, behaviour, staff, GIAS): bytes
 * to records keyed by normalised header, or the one rejection that stops the file (empty, not CSV,
 * missing columns). Pure. Encoding is detected (UTF-8 with or without BOM, else Windows-1252).
 */
export type CsvRecords =
  | { ok: true; records: Record<string, string>[]; header: string[] }
  | { ok: false; rejected: Rejected[]; rowsRead: number };

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

const fail = (column: string, reason: string, rowsRead = 0): CsvRecords => ({
  ok: false,
  rejected: [{ row: 1, column, value: '', reason }],
  rowsRead,
});

export function readCsvRecords(
  bytes: Uint8Array,
  required: readonly string[],
  header: (h: string) => string = normaliseHeader,
): CsvRecords {
  if (bytes.length === 0) return fail('', 'The file is empty');
  const text = decodeText(bytes);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map(header),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: detectDelimiter(text),
    });
  } catch (err) {
    return fail('', `The file is not valid CSV: ${(err as Error).message}`);
  }
  if (records.length === 0) return fail('', 'The file has a header but no rows');
  const names = Object.keys(records[0]!);
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) return fail(missing.join(', '), 'Missing required column(s)', records.length);
  return { ok: true, records, header: names };
}

/** dd/mm/yyyy, dd-mm-yyyy (GIAS) or ISO yyyy-mm-dd to ISO; null when it is not a real day. */
export function readDate(raw: string): string | null {
  const v = raw.trim();
  const dashed = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(v);
  return parseDate(dashed ? `${dashed[1]}/${dashed[2]}/${dashed[3]}` : v);
}

/** A whole number of sessions (0 or more); null when the text is not one. */
export function readCount(raw: string): number | null {
  const v = raw.trim();
  return /^\d{1,6}$/.test(v) ? Number(v) : null;
}
