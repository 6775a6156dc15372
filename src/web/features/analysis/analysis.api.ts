import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { assessmentList, type GapAnalysis, gapAnalysis } from '../../../shared/contracts/analysis';
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
