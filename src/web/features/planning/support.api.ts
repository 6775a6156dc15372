import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type barrierBody,
  capacity,
  type fidelityMeasureBody,
  type fidelityValueBody,
  prioritySupport,
  type supportBody,
} from '../../../shared/contracts/planning';
import { api } from '../../app/api';

export const prioritySupportQuery = (priorityId: string) =>
  queryOptions({
    queryKey: ['plans', 'support', priorityId],
    queryFn: ({ signal }) => api(`/priorities/${priorityId}/support`, { schema: prioritySupport, signal }),
  });

export const capacityQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['plans', 'capacity', from, to],
    queryFn: ({ signal }) => api('/capacity', { schema: capacity, query: { from, to }, signal }),
  });

/** Every write around a priority answers with all its barriers, support and fidelity measures. */
function useSupportWrite<T>(priorityId: string, path: (v: T) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: T) => api(path(v), { method: 'POST', body: v, schema: prioritySupport }),
    onSuccess: (data) => {
      queryClient.setQueryData(prioritySupportQuery(priorityId).queryKey, data);
      return queryClient.invalidateQueries({ queryKey: ['agenda'] });
    },
  });
}

export const useAddBarrier = (priorityId: string) =>
  useSupportWrite<z.input<typeof barrierBody>>(priorityId, () => `/priorities/${priorityId}/barriers`);

export const useAddSupport = (priorityId: string) =>
  useSupportWrite<z.input<typeof supportBody>>(priorityId, () => `/priorities/${priorityId}/support`);

export const useAddMeasure = (priorityId: string) =>
  useSupportWrite<z.input<typeof fidelityMeasureBody>>(
    priorityId,
    () => `/priorities/${priorityId}/fidelity-measures`,
  );

export function useAddValue(priorityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measureId, ...body }: z.input<typeof fidelityValueBody> & { measureId: string }) =>
      api(`/fidelity-measures/${measureId}/values`, { method: 'POST', body, schema: prioritySupport }),
    onSuccess: (data) => queryClient.setQueryData(prioritySupportQuery(priorityId).queryKey, data),
  });
}
