import { Alert, Button, Group, Modal, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import type { OwnerOption } from './plan-people';
import { useAddPriority } from './planning.api';

const fields = ['title', 'rationale', 'ownerPersonId', 'tags'] as const;

type Props = {
  planId: string;
  schoolId: string | null;
  knownOwners: OwnerOption[];
  onClose: () => void;
  onAdded: (priorityId: string) => void;
};

export function AddPriorityModal({ planId, schoolId, knownOwners, onClose, onAdded }: Props) {
  const add = useAddPriority(planId);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { title: '', rationale: '', ownerPersonId: '', tags: [] as string[] },
    validate: { title: (v) => (v.trim() ? null : 'Say what the priority is') },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    add.mutate(
      {
        title: v.title.trim(),
        rationale: v.rationale.trim(),
        ownerPersonId: v.ownerPersonId || null,
        tags: v.tags,
        statementIds: [],
      },
      {
        onSuccess: (priority) => {
          notifySuccess('Priority added. It starts in Explore: next, say what outcomes you expect.');
          onAdded(priority.id);
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title="Add a priority" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Keep priorities few and specific. Each starts in the Explore phase, where you make sure you
            understand the problem before choosing what to do.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Priority"
            description="For example: improve early reading so more pupils read fluently by Year 2"
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Why this matters here"
            description="Optional: what the evaluation or the data showed"
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('rationale')}
          />
          <OwnerSelect
            label="Lead"
            description="Optional: who leads this priority"
            schoolId={schoolId}
            known={knownOwners}
            clearable
            {...form.getInputProps('ownerPersonId')}
            onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
          />
          <TagsInput
            label="Tags"
            description="Optional: press Enter after each, for example reading or SEND"
            maxTags={20}
            {...form.getInputProps('tags')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add priority
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
