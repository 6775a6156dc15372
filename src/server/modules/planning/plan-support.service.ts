import type { PrioritySupport } from '../../../shared/contracts/planning';
import type { Actor } from '../../platform/auth/actor';
import { can, canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { peopleRepository } from '../people/people.repository';
import { planSupportRepository as repo } from './plan-support.repository';
import { planningRepository } from './planning.repository';

type BarrierInput = {
  risk: string;
  likelihood: string;
  impact: string;
  warningSign: string;
  contingency: string;
  ownerPersonId?: string | null;
};
type SupportInput = {
  kind: string;
  providerPersonId?: string | null;
  recipientPersonId?: string | null;
  startedOn: string;
  sessionsHeld: number;
  notes: string;
};

/** Barriers and contingencies, support given, and fidelity measures around a priority; and a capacity view. */
export function createPlanSupportService(db: Db) {
  async function priorityFor(actor: Actor, priorityId: string, action: 'plan.read' | 'plan.write') {
    const pr = await planningRepository.findPriority(db, actor.trustId, priorityId);
    if (!pr) throw notFound('Priority');
    if (
      !can(actor, action, { trustId: actor.trustId, schoolId: pr.school_id, departmentId: pr.department_id })
    )
      throw forbidden();
    return pr;
  }

  async function requirePeople(actor: Actor, ids: (string | null | undefined)[]) {
    for (const id of ids) {
      if (id && !(await peopleRepository.findPerson(db, actor.trustId, id))) throw notFound('Person');
    }
  }

  async function write(
    actor: Actor,
    priorityId: string,
    entityType: string,
    changes: object,
    fn: (tx: Db) => Promise<void>,
  ) {
    const pr = await priorityFor(actor, priorityId, 'plan.write');
    await db.transaction().execute(async (tx) => {
      await fn(tx);
      await auditService.record(tx, actor, {
        action: 'create',
        entityType,
        entityId: priorityId,
        schoolId: pr.school_id,
        changes,
      });
    });
  }

  return {
    async get(actor: Actor, priorityId: string): Promise<PrioritySupport> {
      await priorityFor(actor, priorityId, 'plan.read');
      const [barriers, support, measures] = await Promise.all([
        repo.listBarriers(db, actor.trustId, priorityId),
        repo.listSupport(db, actor.trustId, priorityId),
        repo.listMeasures(db, actor.trustId, priorityId),
      ]);
      const values = await repo.listValues(
        db,
        actor.trustId,
        measures.map((m) => m.id),
      );
      return {
        barriers: barriers.map((b) => ({
          id: b.id,
          risk: b.risk,
          likelihood: b.likelihood as 'low',
          impact: b.impact as 'low',
          warningSign: b.warning_sign,
          contingency: b.contingency,
          ownerPersonId: b.owner_person_id,
        })),
        support: support.map((s) => ({
          id: s.id,
          kind: s.kind as 'coaching',
          providerPersonId: s.provider_person_id,
          providerName: s.provider_name,
          recipientPersonId: s.recipient_person_id,
          recipientName: s.recipient_name,
          startedOn: s.started_on,
          sessionsHeld: s.sessions_held,
          notes: s.notes,
        })),
        fidelity: measures.map((m) => ({
          id: m.id,
          name: m.name,
          unit: m.unit,
          target: m.target,
          values: values
            .filter((v) => v.measure_id === m.id)
            .map((v) => ({ recordedOn: v.recorded_on, value: v.value, note: v.note })),
        })),
      };
    },

    async addBarrier(actor: Actor, priorityId: string, b: BarrierInput): Promise<PrioritySupport> {
      await requirePeople(actor, [b.ownerPersonId]);
      await write(actor, priorityId, 'barrier', b, (tx) =>
        repo.insertBarrier(tx, {
          trustId: actor.trustId,
          priorityId,
          ...b,
          ownerPersonId: b.ownerPersonId ?? null,
        }),
      );
      return this.get(actor, priorityId);
    },

    async addSupport(actor: Actor, priorityId: string, s: SupportInput): Promise<PrioritySupport> {
      await requirePeople(actor, [s.providerPersonId, s.recipientPersonId]);
      await write(actor, priorityId, 'support', s, (tx) =>
        repo.insertSupport(tx, {
          trustId: actor.trustId,
          priorityId,
          ...s,
          providerPersonId: s.providerPersonId ?? null,
          recipientPersonId: s.recipientPersonId ?? null,
        }),
      );
      return this.get(actor, priorityId);
    },

    async addMeasure(
      actor: Actor,
      priorityId: string,
      m: { name: string; unit: string; target?: number | null },
    ): Promise<PrioritySupport> {
      await write(actor, priorityId, 'fidelity_measure', m, (tx) =>
        repo.insertMeasure(tx, {
          trustId: actor.trustId,
          priorityId,
          name: m.name,
          unit: m.unit,
          target: m.target ?? null,
        }),
      );
      return this.get(actor, priorityId);
    },

    async addValue(
      actor: Actor,
      measureId: string,
      v: { recordedOn: string; value: number; note: string },
    ): Promise<PrioritySupport> {
      const m = await repo.findMeasure(db, actor.trustId, measureId);
      if (!m) throw notFound('Fidelity measure');
      await write(actor, m.priority_id, 'fidelity_value', { measureId, ...v }, (tx) =>
        repo.insertValue(tx, { trustId: actor.trustId, measureId, ...v }),
      );
      return this.get(actor, m.priority_id);
    },

    /** Who carries what in a period, so leaders can match new initiatives to the capacity to deliver them. */
    async capacity(actor: Actor, from: string, to: string) {
      if (!canAnywhere(actor, 'plan.write') && !can(actor, 'trust.read', { trustId: actor.trustId }))
        throw forbidden();
      const rows = await repo.capacity(db, actor.trustId, from, to);
      const visible = can(actor, 'person.read', { trustId: actor.trustId })
        ? rows
        : rows.filter((r) => r.id === actor.personId);
      return {
        from,
        to,
        people: visible
          .map((r) => ({
            personId: r.id,
            name: r.name,
            actions: r.actions ?? 0,
            openActions: r.open_actions ?? 0,
            prioritiesOwned: r.priorities_owned ?? 0,
            checks: r.checks ?? 0,
          }))
          .filter((p) => p.actions + p.prioritiesOwned + p.checks > 0 || p.personId === actor.personId),
      };
    },
  };
}

export type PlanSupportService = ReturnType<typeof createPlanSupportService>;
