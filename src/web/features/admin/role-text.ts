import type { RoleAssignment } from '../../../shared/contracts/people';
import { type Role, roleLabels } from '../../../shared/contracts/roles';

/** "Middle leader, English at Holmebridge Academy"; trust-wide roles need no place. */
export function describeRole(a: Pick<RoleAssignment, 'role' | 'schoolName' | 'departmentName'>): string {
  const label = roleLabels[a.role];
  if (a.departmentName) return `${label}, ${a.departmentName} at ${a.schoolName ?? 'their school'}`;
  if (a.schoolName) return `${label} at ${a.schoolName}`;
  return `${label} (whole trust)`;
}

/** What each role is for, shown when choosing one. */
export const roleHelp: Record<Role, string> = {
  trust_admin: 'Can see and change everything in the trust, including people and roles.',
  improvement_lead: 'Works with schools on their improvement; sees every school, or only the one given.',
  trustee: 'Oversees the whole trust and can see every school, without changing anything.',
  school_leader: 'Leads one school: manages its departments and gives roles to its staff.',
  middle_leader: 'Leads one department and can update it.',
  teacher: 'Sees their school, or one department within it.',
  governor: 'Oversees one school and can see it, without changing anything.',
  data_manager: 'Sees one school; will look after its assessment data when data imports arrive.',
};
