import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiTokenList, createdApiToken } from '../../../shared/contracts/auth';
import { api } from '../../app/api';

export const tokensQuery = queryOptions({
  queryKey: ['api-tokens'],
  queryFn: async ({ signal }) => (await api('/api-tokens', { schema: apiTokenList, signal })).tokens,
});

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      api('/api-tokens', { method: 'POST', body, schema: createdApiToken }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
