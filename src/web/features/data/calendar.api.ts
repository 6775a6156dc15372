import { queryOptions } from '@tanstack/react-query';
import {
  type CalendarYear,
  calendarYear,
  type PlannedAssessmentBody,
  type UpdateYearBody,
  yearList,
} from '../../../shared/contracts/calendar';
import { api } from '../../app/api';

export const calendarYearsQuery = queryOptions({
  queryKey: ['calendar', 'years'],
  queryFn: async ({ signal }) => (await api('/calendar/years', { schema: yearList, signal })).years,
});

export const calendarYearQuery = (id: string) =>
  queryOptions({
    queryKey: ['calendar', 'year', id],
    queryFn: ({ signal }) => api(`/calendar/years/${id}`, { schema: calendarYear, signal }),
  });

/** An academic year with the usual English term dates, which can be edited later. */
export const createYear = (label: string): Promise<CalendarYear> =>
  api('/calendar/years', { method: 'POST', schema: calendarYear, body: { label } });

export const addCollectionPoint = (
  yearId: string,
  point: { name: string; collectOn: string; yearGroups: string[] },
): Promise<CalendarYear> =>
  api(`/calendar/years/${yearId}/collection-points`, { method: 'POST', schema: calendarYear, body: point });

export const addPlannedAssessment = (yearId: string, body: PlannedAssessmentBody): Promise<CalendarYear> =>
  api(`/calendar/years/${yearId}/assessments`, { method: 'POST', schema: calendarYear, body });

export const deletePlannedAssessment = (id: string, version: number): Promise<CalendarYear> =>
  api(`/calendar/assessments/${id}?version=${version}`, { method: 'DELETE', schema: calendarYear });

export const deleteCollectionPoint = (id: string, version: number): Promise<CalendarYear> =>
  api(`/calendar/collection-points/${id}?version=${version}`, { method: 'DELETE', schema: calendarYear });

export const updateTerms = (yearId: string, body: UpdateYearBody): Promise<CalendarYear> =>
  api(`/calendar/years/${yearId}`, { method: 'PATCH', schema: calendarYear, body });
