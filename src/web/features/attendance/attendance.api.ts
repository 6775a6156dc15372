import { queryOptions } from '@tanstack/react-query';
import { attendanceSummary, staffRetention } from '../../../shared/contracts/attendance';
import { api } from '../../app/api';

export const attendanceSummaryQuery = (academicYear: number | null) =>
  queryOptions({
    queryKey: ['attendance', 'summary', academicYear],
    queryFn: ({ signal }) =>
      api('/attendance/summary', {
        schema: attendanceSummary,
        ...(academicYear ? { query: { academicYear: String(academicYear) } } : {}),
        signal,
      }),
  });

export const staffRetentionQuery = queryOptions({
  queryKey: ['staff', 'retention'],
  queryFn: ({ signal }) => api('/staff/retention', { schema: staffRetention, signal }),
});
