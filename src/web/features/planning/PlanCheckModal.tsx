import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { checkMethodLabels, checkMethods, type Priority } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { addDays, dateFieldError, todayIso } from './plan-dates';
import type { OwnerOption } from './plan-people';
import { usePlanCheck } from './planning.api';

const methodOptions = checkMethods.map((m) => ({ value: m, label: checkMethodLabels[m] }));
const fields = ['dueOn', 'method', 'outcomeIds', 'ownerPersonId'] as const;

type Props = {
  planId: string;
  priority: Priority;
  schoolId: string | null;
  knownOwners: OwnerOption[];
  onClose: () => void;
};

export function PlanCheckModal({ planId, priority, schoolId, knownOwners, onClose }: Props) {
  const plan = usePlanCheck(planId, priority.id);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      dueOn: formatDate(addDays(todayIso(), 42)),
      method: 'data_drop',
      outcomeIds: priority.outcomes.map((o) => o.id),
      ownerPersonId: '',
    },
    validate: (v) => ({
      dueOn: dateFieldError(v.dueOn, parseUkDate(v.dueOn)),
      method: v.method ? null : 'Choose how you will check',
    }),
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    plan.mutate(
      {
        dueOn: parseUkDate(v.dueOn) ?? '',
        method: v.method as Priority['checks'][number]['method'],
        outcomeIds: v.outcomeIds,
        ownerPersonId: v.ownerPersonId || null,
      },
      {
        onSuccess: () => {
          notifySuccess('Impact check planned. It will appear in the owner’s week when it is due.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title="Plan an impact check" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Decide when and how you will look for the effect of “{priority.title}”.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Due on"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              data-autofocus
              {...form.getInputProps('dueOn')}
            />
            <Select
              label="How"
              required
              data={methodOptions}
              allowDeselect={false}
              {...form.getInputProps('method')}
            />
          </SimpleGrid>
          <OwnerSelect
            label="Who will lead it"
            description="Optional: they will see it in their week when it is due"
            schoolId={schoolId}
            known={knownOwners}
            clearable
            {...form.getInputProps('ownerPersonId')}
            onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
          />
          {priority.outcomes.length > 0 ? (
            <Checkbox.Group
              label="Outcomes it will measure"
              description="You will enter a value for each when you record the check"
              {...form.getInputProps('outcomeIds')}
            >
              <Stack gap="xs" mt="xs">
                {priority.outcomes.map((o) => (
                  <Checkbox key={o.id} value={o.id} label={`${o.measure} (${o.groupLabel})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <Text size="sm">
              This priority has no outcomes yet, so the check will record findings in words only.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={plan.isPending}>
              Plan check
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
