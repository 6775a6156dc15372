import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Priority } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';
import { notifyError } from '../../app/notify';
import { StatusBadge } from '../../app/StatusBadge';
import { AddActionModal } from './AddActionModal';
import type { OwnerOption } from './plan-people';
import { useSetActionStatus } from './planning.api';
import { actionStatusLabels, actionStatusOptions } from './planning-text';
import print from './print.module.css';

type Props = {
  planId: string;
  priority: Priority;
  schoolId: string | null;
  canWrite: boolean;
  knownOwners: OwnerOption[];
};

export function ActionsSection({ planId, priority, schoolId, canWrite, knownOwners }: Props) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Priority['actions'][number]>();
  const setStatus = useSetActionStatus(planId);
  const actions = [...priority.actions].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Actions
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add action
          </Button>
        )}
      </Group>
      {actions.length === 0 ? (
        <Text size="sm">
          {canWrite ? 'No actions yet. Add what will be done, by whom and by when.' : 'No actions were set.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="xs" horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Starts</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col" w={170}>
                  Status
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    {a.description}
                    {a.resources && (
                      <Text size="sm" c="dimmed" fw={400}>
                        Resources: {a.resources}
                      </Text>
                    )}
                    {canWrite && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        className={print.noPrint}
                        leftSection={<IconPencil size={12} aria-hidden />}
                        aria-label={`Edit action: ${a.description}`}
                        onClick={() => setEditing(a)}
                      >
                        Edit
                      </Button>
                    )}
                  </Table.Th>
                  <Table.Td>{a.ownerName ?? 'Not named'}</Table.Td>
                  <Table.Td>{formatDate(a.startsOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {formatDate(a.dueOn)}
                      {a.overdue && <StatusBadge label="Overdue" tone="yellow" size="sm" />}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <>
                        <Text size="sm" className={print.printOnly}>
                          {actionStatusLabels[a.status]}
                        </Text>
                        <NativeSelect
                          className={print.noPrint}
                          aria-label={`Status of ${a.description}`}
                          size="xs"
                          data={actionStatusOptions}
                          value={a.status}
                          disabled={setStatus.isPending && setStatus.variables?.actionId === a.id}
                          onChange={(e) =>
                            setStatus.mutate(
                              { actionId: a.id, version: a.version, status: e.currentTarget.value },
                              { onError: (err) => notifyError(err, 'The status was not saved') },
                            )
                          }
                        />
                      </>
                    ) : (
                      actionStatusLabels[a.status]
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <AddActionModal
          planId={planId}
          priorityId={priority.id}
          schoolId={schoolId}
          knownOwners={knownOwners}
          action={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {adding && (
        <AddActionModal
          planId={planId}
          priorityId={priority.id}
          schoolId={schoolId}
          knownOwners={knownOwners}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}
