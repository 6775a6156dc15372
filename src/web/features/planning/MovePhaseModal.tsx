import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type Phase, type Priority, phaseLabels } from '../../../shared/contracts/planning';
import { ApiError, messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { BehaviourPrompts } from './BehaviourPrompts';
import { useMovePhase } from './planning.api';
import { phasePurpose } from './planning-text';

type Props = { planId: string; priority: Priority; to: Phase; onClose: () => void; onMoved: () => void };

/** Every move between phases keeps its reason, so the plan's history explains itself. */
export function MovePhaseModal({ planId, priority, to, onClose, onMoved }: Props) {
  const move = useMovePhase(planId, priority.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say why it is moving, for example what you found out in this phase');
      return;
    }
    setError(undefined);
    move.mutate(
      { version: priority.version, to, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(`Moved to ${phaseLabels[to]}.`);
          onClose();
          onMoved();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fieldErrors.reason) setError(err.fieldErrors.reason);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Move from ${phaseLabels[priority.phase]} to ${phaseLabels[to]}`}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            <Text span fw={600}>
              {phaseLabels[to]}:
            </Text>{' '}
            {phasePurpose[to].toLowerCase()}.
          </Text>
          {move.error && !(move.error instanceof ApiError && move.error.fieldErrors.reason) && (
            <Alert color="red" role="alert">
              {messageOf(move.error)}
            </Alert>
          )}
          <BehaviourPrompts heading="Before you move, think about" />
          <Textarea
            label="Why is it moving"
            description="Recorded with the date in the priority’s history"
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={move.isPending}>
              Move to {phaseLabels[to]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
