import { Button, type ButtonProps } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { notifyError, notifySuccess } from '../../app/notify';
import { usePriorityFromJudgement } from './planning.api';

type Props = ButtonProps & {
  /** The evaluation response (one statement's judgement) to plan from. */
  responseId: string;
  /** Add to this plan rather than the school's plan for the current academic year. */
  planId?: string;
  /** Names the statement for screen readers when several buttons share a page. */
  statementLabel?: string;
};

/**
 * One click from a weak judgement to a priority: the server adds it to the school's plan for this
 * academic year (making the plan if there is none) and the reader lands on the new priority.
 */
export function MakePriorityButton({ responseId, planId, statementLabel, ...buttonProps }: Props) {
  const navigate = useNavigate();
  const make = usePriorityFromJudgement((priority) => {
    notifySuccess('Priority added to the plan. It starts in Explore.');
    navigate(`/plan/${priority.planId}#priority-${priority.id}`);
  });
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconTargetArrow size={14} aria-hidden />}
      loading={make.isPending}
      aria-label={statementLabel ? `Make this a priority: ${statementLabel}` : undefined}
      onClick={() =>
        make.mutate(
          { responseId, planId },
          { onError: (err) => notifyError(err, 'The priority was not added') },
        )
      }
      {...buttonProps}
    >
      Make this a priority
    </Button>
  );
}
