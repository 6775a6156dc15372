import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { fidelityMeasure } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { FidelitySparkline } from './FidelitySparkline';
import { dateFieldError, todayIso } from './plan-dates';
import { withUnit } from './planning-text';
import { useAddMeasure, useAddValue } from './support.api';

type Measure = z.infer<typeof fidelityMeasure>;

function AddMeasureModal({ priorityId, onClose }: { priorityId: string; onClose: () => void }) {
  const add = useAddMeasure(priorityId);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { name: '', unit: '%', target: '' as number | string },
    validate: { name: (v) => (v.trim() ? null : 'Name what you will count') },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { name: v.name.trim(), unit: v.unit.trim(), target: v.target === '' ? null : Number(v.target) },
      {
        onSuccess: () => {
          notifySuccess('Fidelity measure added.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, ['name', 'unit', 'target'], form.setErrors)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Add a fidelity measure" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Measure"
            description="How faithfully it is being done, for example: lessons using the new routine in drop-ins"
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group grow>
            <TextInput label="Unit" maxLength={30} {...form.getInputProps('unit')} />
            <NumberInput label="Target" description="Optional" {...form.getInputProps('target')} />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add measure
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AddValueForm({ priorityId, measure }: { priorityId: string; measure: Measure }) {
  const add = useAddValue(priorityId);
  const form = useForm({
    initialValues: { recordedOn: formatDate(todayIso()), value: '' as number | string },
    validate: {
      recordedOn: (v) => dateFieldError(v, parseUkDate(v)),
      value: (v) => (v === '' ? 'Enter a number' : null),
    },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { measureId: measure.id, recordedOn: parseUkDate(v.recordedOn) ?? '', value: Number(v.value) },
      {
        onSuccess: () => form.setFieldValue('value', ''),
        onError: (err) =>
          form.setErrors({ value: applyServerErrors(err, [], form.setErrors) ?? 'Not saved' }),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Record a value for ${measure.name}`}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Date"
          size="xs"
          w={110}
          inputMode="numeric"
          maxLength={10}
          {...form.getInputProps('recordedOn')}
        />
        <NumberInput
          label={`Value${measure.unit ? ` (${measure.unit})` : ''}`}
          size="xs"
          w={110}
          {...form.getInputProps('value')}
        />
        <Button type="submit" size="xs" variant="default" loading={add.isPending}>
          Record value
        </Button>
      </Group>
    </form>
  );
}

function MeasureCard({
  priorityId,
  measure: m,
  canWrite,
}: {
  priorityId: string;
  measure: Measure;
  canWrite: boolean;
}) {
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{m.name}</Text>
            <Text size="sm" c="dimmed">
              {m.target === null ? 'No target set' : `Target ${withUnit(String(m.target), m.unit)}`}
            </Text>
          </div>
          <FidelitySparkline values={m.values.map((v) => v.value)} target={m.target} name={m.name} />
        </Group>
        {m.values.length === 0 ? (
          <Text size="sm">No values recorded yet.</Text>
        ) : (
          <Table withTableBorder maw={360} aria-label={`Values for ${m.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.values.map((v) => (
                <Table.Tr key={`${v.recordedOn}-${v.value}`}>
                  <Table.Td>{formatDate(v.recordedOn)}</Table.Td>
                  <Table.Td>{withUnit(String(v.value), m.unit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && <AddValueForm priorityId={priorityId} measure={m} />}
      </Stack>
    </Paper>
  );
}

type Props = { priorityId: string; measures: Measure[]; canWrite: boolean };

/** Process measures showing whether the approach is being done as intended, with values over time. */
export function FidelitySection({ priorityId, measures, canWrite }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Implementation fidelity
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add measure
          </Button>
        )}
      </Group>
      {measures.length === 0 ? (
        <Text size="sm">
          No fidelity measures. Count how often the new practice is really happening, so a weak outcome can be
          told apart from weak delivery.
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {measures.map((m) => (
            <MeasureCard key={m.id} priorityId={priorityId} measure={m} canWrite={canWrite} />
          ))}
        </Stack>
      )}
      {adding && <AddMeasureModal priorityId={priorityId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
