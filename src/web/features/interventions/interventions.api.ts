import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type addPupilsBody,
  candidateList,
  type createInterventionBody,
  type editInterventionBody,
  type editMembershipBody,
  type InterventionListQuery,
  interventionDetail,
  interventionImpactView,
  interventionList,
  priorityInterventions,
  type recordSessionBody,
  type upnUploadBody,
} from '../../../shared/contracts/interventions';
import { api } from '../../app/api';

export const interventionsQuery = (q: InterventionListQuery) =>
  queryOptions({
    queryKey: ['interventions', 'list', q],
    queryFn: async ({ signal }) =>
      (await api('/interventions', { schema: interventionList, query: q, signal })).interventions,
  });

export const interventionQuery = (id: string) =>
  queryOptions({
    queryKey: ['interventions', 'detail', id],
    queryFn: ({ signal }) => api(`/interventions/${id}`, { schema: interventionDetail, signal }),
  });

export const impactQuery = (id: string) =>
  queryOptions({
    queryKey: ['interventions', 'impact', id],
    queryFn: ({ signal }) => api(`/interventions/${id}/impact`, { schema: interventionImpactView, signal }),
  });

export const candidatesQuery = (
  id: string,
  q: { search?: string; yearGroup?: string; disadvantaged?: string },
) =>
  queryOptions({
    queryKey: ['interventions', 'candidates', id, q],
    queryFn: ({ signal }) =>
      api(`/interventions/${id}/candidates`, { schema: candidateList, query: q, signal }),
  });

export const priorityInterventionsQuery = (priorityId: string) =>
  queryOptions({
    queryKey: ['interventions', 'priority', priorityId],
    queryFn: ({ signal }) =>
      api(`/priorities/${priorityId}/interventions`, { schema: priorityInterventions, signal }),
  });

export function useCreateIntervention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createInterventionBody>) =>
      api('/interventions', { method: 'POST', body, schema: interventionDetail }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['interventions'] }),
  });
}

/** Every change to an intervention answers with the whole intervention, which replaces the cached one. */
function useChange<T>(
  id: string,
  request: (v: T) => { path: string; method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: T) => {
      const r = request(v);
      return api(r.path, { method: r.method, body: r.body, schema: interventionDetail });
    },
    onSuccess: async (data) => {
      queryClient.setQueryData(interventionQuery(id).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: ['interventions', 'impact', id] });
      await queryClient.invalidateQueries({ queryKey: ['interventions', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['interventions', 'candidates', id] });
    },
  });
}

export const useEditIntervention = (id: string) =>
  useChange<z.input<typeof editInterventionBody>>(id, (body) => ({
    path: `/interventions/${id}`,
    method: 'PATCH',
    body,
  }));
export const useAddPupils = (id: string) =>
  useChange<z.input<typeof addPupilsBody>>(id, (body) => ({
    path: `/interventions/${id}/pupils`,
    method: 'POST',
    body,
  }));
export const useUploadUpns = (id: string) =>
  useChange<z.input<typeof upnUploadBody>>(id, (body) => ({
    path: `/interventions/${id}/pupils/upns`,
    method: 'POST',
    body,
  }));
export const useEditMembership = (id: string) =>
  useChange<z.input<typeof editMembershipBody> & { pupilId: string }>(id, ({ pupilId, ...body }) => ({
    path: `/interventions/${id}/pupils/${pupilId}`,
    method: 'PATCH',
    body,
  }));
export const useRemovePupil = (id: string) =>
  useChange<{ pupilId: string; version: number }>(id, (v) => ({
    path: `/interventions/${id}/pupils/${v.pupilId}?version=${v.version}`,
    method: 'DELETE',
  }));
export const useRecordSession = (id: string) =>
  useChange<z.input<typeof recordSessionBody>>(id, (body) => ({
    path: `/interventions/${id}/sessions`,
    method: 'PUT',
    body,
  }));
