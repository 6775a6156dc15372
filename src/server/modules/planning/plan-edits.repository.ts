import type { Db } from '../../platform/db/database';
import { type OutcomeFields, outcomeColumns } from './planning.repository';

/** True when the row was at `version` and is now at the next one; false means someone saved first. */
const bumped = (r: { numUpdatedRows: bigint }) => r.numUpdatedRows === 1n;

export const planEditsRepository = {
  async updatePlan(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    p: {
      title: string;
      periodStart: string;
      periodEnd: string;
      ownerPersonId: string | null;
      reviewEveryWeeks: number;
    },
  ): Promise<boolean> {
    const r = await db
      .updateTable('plans')
      .set({
        title: p.title,
        period_start: p.periodStart,
        period_end: p.periodEnd,
        owner_person_id: p.ownerPersonId,
        review_every_weeks: p.reviewEveryWeeks,
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return bumped(r);
  },

  async updatePriority(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    p: { title: string; rationale: string; tags: string[]; ownerPersonId: string | null; status?: string },
  ): Promise<boolean> {
    const r = await db
      .updateTable('priorities')
      .set({
        title: p.title,
        rationale: p.rationale,
        tags: p.tags,
        owner_person_id: p.ownerPersonId,
        ...(p.status ? { status: p.status } : {}),
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return bumped(r);
  },

  findOutcome(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('outcomes')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  async updateOutcome(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    o: OutcomeFields,
  ): Promise<boolean> {
    const r = await db
      .updateTable('outcomes')
      .set({
        ...outcomeColumns(o),
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return bumped(r);
  },

  async updateAction(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    a: {
      description: string;
      ownerPersonId: string;
      startsOn: string;
      dueOn: string;
      resources: string;
      status: string;
    },
  ): Promise<boolean> {
    const r = await db
      .updateTable('plan_actions')
      .set({
        description: a.description,
        owner_person_id: a.ownerPersonId,
        starts_on: a.startsOn,
        due_on: a.dueOn,
        resources: a.resources,
        status: a.status,
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return bumped(r);
  },

  /** Only a check not yet recorded changes; a recorded one is left as it was. */
  async updatePlannedCheck(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    c: { dueOn: string; method: string; outcomeIds: string[]; ownerPersonId: string | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable('impact_checks')
      .set({
        due_on: c.dueOn,
        method: c.method,
        outcome_ids: c.outcomeIds,
        owner_person_id: c.ownerPersonId,
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('recorded_on', 'is', null)
      .executeTakeFirst();
    return bumped(r);
  },
};
