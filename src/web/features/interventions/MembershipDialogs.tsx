import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { InterventionDetail } from '../../../shared/contracts/interventions';
import { messageOf } from '../../app/api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate, parseUkDate } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { useEditMembership, useRemovePupil } from './interventions.api';

type Pupil = NonNullable<InterventionDetail['pupils']>[number];
type Props = { iv: InterventionDetail; pupil: Pupil; onClose: () => void };

/** When a pupil joined and left the group: only sessions between the two count towards their rate. */
export function MembershipDatesModal({ iv, pupil, onClose }: Props) {
  const edit = useEditMembership(iv.id);
  const [joined, setJoined] = useState(formatDate(pupil.joinedOn));
  const [left, setLeft] = useState(formatDate(pupil.leftOn));
  const joinedOn = parseUkDate(joined);
  const leftOn = left.trim() ? parseUkDate(left) : null;
  const valid = joinedOn !== undefined && leftOn !== undefined;
  return (
    <Modal opened onClose={onClose} title={`${pupil.name}: dates in the group`} centered>
      <Stack gap="md">
        {edit.isError && (
          <Alert color="red" role="alert">
            {messageOf(edit.error)}
          </Alert>
        )}
        <TextInput
          label="Joined on"
          description="Day/month/year"
          value={joined}
          onChange={(e) => setJoined(e.currentTarget.value)}
          error={joinedOn === undefined ? 'Enter the date as day/month/year' : undefined}
          data-autofocus
        />
        <TextInput
          label="Left on"
          description="Leave blank while they are still in the group"
          value={left}
          onChange={(e) => setLeft(e.currentTarget.value)}
          error={leftOn === undefined ? 'Enter the date as day/month/year' : undefined}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!valid}
            loading={edit.isPending}
            onClick={() =>
              joinedOn &&
              leftOn !== undefined &&
              edit.mutate(
                { pupilId: pupil.pupilId, version: iv.version, joinedOn, leftOn },
                {
                  onSuccess: () => {
                    notifySuccess('Dates saved.');
                    onClose();
                  },
                },
              )
            }
          >
            Save dates
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Removing is for a pupil added by mistake; it also deletes their attendance marks. */
export function RemovePupilDialog({ iv, pupil, onClose }: Props) {
  const remove = useRemovePupil(iv.id);
  return (
    <ConfirmDialog
      opened
      title={`Remove ${pupil.name}?`}
      confirmLabel="Remove pupil"
      tone="danger"
      loading={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(
          { pupilId: pupil.pupilId, version: iv.version },
          {
            onSuccess: () => {
              notifySuccess(`${pupil.name} removed.`);
              onClose();
            },
          },
        )
      }
    >
      Their attendance marks in this intervention are deleted too. If they took part and then stopped, record
      the day they left instead, so the evaluation still counts them.
    </ConfirmDialog>
  );
}
