import type { Person } from '../../../shared/contracts/people';
import { StatusBadge } from '../../app/StatusBadge';

const look = {
  active: { label: 'Active', tone: 'teal' },
  invited: { label: 'Invited', tone: 'yellow' },
  archived: { label: 'Archived', tone: 'gray' },
} as const satisfies Record<Person['status'], { label: string; tone: string }>;

export function PersonStatusBadge({ status }: { status: Person['status'] }) {
  return <StatusBadge {...look[status]} />;
}
