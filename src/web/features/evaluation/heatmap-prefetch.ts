import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../../app/query-client';
import { type HeatmapFilters, heatmapQuery, roundQuery } from './evaluation.api';

/** "All tools" in the address: no tool filter. */
export const ALL_TOOLS = 'all';

/** The server-side filters named in the heatmap's address. */
export function heatmapFiltersOf(params: URLSearchParams): HeatmapFilters {
  const tool = params.get('tool');
  return {
    phase: params.get('phase') ?? undefined,
    toolVersionId: tool && tool !== ALL_TOOLS ? tool : undefined,
    liaisonPersonId: params.get('liaison') ?? undefined,
  };
}

/**
 * Starts loading the heatmap as soon as its address is known, alongside the sign-in check and the
 * first render rather than after them; the page then finds the data already on its way.
 */
export function prefetchHeatmap({ params, request }: LoaderFunctionArgs): null {
  const roundId = params.roundId;
  if (roundId) {
    const filters = heatmapFiltersOf(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(heatmapQuery(roundId, filters));
    void queryClient.prefetchQuery(roundQuery(roundId));
  }
  return null;
}
