import { dayBefore } from './characteristics';

/** A pupil's time at a school; `end` null while they are still there. Dates are inclusive. */
export type Enrolment = { schoolId: string; start: string; end: string | null };

/**
 * The enrolments after a file places the pupil at `schoolId` from `date`: a move closes the open
 * enrolment the day before and opens one at the new school; a move dated on or before the open
 * enrolment's start corrects its school instead. Staying put changes nothing.
 */
export function moveTo(enrolments: readonly Enrolment[], schoolId: string, date: string): Enrolment[] {
  const open = enrolments.at(-1);
  if (!open || open.end !== null) return [...enrolments, { schoolId, start: date, end: null }];
  if (open.schoolId === schoolId) return [...enrolments];
  if (date <= open.start) return [...enrolments.slice(0, -1), { ...open, schoolId }];
  return [
    ...enrolments.slice(0, -1),
    { ...open, end: dayBefore(date) },
    { schoolId, start: date, end: null },
  ];
}

/**
 * What a pupil list says of the pupil's time at its school: an entry date and a leaving date, each
 * undefined when the file has no such column and null when the cell is blank.
 */
export type Stay = { entry?: string | null; leftOn?: string | null };

/**
 * The enrolments after a list from `schoolId` names the pupil: they are placed at the school from
 * `from` (the file's date) or from the entry date the file gives, and a leaving date closes their
 * latest time at that school, even when they are at another school now. A leaver the school has no
 * record of, already enrolled elsewhere, cannot be placed without an entry date, and changes nothing.
 */
export function recordStay(
  enrolments: readonly Enrolment[],
  schoolId: string,
  from: string,
  { entry, leftOn }: Stay,
): Enrolment[] {
  if (leftOn) {
    const i = enrolments.findLastIndex((e) => e.schoolId === schoolId);
    if (i >= 0)
      return enrolments.map((e, j) => (j === i ? { schoolId, start: entry ?? e.start, end: leftOn } : e));
    if (enrolments.length) {
      if (!entry) return [...enrolments];
      return [...enrolments, { schoolId, start: entry, end: leftOn }].sort((a, b) =>
        a.start.localeCompare(b.start),
      );
    }
  }
  const last = enrolments.at(-1);
  // On roll again with the entry date of a stay that had ended: that stay goes on, it is not a new one.
  if (last?.schoolId === schoolId && last.end !== null && entry && entry <= last.end)
    return [...enrolments.slice(0, -1), { schoolId, start: entry, end: leftOn ?? null }];
  const moved = moveTo(enrolments, schoolId, entry ?? from);
  const now = moved.at(-1)!;
  return [...moved.slice(0, -1), { ...now, start: entry ?? now.start, end: leftOn ?? now.end }];
}

/** Why a pupil's enrolments cannot stand: one ending before it starts, or two that overlap. */
export function enrolmentProblems(enrolments: readonly Enrolment[]): string[] {
  const problems: string[] = [];
  enrolments.forEach((e, i) => {
    if (e.end !== null && e.end < e.start)
      problems.push(`the leaving date ${e.end} is before the entry date ${e.start}`);
    const next = enrolments[i + 1];
    if (next && (e.end === null || e.end >= next.start))
      problems.push(`the time from ${e.start} overlaps the time from ${next.start}`);
  });
  return problems;
}

/** The school a pupil was at on `date`, or null when no enrolment covers it. */
export const schoolAsAt = (enrolments: readonly Enrolment[], date: string): string | null =>
  enrolments.find((e) => e.start <= date && (e.end === null || date <= e.end))?.schoolId ?? null;
