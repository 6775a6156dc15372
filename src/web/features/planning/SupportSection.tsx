import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { support, supportKindSchema } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import { dateFieldError, todayIso } from './plan-dates';
import type { OwnerOption } from './plan-people';
import { useAddSupport } from './support.api';

type Kind = z.infer<typeof supportKindSchema>;
export const supportKindText: Record<Kind, string> = {
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  cpd: 'CPD sessions',
  supervision: 'Supervision',
};
const fields = [
  'kind',
  'providerPersonId',
  'recipientPersonId',
  'startedOn',
  'sessionsHeld',
  'notes',
] as const;

type Ctx = { priorityId: string; schoolId: string | null; knownOwners: OwnerOption[] };

function AddSupportModal({ priorityId, schoolId, knownOwners, onClose }: Ctx & { onClose: () => void }) {
  const add = useAddSupport(priorityId);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      kind: 'coaching',
      providerPersonId: '',
      recipientPersonId: '',
      startedOn: formatDate(todayIso()),
      sessionsHeld: 0 as number | string,
      notes: '',
    },
    validate: { startedOn: (v) => dateFieldError(v, parseUkDate(v)) },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      {
        kind: v.kind as Kind,
        providerPersonId: v.providerPersonId || null,
        recipientPersonId: v.recipientPersonId || null,
        startedOn: parseUkDate(v.startedOn) ?? '',
        sessionsHeld: Number(v.sessionsHeld) || 0,
        notes: v.notes.trim(),
      },
      {
        onSuccess: () => {
          notifySuccess('Support recorded.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    ),
  );
  const kinds = Object.entries(supportKindText).map(([value, label]) => ({ value, label }));
  return (
    <Modal opened onClose={onClose} title="Record support" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Select
            label="Kind of support"
            data={kinds}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerSelect
              label="Given by"
              schoolId={null}
              known={knownOwners}
              clearable
              {...form.getInputProps('providerPersonId')}
            />
            <OwnerSelect
              label="Given to"
              schoolId={schoolId}
              known={knownOwners}
              clearable
              {...form.getInputProps('recipientPersonId')}
            />
            <TextInput
              label="Started on"
              description="Day/month/year"
              required
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('startedOn')}
            />
            <NumberInput
              label="Sessions held so far"
              min={0}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('sessionsHeld')}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Record support
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Props = Ctx & { support: z.infer<typeof support>[]; canWrite: boolean };

/** Coaching, mentoring, CPD and supervision for this priority: who supports whom, and how much so far. */
export function SupportSection({ support: rows, canWrite, ...ctx }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Support
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Record support
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm">
          No support recorded. Note coaching, mentoring, CPD or supervision given for this priority.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped aria-label="Support">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Given by</Table.Th>
                <Table.Th>Given to</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>Sessions</Table.Th>
                <Table.Th>Notes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{supportKindText[s.kind]}</Table.Td>
                  <Table.Td>{s.providerName ?? '–'}</Table.Td>
                  <Table.Td>{s.recipientName ?? '–'}</Table.Td>
                  <Table.Td>{formatDate(s.startedOn)}</Table.Td>
                  <Table.Td>{s.sessionsHeld}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.notes || '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <AddSupportModal {...ctx} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
