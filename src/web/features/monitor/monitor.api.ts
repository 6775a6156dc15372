import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { agenda, priority } from '../../../shared/contracts/planning';
import { api } from '../../app/api';
import { peopleQuery } from '../admin/people.api';
import { useSession } from '../auth/session';

export const myWeekQuery = queryOptions({
  queryKey: ['agenda', 'me'],
  queryFn: ({ signal }) => api('/me/week', { schema: agenda, signal }),
});

export const agendaQuery = (personId: string) =>
  queryOptions({
    queryKey: ['agenda', personId],
    queryFn: ({ signal }) => api(`/people/${personId}/agenda`, { schema: agenda, signal }),
  });

/**
 * Marks an action done from an agenda. The agenda does not carry the action's version, so read the
 * priority first for it; a colleague's change in between is then still caught as a conflict.
 */
export function useMarkActionDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ priorityId, actionId }: { priorityId: string; actionId: string }) => {
      const current = await api(`/priorities/${priorityId}`, { schema: priority });
      const action = current.actions.find((a) => a.id === actionId);
      if (!action) throw new Error('That action is no longer in the plan.');
      return api(`/actions/${actionId}/status`, {
        method: 'PATCH',
        body: { version: action.version, status: 'done' },
        schema: priority,
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['agenda'] }),
        queryClient.invalidateQueries({ queryKey: ['plans'] }),
      ]),
  });
}

export type PersonOption = { value: string; label: string };

/**
 * People whose agenda the reader may open: everyone for trust-wide readers, otherwise the staff of
 * the schools they lead.
 */
export function useAgendaPeople(canListAll: boolean): { options: PersonOption[]; loading: boolean } {
  const { roles, person } = useSession();
  const all = useQuery({ ...peopleQuery(undefined), enabled: canListAll });
  const schoolIds = canListAll
    ? []
    : [
        ...new Set(
          roles
            .filter((r) => (r.role === 'school_leader' || r.role === 'improvement_lead') && r.schoolId)
            .map((r) => r.schoolId as string),
        ),
      ];
  const bySchool = useQueries({ queries: schoolIds.map((id) => peopleQuery(id)) });
  const people = canListAll ? (all.data ?? []) : bySchool.flatMap((q) => q.data ?? []);
  const seen = new Set<string>();
  const options = people
    .filter((p) => p.status !== 'archived' && p.id !== person.id && !seen.has(p.id) && seen.add(p.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name }));
  return { options, loading: canListAll ? all.isLoading : bySchool.some((q) => q.isLoading) };
}
