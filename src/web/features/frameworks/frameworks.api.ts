import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  componentList,
  evidenceSourceList,
  importResult,
  type LineError,
  lineError,
  toolList,
  toolVersion,
} from '../../../shared/contracts/frameworks';
import { ApiError, api } from '../../app/api';

export const toolsQuery = queryOptions({
  queryKey: ['tools'],
  queryFn: async ({ signal }) => (await api('/tools', { schema: toolList, signal })).tools,
});

export const toolQuery = (toolId: string) =>
  queryOptions({
    queryKey: ['tools', toolId],
    queryFn: ({ signal }) => api(`/tools/${toolId}`, { schema: toolVersion, signal }),
  });

export const componentsQuery = queryOptions({
  queryKey: ['framework-components'],
  queryFn: async ({ signal }) =>
    (await api('/framework-components', { schema: componentList, signal })).components,
  staleTime: 10 * 60_000,
});

export const evidenceSourcesQuery = queryOptions({
  queryKey: ['evidence-sources'],
  queryFn: async ({ signal }) =>
    (await api('/evidence-sources', { schema: evidenceSourceList, signal })).sources,
  staleTime: 10 * 60_000,
});

/** Where the browser downloads a tool as a file; the session cookie authorises the GET. */
export const toolExportUrl = (toolId: string, format: 'json' | 'csv') =>
  `/api/v1/tools/${toolId}/export?format=${format}`;

function useInvalidateTools() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tools'] }),
      queryClient.invalidateQueries({ queryKey: ['framework-components'] }),
      queryClient.invalidateQueries({ queryKey: ['evidence-sources'] }),
    ]);
}

export function useInstallStarterLibrary() {
  const invalidate = useInvalidateTools();
  return useMutation({
    mutationFn: () =>
      api('/tools/starter-library', { method: 'POST', schema: z.object({ installed: z.number() }) }),
    onSuccess: invalidate,
  });
}

export function useImportTools() {
  const invalidate = useInvalidateTools();
  return useMutation({
    mutationFn: (body: { format: 'json' | 'csv'; content: string }) =>
      api('/tools/import', { method: 'POST', body, schema: importResult }),
    onSuccess: invalidate,
  });
}

const invalidFile = z.object({ errors: z.array(lineError) });

/** The line-by-line problems of a refused import file, or none when the error was of another kind. */
export function lineErrorsOf(err: unknown): LineError[] {
  if (!(err instanceof ApiError) || err.code !== 'invalid_file') return [];
  const parsed = invalidFile.safeParse(err.details);
  return parsed.success ? parsed.data.errors : [];
}

export const toolVersionQuery = (versionId: string) =>
  queryOptions({
    queryKey: ['tool-versions', versionId],
    queryFn: ({ signal }) => api(`/tool-versions/${versionId}`, { schema: toolVersion, signal }),
    // A tool version never changes once saved.
    staleTime: Number.POSITIVE_INFINITY,
  });
