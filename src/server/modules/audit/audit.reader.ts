import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { auditService } from './audit.service';

/** The read side of the audit trail, bound to the database for routes and the CLI. */
export function createAuditReader(db: Db) {
  return {
    trail: (actor: Actor, entityType: string, entityId: string) =>
      auditService.trail(db, actor, entityType, entityId),
  };
}
