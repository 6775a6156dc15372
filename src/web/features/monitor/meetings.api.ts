import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type MeetingBody, meeting, meetingList, schoolAgenda } from '../../../shared/contracts/planning';
import { api } from '../../app/api';

export const meetingsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['meetings', personId],
    queryFn: async ({ signal }) =>
      (await api(`/people/${personId}/meetings`, { schema: meetingList, signal })).meetings,
  });

export const schoolAgendaQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['agenda', 'school', schoolId],
    queryFn: ({ signal }) => api(`/schools/${schoolId}/agenda`, { schema: schoolAgenda, signal }),
  });

export function useRecordMeeting(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingBody) =>
      api(`/people/${personId}/meetings`, { method: 'POST', body, schema: meeting }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings', personId] }),
  });
}
