import { readCount, readCsvRecords, readDate } from './csv-records';
import type { Rejected } from './pupil-file';
import { isValidUpn } from './upn';

/**
 * Reading attendance per pupil per period exported from a MIS, one line per pupil and period:
 *   upn, period_start, period_end, possible_sessions, attended_sessions
 *   [, authorised_absence, unauthorised_absence]
 * Sessions are half-days. Pure: bytes in, checked rows or rejected rows out. Matching pupils to the
 * trust is the service's job; this checks what the file alone can tell.
 */
export type AttendanceRow = {
  row: number;
  upn: string;
  periodStart: string;
  periodEnd: string;
  possible: number;
  attended: number;
  authorised: number | null;
  unauthorised: number | null;
};

export const ATTENDANCE_COLUMNS = [
  'upn',
  'period_start',
  'period_end',
  'possible_sessions',
  'attended_sessions',
] as const;

const optionalCount = (raw: string | undefined): number | null | undefined =>
  raw === undefined || raw.trim() === '' ? null : (readCount(raw) ?? undefined);

export function parseAttendanceCsv(bytes: Uint8Array): {
  rows: AttendanceRow[];
  rejected: Rejected[];
  rowsRead: number;
} {
  const file = readCsvRecords(bytes, ATTENDANCE_COLUMNS);
  if (!file.ok) return { rows: [], rejected: file.rejected, rowsRead: file.rowsRead };
  const rows: AttendanceRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  file.records.forEach((r, i) => {
    const row = i + 2;
    const before = rejected.length;
    const bad = (column: string, reason: string) =>
      rejected.push({ row, column, value: r[column] ?? '', reason });
    const upn = (r.upn ?? '').toUpperCase();
    if (!isValidUpn(upn)) bad('upn', 'Not a valid UPN (13 characters with a matching check letter)');
    const start = readDate(r.period_start ?? '');
    const end = readDate(r.period_end ?? '');
    if (!start) bad('period_start', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    if (!end) bad('period_end', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    if (start && end && end < start) bad('period_end', 'The period ends before it starts');
    const possible = readCount(r.possible_sessions ?? '');
    const attended = readCount(r.attended_sessions ?? '');
    if (possible === null) bad('possible_sessions', 'Use a whole number of sessions');
    if (attended === null) bad('attended_sessions', 'Use a whole number of sessions');
    if (possible !== null && attended !== null && attended > possible)
      bad('attended_sessions', `More sessions attended than possible (${possible})`);
    const authorised = optionalCount(r.authorised_absence);
    const unauthorised = optionalCount(r.unauthorised_absence);
    if (authorised === undefined)
      bad('authorised_absence', 'Use a whole number of sessions, or leave it blank');
    if (unauthorised === undefined)
      bad('unauthorised_absence', 'Use a whole number of sessions, or leave it blank');
    if (
      possible !== null &&
      attended !== null &&
      authorised != null &&
      unauthorised != null &&
      attended + authorised + unauthorised > possible
    )
      bad('unauthorised_absence', 'Attended and absent sessions add up to more than the possible sessions');
    const key = `${upn}|${start}|${end}`;
    if (rejected.length === before && seen.has(key))
      bad('upn', `Duplicate of row ${seen.get(key)} (same pupil and period)`);
    if (rejected.length > before) return;
    seen.set(key, row);
    rows.push({
      row,
      upn,
      periodStart: start!,
      periodEnd: end!,
      possible: possible!,
      attended: attended!,
      authorised: authorised ?? null,
      unauthorised: unauthorised ?? null,
    });
  });
  return { rows, rejected, rowsRead: file.records.length };
}
