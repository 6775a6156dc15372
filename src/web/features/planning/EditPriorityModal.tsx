import { Alert, Button, Checkbox, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Priority } from '../../../shared/contracts/planning';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { useEditPriority } from './plan-edits.api';
import type { OwnerOption } from './plan-people';

const fields = ['title', 'rationale', 'ownerPersonId', 'tags'] as const;

type Props = {
  planId: string;
  priority: Priority;
  schoolId: string | null;
  knownOwners: OwnerOption[];
  onClose: () => void;
};

/** Renames a priority, rewrites why it matters, changes its lead or tags, or marks it completed. */
export function EditPriorityModal({ planId, priority: p, schoolId, knownOwners, onClose }: Props) {
  const edit = useEditPriority(planId, p.id);
  const [version] = useState(p.version);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      title: p.title,
      rationale: p.rationale,
      ownerPersonId: p.ownerPersonId ?? '',
      tags: p.tags,
      completed: p.status === 'completed',
    },
    validate: { title: (v) => (v.trim() ? null : 'Name the priority') },
  });
  const submit = form.onSubmit((v) =>
    edit.mutate(
      {
        version,
        title: v.title.trim(),
        rationale: v.rationale.trim(),
        ownerPersonId: v.ownerPersonId || null,
        tags: v.tags,
        ...(p.status === 'stopped'
          ? {}
          : { status: v.completed ? ('completed' as const) : ('active' as const) }),
      },
      {
        onSuccess: () => {
          notifySuccess('Priority saved.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Edit the priority" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Priority"
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Why this matters here"
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('rationale')}
          />
          <OwnerSelect
            label="Lead"
            schoolId={schoolId}
            known={knownOwners}
            clearable
            {...form.getInputProps('ownerPersonId')}
            onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
          />
          <TagsInput label="Tags" maxTags={20} {...form.getInputProps('tags')} />
          {p.status !== 'stopped' && (
            <Checkbox
              label="This priority is completed"
              description="Its outcomes were met and the practice is embedded; nothing more falls due for it"
              {...form.getInputProps('completed', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save priority
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
