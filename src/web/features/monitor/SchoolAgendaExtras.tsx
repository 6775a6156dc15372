import { Stack, Table, Text, Title } from '@mantine/core';
import type { SchoolAgenda } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';

const statusText = { draft: 'In draft', submitted: 'Submitted', agreed: 'Agreed' } as const;

/** Evaluation rounds due and the support under way: the parts of a school agenda beyond plan items. */
export function SchoolAgendaExtras({ agenda }: { agenda: SchoolAgenda }) {
  return (
    <>
      <Stack gap="xs">
        <Title order={3} fz="md">
          Evaluations due
        </Title>
        {agenda.evaluations.length === 0 ? (
          <Text size="sm" c="dimmed">
            No evaluation round is open for this school.
          </Text>
        ) : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Round</Table.Th>
                <Table.Th>Tool</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Judged</Table.Th>
                <Table.Th>Closes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agenda.evaluations.map((e) => (
                <Table.Tr key={e.subjectId}>
                  <Table.Td>
                    {e.roundName}
                    {e.departmentName ? ` (${e.departmentName})` : ''}
                  </Table.Td>
                  <Table.Td>{e.toolName}</Table.Td>
                  <Table.Td>{statusText[e.status]}</Table.Td>
                  <Table.Td>
                    {e.judged} of {e.statements}
                  </Table.Td>
                  <Table.Td>{formatDate(e.closesOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="md">
          Support under way
        </Title>
        {agenda.support.length === 0 ? (
          <Text size="sm" c="dimmed">
            No coaching, mentoring, training or supervision is recorded against this school’s priorities.
          </Text>
        ) : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Priority</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Sessions</Table.Th>
                <Table.Th>Since</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agenda.support.map((s) => (
                <Table.Tr key={`${s.priorityTitle}-${s.kind}-${s.startedOn}-${s.providerName}`}>
                  <Table.Td>{s.priorityTitle}</Table.Td>
                  <Table.Td tt="capitalize">{s.kind === 'cpd' ? 'CPD' : s.kind}</Table.Td>
                  <Table.Td>{s.providerName ?? 'Not named'}</Table.Td>
                  <Table.Td>{s.sessionsHeld}</Table.Td>
                  <Table.Td>{formatDate(s.startedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}
