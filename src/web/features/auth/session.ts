import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useNavigate } from 'react-router';
import { type Me, me } from '../../../shared/contracts/auth';
import { api, setCsrfToken } from '../../app/api';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => {
    const session = await api('/auth/me', { schema: me, signal });
    setCsrfToken(session.csrfToken);
    return session;
  },
  retry: false,
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export const SessionContext = createContext<Me | undefined>(undefined);

/** The signed-in person, their trust and roles; only inside pages behind sign-in. */
export function useSession(): Me {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in app shell.');
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ ok: true }>('/auth/login', { method: 'POST', body }),
    onSuccess: async () => {
      // Nothing cached for a previous person may leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      navigate('/login', { replace: true, state: { signedOut: true } });
    },
  });
}
