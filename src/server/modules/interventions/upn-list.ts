import { parse } from 'csv-parse/sync';
import { isValidUpn } from '../data/upn';

/**
 * A list of pupils to add to an intervention, as a CSV of UPNs: a column headed UPN (other columns
 * are ignored, so a marksheet export will do), or one UPN per line with no header. Pure: text in,
 * UPNs with their row numbers or rejected rows out. Row numbers are the file's lines, header included.
 */
export type UpnRow = { readonly row: number; readonly upn: string };
export type RejectedRow = { row: number; column: string; value: string; reason: string };

export function parseUpnList(text: string): { rows: UpnRow[]; rejected: RejectedRow[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      delimiter: [',', ';', '\t'],
    }) as string[][];
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'The file could not be read as CSV.';
    return { rows: [], rejected: [{ row: 1, column: 'file', value: '', reason }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  const headed = header.includes('upn');
  const column = headed ? header.indexOf('upn') : 0;
  const rows: UpnRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    if (headed && i === 0) return;
    const row = i + 1;
    const value = (record[column] ?? '').trim();
    if (record.every((cell) => cell.trim() === '')) return;
    const upn = value.toUpperCase();
    if (!value) rejected.push({ row, column: 'UPN', value, reason: 'The UPN is missing.' });
    else if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn))
      rejected.push({ row, column: 'UPN', value, reason: 'A UPN is a letter followed by 12 characters.' });
    else if (!isValidUpn(upn))
      rejected.push({
        row,
        column: 'UPN',
        value,
        reason: 'The check letter does not match the rest of the UPN.',
      });
    else if (seen.has(upn))
      rejected.push({
        row,
        column: 'UPN',
        value,
        reason: `The same UPN is already on row ${seen.get(upn)}.`,
      });
    else {
      seen.set(upn, row);
      rows.push({ row, upn });
    }
  });
  if (!rows.length && !rejected.length)
    rejected.push({ row: 1, column: 'file', value: '', reason: 'The file has no UPNs in it.' });
  return { rows, rejected };
}
