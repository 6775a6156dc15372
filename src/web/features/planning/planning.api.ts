import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type ActionBody,
  type CreatePlanBody,
  type CreatePriorityBody,
  type OutcomeBody,
  type Phase,
  type PlanCheckBody,
  type PlanDetail,
  type Priority,
  plan,
  planDetail,
  planOverview,
  priority,
  type RecordCheckBody,
} from '../../../shared/contracts/planning';
import { ApiError, api } from '../../app/api';

export const plansQuery = queryOptions({
  queryKey: ['plans', 'list'],
  queryFn: async ({ signal }) =>
    (await api('/plans', { schema: z.object({ plans: z.array(plan) }), signal })).plans,
});

/** Every plan the reader may see, with counts by phase, overdue checks and the de-implementation register. */
export const overviewQuery = queryOptions({
  queryKey: ['plans', 'overview'],
  queryFn: ({ signal }) => api('/plans/overview', { schema: planOverview, signal }),
});

export const planQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', 'detail', planId],
    queryFn: ({ signal }) => api(`/plans/${planId}`, { schema: planDetail, signal }),
  });

export const planExportUrl = (planId: string) => `/api/v1/plans/${planId}/export`;
export const allPlansExportUrl = '/api/v1/plans/export';

/** Plans, agendas and "my week" all read the same priorities; any write refreshes them together. */
export function useRefreshPlanning() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['plans'] }),
      queryClient.invalidateQueries({ queryKey: ['agenda'] }),
    ]);
}

export function useCreatePlan() {
  const refresh = useRefreshPlanning();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api('/plans', { method: 'POST', body, schema: planDetail }),
    onSuccess: refresh,
  });
}

export function useAddPriority(planId: string) {
  const refresh = useRefreshPlanning();
  return useMutation({
    mutationFn: (body: CreatePriorityBody) =>
      api(`/plans/${planId}/priorities`, { method: 'POST', body, schema: priority }),
    onSuccess: refresh,
  });
}

/**
 * One click from a weak judgement to a priority, in the school's plan for this year (made if needed).
 * `onMade` is part of the mutation itself, so it still runs if the button is gone by the time it answers.
 */
export function usePriorityFromJudgement(onMade: (made: Priority) => void) {
  const refresh = useRefreshPlanning();
  return useMutation({
    mutationFn: (body: { responseId: string; planId?: string }) =>
      api('/priorities/from-judgement', { method: 'POST', body, schema: priority }),
    onSuccess: (made) => {
      onMade(made);
      return refresh();
    },
  });
}

/**
 * Every change to a priority answers with the whole priority: put it straight into the plan on screen,
 * then refresh the lists that count it. A 409 means someone else saved first: reload their version.
 */
export function usePriorityChange<V>(planId: string, send: (values: V) => Promise<Priority>) {
  const queryClient = useQueryClient();
  const refresh = useRefreshPlanning();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      queryClient.setQueryData<PlanDetail>(
        planQuery(planId).queryKey,
        (old) =>
          old && {
            ...old,
            priorities: old.priorities.map((p) => (p.id === updated.id ? updated : p)),
          },
      );
      return refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.isConflict) void refresh();
    },
  });
}

const write = (path: string, method: 'POST' | 'PATCH', body: unknown) =>
  api(path, { method, body, schema: priority });

export const useMovePhase = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: { version: number; to: Phase; reason: string }) =>
    write(`/priorities/${priorityId}/phase`, 'POST', v),
  );

export const useSavePhaseNotes = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: { version: number; phase: Phase; notes: string }) =>
    write(`/priorities/${priorityId}/phase-notes`, 'PATCH', v),
  );

export const useAddOutcome = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: OutcomeBody) => write(`/priorities/${priorityId}/outcomes`, 'POST', v));

export const useAddAction = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: ActionBody) => write(`/priorities/${priorityId}/actions`, 'POST', v));

export const useSetActionStatus = (planId: string) =>
  usePriorityChange(planId, ({ actionId, ...v }: { actionId: string; version: number; status: string }) =>
    write(`/actions/${actionId}/status`, 'PATCH', v),
  );

export const usePlanCheck = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: PlanCheckBody) => write(`/priorities/${priorityId}/checks`, 'POST', v));

export const useRecordCheck = (planId: string) =>
  usePriorityChange(planId, ({ checkId, ...v }: RecordCheckBody & { checkId: string }) =>
    write(`/checks/${checkId}/record`, 'POST', v),
  );
