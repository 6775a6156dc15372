import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  EditActionBody,
  EditCheckBody,
  EditOutcomeBody,
  EditPlanBody,
  EditPriorityBody,
} from '../../../shared/contracts/plan-edits';
import { planDetail, priority } from '../../../shared/contracts/planning';
import { ApiError, api } from '../../app/api';
import { planQuery, usePriorityChange, useRefreshPlanning } from './planning.api';

const patch = (path: string, body: unknown) => api(path, { method: 'PATCH', body, schema: priority });

export const useEditPriority = (planId: string, priorityId: string) =>
  usePriorityChange(planId, (v: EditPriorityBody) => patch(`/priorities/${priorityId}`, v));

export const useEditOutcome = (planId: string, outcomeId: string) =>
  usePriorityChange(planId, (v: EditOutcomeBody) => patch(`/outcomes/${outcomeId}`, v));

export const useEditAction = (planId: string, actionId: string) =>
  usePriorityChange(planId, (v: EditActionBody) => patch(`/actions/${actionId}`, v));

export const useEditCheck = (planId: string, checkId: string) =>
  usePriorityChange(planId, (v: EditCheckBody) => patch(`/checks/${checkId}`, v));

export function useEditPlan(planId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshPlanning();
  return useMutation({
    mutationFn: (v: EditPlanBody) =>
      api(`/plans/${planId}`, { method: 'PATCH', body: v, schema: planDetail }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planQuery(planId).queryKey, updated);
      return refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.isConflict) void refresh();
    },
  });
}
