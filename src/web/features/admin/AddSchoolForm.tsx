import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { SchoolFields } from '../schools/SchoolFields';
import { emptySchool, schoolFields, schoolValidation, toBody } from '../schools/school-form';
import { useCreateSchool } from '../schools/schools.api';

export function AddSchoolForm() {
  const create = useCreateSchool();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();
  const form = useForm({ initialValues: emptySchool, validate: schoolValidation });

  const submit = form.onSubmit((values) => {
    setFormError(undefined);
    create.mutate(toBody(values), {
      onSuccess: (school) => {
        notifySuccess(`${school.name} added. Now add its departments.`);
        navigate(`/schools/${school.id}`);
      },
      onError: (err) => setFormError(applyServerErrors(err, schoolFields, form.setErrors)),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-school-heading">
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SchoolFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Add school
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
