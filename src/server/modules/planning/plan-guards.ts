import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { peopleRepository } from '../people/people.repository';
import { planningRepository as repo } from './planning.repository';

export const planResource = (
  actor: Actor,
  p: { school_id: string | null; department_id: string | null },
) => ({
  trustId: actor.trustId,
  schoolId: p.school_id,
  departmentId: p.department_id,
});

/** Loading a plan or priority for reading or writing, and the rule for who may own its work. */
export function planGuards(db: Db) {
  return {
    async loadPlan(actor: Actor, planId: string, action: 'plan.read' | 'plan.write') {
      const p = await repo.findPlan(db, actor.trustId, planId);
      if (!p) throw notFound('Plan');
      if (!can(actor, action, planResource(actor, p))) throw forbidden();
      return p;
    },

    async loadPriority(actor: Actor, priorityId: string, action: 'plan.read' | 'plan.write') {
      const pr = await repo.findPriority(db, actor.trustId, priorityId);
      if (!pr) throw notFound('Priority');
      if (!can(actor, action, planResource(actor, pr))) throw forbidden();
      return pr;
    },

    /** Owners must work where the plan is: a role in its school, or a trust-wide role. */
    async requireOwner(
      actor: Actor,
      personId: string | null | undefined,
      scope: { school_id: string | null },
      field: string,
    ) {
      if (!personId) return;
      const person = await peopleRepository.findPerson(db, actor.trustId, personId);
      const roles = person ? await peopleRepository.listAssignments(db, actor.trustId, [personId]) : [];
      const belongs = roles.some((r) => r.school_id === null || r.school_id === scope.school_id);
      if (!person || person.status === 'archived' || !belongs) {
        throw badRequest('Choose someone who works in this school or across the trust.', { field });
      }
    },
  };
}
