import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export const planSupportRepository = {
  listBarriers(db: Db, trustId: string, priorityId: string) {
    return db
      .selectFrom('barriers')
      .where('trust_id', '=', trustId)
      .where('priority_id', '=', priorityId)
      .selectAll()
      .execute();
  },

  async insertBarrier(
    db: Db,
    b: {
      trustId: string;
      priorityId: string;
      risk: string;
      likelihood: string;
      impact: string;
      warningSign: string;
      contingency: string;
      ownerPersonId: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('barriers')
      .values({
        trust_id: b.trustId,
        priority_id: b.priorityId,
        risk: b.risk,
        likelihood: b.likelihood,
        impact: b.impact,
        warning_sign: b.warningSign,
        contingency: b.contingency,
        owner_person_id: b.ownerPersonId,
      })
      .execute();
  },

  listSupport(db: Db, trustId: string, priorityId: string) {
    return db
      .selectFrom('support_records as s')
      .leftJoin('people as p', 'p.id', 's.provider_person_id')
      .leftJoin('people as r', 'r.id', 's.recipient_person_id')
      .where('s.trust_id', '=', trustId)
      .where('s.priority_id', '=', priorityId)
      .selectAll('s')
      .select(['p.name as provider_name', 'r.name as recipient_name'])
      .orderBy('s.started_on')
      .execute();
  },

  async insertSupport(
    db: Db,
    s: {
      trustId: string;
      priorityId: string;
      kind: string;
      providerPersonId: string | null;
      recipientPersonId: string | null;
      startedOn: string;
      sessionsHeld: number;
      notes: string;
    },
  ): Promise<void> {
    await db
      .insertInto('support_records')
      .values({
        trust_id: s.trustId,
        priority_id: s.priorityId,
        kind: s.kind,
        provider_person_id: s.providerPersonId,
        recipient_person_id: s.recipientPersonId,
        started_on: s.startedOn,
        sessions_held: s.sessionsHeld,
        notes: s.notes,
      })
      .execute();
  },

  listMeasures(db: Db, trustId: string, priorityId: string) {
    return db
      .selectFrom('fidelity_measures')
      .where('trust_id', '=', trustId)
      .where('priority_id', '=', priorityId)
      .selectAll()
      .execute();
  },

  findMeasure(db: Db, trustId: string, measureId: string) {
    return db
      .selectFrom('fidelity_measures')
      .where('trust_id', '=', trustId)
      .where('id', '=', measureId)
      .selectAll()
      .executeTakeFirst();
  },

  async insertMeasure(
    db: Db,
    m: { trustId: string; priorityId: string; name: string; unit: string; target: number | null },
  ): Promise<void> {
    await db
      .insertInto('fidelity_measures')
      .values({
        trust_id: m.trustId,
        priority_id: m.priorityId,
        name: m.name,
        unit: m.unit,
        target: m.target,
      })
      .execute();
  },

  listValues(db: Db, trustId: string, measureIds: readonly string[]) {
    if (!measureIds.length) return Promise.resolve([]);
    return db
      .selectFrom('fidelity_values')
      .where('trust_id', '=', trustId)
      .where('measure_id', 'in', measureIds)
      .selectAll()
      .orderBy('recorded_on')
      .execute();
  },

  async insertValue(
    db: Db,
    v: { trustId: string; measureId: string; recordedOn: string; value: number; note: string },
  ): Promise<void> {
    await db
      .insertInto('fidelity_values')
      .values({
        trust_id: v.trustId,
        measure_id: v.measureId,
        recorded_on: v.recordedOn,
        value: v.value,
        note: v.note,
      })
      .execute();
  },

  /** Per person: actions in the period (all and still open), priorities they own, checks they carry. */
  capacity(db: Db, trustId: string, from: string, to: string) {
    return db
      .selectFrom('people as p')
      .where('p.trust_id', '=', trustId)
      .where('p.status', '=', 'active')
      .select(['p.id', 'p.name'])
      .select((eb) => [
        eb
          .selectFrom('plan_actions as a')
          .whereRef('a.owner_person_id', '=', 'p.id')
          .where('a.starts_on', '<=', to)
          .where('a.due_on', '>=', from)
          .select(sql<number>`count(*)::int`.as('n'))
          .as('actions'),
        eb
          .selectFrom('plan_actions as a')
          .whereRef('a.owner_person_id', '=', 'p.id')
          .where('a.starts_on', '<=', to)
          .where('a.due_on', '>=', from)
          .where('a.status', 'in', ['not_started', 'in_progress'])
          .select(sql<number>`count(*)::int`.as('n'))
          .as('open_actions'),
        eb
          .selectFrom('priorities as pr')
          .whereRef('pr.owner_person_id', '=', 'p.id')
          .where('pr.status', '=', 'active')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('priorities_owned'),
        eb
          .selectFrom('impact_checks as c')
          .whereRef('c.owner_person_id', '=', 'p.id')
          .where('c.due_on', '>=', from)
          .where('c.due_on', '<=', to)
          .select(sql<number>`count(*)::int`.as('n'))
          .as('checks'),
      ])
      .orderBy('p.name')
      .execute();
  },
};
