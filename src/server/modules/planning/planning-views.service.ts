import type { Agenda, PlanOverview, WeekItem } from '../../../shared/contracts/planning';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { peopleRepository } from '../people/people.repository';
import { planningRepository as repo } from './planning.repository';
import type { Clock } from './planning.service';
import { actionDueSoon, actionOverdue, checkState, onTrack, todayOf } from './schedule';

/** Views across plans: "my week", line-management agendas and the trust overview. */
export function createPlanningViews(db: Db, clock: Clock = () => new Date()) {
  async function itemsFor(
    actor: Actor,
    personId: string,
    day: string,
  ): Promise<{ items: WeekItem[]; ownedPlanIds: Set<string> }> {
    const plans = await repo.listPlans(db, actor.trustId);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const priorities = await repo.listPriorities(
      db,
      actor.trustId,
      plans.map((p) => p.id),
    );
    const priorityById = new Map(priorities.map((p) => [p.id, p]));
    const ownedPlanIds = new Set(plans.filter((p) => p.owner_person_id === personId).map((p) => p.id));
    const ownedPriorityIds = priorities
      .filter((p) => ownedPlanIds.has(p.plan_id) || p.owner_person_id === personId)
      .map((p) => p.id);
    const [actions, myChecks, planChecks] = await Promise.all([
      repo.listActions(db, actor.trustId, { ownerPersonId: personId }),
      repo.listChecks(db, actor.trustId, { ownerPersonId: personId }),
      repo.listChecks(db, actor.trustId, { priorityIds: ownedPriorityIds }),
    ]);
    const context = (priorityId: string) => {
      const pr = priorityById.get(priorityId)!;
      const plan = planById.get(pr.plan_id)!;
      return {
        planId: plan.id,
        planTitle: plan.title,
        priorityId: pr.id,
        priorityTitle: pr.title,
        schoolName: plan.school_name,
      };
    };
    const items: WeekItem[] = [];
    for (const a of actions) {
      if (!actionDueSoon(a, day) || priorityById.get(a.priority_id)?.status !== 'active') continue;
      items.push({
        kind: 'action',
        id: a.id,
        title: a.description,
        dueOn: a.due_on,
        overdue: actionOverdue(a, day),
        ...context(a.priority_id),
      });
    }
    const seen = new Set<string>();
    for (const c of [...myChecks, ...planChecks]) {
      const state = checkState(c, day);
      if (
        seen.has(c.id) ||
        (state !== 'due' && state !== 'overdue') ||
        priorityById.get(c.priority_id)?.status !== 'active'
      )
        continue;
      seen.add(c.id);
      items.push({
        kind: 'check',
        id: c.id,
        title: `Impact check: ${c.method.replace('_', ' ')}`,
        dueOn: c.due_on,
        overdue: state === 'overdue',
        ...context(c.priority_id),
      });
    }
    // Overdue first, then by date: the order a meeting should take them in.
    items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn));
    const visible = items.filter((i) => {
      const plan = planById.get(i.planId)!;
      return can(actor, 'plan.read', {
        trustId: actor.trustId,
        schoolId: plan.school_id,
        departmentId: plan.department_id,
      });
    });
    return { items: visible, ownedPlanIds };
  }

  return {
    /** Actions and checks due in the next fortnight, and everything overdue, for the signed-in person. */
    async myWeek(actor: Actor): Promise<Agenda> {
      return this.agenda(actor, actor.personId);
    },

    /** A line-management agenda: the person's due and overdue items, and off-track outcomes in plans they own. */
    async agenda(actor: Actor, personId: string): Promise<Agenda> {
      const person = await peopleRepository.findPerson(db, actor.trustId, personId);
      if (!person) throw notFound('Person');
      if (personId !== actor.personId && !can(actor, 'person.read', { trustId: actor.trustId })) {
        const roles = await peopleRepository.listAssignments(db, actor.trustId, [personId]);
        if (
          !roles.some(
            (r) =>
              r.school_id && can(actor, 'person.read', { trustId: actor.trustId, schoolId: r.school_id }),
          )
        )
          throw forbidden();
      }
      const day = todayOf(clock());
      const { items, ownedPlanIds } = await itemsFor(actor, personId, day);
      const priorities = (await repo.listPriorities(db, actor.trustId, [...ownedPlanIds])).filter(
        (p) => p.status === 'active',
      );
      const [outcomes, checks] = await Promise.all([
        repo.listOutcomes(
          db,
          actor.trustId,
          priorities.map((p) => p.id),
        ),
        repo.listChecks(db, actor.trustId, { priorityIds: priorities.map((p) => p.id) }),
      ]);
      const offTrack = outcomes.flatMap((o) => {
        const latest = checks
          .filter((c) => c.recorded_on && c.values.some((v) => v.outcomeId === o.id))
          .sort((a, b) => (a.recorded_on! < b.recorded_on! ? 1 : -1))[0];
        const value = latest?.values.find((v) => v.outcomeId === o.id)?.value;
        if (!latest || value === undefined || onTrack(o, { value, on: latest.recorded_on! }) !== false)
          return [];
        const pr = priorities.find((p) => p.id === o.priority_id)!;
        return [
          {
            outcomeId: o.id,
            description: o.description,
            priorityTitle: pr.title,
            latestValue: value,
            targetValue: o.target_value,
          },
        ];
      });
      return { personId, on: day, items, offTrackOutcomes: offTrack };
    },

    /** Every plan the actor may see, with priorities by phase, overdue checks and the de-implementation register. */
    async overview(actor: Actor): Promise<PlanOverview> {
      const day = todayOf(clock());
      const [plans, counts, stopped] = await Promise.all([
        repo.listPlans(db, actor.trustId),
        repo.planCounts(db, actor.trustId, day),
        repo.listDeimplementations(db, actor.trustId),
      ]);
      const visible = plans.filter((p) =>
        can(actor, 'plan.read', {
          trustId: actor.trustId,
          schoolId: p.school_id,
          departmentId: p.department_id,
        }),
      );
      const visibleIds = new Set(visible.map((p) => p.id));
      return {
        plans: visible.map((p) => {
          const mine = counts.filter((c) => c.plan_id === p.id);
          const byPhase: Record<string, number> = {};
          for (const c of mine.filter((x) => x.status === 'active'))
            byPhase[c.phase] = (byPhase[c.phase] ?? 0) + c.priorities;
          return {
            id: p.id,
            title: p.title,
            schoolId: p.school_id,
            schoolName: p.school_name,
            departmentId: p.department_id,
            departmentName: p.department_name,
            periodStart: p.period_start,
            periodEnd: p.period_end,
            ownerPersonId: p.owner_person_id,
            ownerName: p.owner_name,
            reviewEveryWeeks: p.review_every_weeks,
            status: p.status as 'active' | 'archived',
            version: p.version,
            priorities: mine.reduce((n, c) => n + c.priorities, 0),
            byPhase,
            overdueChecks: mine.reduce((n, c) => n + c.overdue_checks, 0),
            stopped: mine.filter((c) => c.status === 'stopped').reduce((n, c) => n + c.priorities, 0),
          };
        }),
        deimplemented: stopped
          .filter((d) => visible.some((p) => p.school_id === d.school_id) || visibleIds.size === plans.length)
          .map((d) => ({
            priorityId: d.priority_id,
            planId: d.plan_id,
            title: d.title,
            schoolName: d.school_name,
            stoppedOn: d.stopped_on,
            reason: d.reason,
            evidence: d.evidence,
            timeFreed: d.time_freed,
            moneyFreed: d.money_freed,
          })),
      };
    },
  };
}

export type PlanningViews = ReturnType<typeof createPlanningViews>;
