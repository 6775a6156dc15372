import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type AgreeBody,
  type CreateRoundBody,
  comment,
  commentList,
  coverage,
  type EvaluationResponse,
  type Heatmap,
  heatmap,
  type RespondBody,
  response,
  round,
  roundDetail,
  roundList,
  roundSubject,
  type SubjectDetail,
  subjectDetail,
  summary,
} from '../../../shared/contracts/evaluation';
import { api } from '../../app/api';

export const roundsQuery = queryOptions({
  queryKey: ['rounds'],
  queryFn: async ({ signal }) => (await api('/rounds', { schema: roundList, signal })).rounds,
});

export const roundQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['rounds', roundId],
    queryFn: ({ signal }) => api(`/rounds/${roundId}`, { schema: roundDetail, signal }),
  });

export type HeatmapFilters = { phase?: string; toolVersionId?: string; liaisonPersonId?: string };

type Cell = Heatmap['cells'][number][number];
const isCell = (c: unknown): c is Cell => c === null || c === 'left' || c === 'na' || Number.isInteger(c);

/**
 * The heatmap's thousands of cells are checked with a plain loop rather than one schema per cell:
 * the same rule, a fraction of the time on a 60 by 150 grid.
 */
const heatmapResponse = {
  parse(body: unknown): Heatmap {
    const { cells, ...rest } = heatmap.extend({ cells: z.array(z.array(z.unknown())) }).parse(body);
    for (const row of cells)
      if (!row.every(isCell)) throw new Error('The heatmap has a cell of an unknown kind.');
    return { ...rest, cells: cells as Cell[][] };
  },
};

export const heatmapQuery = (roundId: string, filters: HeatmapFilters) =>
  queryOptions({
    queryKey: ['rounds', roundId, 'heatmap', filters],
    queryFn: ({ signal }) =>
      api(`/rounds/${roundId}/heatmap`, { schema: heatmapResponse, query: filters, signal }),
    placeholderData: (previous) => previous,
    // Comparing thousands of cells with the previous copy costs more than it saves.
    structuralSharing: false,
  });

export const coverageQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['rounds', roundId, 'coverage'],
    queryFn: ({ signal }) => api(`/rounds/${roundId}/coverage`, { schema: coverage, signal }),
  });

export const summaryQuery = (roundId: string, schoolId: string) =>
  queryOptions({
    queryKey: ['rounds', roundId, 'summary', schoolId],
    queryFn: ({ signal }) =>
      api(`/rounds/${roundId}/summary`, { schema: summary, query: { schoolId }, signal }),
  });

export const evaluationQuery = (subjectId: string) =>
  queryOptions({
    queryKey: ['evaluations', subjectId],
    queryFn: ({ signal }) => api(`/evaluations/${subjectId}`, { schema: subjectDetail, signal }),
    // Autosave keeps this copy current; a background refetch would only race with typing.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const commentsQuery = (responseId: string) =>
  queryOptions({
    queryKey: ['comments', responseId],
    queryFn: async ({ signal }) =>
      (await api(`/responses/${responseId}/comments`, { schema: commentList, signal })).comments,
  });

export const roundExportUrl = (roundId: string, format: 'csv' | 'xlsx') =>
  `/api/v1/rounds/${roundId}/export?format=${format}`;

/** Rounds, their progress and the views over them change together. */
function useInvalidateRounds() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['rounds'] });
}

export function useCreateRound() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: (body: CreateRoundBody) => api('/rounds', { method: 'POST', body, schema: roundDetail }),
    onSuccess: invalidate,
  });
}

export function useOpenNextRound(roundId: string) {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: (body: { name: string; opensOn: string; closesOn: string }) =>
      api(`/rounds/${roundId}/next`, { method: 'POST', body, schema: roundDetail }),
    onSuccess: invalidate,
  });
}

export function useCloseRound(roundId: string) {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: (version: number) =>
      api(`/rounds/${roundId}/close`, { method: 'POST', body: { version }, schema: round }),
    onSuccess: invalidate,
  });
}

/** Submit, agree or reopen a whole evaluation; the server decides who may. */
export function useTransition(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, version }: { to: 'submit' | 'agree' | 'reopen'; version: number }) =>
      api(`/evaluations/${subjectId}/${to}`, { method: 'POST', body: { version }, schema: roundSubject }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evaluations', subjectId] }),
        queryClient.invalidateQueries({ queryKey: ['rounds'] }),
      ]),
  });
}

export const saveResponse = (responseId: string, body: RespondBody) =>
  api(`/responses/${responseId}`, { method: 'PATCH', body, schema: response });

export const saveAgreement = (responseId: string, body: AgreeBody) =>
  api(`/responses/${responseId}/agreement`, { method: 'PATCH', body, schema: response });

/** Puts a freshly saved response into the cached evaluation, so progress and versions stay current. */
export function putResponse(
  queryClient: ReturnType<typeof useQueryClient>,
  subjectId: string,
  saved: EvaluationResponse,
): void {
  queryClient.setQueryData<SubjectDetail>(evaluationQuery(subjectId).queryKey, (old) =>
    old ? { ...old, responses: old.responses.map((r) => (r.id === saved.id ? saved : r)) } : old,
  );
}

export function useAddComment(responseId: string, subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api(`/responses/${responseId}/comments`, { method: 'POST', body: { body }, schema: comment }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['comments', responseId] });
      queryClient.setQueryData<SubjectDetail>(evaluationQuery(subjectId).queryKey, (old) =>
        old
          ? {
              ...old,
              responses: old.responses.map((r) =>
                r.id === responseId ? { ...r, commentCount: r.commentCount + 1 } : r,
              ),
            }
          : old,
      );
    },
  });
}
