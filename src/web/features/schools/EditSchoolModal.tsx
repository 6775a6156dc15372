import { Alert, Button, Divider, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SchoolDetail } from '../../../shared/contracts/org';
import { ApiError } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { usePermissions } from '../auth/permissions';
import { ArchiveSchoolSection } from './ArchiveSchoolSection';
import { SchoolFields } from './SchoolFields';
import { schoolFields, schoolValidation, toBody, valuesOf } from './school-form';
import { schoolQuery, useUpdateSchool } from './schools.api';

type Props = { school: SchoolDetail; onClose: () => void };

const statusOptions = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

/** Edits a school's details; the version guards against overwriting someone else's change. */
export function EditSchoolModal({ school, onClose }: Props) {
  const permissions = usePermissions();
  const update = useUpdateSchool(school.id);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  const [stale, setStale] = useState(false);
  const form = useForm({
    initialValues: { ...valuesOf(school), status: school.status === 'closed' ? 'closed' : 'open' },
    validate: schoolValidation,
  });

  const submit = form.onSubmit((values) => {
    setFormError(undefined);
    if (!form.isDirty()) return onClose();
    const status = values.status === 'closed' ? ('closed' as const) : ('open' as const);
    update.mutate(
      { version: school.version, ...toBody(values), status },
      {
        onSuccess: () => {
          notifySuccess('School details saved.');
          onClose();
        },
        onError: (err) => {
          setStale(err instanceof ApiError && err.isConflict && Object.keys(err.fieldErrors).length === 0);
          setFormError(applyServerErrors(err, schoolFields, form.setErrors));
        },
      },
    );
  });

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...schoolQuery(school.id), staleTime: 0 });
    const latest = { ...valuesOf(fresh), status: fresh.status === 'closed' ? 'closed' : 'open' };
    form.setInitialValues(latest);
    form.setValues(latest);
    setFormError(undefined);
    setStale(false);
  };

  return (
    <Modal opened onClose={onClose} title={`Edit ${school.name}`} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert" title={stale ? 'Not saved' : undefined}>
              <Stack gap="xs" align="flex-start">
                {formError}
                {stale && (
                  <Button size="compact-sm" variant="white" color="red" onClick={reload}>
                    Load their changes
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <SchoolFields form={form} />
          <Select
            label="Status"
            description="A closed school stays on record but is no longer open to pupils"
            data={statusOptions}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
      {permissions.canArchiveSchool && (
        <>
          <Divider my="lg" />
          <ArchiveSchoolSection school={school} onArchived={onClose} />
        </>
      )}
    </Modal>
  );
}
