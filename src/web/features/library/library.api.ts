import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CaseStudy,
  caseStudy,
  type PriorityStrandsBody,
  priorityStrands,
  type SearchQuery,
  searchResult,
  suggestions,
  type ToolkitStrandBody,
  type TransitionBody,
  toolkitList,
  toolkitStrand,
  type UpdateCaseStudyBody,
} from '../../../shared/contracts/library';
import { api } from '../../app/api';

export type SearchParams = Partial<Omit<SearchQuery, 'limit'>>;

export const searchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['library', 'search', params],
    queryFn: ({ signal }) =>
      api('/case-studies', {
        schema: searchResult,
        query: { ...params, limit: '30' } as Record<string, string | undefined>,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const caseStudyQuery = (id: string) =>
  queryOptions({
    queryKey: ['library', 'case-study', id],
    queryFn: ({ signal }) => api(`/case-studies/${id}`, { schema: caseStudy, signal }),
  });

export const suggestionsQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['library', 'suggestions', schoolId],
    queryFn: ({ signal }) =>
      api(`/schools/${schoolId}/case-study-suggestions`, { schema: suggestions, signal }),
  });

export const toolkitQuery = queryOptions({
  queryKey: ['library', 'toolkit'],
  queryFn: ({ signal }) => api('/toolkit-strands', { schema: toolkitList, signal }),
});

export const priorityStrandsQuery = (priorityId: string) =>
  queryOptions({
    queryKey: ['library', 'priority-strands', priorityId],
    queryFn: ({ signal }) =>
      api(`/priorities/${priorityId}/toolkit-strands`, { schema: priorityStrands, signal }),
  });

function useRefreshLibrary() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['library'] });
}

export function useCaseStudyFromPriority() {
  const refresh = useRefreshLibrary();
  return useMutation({
    mutationFn: (priorityId: string) =>
      api(`/priorities/${priorityId}/case-study`, { method: 'POST', schema: caseStudy }),
    onSuccess: refresh,
  });
}

export function useUpdateCaseStudy(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshLibrary();
  return useMutation({
    mutationFn: (body: UpdateCaseStudyBody) =>
      api(`/case-studies/${id}`, { method: 'PATCH', body, schema: caseStudy }),
    onSuccess: (saved: CaseStudy) => {
      queryClient.setQueryData(caseStudyQuery(id).queryKey, saved);
      return refresh();
    },
  });
}

export function useTransitionCaseStudy(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshLibrary();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      api(`/case-studies/${id}/transition`, { method: 'POST', body, schema: caseStudy }),
    onSuccess: (saved: CaseStudy) => {
      queryClient.setQueryData(caseStudyQuery(id).queryKey, saved);
      return refresh();
    },
  });
}

export function useUpdateStrand(id: string) {
  const refresh = useRefreshLibrary();
  return useMutation({
    mutationFn: (body: ToolkitStrandBody) =>
      api(`/toolkit-strands/${id}`, { method: 'PATCH', body, schema: toolkitStrand }),
    onSuccess: refresh,
  });
}

export function useSetPriorityStrands(priorityId: string) {
  const refresh = useRefreshLibrary();
  return useMutation({
    mutationFn: (body: PriorityStrandsBody) =>
      api(`/priorities/${priorityId}/toolkit-strands`, { method: 'PUT', body, schema: priorityStrands }),
    onSuccess: refresh,
  });
}
