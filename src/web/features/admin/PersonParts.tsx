import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconUserPlus } from '@tabler/icons-react';
import type { Person, RoleAssignment } from '../../../shared/contracts/people';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { RoleBadge } from './RoleBadge';

export type PersonHandlers = {
  onAssign: (person: Person) => void;
  onRemoveRole: (person: Person, assignment: RoleAssignment) => void;
  onArchive: (person: Person) => void;
};

const scopeOf = (a: RoleAssignment) => (a.departmentId ? 'department' : a.schoolId ? 'school' : 'trust');

/** A person's roles as tags, each removable by someone allowed to give that role there. */
export function PersonRoles({
  person,
  onRemoveRole,
}: { person: Person } & Pick<PersonHandlers, 'onRemoveRole'>) {
  const permissions = usePermissions();
  const me = useSession().person;
  if (person.roles.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No role yet
      </Text>
    );
  }
  const removable = (a: RoleAssignment) =>
    permissions.canAssignRoleAt(a.role, scopeOf(a), a.schoolId) &&
    person.status !== 'archived' &&
    // Taking away your own role could lock you out; another leader does that.
    person.id !== me.id;
  return (
    <Stack gap={6} align="flex-start">
      {person.roles.map((a) => (
        <RoleBadge
          key={a.id}
          assignment={a}
          personName={person.name}
          onRemove={removable(a) ? () => onRemoveRole(person, a) : undefined}
        />
      ))}
    </Stack>
  );
}

export function PersonActions({
  person,
  onAssign,
  onArchive,
}: { person: Person } & Omit<PersonHandlers, 'onRemoveRole'>) {
  const permissions = usePermissions();
  const me = useSession().person;
  if (person.status === 'archived') return null;
  return (
    <Group gap={4} wrap="nowrap">
      {permissions.canAdminister && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconUserPlus size={14} aria-hidden />}
          aria-label={`Assign role to ${person.name}`}
          onClick={() => onAssign(person)}
        >
          Assign role
        </Button>
      )}
      {permissions.canEditPeople && person.id !== me.id && (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          c="red.8"
          leftSection={<IconArchive size={14} aria-hidden />}
          aria-label={`Archive ${person.name}`}
          onClick={() => onArchive(person)}
        >
          Archive
        </Button>
      )}
    </Group>
  );
}
