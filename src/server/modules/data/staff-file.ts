import { readCsvRecords, readDate } from './csv-records';
import type { Rejected } from './pupil-file';

/**
 * Staff records for workforce measures, one line per appointment, from the trust's HR system:
 *   staff_ref, school_urn, role, start_date [, leave_date, fte]
 * staff_ref is the trust's own payroll or HR reference, never a name. Pure. school_urn may be left
 * out when the whole file is for one school (the importer is told which).
 */
export const STAFF_ROLES = ['teacher', 'teaching_assistant', 'leader', 'support'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type StaffRow = {
  row: number;
  staffRef: string;
  urn: string | null;
  role: StaffRole;
  startedOn: string;
  leftOn: string | null;
  fte: number;
};

export const STAFF_COLUMNS = ['staff_ref', 'role', 'start_date'] as const;

/** The words HR exports use for each role. */
const ROLE_WORDS: Record<string, StaffRole> = {
  teacher: 'teacher',
  teaching_assistant: 'teaching_assistant',
  ta: 'teaching_assistant',
  leader: 'leader',
  leadership: 'leader',
  senior_leader: 'leader',
  support: 'support',
  support_staff: 'support',
};

export function parseStaffCsv(bytes: Uint8Array): {
  rows: StaffRow[];
  rejected: Rejected[];
  rowsRead: number;
} {
  const file = readCsvRecords(bytes, STAFF_COLUMNS);
  if (!file.ok) return { rows: [], rejected: file.rejected, rowsRead: file.rowsRead };
  const rows: StaffRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  file.records.forEach((r, i) => {
    const row = i + 2;
    const before = rejected.length;
    const bad = (column: string, reason: string) =>
      rejected.push({ row, column, value: r[column] ?? '', reason });
    const staffRef = (r.staff_ref ?? '').trim();
    if (!staffRef || staffRef.length > 40) bad('staff_ref', 'Give the staff reference (up to 40 characters)');
    else if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(staffRef))
      bad('staff_ref', 'Use the HR reference, not an email address');
    const urn = (r.school_urn ?? '').trim() || null;
    if (urn !== null && !/^\d{6}$/.test(urn)) bad('school_urn', 'Use the six-digit URN');
    const role =
      ROLE_WORDS[
        (r.role ?? '')
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ];
    if (!role) bad('role', 'Use teacher, teaching assistant, leader or support');
    const startedOn = readDate(r.start_date ?? '');
    if (!startedOn) bad('start_date', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    const leaveRaw = (r.leave_date ?? '').trim();
    const leftOn = leaveRaw ? readDate(leaveRaw) : null;
    if (leaveRaw && !leftOn)
      bad('leave_date', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd), or leave it blank');
    if (startedOn && leftOn && leftOn < startedOn)
      bad('leave_date', 'The leave date is before the start date');
    const fteRaw = (r.fte ?? '').trim();
    const fte = fteRaw === '' ? 1 : Number(fteRaw);
    if (!Number.isFinite(fte) || fte <= 0 || fte > 1)
      bad('fte', 'Use a full-time equivalent above 0 and up to 1');
    const key = `${staffRef}|${urn}|${startedOn}`;
    if (rejected.length === before && seen.has(key))
      bad('staff_ref', `Duplicate of row ${seen.get(key)} (same person, school and start date)`);
    if (rejected.length > before) return;
    seen.set(key, row);
    rows.push({ row, staffRef, urn, role: role!, startedOn: startedOn!, leftOn, fte });
  });
  return { rows, rejected, rowsRead: file.records.length };
}
