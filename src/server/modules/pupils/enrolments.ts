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

/** The school a pupil was at on `date`, or null when no enrolment covers it. */
export const schoolAsAt = (enrolments: readonly Enrolment[], date: string): string | null =>
  enrolments.find((e) => e.start <= date && (e.end === null || date <= e.end))?.schoolId ?? null;
