import { type Role, roleScopes, roles } from '../../../shared/contracts/roles';
import type { Permissions } from '../auth/permissions';

export const WHOLE_TRUST = 'whole-trust';
export const WHOLE_SCHOOL = 'whole-school';

/** Which place pickers a role needs, given what the person assigning it may do. */
export function scopeRules(role: Role | undefined, permissions: Permissions) {
  if (!role)
    return { showSchool: false, allowTrust: false, showDepartment: false, departmentRequired: false };
  const scopes = roleScopes[role];
  const allowTrust = scopes.includes('trust') && permissions.canAssignRoleAt(role, 'trust', null);
  return {
    showSchool: scopes.includes('school') || scopes.includes('department'),
    allowTrust,
    showDepartment: scopes.includes('department'),
    departmentRequired: !scopes.includes('school'),
  };
}

/** Roles this person may give: trust administrators any; school leaders those held within a school. */
export function assignableRoles(permissions: Permissions): Role[] {
  return roles.filter((r) => permissions.isTrustAdmin || roleScopes[r].some((s) => s !== 'trust'));
}

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
