import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ActionBody, Priority } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { addDays, dateFieldError, todayIso } from './plan-dates';
import { useEditAction } from './plan-edits.api';
import type { OwnerOption } from './plan-people';
import { useAddAction } from './planning.api';
import { actionStatusOptions } from './planning-text';

type PlanAction = Priority['actions'][number];

const fields = ['description', 'ownerPersonId', 'startsOn', 'dueOn', 'resources', 'status'] as const;

type Props = {
  planId: string;
  priorityId: string;
  schoolId: string | null;
  knownOwners: OwnerOption[];
  /** Given when editing: the action as the editor saw it, version included. */
  action?: PlanAction;
  onClose: () => void;
};

export function AddActionModal({ planId, priorityId, schoolId, knownOwners, action, onClose }: Props) {
  const add = useAddAction(planId, priorityId);
  const edit = useEditAction(planId, action?.id ?? '');
  const save = action ? edit : add;
  const [version] = useState(action?.version);
  const [formError, setFormError] = useState<string>();
  const today = todayIso();
  const form = useForm({
    initialValues: {
      description: action?.description ?? '',
      ownerPersonId: action?.ownerPersonId ?? '',
      startsOn: formatDate(action?.startsOn ?? today),
      dueOn: formatDate(action?.dueOn ?? addDays(today, 28)),
      resources: action?.resources ?? '',
      status: action?.status ?? 'not_started',
    },
    validate: (v) => {
      const from = parseUkDate(v.startsOn);
      const to = parseUkDate(v.dueOn);
      return {
        description: v.description.trim() ? null : 'Say what will be done',
        ownerPersonId: v.ownerPersonId ? null : 'Choose who will do it',
        startsOn: dateFieldError(v.startsOn, from),
        dueOn:
          dateFieldError(v.dueOn, to) ??
          (from && to && to < from ? 'The due date must be on or after the start date' : null),
      };
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    const body = {
      description: v.description.trim(),
      ownerPersonId: v.ownerPersonId,
      startsOn: parseUkDate(v.startsOn) ?? '',
      dueOn: parseUkDate(v.dueOn) ?? '',
      resources: v.resources.trim(),
      status: v.status as ActionBody['status'],
    };
    const handlers = {
      onSuccess: () => {
        notifySuccess(action ? 'Action saved.' : 'Action added.');
        onClose();
      },
      onError: (err: Error) => setFormError(applyServerErrors(err, fields, form.setErrors)),
    };
    if (action && version) edit.mutate({ ...body, version }, handlers);
    else add.mutate(body, handlers);
  });

  return (
    <Modal opened onClose={onClose} title={action ? 'Edit the action' : 'Add an action'} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="What will be done"
            required
            maxLength={500}
            data-autofocus
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <OwnerSelect
              label="Owner"
              required
              schoolId={schoolId}
              known={knownOwners}
              {...form.getInputProps('ownerPersonId')}
              onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
            />
            <Select
              label="Status"
              data={actionStatusOptions}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <TextInput
              label="Starts on"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              label="Due on"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('dueOn')}
            />
          </SimpleGrid>
          <TextInput
            label="Resources"
            description="Optional: time, money or materials it needs"
            maxLength={500}
            {...form.getInputProps('resources')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {action ? 'Save action' : 'Add action'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
