import { Table, Text, VisuallyHidden } from '@mantine/core';
import { type CalendarYear, type CollectionPoint, termLabels } from '../../../shared/contracts/calendar';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate } from '../../app/format';
import { deleteCollectionPoint } from './calendar.api';
import { RemoveButton, useCalendarRemoval } from './calendar-change';

/** A year's collection points, what feeds each and whether its results are in; each can be removed. */
export function CollectionPoints({ year }: { year: CalendarYear }) {
  const { removing, ask, dialog } = useCalendarRemoval(year.year.id, (p: CollectionPoint) =>
    deleteCollectionPoint(p.id, p.version),
  );
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
                  <RemoveButton label={`Remove ${p.name}`} onClick={() => ask(p)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog title="Remove collection point" confirmLabel="Remove" {...dialog}>
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
