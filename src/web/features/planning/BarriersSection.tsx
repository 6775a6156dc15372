import {
  Alert,
  Button,
  Group,
  Modal,
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
import type { barrier } from '../../../shared/contracts/planning';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { OwnerSelect } from './OwnerSelect';
import type { OwnerOption } from './plan-people';
import { useAddBarrier } from './support.api';

const levels = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];
const levelText = { low: 'Low', medium: 'Medium', high: 'High' } as const;
const fields = ['risk', 'likelihood', 'impact', 'warningSign', 'contingency', 'ownerPersonId'] as const;

type Ctx = { priorityId: string; schoolId: string | null; knownOwners: OwnerOption[] };

function AddBarrierModal({ priorityId, schoolId, knownOwners, onClose }: Ctx & { onClose: () => void }) {
  const add = useAddBarrier(priorityId);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      risk: '',
      likelihood: 'medium',
      impact: 'medium',
      warningSign: '',
      contingency: '',
      ownerPersonId: '',
    },
    validate: { risk: (v) => (v.trim() ? null : 'Say what could get in the way') },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      {
        risk: v.risk.trim(),
        likelihood: v.likelihood as 'low',
        impact: v.impact as 'low',
        warningSign: v.warningSign.trim(),
        contingency: v.contingency.trim(),
        ownerPersonId: v.ownerPersonId || null,
      },
      {
        onSuccess: () => {
          notifySuccess('Barrier added.');
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Add a barrier" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Risk"
            description="What could stop this working"
            required
            maxLength={500}
            data-autofocus
            {...form.getInputProps('risk')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Likelihood"
              data={levels}
              allowDeselect={false}
              {...form.getInputProps('likelihood')}
            />
            <Select label="Impact" data={levels} allowDeselect={false} {...form.getInputProps('impact')} />
          </SimpleGrid>
          <TextInput
            label="Early-warning sign"
            description="What you would notice first"
            maxLength={500}
            {...form.getInputProps('warningSign')}
          />
          <Textarea
            label="Contingency"
            description="What you will do if it happens"
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('contingency')}
          />
          <OwnerSelect
            label="Owner"
            schoolId={schoolId}
            known={knownOwners}
            clearable
            {...form.getInputProps('ownerPersonId')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add barrier
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Props = Ctx & {
  barriers: z.infer<typeof barrier>[];
  canWrite: boolean;
  ownerName: (id: string | null) => string;
};

/** Risks to the priority, how likely and how bad, the sign to watch for and the plan if it happens. */
export function BarriersSection({ barriers, canWrite, ownerName, ...ctx }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Barriers and contingencies
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add barrier
          </Button>
        )}
      </Group>
      {barriers.length === 0 ? (
        <Text size="sm">
          No barriers recorded. Name what could get in the way and what you would do about it.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped aria-label="Barriers and contingencies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Risk</Table.Th>
                <Table.Th>Likelihood</Table.Th>
                <Table.Th>Impact</Table.Th>
                <Table.Th>Early-warning sign</Table.Th>
                <Table.Th>Contingency</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {barriers.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.risk}</Table.Td>
                  <Table.Td>{levelText[b.likelihood]}</Table.Td>
                  <Table.Td>{levelText[b.impact]}</Table.Td>
                  <Table.Td>{b.warningSign || '–'}</Table.Td>
                  <Table.Td>{b.contingency || '–'}</Table.Td>
                  <Table.Td>{ownerName(b.ownerPersonId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <AddBarrierModal {...ctx} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
