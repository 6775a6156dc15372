import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { PlanDetail } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { dateFieldError } from './plan-dates';
import { useEditPlan } from './plan-edits.api';
import type { OwnerOption } from './plan-people';

const fields = ['title', 'periodStart', 'periodEnd', 'ownerPersonId', 'reviewEveryWeeks'] as const;

type Props = { plan: PlanDetail; knownOwners: OwnerOption[]; onClose: () => void };

/** The plan's name, period, owner and review rhythm. Where it belongs stays as it was made. */
export function EditPlanModal({ plan, knownOwners, onClose }: Props) {
  const edit = useEditPlan(plan.id);
  const [version] = useState(plan.version);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      title: plan.title,
      periodStart: formatDate(plan.periodStart),
      periodEnd: formatDate(plan.periodEnd),
      ownerPersonId: plan.ownerPersonId ?? '',
      reviewEveryWeeks: plan.reviewEveryWeeks as number | string,
    },
    validate: (v) => {
      const from = parseUkDate(v.periodStart);
      const to = parseUkDate(v.periodEnd);
      return {
        title: v.title.trim() ? null : 'Name the plan',
        periodStart: dateFieldError(v.periodStart, from),
        periodEnd:
          dateFieldError(v.periodEnd, to) ??
          (from && to && to < from ? 'The plan must end after it starts' : null),
      };
    },
  });
  const submit = form.onSubmit((v) =>
    edit.mutate(
      {
        version,
        title: v.title.trim(),
        periodStart: parseUkDate(v.periodStart) ?? '',
        periodEnd: parseUkDate(v.periodEnd) ?? '',
        ownerPersonId: v.ownerPersonId || null,
        reviewEveryWeeks: Number(v.reviewEveryWeeks) || 6,
      },
      {
        onSuccess: () => {
          notifySuccess('Plan details saved.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Edit plan details" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Title" required maxLength={200} data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Starts on"
              description="Day/month/year"
              required
              maxLength={10}
              {...form.getInputProps('periodStart')}
            />
            <TextInput
              label="Ends on"
              description="Day/month/year"
              required
              maxLength={10}
              {...form.getInputProps('periodEnd')}
            />
            <OwnerSelect
              label="Owner"
              schoolId={plan.schoolId}
              known={knownOwners}
              clearable
              {...form.getInputProps('ownerPersonId')}
              onChange={(v) => form.setFieldValue('ownerPersonId', v ?? '')}
            />
            <NumberInput
              label="Review every (weeks)"
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
            <Button type="submit" loading={edit.isPending}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
