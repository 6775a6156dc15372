import { Box, Paper, Stack, Table, Text } from '@mantine/core';
import type { Person } from '../../../shared/contracts/people';
import { PersonActions, type PersonHandlers, PersonRoles } from './PersonParts';
import { PersonStatusBadge } from './PersonStatusBadge';

type Props = PersonHandlers & { people: readonly Person[] };

function Who({ person }: { person: Person }) {
  return (
    <>
      <Text fw={600} size="sm">
        {person.name}
      </Text>
      {person.jobTitle && <Text size="sm">{person.jobTitle}</Text>}
      <Text size="xs" c="dimmed">
        {person.email}
      </Text>
    </>
  );
}

/** People as a table on wide screens and as cards on a phone. */
export function PeopleTable({ people, ...handlers }: Props) {
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="sm">
        {people.map((p) => (
          <Paper component="li" key={p.id} p="md" style={{ listStyle: 'none' }}>
            <Stack gap="xs">
              <Box>
                <Who person={p} />
              </Box>
              <PersonRoles person={p} onRemoveRole={handlers.onRemoveRole} />
              <PersonStatusBadge status={p.status} />
              <PersonActions person={p} onAssign={handlers.onAssign} onArchive={handlers.onArchive} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="30%">
                  Person
                </Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col" w={90}>
                  Status
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  Actions
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    <Who person={p} />
                  </Table.Th>
                  <Table.Td>
                    <PersonRoles person={p} onRemoveRole={handlers.onRemoveRole} />
                  </Table.Td>
                  <Table.Td>
                    <PersonStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>
                    <PersonActions person={p} onAssign={handlers.onAssign} onArchive={handlers.onArchive} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}
