import { Badge } from '@mantine/core';
import type { School } from '../../../shared/contracts/org';

const look: Record<School['status'], { label: string; color: string; text: string }> = {
  open: { label: 'Open', color: 'teal', text: 'teal.9' },
  closed: { label: 'Closed', color: 'gray', text: 'gray.8' },
  archived: { label: 'Archived', color: 'gray', text: 'gray.8' },
};

export function SchoolStatusBadge({ status }: { status: School['status'] }) {
  const { label, color, text } = look[status];
  return (
    <Badge color={color} c={text} variant={status === 'open' ? 'light' : 'outline'} radius="sm">
      {label}
    </Badge>
  );
}
