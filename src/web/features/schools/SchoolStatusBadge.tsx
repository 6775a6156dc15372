import type { School } from '../../../shared/contracts/org';
import { StatusBadge } from '../../app/StatusBadge';

const labels: Record<School['status'], string> = { open: 'Open', closed: 'Closed', archived: 'Archived' };

export function SchoolStatusBadge({ status }: { status: School['status'] }) {
  return <StatusBadge label={labels[status]} tone={status === 'open' ? 'teal' : 'gray'} />;
}
