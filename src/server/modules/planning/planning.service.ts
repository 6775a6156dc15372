import { academicYearOfDay } from '../../../shared/academic-year';
import type {
  ActionBody,
  CreatePlanBody,
  CreatePriorityBody,
  ImpactCheck,
  OutcomeBody,
  Phase,
  Plan,
  PlanCheckBody,
  PlanDetail,
  Priority,
  RecordCheckBody,
} from '../../../shared/contracts/planning';

import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { evaluationRepository } from '../evaluation/evaluation.repository';
import { frameworksRepository } from '../frameworks/frameworks.repository';
import { orgRepository } from '../org/org.repository';
import { plansToXlsx, planToDocx } from './plan-export';
import { planGuards, planResource } from './plan-guards';
import { type PlanRow, planningRepository as repo } from './planning.repository';
import { actionOverdue, checkState, onTrack, todayOf } from './schedule';

export type Clock = () => Date;

const presentPlan = (p: PlanRow): Plan => ({
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
  status: p.status as Plan['status'],
  version: p.version,
});

export function createPlanningService(db: Db, clock: Clock = () => new Date()) {
  const today = () => todayOf(clock());

  const { loadPlan, loadPriority, requireOwner } = planGuards(db);

  async function detail(actor: Actor, p: PlanRow): Promise<PlanDetail> {
    const priorities = await repo.listPriorities(db, actor.trustId, [p.id]);
    const ids = priorities.map((x) => x.id);
    const [outcomes, actions, checks, moves] = await Promise.all([
      repo.listOutcomes(db, actor.trustId, ids),
      repo.listActions(db, actor.trustId, { priorityIds: ids }),
      repo.listChecks(db, actor.trustId, { priorityIds: ids }),
      repo.listPhaseMoves(db, actor.trustId, ids),
    ]);
    const statementIds = [...new Set(priorities.flatMap((x) => x.statement_ids))];
    const statements = statementIds.length
      ? await frameworksRepository.statementsByIds(db, actor.trustId, statementIds)
      : [];
    const day = today();
    return {
      ...presentPlan(p),
      permissions: { write: can(actor, 'plan.write', planResource(actor, p)) },
      priorities: priorities.map((pr): Priority => {
        const mine = checks.filter((c) => c.priority_id === pr.id);
        return {
          id: pr.id,
          planId: pr.plan_id,
          title: pr.title,
          rationale: pr.rationale,
          phase: pr.phase as Phase,
          status: pr.status as Priority['status'],
          statements: statements
            .filter((s) => pr.statement_ids.includes(s.id))
            .map((s) => ({ id: s.id, code: s.code, text: s.text })),
          tags: pr.tags,
          phaseNotes: pr.phase_notes as Record<string, string>,
          ownerPersonId: pr.owner_person_id,
          version: pr.version,
          outcomes: outcomes
            .filter((o) => o.priority_id === pr.id)
            .map((o) => {
              // The latest recorded check that gave this outcome a value.
              const latest = mine
                .filter((c) => c.recorded_on && c.values.some((v) => v.outcomeId === o.id))
                .sort((a, b) => (a.recorded_on! < b.recorded_on! ? 1 : -1))[0];
              const value = latest?.values.find((v) => v.outcomeId === o.id)?.value ?? null;
              const point = latest && value !== null ? { value, on: latest.recorded_on! } : null;
              return {
                id: o.id,
                description: o.description,
                measure: o.measure,
                unit: o.unit,
                numeric: o.numeric,
                direction: o.direction as 'up' | 'down',
                groupLabel: o.group_label,
                baselineValue: o.baseline_value,
                baselineOn: o.baseline_on,
                targetValue: o.target_value,
                targetOn: o.target_on,
                version: o.version,
                latestValue: value,
                latestOn: point?.on ?? null,
                onTrack: onTrack(o, point),
              };
            }),
          actions: actions
            .filter((a) => a.priority_id === pr.id)
            .map((a) => ({
              id: a.id,
              description: a.description,
              ownerPersonId: a.owner_person_id,
              ownerName: a.owner_name,
              startsOn: a.starts_on,
              dueOn: a.due_on,
              resources: a.resources,
              status: a.status as Priority['actions'][number]['status'],
              overdue: actionOverdue(a, day),
              version: a.version,
            })),
          checks: mine.map((c) => presentCheck(c, day)),
          phaseMoves: moves
            .filter((m) => m.priority_id === pr.id)
            .map((m) => ({
              from: m.from_phase as Phase,
              to: m.to_phase as Phase,
              reason: m.reason,
              movedAt: m.moved_at.toISOString(),
            })),
        };
      }),
    };
  }

  return {
    today,

    async listPlans(actor: Actor): Promise<Plan[]> {
      const rows = await repo.listPlans(db, actor.trustId);
      return rows.filter((p) => can(actor, 'plan.read', planResource(actor, p))).map(presentPlan);
    },

    /** Every plan the actor may read, one row per priority, as a workbook. */
    async exportAll(actor: Actor): Promise<Buffer> {
      const plans = await this.listPlans(actor);
      return plansToXlsx(await Promise.all(plans.map((p) => this.getPlan(actor, p.id))));
    },

    async exportDocx(actor: Actor, planId: string): Promise<{ filename: string; body: Buffer }> {
      const p = await this.getPlan(actor, planId);
      const name =
        p.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'plan';
      return { filename: `${name}.docx`, body: await planToDocx(p) };
    },

    async getPlan(actor: Actor, planId: string): Promise<PlanDetail> {
      return detail(actor, await loadPlan(actor, planId, 'plan.read'));
    },

    async createPlan(actor: Actor, body: CreatePlanBody): Promise<PlanDetail> {
      let schoolId = body.schoolId ?? null;
      const departmentId = body.departmentId ?? null;
      if (departmentId) {
        const dept = await orgRepository.findDepartment(db, actor.trustId, departmentId);
        if (!dept) throw badRequest('Choose a department of this trust.', { field: 'departmentId' });
        schoolId = dept.school_id;
      } else if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) {
        throw badRequest('Choose a school of this trust.', { field: 'schoolId' });
      }
      if (!can(actor, 'plan.write', { trustId: actor.trustId, schoolId, departmentId })) throw forbidden();
      await requireOwner(actor, body.ownerPersonId, { school_id: schoolId }, 'ownerPersonId');
      const id = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertPlan(tx, {
          trustId: actor.trustId,
          schoolId,
          departmentId,
          title: body.title,
          periodStart: body.periodStart,
          periodEnd: body.periodEnd,
          ownerPersonId: body.ownerPersonId ?? null,
          reviewEveryWeeks: body.reviewEveryWeeks,
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'plan',
          entityId: id,
          schoolId,
          changes: { after: body },
        });
        return id;
      });
      return this.getPlan(actor, id);
    },

    async addPriority(
      actor: Actor,
      planId: string,
      body: CreatePriorityBody,
      sourceResponseId: string | null = null,
    ): Promise<Priority> {
      const plan = await loadPlan(actor, planId, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, plan, 'ownerPersonId');
      if (
        body.statementIds.length &&
        (await frameworksRepository.statementsByIds(db, actor.trustId, body.statementIds)).length !==
          body.statementIds.length
      ) {
        throw badRequest('Link statements from this trust’s evaluation tools.', { field: 'statementIds' });
      }
      const id = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertPriority(tx, {
          trustId: actor.trustId,
          planId,
          title: body.title,
          rationale: body.rationale,
          statementIds: body.statementIds,
          tags: body.tags,
          ownerPersonId: body.ownerPersonId ?? null,
          sourceResponseId,
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'priority',
          entityId: id,
          schoolId: plan.school_id,
          changes: { title: body.title, planId },
        });
        return id;
      });
      return this.getPriority(actor, id);
    },

    /**
     * One click from a judgement to a priority: into the school's (or department's) current plan,
     * which is created for this academic year if there is none yet.
     */
    async priorityFromJudgement(actor: Actor, responseId: string, planId?: string): Promise<Priority> {
      const r = await evaluationRepository.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Judgement');
      if (
        !can(actor, 'plan.write', {
          trustId: actor.trustId,
          schoolId: r.school_id,
          departmentId: r.department_id,
        })
      )
        throw forbidden();
      // One judgement, one priority: asking again opens the priority already made from it.
      const existing = await repo.findPriorityFromResponse(db, actor.trustId, responseId);
      if (existing) return this.getPriority(actor, existing.id);
      const [statement] = await frameworksRepository.statementsByIds(db, actor.trustId, [r.statement_id]);
      let target = planId;
      if (!target) {
        const existing = await repo.findActivePlanFor(
          db,
          actor.trustId,
          r.school_id,
          r.department_id,
          today(),
        );
        if (existing) target = existing.id;
        else {
          const year = academicYearOfDay(today());
          const school = r.school_id
            ? await orgRepository.findSchool(db, actor.trustId, r.school_id)
            : undefined;
          const created = await this.createPlan(actor, {
            title: `${school?.name ?? 'Trust'} improvement plan ${year.label}`,
            schoolId: r.school_id,
            departmentId: r.department_id,
            periodStart: year.start,
            periodEnd: year.end,
            reviewEveryWeeks: 6,
          });
          target = created.id;
        }
      }
      return this.addPriority(
        actor,
        target,
        {
          title: statement ? `Improve: ${statement.text}` : 'New priority',
          rationale: r.agreed_rationale || r.self_reason,
          statementIds: r.statement_id ? [r.statement_id] : [],
          tags: statement?.tags ?? [],
          ownerPersonId: null,
        },
        responseId,
      );
    },

    async getPriority(actor: Actor, priorityId: string): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.read');
      const plan = (await repo.findPlan(db, actor.trustId, pr.plan_id))!;
      const d = await detail(actor, plan);
      return d.priorities.find((x) => x.id === priorityId)!;
    },

    /** Phases are a state, not a strict sequence: any move is allowed, each with its reason recorded. */
    async movePhase(
      actor: Actor,
      priorityId: string,
      version: number,
      to: Phase,
      reason: string,
    ): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      if (pr.phase === to) throw badRequest(`The priority is already in ${to}.`, { field: 'to' });
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updatePriority(tx, actor.trustId, priorityId, version, { phase: to })))
          throw staleVersion();
        await repo.insertPhaseMove(tx, {
          trustId: actor.trustId,
          priorityId,
          from: pr.phase,
          to,
          reason,
          movedBy: actor.via === 'system' ? null : actor.personId,
        });
        await auditService.record(tx, actor, {
          action: 'move_phase',
          entityType: 'priority',
          entityId: priorityId,
          schoolId: pr.school_id,
          changes: { phase: { from: pr.phase, to }, reason },
        });
      });
      return this.getPriority(actor, priorityId);
    },

    async savePhaseNotes(
      actor: Actor,
      priorityId: string,
      version: number,
      phase: Phase,
      notes: string,
    ): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      const phaseNotes = { ...(pr.phase_notes as Record<string, string>), [phase]: notes };
      if (!(await repo.updatePriority(db, actor.trustId, priorityId, version, { phase_notes: phaseNotes })))
        throw staleVersion();
      return this.getPriority(actor, priorityId);
    },

    async addOutcome(actor: Actor, priorityId: string, body: OutcomeBody): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertOutcome(tx, { trustId: actor.trustId, priorityId, ...body });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'outcome',
          entityId: id,
          schoolId: pr.school_id,
          changes: { after: body },
        });
      });
      return this.getPriority(actor, priorityId);
    },

    async addAction(actor: Actor, priorityId: string, body: ActionBody): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, pr, 'ownerPersonId');
      await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertAction(tx, { trustId: actor.trustId, priorityId, ...body });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'action',
          entityId: id,
          schoolId: pr.school_id,
          changes: { after: body },
        });
      });
      return this.getPriority(actor, priorityId);
    },

    async setActionStatus(
      actor: Actor,
      actionId: string,
      version: number,
      status: string,
    ): Promise<Priority> {
      const a = await repo.findAction(db, actor.trustId, actionId);
      if (!a) throw notFound('Action');
      const pr = await loadPriority(actor, a.priority_id, 'plan.write');
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateActionStatus(tx, actor.trustId, actionId, version, status)))
          throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          schoolId: pr.school_id,
          changes: { status: { from: a.status, to: status } },
        });
      });
      return this.getPriority(actor, a.priority_id);
    },

    async planCheck(actor: Actor, priorityId: string, body: PlanCheckBody): Promise<Priority> {
      const pr = await loadPriority(actor, priorityId, 'plan.write');
      await requireOwner(actor, body.ownerPersonId, pr, 'ownerPersonId');
      const outcomes = await repo.listOutcomes(db, actor.trustId, [priorityId]);
      if (body.outcomeIds.some((id) => !outcomes.some((o) => o.id === id))) {
        throw badRequest('Choose outcomes of this priority.', { field: 'outcomeIds' });
      }
      await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertCheck(tx, {
          trustId: actor.trustId,
          priorityId,
          ...body,
          ownerPersonId: body.ownerPersonId ?? null,
        });
        await auditService.record(tx, actor, {
          action: 'plan_check',
          entityType: 'impact_check',
          entityId: id,
          schoolId: pr.school_id,
          changes: { after: body },
        });
      });
      return this.getPriority(actor, priorityId);
    },

    /** Records what a check found and what was decided; "stop" de-implements the priority. */
    async recordCheck(actor: Actor, checkId: string, body: RecordCheckBody): Promise<Priority> {
      const c = await repo.findCheck(db, actor.trustId, checkId);
      if (!c) throw notFound('Impact check');
      const pr = await loadPriority(actor, c.priority_id, 'plan.write');
      if (c.recorded_on) throw conflict('This check has already been recorded.');
      const outcomes = await repo.listOutcomes(db, actor.trustId, [pr.id]);
      for (const v of body.values) {
        const o = outcomes.find((x) => x.id === v.outcomeId);
        if (!o) throw badRequest('Give values for this priority’s outcomes only.', { field: 'values' });
        if (o.numeric && !Number.isFinite(Number(v.value)))
          throw badRequest(`Enter a number for “${o.measure}”.`, { field: 'values' });
      }
      await db.transaction().execute(async (tx) => {
        if (!(await repo.recordCheck(tx, actor.trustId, checkId, body.version, body))) throw staleVersion();
        if (body.response === 'stop') {
          await repo.updatePriority(tx, actor.trustId, pr.id, pr.version, { status: 'stopped' });
          await repo.insertDeimplementation(tx, {
            trustId: actor.trustId,
            priorityId: pr.id,
            checkId,
            stoppedOn: body.recordedOn,
            reason: body.responseDetail,
            evidence: body.deimplementation?.evidence || body.findings,
            timeFreed: body.deimplementation?.timeFreed ?? '',
            moneyFreed: body.deimplementation?.moneyFreed ?? '',
          });
        }
        await auditService.record(tx, actor, {
          action: 'record_check',
          entityType: 'impact_check',
          entityId: checkId,
          schoolId: pr.school_id,
          changes: { rag: body.rag, response: body.response, values: body.values },
        });
      });
      return this.getPriority(actor, pr.id);
    },
  };
}

export function presentCheck(
  c: Awaited<ReturnType<typeof repo.listChecks>>[number],
  day: string,
): ImpactCheck {
  return {
    id: c.id,
    dueOn: c.due_on,
    method: c.method as ImpactCheck['method'],
    outcomeIds: c.outcome_ids,
    ownerPersonId: c.owner_person_id,
    ownerName: c.owner_name,
    recordedOn: c.recorded_on,
    findings: c.findings,
    values: c.values,
    rag: c.rag as ImpactCheck['rag'],
    response: c.response as ImpactCheck['response'],
    responseDetail: c.response_detail,
    state: checkState(c, day),
    version: c.version,
  };
}

export type PlanningService = ReturnType<typeof createPlanningService>;
