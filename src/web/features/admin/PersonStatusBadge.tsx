import { Badge } from '@mantine/core';
import type { Person } from '../../../shared/contracts/people';

const look: Record<Person['status'], { label: string; color: string; text: string }> = {
  active: { label: 'Active', color: 'teal', text: 'teal.9' },
  invited: { label: 'Invited', color: 'yellow', text: 'yellow.9' },
  archived: { label: 'Archived', color: 'gray', text: 'gray.8' },
};

export function PersonStatusBadge({ status }: { status: Person['status'] }) {
  const { label, color, text } = look[status];
  return (
    <Badge color={color} c={text} variant={status === 'archived' ? 'outline' : 'light'} radius="sm">
      {label}
    </Badge>
  );
}
