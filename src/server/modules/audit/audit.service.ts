import type { AuditEvent } from '../../../shared/contracts/audit';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { auditRepository } from './audit.repository';

type Change = { from: unknown; to: unknown };

/** Field-by-field before -> after for the fields that actually changed. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, Change> {
  const out: Record<string, Change> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to !== undefined && before[key] !== to) out[key] = { from: before[key], to };
  }
  return out;
}

/**
 * Records writes. Call `record` inside the same transaction as the write so a change and its
 * trail commit or roll back together.
 */
export const auditService = {
  async record(
    db: Db,
    actor: Actor,
    entry: {
      action: string;
      entityType: string;
      entityId: string;
      schoolId?: string | null;
      changes: object;
    },
  ): Promise<void> {
    await auditRepository.insert(db, {
      trustId: actor.trustId,
      actorPersonId: actor.via === 'system' ? null : actor.personId,
      schoolId: entry.schoolId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: entry.changes as Record<string, unknown>,
    });
  },

  async trail(db: Db, actor: Actor, entityType: string, entityId: string): Promise<AuditEvent[]> {
    const rows = await auditRepository.listForEntity(db, actor.trustId, entityType, entityId);
    // A school leader may read the trail of their own school's records only.
    const visible = rows.filter((r) =>
      can(actor, 'audit.read', { trustId: actor.trustId, schoolId: r.school_id }),
    );
    if (rows.length > 0 && visible.length === 0) throw forbidden();
    // An empty trail reads as "no such record" so ids from elsewhere reveal nothing.
    if (rows.length === 0) throw notFound('History for that record');
    return visible.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorName: r.actor_name,
      changes: (r.changes ?? {}) as Record<string, unknown>,
    }));
  },
};
