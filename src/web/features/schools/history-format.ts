import type { AuditEvent } from '../../../shared/contracts/audit';
import { phaseLabels, phases } from '../../../shared/contracts/org';
import { type Role, roleLabels, roles } from '../../../shared/contracts/roles';
import { formatDate } from '../../app/format';

const actionLabels: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  invite: 'Invited',
  assign_role: 'Role given',
  remove_role: 'Role removed',
};

const fieldLabels: Record<string, string> = {
  name: 'Name',
  urn: 'URN',
  phase: 'Phase',
  local_authority: 'Local authority',
  localAuthority: 'Local authority',
  joined_trust_on: 'Joined the trust',
  joinedTrustOn: 'Joined the trust',
  status: 'Status',
  job_title: 'Job title',
  jobTitle: 'Job title',
  email: 'Email',
  role: 'Role',
};

export const actionLabel = (action: string) => actionLabels[action] ?? action.replaceAll('_', ' ');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'blank';
  if (typeof value === 'string') {
    if ((phases as readonly string[]).includes(value)) return phaseLabels[value as (typeof phases)[number]];
    if ((roles as readonly string[]).includes(value)) return roleLabels[value as Role];
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return formatDate(value.slice(0, 10));
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One readable line per changed field, e.g. "Name: Maths → Mathematics". */
export function describeChanges(event: AuditEvent): string[] {
  const { changes } = event;
  const lines: string[] = [];
  if (isRecord(changes.after)) {
    for (const [field, value] of Object.entries(changes.after)) {
      if (fieldLabels[field]) lines.push(`${fieldLabels[field]}: ${showValue(value)}`);
    }
    return lines;
  }
  if (typeof changes.role === 'string') return [`Role: ${showValue(changes.role)}`];
  for (const [field, change] of Object.entries(changes)) {
    const label = fieldLabels[field];
    if (!label) continue;
    if (isRecord(change) && 'to' in change) {
      lines.push(`${label}: ${showValue(change.from)} → ${showValue(change.to)}`);
    }
  }
  return lines;
}
