import type {
  EditActionBody,
  EditCheckBody,
  EditOutcomeBody,
  EditPlanBody,
  EditPriorityBody,
} from '../../../shared/contracts/plan-edits';
import type { Plan, PlanDetail, Priority } from '../../../shared/contracts/planning';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { planEditsRepository as edits } from './plan-edits.repository';
import { planGuards } from './plan-guards';
import { planningRepository as repo } from './planning.repository';
import type { PlanningService } from './planning.service';

/**
 * Changes to a plan and its parts after they were made. Each edit carries the version the editor saw,
 * follows the same rules as creating the thing, and is audited with what it was before.
 */
export function createPlanEditsService(db: Db, deps: { planning: PlanningService }) {
  const { loadPlan, loadPriority, requireOwner } = planGuards(db);
  const { planning } = deps;

  /** Runs an update and its audit together; a lost version race rolls both back. */
  async function save(
    actor: Actor,
    update: (tx: Db) => Promise<boolean>,
    audit: { entityType: string; entityId: string; schoolId: string | null; changes: object },
  ) {
    await db.transaction().execute(async (tx) => {
      if (!(await update(tx))) throw staleVersion();
      await auditService.record(tx, actor, { action: 'update', ...audit });
    });
  }

  return {
    async editPlan(actor: Actor, planId: string, body: EditPlanBody): Promise<PlanDetail> {
      const p = await loadPlan(actor, planId, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, p, 'ownerPersonId');
      const { version, ...after } = body;
      const before: Partial<Plan> = {
        title: p.title,
        periodStart: p.period_start,
        periodEnd: p.period_end,
        ownerPersonId: p.owner_person_id,
        reviewEveryWeeks: p.review_every_weeks,
      };
      await save(
        actor,
        (tx) =>
          edits.updatePlan(tx, actor.trustId, planId, version, {
            ...after,
            ownerPersonId: after.ownerPersonId ?? null,
          }),
        { entityType: 'plan', entityId: planId, schoolId: p.school_id, changes: { before, after } },
      );
      return planning.getPlan(actor, planId);
    },

    async editPriority(actor: Actor, priorityId: string, body: EditPriorityBody): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, pr, 'ownerPersonId');
      if (pr.status === 'stopped' && body.status)
        throw conflict('This priority was stopped after an impact check; it stays stopped.');
      const { version, ...after } = body;
      await save(
        actor,
        (tx) =>
          edits.updatePriority(tx, actor.trustId, priorityId, version, {
            ...after,
            ownerPersonId: after.ownerPersonId ?? null,
          }),
        {
          entityType: 'priority',
          entityId: priorityId,
          schoolId: pr.school_id,
          changes: {
            before: { title: pr.title, rationale: pr.rationale, tags: pr.tags, status: pr.status },
            after,
          },
        },
      );
      return planning.getPriority(actor, priorityId);
    },

    async editOutcome(actor: Actor, outcomeId: string, body: EditOutcomeBody): Promise<Priority> {
      const o = await edits.findOutcome(db, actor.trustId, outcomeId);
      if (!o) throw notFound('Outcome');
      const pr = await loadPriority(actor, o.priority_id, 'plan.write');
      const { version, ...after } = body;
      await save(actor, (tx) => edits.updateOutcome(tx, actor.trustId, outcomeId, version, after), {
        entityType: 'outcome',
        entityId: outcomeId,
        schoolId: pr.school_id,
        changes: {
          before: { baselineValue: o.baseline_value, targetValue: o.target_value, targetOn: o.target_on },
          after,
        },
      });
      return planning.getPriority(actor, pr.id);
    },

    async editAction(actor: Actor, actionId: string, body: EditActionBody): Promise<Priority> {
      const a = await repo.findAction(db, actor.trustId, actionId);
      if (!a) throw notFound('Action');
      const pr = await loadPriority(actor, a.priority_id, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, pr, 'ownerPersonId');
      const { version, ...after } = body;
      await save(actor, (tx) => edits.updateAction(tx, actor.trustId, actionId, version, after), {
        entityType: 'action',
        entityId: actionId,
        schoolId: pr.school_id,
        changes: {
          before: { description: a.description, dueOn: a.due_on, status: a.status, owner: a.owner_person_id },
          after,
        },
      });
      return planning.getPriority(actor, pr.id);
    },

    async editCheck(actor: Actor, checkId: string, body: EditCheckBody): Promise<Priority> {
      const c = await repo.findCheck(db, actor.trustId, checkId);
      if (!c) throw notFound('Impact check');
      const pr = await loadPriority(actor, c.priority_id, 'plan.write');
      if (c.recorded_on) throw conflict('This check has been recorded; its plan can no longer change.');
      await requireOwner(actor, body.ownerPersonId, pr, 'ownerPersonId');
      const outcomes = await repo.listOutcomes(db, actor.trustId, [pr.id]);
      if (body.outcomeIds.some((id) => !outcomes.some((o) => o.id === id)))
        throw badRequest('Choose outcomes of this priority.', { field: 'outcomeIds' });
      const { version, ...after } = body;
      await save(
        actor,
        (tx) =>
          edits.updatePlannedCheck(tx, actor.trustId, checkId, version, {
            ...after,
            ownerPersonId: after.ownerPersonId ?? null,
          }),
        {
          entityType: 'impact_check',
          entityId: checkId,
          schoolId: pr.school_id,
          changes: { before: { dueOn: c.due_on, method: c.method, owner: c.owner_person_id }, after },
        },
      );
      return planning.getPriority(actor, pr.id);
    },
  };
}

export type PlanEditsService = ReturnType<typeof createPlanEditsService>;
