import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AssignRoleBody,
  type InvitePersonBody,
  type Person,
  person,
  personList,
} from '../../../shared/contracts/people';
import { api } from '../../app/api';

/** People of the trust, or of one school when schoolId is given. */
export const peopleQuery = (schoolId: string | undefined) =>
  queryOptions({
    queryKey: ['people', schoolId ?? 'all'],
    queryFn: async ({ signal }) =>
      (await api('/people', { schema: personList, query: { schoolId }, signal })).people,
  });

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
      // Our own roles may have changed, which changes what we may do.
      queryClient.invalidateQueries({ queryKey: ['me'] }),
    ]);
}

export function useInvitePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: InvitePersonBody & { schoolId?: string }) =>
      api('/people', { method: 'POST', body, schema: person }),
    onSuccess: invalidate,
  });
}

export function useAssignRole() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ personId, ...body }: AssignRoleBody & { personId: string }) =>
      api(`/people/${personId}/roles`, { method: 'POST', body, schema: person }),
    onSuccess: invalidate,
  });
}

export function useRemoveRole() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      api(`/role-assignments/${assignmentId}`, { method: 'DELETE', schema: person }),
    onSuccess: invalidate,
  });
}

export function useArchivePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, version }: Pick<Person, 'id' | 'version'>) =>
      api(`/people/${id}/archive`, { method: 'POST', body: { version }, schema: person }),
    onSuccess: invalidate,
  });
}
