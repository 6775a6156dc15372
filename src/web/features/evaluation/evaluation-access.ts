import type { Me } from '../../../shared/contracts/auth';
import type { RoundSubject } from '../../../shared/contracts/evaluation';

type Subject = Pick<RoundSubject, 'schoolId' | 'departmentId' | 'liaisonPersonId'>;

/**
 * Mirrors the server's policy for what the page offers once an evaluation has moved on (the API's
 * `permissions` only says what may be done in the current state). The server still decides.
 */
export function evaluationAccess(me: Pick<Me, 'person' | 'roles'>, s: Subject) {
  const atSchool = (schoolId: string | null) => schoolId === null || schoolId === s.schoolId;
  const mayReview =
    s.liaisonPersonId === me.person.id ||
    me.roles.some((r) => r.role === 'trust_admin' || (r.role === 'improvement_lead' && atSchool(r.schoolId)));
  const mayRespond = me.roles.some(
    (r) =>
      r.role === 'trust_admin' ||
      (r.role === 'school_leader' && r.schoolId === s.schoolId) ||
      (r.role === 'middle_leader' && r.departmentId !== null && r.departmentId === s.departmentId),
  );
  return { mayReview, mayRespond, mayComment: mayReview || mayRespond };
}
