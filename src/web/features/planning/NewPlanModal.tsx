import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { departmentsQuery, schoolsQuery } from '../schools/schools.api';
import { OwnerSelect } from './OwnerSelect';
import { usePlanScopes } from './plan-access';
import {
  initialPlanValues,
  planFields,
  suggestedTitle,
  TRUST_WIDE,
  toPlanBody,
  validatePlan,
} from './plan-form';
import { useCreatePlan } from './planning.api';

/** Starts a plan for a school (or a department, or the whole trust) for this academic year. */
export function NewPlanModal({ onClose }: { onClose: () => void }) {
  const scopes = usePlanScopes();
  const schools = useQuery(schoolsQuery);
  const create = useCreatePlan();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();

  const schoolOptions = [
    ...(scopes.trustWide ? [{ value: TRUST_WIDE, label: 'The whole trust (no one school)' }] : []),
    ...(schools.data ?? [])
      .filter((s) => s.status !== 'archived' && scopes.canPlanIn(s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];
  const only = schoolOptions.length === 1 ? schoolOptions[0]?.value : undefined;

  const form = useForm({
    initialValues: initialPlanValues(only),
    validate: (v) => validatePlan(v, requiredDepartments(v.schoolId) !== undefined),
  });
  const schoolId = form.values.schoolId && form.values.schoolId !== TRUST_WIDE ? form.values.schoolId : null;
  const allowed = schoolId ? scopes.departmentsOnly(schoolId) : undefined;
  function requiredDepartments(id: string) {
    return id && id !== TRUST_WIDE ? scopes.departmentsOnly(id) : undefined;
  }
  const departments = useQuery({ ...departmentsQuery(schoolId ?? ''), enabled: schoolId !== null });
  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.status === 'active' && (!allowed || allowed.includes(d.id)))
    .map((d) => ({ value: d.id, label: d.name }));

  const placeName = (id: string) =>
    id === TRUST_WIDE ? 'Trust' : (schools.data?.find((s) => s.id === id)?.name ?? '');

  const chooseSchool = (id: string | null) => {
    const previous = form.values.schoolId;
    form.setFieldValue('schoolId', id ?? '');
    form.setFieldValue('departmentId', '');
    form.setFieldValue('ownerPersonId', '');
    // Suggest a title until the reader writes their own.
    const title = form.values.title.trim();
    if (id && (!title || title === suggestedTitle(placeName(previous)))) {
      form.setFieldValue('title', suggestedTitle(placeName(id)));
    }
  };

  const submit = form.onSubmit((values) => {
    setFormError(undefined);
    create.mutate(toPlanBody(values), {
      onSuccess: (plan) => {
        notifySuccess(`${plan.title} created. Now add its first priority.`);
        navigate(`/plan/${plan.id}`);
      },
      onError: (err) => setFormError(applyServerErrors(err, planFields, form.setErrors)),
    });
  });

  return (
    <Modal opened onClose={onClose} title="New improvement plan" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A plan covers a period, usually the academic year, and holds a few priorities. You add the
            priorities next.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Select
            label="School"
            required
            data={schoolOptions}
            allowDeselect={false}
            placeholder={schools.isPending ? 'Loading schools…' : 'Choose a school'}
            data-autofocus
            {...form.getInputProps('schoolId')}
            onChange={chooseSchool}
          />
          {schoolId && (allowed || departmentOptions.length > 0) && (
            <Select
              label="Department"
              description={
                allowed ? 'You plan for your department.' : 'Optional: leave blank for a whole-school plan.'
              }
              required={allowed !== undefined}
              clearable={!allowed}
              data={departmentOptions}
              {...form.getInputProps('departmentId')}
              onChange={(v) => form.setFieldValue('departmentId', v ?? '')}
            />
          )}
          <TextInput label="Title" required maxLength={200} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Starts on"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('periodStart')}
            />
            <TextInput
              label="Ends on"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('periodEnd')}
            />
            <OwnerSelect
              label="Plan owner"
              description="Optional: who leads the plan and sees its checks in their week"
              schoolId={schoolId}
              clearable
              {...form.getInputProps('ownerPersonId')}
              onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
            />
            <NumberInput
              label="Review every (weeks)"
              description="How often line managers go through the plan"
              required
              min={1}
              max={52}
              allowDecimal={false}
              {...form.getInputProps('reviewEveryWeeks')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
