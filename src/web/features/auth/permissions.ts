import type { RoleAssignment } from '../../../shared/contracts/people';
import { type Role, roleScopes } from '../../../shared/contracts/roles';
import { useSession } from './session';

/**
 * What the signed-in person may do, derived from their roles so the interface only offers
 * controls they can use. The server remains the authority and refuses anything else.
 */
export function permissionsOf(roles: readonly RoleAssignment[]) {
  const isTrustAdmin = roles.some((r) => r.role === 'trust_admin');
  const leaderSchools = roles.filter((r) => r.role === 'school_leader' && r.schoolId).map((r) => r.schoolId);
  const leads = (schoolId: string) => isTrustAdmin || leaderSchools.includes(schoolId);
  const isTrustLead = roles.some((r) => r.role === 'improvement_lead' && r.schoolId === null);
  // Data managers and school leaders import and export their own schools' pupil data.
  const dataKeeperSchools = roles
    .filter((r) => (r.role === 'data_manager' || r.role === 'school_leader') && r.schoolId)
    .map((r) => r.schoolId as string);

  // Everyone but trustees and governors may see pupils where their roles are (the server decides).
  const pupilRoles = roles.filter((r) => r.role !== 'trustee' && r.role !== 'governor');
  const pupilSchools = pupilRoles.some((r) => r.schoolId === null)
    ? ('all' as const)
    : [...new Set(pupilRoles.map((r) => r.schoolId as string))];

  return {
    isTrustAdmin,
    /** Schools whose pupils' records this person may open; 'all' for trust-wide roles. */
    pupilSchools,
    /** Every role is tied to a school or department, so they see their own school(s) only. */
    isSchoolScoped: roles.length > 0 && roles.every((r) => r.schoolId !== null),
    canAdminister: isTrustAdmin || leaderSchools.length > 0,
    /** The Data page: importing and exporting pupil lists and results. */
    canManageData: isTrustAdmin || dataKeeperSchools.length > 0,
    dataSchools: isTrustAdmin ? ('all' as const) : dataKeeperSchools,
    canCreateSchool: isTrustAdmin,
    canArchiveSchool: isTrustAdmin,
    canEditSchool: leads,
    canManageDepartments: leads,
    canSeeHistory: leads,
    canRenameDepartment: (schoolId: string, departmentId: string) =>
      leads(schoolId) || roles.some((r) => r.role === 'middle_leader' && r.departmentId === departmentId),
    canListAllPeople: isTrustAdmin || isTrustLead,
    canEditPeople: isTrustAdmin,
    /** Opening and closing evaluation rounds, and managing the tool library, is trust-wide work. */
    canManageRounds: isTrustAdmin || isTrustLead,
    canManageTools: isTrustAdmin || isTrustLead,
    /** Trustees and governors oversee: they read agreed evaluations and never write. */
    isOverseer: roles.length > 0 && roles.every((r) => r.role === 'trustee' || r.role === 'governor'),
    /** Schools whose people this person may invite and give roles to; 'all' for trust admins. */
    peopleSchools: isTrustAdmin ? ('all' as const) : leaderSchools.filter((id): id is string => id !== null),
    canAssignRoleAt: (role: Role, scope: 'trust' | 'school' | 'department', schoolId: string | null) =>
      roleScopes[role].includes(scope) &&
      (isTrustAdmin || (scope !== 'trust' && schoolId !== null && leaderSchools.includes(schoolId))),
  };
}

export type Permissions = ReturnType<typeof permissionsOf>;

export function usePermissions(): Permissions {
  return permissionsOf(useSession().roles);
}
