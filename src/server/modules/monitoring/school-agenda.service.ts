import type { SchoolAgenda, WeekItem } from '../../../shared/contracts/planning';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { evaluationRepository } from '../evaluation/evaluation.repository';
import { orgRepository } from '../org/org.repository';
import { planSupportRepository } from '../planning/plan-support.repository';
import { planningRepository } from '../planning/planning.repository';
import type { Clock } from '../planning/planning.service';
import { actionDueSoon, actionOverdue, checkState, todayOf } from '../planning/schedule';

/**
 * The agenda for a liaison's meeting with a school: plan items due or overdue, evaluations still
 * open in current rounds, and the support under way for the school's priorities.
 */
export function createSchoolAgendaService(db: Db, clock: Clock) {
  return {
    async forSchool(actor: Actor, schoolId: string): Promise<SchoolAgenda> {
      const school = await orgRepository.findSchool(db, actor.trustId, schoolId);
      if (!school) throw notFound('School');
      if (!can(actor, 'plan.read', { trustId: actor.trustId, schoolId })) throw forbidden();
      const day = todayOf(clock());
      const plans = (await planningRepository.listPlans(db, actor.trustId)).filter(
        (p) => p.school_id === schoolId && p.status === 'active',
      );
      const priorities = (
        await planningRepository.listPriorities(
          db,
          actor.trustId,
          plans.map((p) => p.id),
        )
      ).filter((p) => p.status === 'active');
      const ids = priorities.map((p) => p.id);
      const [actions, checks] = await Promise.all([
        planningRepository.listActions(db, actor.trustId, { priorityIds: ids }),
        planningRepository.listChecks(db, actor.trustId, { priorityIds: ids }),
      ]);
      const ctx = (priorityId: string) => {
        const pr = priorities.find((p) => p.id === priorityId)!;
        const plan = plans.find((p) => p.id === pr.plan_id)!;
        return {
          planId: plan.id,
          planTitle: plan.title,
          priorityId,
          priorityTitle: pr.title,
          schoolName: school.name,
        };
      };
      const items: WeekItem[] = [
        ...actions
          .filter((a) => actionDueSoon(a, day))
          .map((a) => ({
            kind: 'action' as const,
            id: a.id,
            title: a.description,
            dueOn: a.due_on,
            overdue: actionOverdue(a, day),
            ...ctx(a.priority_id),
          })),
        ...checks
          .filter((c) => ['due', 'overdue'].includes(checkState(c, day)))
          .map((c) => ({
            kind: 'check' as const,
            id: c.id,
            title: `Impact check: ${c.method.replace('_', ' ')}`,
            dueOn: c.due_on,
            overdue: checkState(c, day) === 'overdue',
            ...ctx(c.priority_id),
          })),
      ].sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn));

      const rounds = (await evaluationRepository.listRounds(db, actor.trustId)).filter(
        (r) => r.status === 'open',
      );
      const evaluations: SchoolAgenda['evaluations'] = [];
      for (const r of rounds) {
        for (const s of await evaluationRepository.listSubjects(db, actor.trustId, r.id)) {
          if (s.school_id !== schoolId || s.status === 'agreed') continue;
          evaluations.push({
            subjectId: s.id,
            roundName: r.name,
            toolName: s.tool_name,
            departmentName: s.department_name,
            status: s.status as 'draft',
            closesOn: r.closes_on,
            judged: s.judged ?? 0,
            statements: s.statements ?? 0,
          });
        }
      }
      const support = [];
      for (const pr of priorities) {
        for (const s of await planSupportRepository.listSupport(db, actor.trustId, pr.id)) {
          support.push({
            priorityTitle: pr.title,
            kind: s.kind,
            providerName: s.provider_name,
            sessionsHeld: s.sessions_held,
            startedOn: s.started_on,
          });
        }
      }
      return { schoolId, on: day, items, evaluations, support };
    },
  };
}
