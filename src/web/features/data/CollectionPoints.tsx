import { ActionIcon, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { type CalendarYear, type CollectionPoint, termLabels } from '../../../shared/contracts/calendar';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate } from '../../app/format';
import { deleteCollectionPoint } from './calendar.api';
import { useCalendarChange } from './calendar-change';

/** A year's collection points, what feeds each and whether its results are in; each can be removed. */
export function CollectionPoints({ year }: { year: CalendarYear }) {
  const [removing, setRemoving] = useState<CollectionPoint | null>(null);
  const { busy, error, run, clearError } = useCalendarChange(year.year.id);
  const remove = async () => {
    if (removing && (await run(() => deleteCollectionPoint(removing.id, removing.version))))
      setRemoving(null);
  };
  if (!year.collectionPoints.length)
    return (
      <Text size="sm" c="dimmed">
        No collection points yet. Most schools need three a year at most (DfE workload guidance).
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Collection points" striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Collection point</Table.Th>
              <Table.Th>Data due</Table.Th>
              <Table.Th>Term</Table.Th>
              <Table.Th>Year groups</Table.Th>
              <Table.Th>Planned assessments</Table.Th>
              <Table.Th w={40}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {year.collectionPoints.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td>{formatDate(p.collectOn)}</Table.Td>
                <Table.Td>{p.term ? termLabels[p.term] : '–'}</Table.Td>
                <Table.Td>{p.yearGroups.join(', ')}</Table.Td>
                <Table.Td>
                  {p.assessments.length ? (
                    <>
                      {p.assessments.map((a) => `${a.name} (${a.yearGroup})`).join('; ')}
                      <Text size="xs" c="dimmed">
                        Results in for {p.assessments.filter((a) => a.received).length} of{' '}
                        {p.assessments.length}
                      </Text>
                    </>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Remove from the calendar">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${p.name}`}
                      onClick={() => {
                        clearError();
                        setRemoving(p);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove collection point"
        confirmLabel="Remove"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
        loading={busy}
        error={error}
      >
        {removing &&
          `${removing.name} comes off the calendar. ${
            removing.assessments.length
              ? 'The planned assessments that feed it stay, without a collection point. '
              : ''
          }No results are changed.`}
      </ConfirmDialog>
    </>
  );
}
