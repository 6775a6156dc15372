import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { pupilRecord, pupilSearchResult } from '../../../shared/contracts/pupils';
import { api } from '../../app/api';

export const pupilSearchQuery = (schoolId: string, q: string) =>
  queryOptions({
    queryKey: ['pupils', 'search', schoolId, q],
    queryFn: ({ signal }) =>
      api(`/pupils?${new URLSearchParams({ schoolId, q })}`, { schema: pupilSearchResult, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });

export const pupilRecordQuery = (pupilId: string) =>
  queryOptions({
    queryKey: ['pupils', pupilId],
    queryFn: ({ signal }) => api(`/pupils/${pupilId}`, { schema: pupilRecord, signal }),
  });
