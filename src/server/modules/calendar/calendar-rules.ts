import type { Term, TermName, WorkloadWarning } from '../../../shared/contracts/calendar';
import { termLabels, termNames } from '../../../shared/contracts/calendar';

/**
 * Pure rules of the academic calendar: the bounds of a year, typical English term dates to start
 * from, the checks a year's terms must pass, and the DfE workload warning on collection points.
 * Dates are ISO strings throughout; comparing them as strings compares them as dates.
 */

/** DfE workload guidance: no more than this many data collection points a year for a year group. */
export const MAX_COLLECTION_POINTS = 3;

export function yearBounds(label: string): { startsOn: string; endsOn: string } {
  const start = Number(label.slice(0, 4));
  return { startsOn: `${start}-09-01`, endsOn: `${start + 1}-08-31` };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** The first date on or after `d` falling on weekday `w` (0 Sunday ... 6 Saturday). */
const onOrAfter = (d: Date, w: number) => addDays(d, (w - d.getUTCDay() + 7) % 7);
/** The last date on or before `d` falling on weekday `w`. */
const onOrBefore = (d: Date, w: number) => addDays(d, -((d.getUTCDay() - w + 7) % 7));
const firstWeekday = (d: Date) =>
  d.getUTCDay() === 0 ? addDays(d, 1) : d.getUTCDay() === 6 ? addDays(d, 2) : d;
const lastWeekday = (d: Date) =>
  d.getUTCDay() === 0 ? addDays(d, -2) : d.getUTCDay() === 6 ? addDays(d, -1) : d;
const week = (monday: Date) => ({ halfTermStartsOn: iso(monday), halfTermEndsOn: iso(addDays(monday, 4)) });

/**
 * Typical term dates for an English school year, as a starting point to edit: local authorities
 * and trusts set their own, and Easter moves, so these are only ever defaults.
 */
export function defaultTerms(label: string): Term[] {
  const y = Number(label.slice(0, 4));
  return [
    {
      name: 'autumn',
      startsOn: iso(firstWeekday(day(y, 9, 2))),
      endsOn: iso(onOrBefore(day(y, 12, 20), 5)),
      ...week(onOrBefore(day(y, 10, 27), 1)),
    },
    {
      name: 'spring',
      startsOn: iso(firstWeekday(day(y + 1, 1, 5))),
      endsOn: iso(onOrBefore(day(y + 1, 3, 29), 5)),
      ...week(onOrAfter(day(y + 1, 2, 12), 1)),
    },
    {
      name: 'summer',
      startsOn: iso(onOrAfter(day(y + 1, 4, 13), 1)),
      endsOn: iso(lastWeekday(day(y + 1, 7, 22))),
      ...week(onOrBefore(day(y + 1, 5, 31), 1)),
    },
  ];
}

export type FieldProblem = { field: string; message: string };

/** What is wrong with a year's terms, each tied to the form field to show it against. */
export function termProblems(label: string, terms: readonly Term[]): FieldProblem[] {
  const { startsOn, endsOn } = yearBounds(label);
  const problems: FieldProblem[] = [];
  const bad = (i: number, field: keyof Term, message: string) =>
    problems.push({ field: `terms.${i}.${field}`, message });
  terms.forEach((t, i) => {
    const name = termLabels[t.name];
    if (t.name !== termNames[i])
      bad(i, 'name', `List the terms in order: ${termNames.map((n) => termLabels[n]).join(', ')}`);
    if (t.startsOn < startsOn || t.startsOn > endsOn)
      bad(i, 'startsOn', `${name} term must start within ${label}`);
    if (t.endsOn < startsOn || t.endsOn > endsOn) bad(i, 'endsOn', `${name} term must end within ${label}`);
    if (t.endsOn < t.startsOn) bad(i, 'endsOn', `${name} term ends before it starts`);
    const prev = terms[i - 1];
    if (prev && t.startsOn <= prev.endsOn)
      bad(
        i,
        'startsOn',
        `${name} term must start after the ${termLabels[prev.name].toLowerCase()} term ends`,
      );
    const hs = t.halfTermStartsOn;
    const he = t.halfTermEndsOn;
    if ((hs === null) !== (he === null))
      bad(i, hs === null ? 'halfTermStartsOn' : 'halfTermEndsOn', 'Give both half-term dates, or neither');
    else if (hs !== null && he !== null) {
      if (he < hs) bad(i, 'halfTermEndsOn', 'Half term ends before it starts');
      else if (hs <= t.startsOn || he >= t.endsOn)
        bad(i, 'halfTermStartsOn', `Half term must fall inside the ${name.toLowerCase()} term`);
    }
  });
  return problems;
}

/** The term a date falls in (holidays count with the term before them), or null before autumn starts. */
export function termOf(terms: readonly Term[], date: string): TermName | null {
  let found: TermName | null = null;
  for (const t of terms) if (date >= t.startsOn) found = t.name;
  return found;
}

/**
 * Year groups with more than three collection points in the year. Named plainly, because the
 * point of the warning is that a leader sees at once which year groups carry the extra load.
 */
export function workloadWarnings(
  points: readonly { name: string; collectOn: string; yearGroups: readonly string[] }[],
): WorkloadWarning[] {
  const byYear = new Map<string, { name: string; collectOn: string }[]>();
  for (const p of points)
    for (const yg of new Set(p.yearGroups)) byYear.set(yg, [...(byYear.get(yg) ?? []), p]);
  return [...byYear.entries()]
    .filter(([, list]) => list.length > MAX_COLLECTION_POINTS)
    .sort(([a], [b]) => yearGroupOrder(a) - yearGroupOrder(b))
    .map(([yearGroup, list]) => ({
      yearGroup,
      count: list.length,
      collectionPoints: [...list].sort((a, b) => a.collectOn.localeCompare(b.collectOn)).map((p) => p.name),
      message: `${yearGroup} has ${list.length} data collection points this year. DfE workload guidance suggests no more than ${MAX_COLLECTION_POINTS}.`,
    }));
}

/** N1, N2, R, Y1 ... Y13: the order year groups are listed in everywhere. */
export function yearGroupOrder(code: string): number {
  if (code === 'N' || code === 'N1') return -3;
  if (code === 'N2') return -2;
  if (code === 'R') return -1;
  return Number(code.slice(1));
}
