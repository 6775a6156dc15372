import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState } from '../../app/states';
import { importsQuery } from './data.api';
import { kindLabel, statusOf } from './kinds';

const n = (v: number) => v.toLocaleString('en-GB');

/** Every import the person may see, newest first, with what each one did. */
export function ImportHistory() {
  const jobs = useQuery(importsQuery);
  return (
    <Paper component="section" p="lg" aria-labelledby="history-heading">
      <Title order={2} id="history-heading" fz="lg" mb="md">
        Recent imports
      </Title>
      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : jobs.data?.length === 0 ? (
        <Text size="sm">No imports yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" striped aria-label="Recent imports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Lines</Table.Th>
                <Table.Th ta="right">Imported</Table.Th>
                <Table.Th ta="right">Problems</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(jobs.data ?? []).map((j) => {
                const s = statusOf(j.status);
                return (
                  <Table.Tr key={j.id}>
                    <Table.Td>{formatDateTime(j.createdAt)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{j.filename}</Table.Td>
                    <Table.Td>{kindLabel(j.kind)}</Table.Td>
                    <Table.Td>
                      <StatusBadge label={s.label} tone={s.tone} size="sm" />
                      {j.failure && (
                        <Text size="xs" c="dimmed">
                          {j.failure}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{n(j.rowsRead)}</Table.Td>
                    <Table.Td ta="right">{n(j.rowsAccepted)}</Table.Td>
                    <Table.Td ta="right">
                      {j.rowsRejected > 0 ? (
                        <Anchor
                          href={`/api/v1/imports/${j.id}/rejected`}
                          aria-label={`Download the ${n(j.rowsRejected)} problems in ${j.filename}`}
                        >
                          {n(j.rowsRejected)}
                        </Anchor>
                      ) : (
                        '0'
                      )}
                    </Table.Td>
                    <Table.Td>{j.createdByName ?? 'System (command line or set-up)'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
