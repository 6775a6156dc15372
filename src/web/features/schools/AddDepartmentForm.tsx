import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { createDepartmentBody } from '../../../shared/contracts/org';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useCreateDepartment } from './schools.api';

export function AddDepartmentForm({ schoolId }: { schoolId: string }) {
  const create = useCreateDepartment(schoolId);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { name: '' },
    validate: {
      name: (v) =>
        v.trim()
          ? (createDepartmentBody.shape.name.safeParse(v).error?.issues[0]?.message ?? null)
          : 'Enter the department’s name',
    },
  });

  const submit = form.onSubmit(({ name }) => {
    setFormError(undefined);
    create.mutate(name.trim(), {
      onSuccess: (dept) => {
        notifySuccess(`${dept.name} department added.`);
        form.reset();
      },
      onError: (err) => setFormError(applyServerErrors(err, ['name'], form.setErrors)),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a department">
      {formError && (
        <Alert color="red" role="alert" mb="sm">
          {formError}
        </Alert>
      )}
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="New department name"
          description="For example English, Maths or SEND"
          maxLength={100}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          style={{ flex: 1 }}
          {...form.getInputProps('name')}
        />
        <Button
          type="submit"
          loading={create.isPending}
          leftSection={<IconPlus size={16} aria-hidden />}
          mt={25}
        >
          Add department
        </Button>
      </Group>
    </form>
  );
}
