import { readCsvRecords, readDate } from './csv-records';
import type { Rejected } from './pupil-file';
import { isValidUpn } from './upn';

/**
 * Behaviour and attitude-to-learning points per pupil, one line per pupil, day and category:
 *   upn, date, category, points [, note]
 * The category is positive, negative or a step of the trust's own attitude scale (e.g. "atl_3").
 * Pure. A note is short and about the pupil: the service also checks it names no other pupil.
 */
export type BehaviourRow = {
  row: number;
  upn: string;
  date: string;
  category: string;
  points: number;
  note: string | null;
};

export const BEHAVIOUR_COLUMNS = ['upn', 'date', 'category', 'points'] as const;
const NOTE_LIMIT = 300;

export function parseBehaviourCsv(bytes: Uint8Array): {
  rows: BehaviourRow[];
  rejected: Rejected[];
  rowsRead: number;
} {
  const file = readCsvRecords(bytes, BEHAVIOUR_COLUMNS);
  if (!file.ok) return { rows: [], rejected: file.rejected, rowsRead: file.rowsRead };
  const rows: BehaviourRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  file.records.forEach((r, i) => {
    const row = i + 2;
    const before = rejected.length;
    const bad = (column: string, reason: string) =>
      rejected.push({ row, column, value: r[column] ?? '', reason });
    const upn = (r.upn ?? '').toUpperCase();
    if (!isValidUpn(upn)) bad('upn', 'Not a valid UPN (13 characters with a matching check letter)');
    const date = readDate(r.date ?? '');
    if (!date) bad('date', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    const category = (r.category ?? '').trim().toLowerCase().replace(/\s+/g, '_');
    if (!/^[a-z0-9_]{1,40}$/.test(category))
      bad('category', 'Use positive, negative or a step of your attitude scale (letters, digits, _)');
    const points = Number(r.points ?? '');
    if ((r.points ?? '').trim() === '' || !Number.isFinite(points) || Math.abs(points) > 1000)
      bad('points', 'Use a number of points');
    const note = (r.note ?? '').trim();
    if (note.length > NOTE_LIMIT) bad('note', `Keep a note under ${NOTE_LIMIT} characters`);
    const key = `${upn}|${date}|${category}`;
    if (rejected.length === before && seen.has(key))
      bad('upn', `Duplicate of row ${seen.get(key)} (same pupil, day and category)`);
    if (rejected.length > before) return;
    seen.set(key, row);
    // A note is stored as the text it is; a leading =, +, - or @ is escaped again on any export.
    rows.push({ row, upn, date: date!, category, points, note: note || null });
  });
  return { rows, rejected, rowsRead: file.records.length };
}
