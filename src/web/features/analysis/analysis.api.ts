import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { assessmentList, type GapAnalysis, gapAnalysis, gapTrend } from '../../../shared/contracts/analysis';
import { api } from '../../app/api';

export type Assessment = z.infer<typeof assessmentList>['assessments'][number];
export type GroupBy = GapAnalysis['groupBy'];
export type GapScope = GapAnalysis['scopes'][number];
export type GroupCell = GapScope['groups'][number];

export const assessmentsQuery = queryOptions({
  queryKey: ['analysis', 'assessments'],
  queryFn: async ({ signal }) =>
    (await api('/analysis/assessments', { schema: assessmentList, signal })).assessments,
});

export const gapsQuery = (assessmentId: string, groupBy: GroupBy) =>
  queryOptions({
    queryKey: ['analysis', 'gaps', assessmentId, groupBy],
    queryFn: ({ signal }) =>
      api('/analysis/gaps', { schema: gapAnalysis, query: { assessmentId, groupBy }, signal }),
    // Keep the last chart on screen while the next one loads, rather than flashing a spinner.
    placeholderData: (previous) => previous,
  });

export type GapTrend = z.infer<typeof gapTrend>;

/** The gap for the pupils now in a year group, back through every collection point they sat. */
export const gapTrendQueryOptions = (q: {
  subject: string;
  yearGroup: string;
  schoolId?: string;
  groupBy: GroupBy;
}) =>
  queryOptions({
    queryKey: ['analysis', 'gap-trend', q.subject, q.yearGroup, q.schoolId ?? 'trust', q.groupBy],
    queryFn: ({ signal }) =>
      api('/analysis/gap-trend', {
        schema: gapTrend,
        query: {
          subject: q.subject,
          yearGroup: q.yearGroup,
          groupBy: q.groupBy,
          ...(q.schoolId ? { schoolId: q.schoolId } : {}),
        },
        signal,
      }),
  });
