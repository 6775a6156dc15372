import { queryOptions } from '@tanstack/react-query';
import { boardDashboard, type ReportKind, report } from '../../../shared/contracts/reports';
import { api } from '../../app/api';

export type ReportParams = Record<string, string>;

export const boardDashboardQuery = queryOptions({
  queryKey: ['reports', 'board-dashboard'],
  queryFn: ({ signal }) => api('/trust/board', { schema: boardDashboard, signal }),
});

export const reportQuery = (kind: ReportKind, params: ReportParams) =>
  queryOptions({
    queryKey: ['reports', kind, params],
    queryFn: ({ signal }) => api(`/reports/${kind}`, { schema: report, query: params, signal }),
  });

/** A download link for a report file; the server sends it with its own file name. */
export function reportFileUrl(
  kind: ReportKind,
  params: ReportParams,
  format: 'pdf' | 'docx' | 'html',
): string {
  return `/api/v1/reports/${kind}/file?${new URLSearchParams({ ...params, format }).toString()}`;
}

export const openDataUrl = (file: 'data' | 'meta') => `/api/v1/reports/open-data?file=${file}`;
