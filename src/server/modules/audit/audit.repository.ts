import type { Db } from '../../platform/db/database';

export type AuditEntry = {
  trustId: string;
  schoolId?: string | null;
  actorPersonId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
};

export const auditRepository = {
  async insert(db: Db, e: AuditEntry): Promise<void> {
    await db
      .insertInto('audit_events')
      .values({
        trust_id: e.trustId,
        school_id: e.schoolId ?? null,
        actor_person_id: e.actorPersonId,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        changes: JSON.stringify(e.changes),
      })
      .execute();
  },

  listForEntity(db: Db, trustId: string, entityType: string, entityId: string) {
    return db
      .selectFrom('audit_events as a')
      .leftJoin('people as p', 'p.id', 'a.actor_person_id')
      .where('a.trust_id', '=', trustId)
      .where('a.entity_type', '=', entityType)
      .where('a.entity_id', '=', entityId)
      .select([
        'a.id',
        'a.at',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.changes',
        'a.school_id',
        'p.name as actor_name',
      ])
      .orderBy('a.at', 'desc')
      .limit(500)
      .execute();
  },
};
