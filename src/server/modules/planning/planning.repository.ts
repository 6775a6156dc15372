import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { PhaseNotesJson } from '../../platform/db/schema';

const planColumns = [
  'p.id',
  'p.trust_id',
  'p.school_id',
  'p.department_id',
  'p.title',
  'p.period_start',
  'p.period_end',
  'p.owner_person_id',
  'p.review_every_weeks',
  'p.status',
  'p.version',
  's.name as school_name',
  'd.name as department_name',
  'o.name as owner_name',
] as const;

function plans(db: Db, trustId: string) {
  return db
    .selectFrom('plans as p')
    .leftJoin('schools as s', 's.id', 'p.school_id')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('people as o', 'o.id', 'p.owner_person_id')
    .where('p.trust_id', '=', trustId)
    .select(planColumns);
}

export type PlanRow = Awaited<ReturnType<typeof planningRepository.listPlans>>[number];

/** An outcome's editable fields as columns: the same on insert and on edit. */
export type OutcomeFields = {
  description: string;
  measure: string;
  unit: string;
  numeric: boolean;
  direction: string;
  groupLabel: string;
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
};
export const outcomeColumns = (o: OutcomeFields) => ({
  description: o.description,
  measure: o.measure,
  unit: o.unit,
  numeric: o.numeric,
  direction: o.direction,
  group_label: o.groupLabel,
  baseline_value: o.baselineValue,
  baseline_on: o.baselineOn,
  target_value: o.targetValue,
  target_on: o.targetOn,
});

export const planningRepository = {
  listPlans(db: Db, trustId: string) {
    return plans(db, trustId).orderBy('s.name').orderBy('p.period_start', 'desc').execute();
  },

  findPlan(db: Db, trustId: string, planId: string) {
    return plans(db, trustId).where('p.id', '=', planId).executeTakeFirst();
  },

  /** The school's (or department's) active plan covering a day, for one-click priorities. */
  findActivePlanFor(
    db: Db,
    trustId: string,
    schoolId: string | null,
    departmentId: string | null,
    on: string,
  ) {
    return plans(db, trustId)
      .where('p.status', '=', 'active')
      .where((eb) => (schoolId ? eb('p.school_id', '=', schoolId) : eb('p.school_id', 'is', null)))
      .where((eb) =>
        departmentId ? eb('p.department_id', '=', departmentId) : eb('p.department_id', 'is', null),
      )
      .where('p.period_start', '<=', on)
      .where('p.period_end', '>=', on)
      .orderBy('p.period_start', 'desc')
      .executeTakeFirst();
  },

  insertPlan(
    db: Db,
    p: {
      trustId: string;
      schoolId: string | null;
      departmentId: string | null;
      title: string;
      periodStart: string;
      periodEnd: string;
      ownerPersonId: string | null;
      reviewEveryWeeks: number;
    },
  ) {
    return db
      .insertInto('plans')
      .values({
        trust_id: p.trustId,
        school_id: p.schoolId,
        department_id: p.departmentId,
        title: p.title,
        period_start: p.periodStart,
        period_end: p.periodEnd,
        owner_person_id: p.ownerPersonId,
        review_every_weeks: p.reviewEveryWeeks,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  listPriorities(db: Db, trustId: string, planIds: readonly string[]) {
    if (!planIds.length) return Promise.resolve([]);
    return db
      .selectFrom('priorities')
      .where('trust_id', '=', trustId)
      .where('plan_id', 'in', planIds)
      .selectAll()
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  },

  findPriority(db: Db, trustId: string, priorityId: string) {
    return db
      .selectFrom('priorities as pr')
      .innerJoin('plans as p', 'p.id', 'pr.plan_id')
      .where('pr.trust_id', '=', trustId)
      .where('pr.id', '=', priorityId)
      .selectAll('pr')
      .select(['p.school_id', 'p.department_id'])
      .executeTakeFirst();
  },

  findPriorityFromResponse(db: Db, trustId: string, responseId: string) {
    return db
      .selectFrom('priorities')
      .where('trust_id', '=', trustId)
      .where('source_response_id', '=', responseId)
      .select('id')
      .executeTakeFirst();
  },

  insertPriority(
    db: Db,
    p: {
      trustId: string;
      planId: string;
      title: string;
      rationale: string;
      statementIds: string[];
      tags: string[];
      ownerPersonId: string | null;
      sourceResponseId: string | null;
    },
  ) {
    return db
      .insertInto('priorities')
      .values({
        trust_id: p.trustId,
        plan_id: p.planId,
        title: p.title,
        rationale: p.rationale,
        statement_ids: p.statementIds,
        tags: p.tags,
        owner_person_id: p.ownerPersonId,
        source_response_id: p.sourceResponseId,
        position: sql<number>`(select coalesce(max(position), -1) + 1 from priorities where plan_id = ${p.planId})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  async updatePriority(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    changes: Partial<{ phase: string; status: string; phase_notes: PhaseNotesJson }>,
  ): Promise<boolean> {
    const { phase_notes, ...rest } = changes;
    const r = await db
      .updateTable('priorities')
      .set({
        ...rest,
        ...(phase_notes ? { phase_notes: JSON.stringify(phase_notes) } : {}),
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async insertPhaseMove(
    db: Db,
    m: {
      trustId: string;
      priorityId: string;
      from: string;
      to: string;
      reason: string;
      movedBy: string | null;
    },
  ) {
    await db
      .insertInto('phase_moves')
      .values({
        trust_id: m.trustId,
        priority_id: m.priorityId,
        from_phase: m.from,
        to_phase: m.to,
        reason: m.reason,
        moved_by: m.movedBy,
      })
      .execute();
  },

  listPhaseMoves(db: Db, trustId: string, priorityIds: readonly string[]) {
    if (!priorityIds.length) return Promise.resolve([]);
    return db
      .selectFrom('phase_moves')
      .where('trust_id', '=', trustId)
      .where('priority_id', 'in', priorityIds)
      .selectAll()
      .orderBy('moved_at')
      .execute();
  },

  listOutcomes(db: Db, trustId: string, priorityIds: readonly string[]) {
    if (!priorityIds.length) return Promise.resolve([]);
    return db
      .selectFrom('outcomes')
      .where('trust_id', '=', trustId)
      .where('priority_id', 'in', priorityIds)
      .selectAll()
      .execute();
  },

  insertOutcome(
    db: Db,
    o: {
      trustId: string;
      priorityId: string;
      description: string;
      measure: string;
      unit: string;
      numeric: boolean;
      direction: string;
      groupLabel: string;
      baselineValue: string;
      baselineOn: string;
      targetValue: string;
      targetOn: string;
    },
  ) {
    return db
      .insertInto('outcomes')
      .values({
        trust_id: o.trustId,
        priority_id: o.priorityId,
        ...outcomeColumns(o),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  listActions(db: Db, trustId: string, filter: { priorityIds?: readonly string[]; ownerPersonId?: string }) {
    let q = db
      .selectFrom('plan_actions as a')
      .leftJoin('people as o', 'o.id', 'a.owner_person_id')
      .where('a.trust_id', '=', trustId)
      .selectAll('a')
      .select('o.name as owner_name');
    if (filter.priorityIds) {
      if (!filter.priorityIds.length) return Promise.resolve([]);
      q = q.where('a.priority_id', 'in', filter.priorityIds);
    }
    if (filter.ownerPersonId) q = q.where('a.owner_person_id', '=', filter.ownerPersonId);
    return q.orderBy('a.due_on').execute();
  },

  insertAction(
    db: Db,
    a: {
      trustId: string;
      priorityId: string;
      description: string;
      ownerPersonId: string;
      startsOn: string;
      dueOn: string;
      resources: string;
      status: string;
    },
  ) {
    return db
      .insertInto('plan_actions')
      .values({
        trust_id: a.trustId,
        priority_id: a.priorityId,
        description: a.description,
        owner_person_id: a.ownerPersonId,
        starts_on: a.startsOn,
        due_on: a.dueOn,
        resources: a.resources,
        status: a.status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  findAction(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('plan_actions')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  async updateActionStatus(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    status: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('plan_actions')
      .set({ status, version: version + 1 })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  listChecks(db: Db, trustId: string, filter: { priorityIds?: readonly string[]; ownerPersonId?: string }) {
    let q = db
      .selectFrom('impact_checks as c')
      .leftJoin('people as o', 'o.id', 'c.owner_person_id')
      .where('c.trust_id', '=', trustId)
      .selectAll('c')
      .select('o.name as owner_name');
    if (filter.priorityIds) {
      if (!filter.priorityIds.length) return Promise.resolve([]);
      q = q.where('c.priority_id', 'in', filter.priorityIds);
    }
    if (filter.ownerPersonId) q = q.where('c.owner_person_id', '=', filter.ownerPersonId);
    return q.orderBy('c.due_on').execute();
  },

  insertCheck(
    db: Db,
    c: {
      trustId: string;
      priorityId: string;
      dueOn: string;
      method: string;
      outcomeIds: string[];
      ownerPersonId: string | null;
    },
  ) {
    return db
      .insertInto('impact_checks')
      .values({
        trust_id: c.trustId,
        priority_id: c.priorityId,
        due_on: c.dueOn,
        method: c.method,
        outcome_ids: c.outcomeIds,
        owner_person_id: c.ownerPersonId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  findCheck(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('impact_checks')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  async recordCheck(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    r: {
      recordedOn: string;
      findings: string;
      values: { outcomeId: string; value: string }[];
      rag: string;
      response: string;
      responseDetail: string;
    },
  ): Promise<boolean> {
    const res = await db
      .updateTable('impact_checks')
      .set({
        recorded_on: r.recordedOn,
        findings: r.findings,
        values: JSON.stringify(r.values),
        rag: r.rag,
        response: r.response,
        response_detail: r.responseDetail,
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return res.numUpdatedRows === 1n;
  },

  async insertDeimplementation(
    db: Db,
    d: {
      trustId: string;
      priorityId: string;
      checkId: string | null;
      stoppedOn: string;
      reason: string;
      evidence: string;
      timeFreed: string;
      moneyFreed: string;
    },
  ) {
    await db
      .insertInto('deimplementations')
      .values({
        trust_id: d.trustId,
        priority_id: d.priorityId,
        check_id: d.checkId,
        stopped_on: d.stoppedOn,
        reason: d.reason,
        evidence: d.evidence,
        time_freed: d.timeFreed,
        money_freed: d.moneyFreed,
      })
      .execute();
  },

  listDeimplementations(db: Db, trustId: string) {
    return db
      .selectFrom('deimplementations as x')
      .innerJoin('priorities as pr', 'pr.id', 'x.priority_id')
      .innerJoin('plans as p', 'p.id', 'pr.plan_id')
      .leftJoin('schools as s', 's.id', 'p.school_id')
      .where('x.trust_id', '=', trustId)
      .select([
        'x.priority_id',
        'pr.plan_id',
        'pr.title',
        'p.school_id',
        's.name as school_name',
        'x.stopped_on',
        'x.reason',
        'x.evidence',
        'x.time_freed',
        'x.money_freed',
      ])
      .orderBy('x.stopped_on', 'desc')
      .execute();
  },

  /** Counts per plan for the trust overview, computed in the database rather than row by row. */
  planCounts(db: Db, trustId: string, today: string) {
    return db
      .selectFrom('priorities as pr')
      .leftJoin('impact_checks as c', (j) =>
        j.onRef('c.priority_id', '=', 'pr.id').on('c.recorded_on', 'is', null).on('c.due_on', '<', today),
      )
      .where('pr.trust_id', '=', trustId)
      .groupBy(['pr.plan_id', 'pr.phase', 'pr.status'])
      .select(['pr.plan_id', 'pr.phase', 'pr.status'])
      .select([
        sql<number>`count(distinct pr.id)::int`.as('priorities'),
        sql<number>`count(c.id)::int`.as('overdue_checks'),
      ])
      .execute();
  },
};
