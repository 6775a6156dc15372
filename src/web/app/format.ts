import { academicYearLabel } from '../../shared/academic-year';

/** 2027-03-14 or an ISO timestamp -> 14/03/2027, as schools write dates. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** An ISO timestamp -> 14/03/2027 at 09:05, in the reader's own time zone. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${formatDate(value)} at ${time}`;
}

/** "1 school", "3 schools". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** 14/03/2027 (or 14/3/2027) -> 2027-03-14; undefined when blank or not a real date. */
export function parseUkDate(value: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The academic year (Sept–Aug) a date falls in, as "2025/26". */
export function academicYearOf(d: Date): string {
  // The local calendar day, as the person using the page sees it.
  return academicYearLabel(d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1);
}
