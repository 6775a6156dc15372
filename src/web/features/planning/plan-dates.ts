import { formatDate } from '../../app/format';

/** Today in the reader's own time zone, as 2026-11-25. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The academic year (1 September to 31 August) holding a day. */
export function academicYear(iso: string): { start: string; end: string; label: string } {
  const year = Number(iso.slice(0, 4));
  const first = Number(iso.slice(5, 7)) >= 9 ? year : year - 1;
  return {
    start: `${first}-09-01`,
    end: `${first + 1}-08-31`,
    label: `${first}/${String(first + 1).slice(2)}`,
  };
}

/** 01/09/2026 to 31/08/2027 */
export const periodText = (start: string, end: string) => `${formatDate(start)} to ${formatDate(end)}`;

export const dateFieldError = (value: string, parsed: string | undefined) =>
  parsed ? null : value.trim() ? 'Enter the date as day/month/year, for example 14/03/2027' : 'Enter a date';
