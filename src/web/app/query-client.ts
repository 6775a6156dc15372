import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

// A session that expires mid-use: re-check who is signed in, which sends the reader to sign in.
function onSessionLost(err: unknown): void {
  if (err instanceof ApiError && err.isUnauthenticated) {
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  }
}

/** The one cache of server data, shared by the pages and by route loaders that start fetches early. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => query.queryKey[0] !== 'me' && onSessionLost(err) }),
  mutationCache: new MutationCache({ onError: onSessionLost }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (forbidden, not found) will not fix themselves; only retry the network.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});
