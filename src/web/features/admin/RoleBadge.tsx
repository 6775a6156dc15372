import { CloseButton, Text } from '@mantine/core';
import type { RoleAssignment } from '../../../shared/contracts/people';
import type { Role } from '../../../shared/contracts/roles';
import classes from './RoleBadge.module.css';
import { describeRole } from './role-text';

// Colour only groups roles at a glance; the text always names the role and where it applies.
const colours: Record<Role, string> = {
  trust_admin: 'grape',
  improvement_lead: 'indigo',
  trustee: 'violet',
  school_leader: 'teal',
  middle_leader: 'cyan',
  teacher: 'blue',
  governor: 'pink',
  data_manager: 'gray',
};

type Props = { assignment: RoleAssignment; personName: string; onRemove?: () => void };

export function RoleBadge({ assignment, personName, onRemove }: Props) {
  const text = describeRole(assignment);
  const colour = colours[assignment.role];
  return (
    <span
      className={classes.tag}
      style={{
        background: `var(--mantine-color-${colour}-0)`,
        borderColor: `var(--mantine-color-${colour}-2)`,
        color: `var(--mantine-color-${colour}-9)`,
      }}
    >
      <Text span size="sm" fw={500} inherit>
        {text}
      </Text>
      {onRemove && (
        <CloseButton
          size="sm"
          variant="transparent"
          className={classes.remove}
          aria-label={`Remove ${text} from ${personName}`}
          onClick={onRemove}
        />
      )}
    </span>
  );
}
