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
import {
  checkMethodLabels,
  checkMethods,
  type ImpactCheck,
  type Priority,
} from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { addDays, dateFieldError, todayIso } from './plan-dates';
import { useEditCheck } from './plan-edits.api';
import type { OwnerOption } from './plan-people';
import { usePlanCheck } from './planning.api';

const methodOptions = checkMethods.map((m) => ({ value: m, label: checkMethodLabels[m] }));
const fields = ['dueOn', 'method', 'outcomeIds', 'ownerPersonId'] as const;

type Props = {
  planId: string;
  priority: Priority;
  schoolId: string | null;
  knownOwners: OwnerOption[];
  /** Given when re-planning a check not yet recorded, version included. */
  check?: ImpactCheck;
  onClose: () => void;
};

export function PlanCheckModal({ planId, priority, schoolId, knownOwners, check, onClose }: Props) {
  const add = usePlanCheck(planId, priority.id);
  const edit = useEditCheck(planId, check?.id ?? '');
  const save = check ? edit : add;
  const [version] = useState(check?.version);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      dueOn: formatDate(check?.dueOn ?? addDays(todayIso(), 42)),
      method: check?.method ?? 'data_drop',
      outcomeIds: check?.outcomeIds ?? priority.outcomes.map((o) => o.id),
      ownerPersonId: check?.ownerPersonId ?? '',
    },
    validate: (v) => ({
      dueOn: dateFieldError(v.dueOn, parseUkDate(v.dueOn)),
      method: v.method ? null : 'Choose how you will check',
    }),
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    const body = {
      dueOn: parseUkDate(v.dueOn) ?? '',
      method: v.method as ImpactCheck['method'],
      outcomeIds: v.outcomeIds,
      ownerPersonId: v.ownerPersonId || null,
    };
    const handlers = {
      onSuccess: () => {
        notifySuccess(
          check ? 'Check saved.' : 'Impact check planned. It will appear in the owner’s week when it is due.',
        );
        onClose();
      },
      onError: (err: Error) => setFormError(applyServerErrors(err, fields, form.setErrors)),
    };
    if (check && version) edit.mutate({ ...body, version }, handlers);
    else add.mutate(body, handlers);
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={check ? 'Change the planned check' : 'Plan an impact check'}
      centered
      size="lg"
    >
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
            <Button type="submit" loading={save.isPending}>
              {check ? 'Save check' : 'Plan check'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
