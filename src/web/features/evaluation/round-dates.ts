import type { Round } from '../../../shared/contracts/evaluation';

/** Today's date in the reader's own time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The school term a date falls in, as schools name it: "Autumn 2026", "Spring 2027", "Summer 2027". */
export function termName(iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  if (month >= 9) return `Autumn ${year}`;
  // Schools break up for Easter around the start of April; the summer term runs from then to July.
  if (month <= 3) return `Spring ${year}`;
  if (month <= 8) return `Summer ${year}`;
  return `Autumn ${year}`;
}

const gapByCycle: Record<Round['cycle'], number> = { termly: 0, biannual: 60, annual: 240, one_off: 0 };

/**
 * A sensible next round: it opens the day after this one closes (or today, if that has passed),
 * lasts as long as this one did, and is named after the term it opens in.
 */
export function suggestNextRound(r: Pick<Round, 'cycle' | 'opensOn' | 'closesOn'>, today = todayIso()) {
  const length = Math.max(daysBetween(r.opensOn, r.closesOn), 7);
  const afterClose = addDays(r.closesOn, 1 + gapByCycle[r.cycle]);
  // ISO dates compare correctly as strings.
  const opensOn = [afterClose, today].sort().at(-1) ?? today;
  return { name: termName(opensOn), opensOn, closesOn: addDays(opensOn, length) };
}
