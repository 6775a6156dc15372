import type { AssessmentType, CalendarYear, PlannedStatus, Term } from '../../../shared/contracts/calendar';
import { termOf, workloadWarnings, yearGroupOrder } from './calendar-rules';

/** Rows as the repository returns them; the view is composed here, without the database. */
type YearRow = { id: string; label: string; starts_on: string; ends_on: string; version: number };
type TermRow = {
  name: Term['name'];
  starts_on: string;
  ends_on: string;
  half_term_starts_on: string | null;
  half_term_ends_on: string | null;
};
type PointRow = { id: string; name: string; collect_on: string; year_groups: string[]; version: number };
type AssessmentRow = {
  id: string;
  collection_point_id: string | null;
  name: string;
  subject: string;
  year_group: string;
  assessment_type: string;
  planned_on: string;
  grade_set: string | null;
  version: number;
};

export const termFromRow = (t: TermRow): Term => ({
  name: t.name,
  startsOn: t.starts_on,
  endsOn: t.ends_on,
  halfTermStartsOn: t.half_term_starts_on,
  halfTermEndsOn: t.half_term_ends_on,
});

export const yearFromRows = (y: YearRow, terms: readonly TermRow[]) => ({
  id: y.id,
  label: y.label,
  startsOn: y.starts_on,
  endsOn: y.ends_on,
  version: y.version,
  terms: terms.map(termFromRow),
});

export const sortYearGroups = (codes: readonly string[]) =>
  [...new Set(codes)].sort((a, b) => yearGroupOrder(a) - yearGroupOrder(b));

type Received = ReadonlyMap<string, { results: number; schools: number }>;

/** Results in, or not yet; once its date (`today` is ISO) has passed with none, it is awaited. */
export const plannedStatus = (plannedOn: string, received: boolean, today: string): PlannedStatus =>
  received ? 'received' : plannedOn < today ? 'awaited' : 'upcoming';

/**
 * One year's calendar: terms, collection points with what feeds them, assessments by date with
 * the results received for each, warnings.
 */
export function composeCalendar(
  y: YearRow,
  termRows: readonly TermRow[],
  points: readonly PointRow[],
  assessments: readonly AssessmentRow[],
  received: Received,
  today: string,
): CalendarYear {
  const year = yearFromRows(y, termRows);
  const pointName = new Map(points.map((p) => [p.id, p.name]));
  return {
    year,
    collectionPoints: points.map((p) => ({
      id: p.id,
      name: p.name,
      collectOn: p.collect_on,
      term: termOf(year.terms, p.collect_on),
      yearGroups: sortYearGroups(p.year_groups),
      version: p.version,
      assessments: assessments
        .filter((a) => a.collection_point_id === p.id)
        .map((a) => ({
          id: a.id,
          name: a.name,
          subject: a.subject,
          yearGroup: a.year_group,
          received: received.has(a.id),
        })),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      name: a.name,
      subject: a.subject,
      yearGroup: a.year_group,
      type: a.assessment_type as AssessmentType,
      plannedOn: a.planned_on,
      term: termOf(year.terms, a.planned_on),
      collectionPointId: a.collection_point_id,
      collectionPointName: a.collection_point_id ? (pointName.get(a.collection_point_id) ?? null) : null,
      gradeSetKey: a.grade_set,
      version: a.version,
      received: received.get(a.id) ?? null,
      status: plannedStatus(a.planned_on, received.has(a.id), today),
    })),
    warnings: workloadWarnings(
      points.map((p) => ({ name: p.name, collectOn: p.collect_on, yearGroups: p.year_groups })),
    ),
  };
}
