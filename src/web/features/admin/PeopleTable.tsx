import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconUserPlus } from '@tabler/icons-react';
import type { Person, RoleAssignment } from '../../../shared/contracts/people';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PersonStatusBadge } from './PersonStatusBadge';
import { RoleBadge } from './RoleBadge';

type Props = {
  people: readonly Person[];
  onAssign: (person: Person) => void;
  onRemoveRole: (person: Person, assignment: RoleAssignment) => void;
  onArchive: (person: Person) => void;
};

const scopeOf = (a: RoleAssignment) => (a.departmentId ? 'department' : a.schoolId ? 'school' : 'trust');

export function PeopleTable({ people, onAssign, onRemoveRole, onArchive }: Props) {
  const permissions = usePermissions();
  const me = useSession().person;

  return (
    <Table.ScrollContainer minWidth={820}>
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
          {people.map((p) => {
            const archived = p.status === 'archived';
            return (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={600} size="sm">
                    {p.name}
                  </Text>
                  {p.jobTitle && <Text size="sm">{p.jobTitle}</Text>}
                  <Text size="xs" c="dimmed">
                    {p.email}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {p.roles.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No role yet
                    </Text>
                  ) : (
                    <Stack gap={6} align="flex-start">
                      {p.roles.map((a) => (
                        <RoleBadge
                          key={a.id}
                          assignment={a}
                          personName={p.name}
                          onRemove={
                            permissions.canAssignRoleAt(a.role, scopeOf(a), a.schoolId) &&
                            !archived &&
                            // Removing your own administrator role would lock you out of this page.
                            !(p.id === me.id && a.role === 'trust_admin')
                              ? () => onRemoveRole(p, a)
                              : undefined
                          }
                        />
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <PersonStatusBadge status={p.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {!archived && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconUserPlus size={14} aria-hidden />}
                        aria-label={`Assign role to ${p.name}`}
                        onClick={() => onAssign(p)}
                      >
                        Assign role
                      </Button>
                    )}
                    {permissions.canEditPeople && !archived && p.id !== me.id && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red.8"
                        leftSection={<IconArchive size={14} aria-hidden />}
                        aria-label={`Archive ${p.name}`}
                        onClick={() => onArchive(p)}
                      >
                        Archive
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
