import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Outcome } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { dateFieldError, todayIso } from './plan-dates';
import { useEditOutcome } from './plan-edits.api';
import { useAddOutcome } from './planning.api';

const fields = [
  'description',
  'measure',
  'unit',
  'numeric',
  'direction',
  'groupLabel',
  'baselineValue',
  'baselineOn',
  'targetValue',
  'targetOn',
] as const;

const numberError = (numeric: boolean, v: string, what: string) => {
  if (!v.trim()) return `Enter the ${what}`;
  return numeric && !Number.isFinite(Number(v)) ? 'Enter a number, for example 62 or 4.5' : null;
};

type Props = {
  planId: string;
  priorityId: string;
  planEnd: string;
  /** Given when editing: the outcome as the editor saw it, version included. */
  outcome?: Outcome;
  onClose: () => void;
};

export function AddOutcomeModal({ planId, priorityId, planEnd, outcome, onClose }: Props) {
  const add = useAddOutcome(planId, priorityId);
  const edit = useEditOutcome(planId, outcome?.id ?? '');
  const save = outcome ? edit : add;
  // The version the editor opened, so a colleague's save in between is caught rather than overwritten.
  const [version] = useState(outcome?.version);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      description: outcome?.description ?? '',
      measure: outcome?.measure ?? '',
      unit: outcome?.unit ?? '',
      numeric: outcome?.numeric ?? true,
      direction: outcome?.direction ?? 'up',
      groupLabel: outcome?.groupLabel ?? 'All pupils',
      baselineValue: outcome?.baselineValue ?? '',
      baselineOn: formatDate(outcome?.baselineOn ?? todayIso()),
      targetValue: outcome?.targetValue ?? '',
      targetOn: formatDate(outcome?.targetOn ?? planEnd),
    },
    validate: (v) => {
      const from = parseUkDate(v.baselineOn);
      const to = parseUkDate(v.targetOn);
      return {
        description: v.description.trim() ? null : 'Say what will be different',
        measure: v.measure.trim() ? null : 'Say how you will measure it',
        groupLabel: v.groupLabel.trim() ? null : 'Say which pupils, for example All pupils',
        baselineValue: numberError(v.numeric, v.baselineValue, 'baseline'),
        targetValue: numberError(v.numeric, v.targetValue, 'target'),
        baselineOn: dateFieldError(v.baselineOn, from),
        targetOn:
          dateFieldError(v.targetOn, to) ??
          (from && to && to <= from ? 'The target date must be after the baseline date' : null),
      };
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    const body = {
      description: v.description.trim(),
      measure: v.measure.trim(),
      unit: v.unit.trim(),
      numeric: v.numeric,
      direction: v.direction === 'down' ? 'down' : 'up',
      groupLabel: v.groupLabel.trim(),
      baselineValue: v.baselineValue.trim(),
      baselineOn: parseUkDate(v.baselineOn) ?? '',
      targetValue: v.targetValue.trim(),
      targetOn: parseUkDate(v.targetOn) ?? '',
    } as const;
    const handlers = {
      onSuccess: () => {
        notifySuccess(
          outcome ? 'Outcome saved.' : 'Outcome added. Plan an impact check to see whether it moves.',
        );
        onClose();
      },
      onError: (err: Error) => setFormError(applyServerErrors(err, fields, form.setErrors)),
    };
    if (outcome && version) edit.mutate({ ...body, version }, handlers);
    else add.mutate(body, handlers);
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={outcome ? 'Edit the outcome' : 'Add an outcome'}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="What will be different"
            description="For pupils, in plain words, for example: more pupils read fluently by the end of Year 2"
            required
            maxLength={500}
            data-autofocus
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Measure"
              description="For example: pupils passing the phonics check"
              required
              maxLength={300}
              {...form.getInputProps('measure')}
            />
            <TextInput label="Which pupils" required maxLength={100} {...form.getInputProps('groupLabel')} />
            <TextInput
              label="Unit"
              description="Optional, for example % or points"
              maxLength={30}
              {...form.getInputProps('unit')}
            />
            <Select
              label="Which way is better"
              data={[
                { value: 'up', label: 'Higher is better' },
                { value: 'down', label: 'Lower is better' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('direction')}
            />
          </SimpleGrid>
          <Checkbox
            label="The measure is a number"
            description="Untick for something judged in words, such as the quality of feedback in books"
            {...form.getInputProps('numeric', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Baseline" required maxLength={50} {...form.getInputProps('baselineValue')} />
            <TextInput
              label="Baseline date"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('baselineOn')}
            />
            <TextInput label="Target" required maxLength={50} {...form.getInputProps('targetValue')} />
            <TextInput
              label="Target date"
              description="Day/month/year"
              placeholder="dd/mm/yyyy"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('targetOn')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {outcome ? 'Save outcome' : 'Add outcome'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
