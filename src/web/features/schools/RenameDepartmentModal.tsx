import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Department, updateDepartmentBody } from '../../../shared/contracts/org';
import { ApiError } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useUpdateDepartment } from './schools.api';

type Props = { department: Department; onClose: () => void };

export function RenameDepartmentModal({ department, onClose }: Props) {
  const update = useUpdateDepartment();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const form = useForm({
    initialValues: { name: department.name },
    validate: {
      name: (v) =>
        v.trim()
          ? (updateDepartmentBody.shape.name.safeParse(v).error?.issues[0]?.message ?? null)
          : 'Enter the department’s name',
    },
  });

  const submit = form.onSubmit(({ name }) => {
    setFormError(undefined);
    update.mutate(
      { id: department.id, version: department.version, name: name.trim() },
      {
        onSuccess: (d) => {
          notifySuccess(`Renamed to ${d.name}.`);
          onClose();
        },
        onError: (err) => {
          setStale(err instanceof ApiError && err.isConflict && !err.fieldErrors.name);
          setFormError(applyServerErrors(err, ['name'], form.setErrors));
        },
      },
    );
  });

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['schools', department.schoolId, 'departments'] });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={`Rename ${department.name}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              <Stack gap="xs" align="flex-start">
                {formError}
                {stale && (
                  <Button size="compact-sm" variant="white" color="red" onClick={reload}>
                    Reload departments
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <TextInput label="Department name" maxLength={100} data-autofocus {...form.getInputProps('name')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
