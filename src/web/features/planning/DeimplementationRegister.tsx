import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanOverview } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';

/** What the trust has stopped doing, why, and what that freed: the evidence that stopping is a choice. */
export function DeimplementationRegister({ entries }: { entries: PlanOverview['deimplemented'] }) {
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="deimplemented-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="deimplemented-heading">
          Stopped initiatives
        </Title>
        {entries.length === 0 ? (
          <Text size="sm">
            Nothing has been stopped yet. When an impact check decides to stop a priority, it is listed here
            with the reason and the time and money it frees, so the decision is not lost.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">What was stopped</Table.Th>
                  <Table.Th scope="col">School</Table.Th>
                  <Table.Th scope="col">Stopped on</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                  <Table.Th scope="col">Evidence</Table.Th>
                  <Table.Th scope="col">Time freed</Table.Th>
                  <Table.Th scope="col">Money freed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((d) => (
                  <Table.Tr key={d.priorityId}>
                    <Table.Th scope="row" fw={600}>
                      <Anchor component={Link} to={`/plan/${d.planId}#priority-${d.priorityId}`} fw={600}>
                        {d.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{d.schoolName ?? 'Whole trust'}</Table.Td>
                    <Table.Td>{formatDate(d.stoppedOn)}</Table.Td>
                    <Table.Td>{d.reason}</Table.Td>
                    <Table.Td>{d.evidence || 'Not recorded'}</Table.Td>
                    <Table.Td>{d.timeFreed || 'Not recorded'}</Table.Td>
                    <Table.Td>{d.moneyFreed || 'Not recorded'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
