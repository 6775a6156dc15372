/**
 * The English academic year runs from 1 September to 31 August and is named by the two calendar
 * years it spans, as 2025/26. One definition for the server and the web.
 */

/** The calendar year in which the academic year containing a yyyy-mm-dd day began. */
export function academicYearStart(isoDay: string): number {
  const y = Number(isoDay.slice(0, 4));
  return Number(isoDay.slice(5, 7)) >= 9 ? y : y - 1;
}

/** 2025 -> "2025/26"; 2099 -> "2099/00". */
export const academicYearLabel = (startYear: number): string =>
  `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

/** The academic year containing a day: its first and last days and its name. */
export function academicYearOfDay(isoDay: string): {
  startYear: number;
  start: string;
  end: string;
  label: string;
} {
  const startYear = academicYearStart(isoDay);
  return {
    startYear,
    start: `${startYear}-09-01`,
    end: `${startYear + 1}-08-31`,
    label: academicYearLabel(startYear),
  };
}
