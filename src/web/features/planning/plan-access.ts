import type { RoleAssignment } from '../../../shared/contracts/people';
import type { Role } from '../../../shared/contracts/roles';
import { useSession } from '../auth/session';

const planners: readonly Role[] = ['trust_admin', 'improvement_lead', 'school_leader', 'middle_leader'];

/**
 * Where the reader may make plans, mirroring the server's policy so the interface offers only what
 * will be accepted: trust-wide planners anywhere, school planners in their school, middle leaders in
 * their department.
 */
export function planScopesOf(roles: readonly RoleAssignment[]) {
  const planning = roles.filter((r) => planners.includes(r.role));
  const trustWide = planning.some((r) => r.schoolId === null);
  const wholeSchools = planning.filter((r) => r.schoolId && r.departmentId === null).map((r) => r.schoolId);
  const departments = planning.filter((r) => r.departmentId !== null);
  return {
    canPlan: planning.length > 0,
    trustWide,
    /** Whole-school plans are open to this school. */
    canPlanSchool: (schoolId: string) => trustWide || wholeSchools.includes(schoolId),
    /** Only these departments, when the reader plans for a department but not the whole school. */
    departmentsOnly: (schoolId: string) =>
      trustWide || wholeSchools.includes(schoolId)
        ? undefined
        : departments.filter((d) => d.schoolId === schoolId).map((d) => d.departmentId as string),
    canPlanIn: (schoolId: string) =>
      trustWide || wholeSchools.includes(schoolId) || departments.some((d) => d.schoolId === schoolId),
    /** Trust leaders and school leaders may open someone else's agenda. */
    canOpenAgendas: roles.some(
      (r) => r.role === 'trust_admin' || r.role === 'improvement_lead' || r.role === 'school_leader',
    ),
  };
}

export type PlanScopes = ReturnType<typeof planScopesOf>;

export function usePlanScopes(): PlanScopes {
  return planScopesOf(useSession().roles);
}
