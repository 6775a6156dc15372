import { Badge, CloseButton } from '@mantine/core';
import type { RoleAssignment } from '../../../shared/contracts/people';
import type { Role } from '../../../shared/contracts/roles';
import { describeRole } from './role-text';

// Colour only groups roles at a glance; the badge text always names the role.
const colours: Record<Role, string> = {
  trust_admin: 'grape',
  improvement_lead: 'indigo',
  trustee: 'violet',
  school_leader: 'brand',
  middle_leader: 'cyan',
  teacher: 'blue',
  governor: 'orange',
  data_manager: 'gray',
};

type Props = { assignment: RoleAssignment; personName: string; onRemove?: () => void };

export function RoleBadge({ assignment, personName, onRemove }: Props) {
  const text = describeRole(assignment);
  return (
    <Badge
      variant="light"
      color={colours[assignment.role]}
      c={`${colours[assignment.role]}.9`}
      radius="sm"
      size="lg"
      tt="none"
      fw={500}
      styles={{ root: { maxWidth: '100%', height: 'auto', minHeight: 26 }, label: { whiteSpace: 'normal' } }}
      rightSection={
        onRemove && (
          <CloseButton
            size="xs"
            variant="transparent"
            c="inherit"
            aria-label={`Remove ${text} from ${personName}`}
            onClick={onRemove}
          />
        )
      }
    >
      {text}
    </Badge>
  );
}
